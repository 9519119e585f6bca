import { Alert, Button, CloseButton, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RecordRow } from '../../../../lib/records.ts';
import { recordQuery } from '../../../../lib/records.ts';
import type { FoundRecord, LookupField, RecordListField } from '../../lib/catalogue-types.ts';
import { fmt } from '../../messages.ts';
import { useForm, useMessages, useSelect, useValue } from '../form-context.tsx';
import { LookupDialog } from './lookup-dialog.tsx';
import { RecordRef } from './record-ref.tsx';

/** A link to an earlier record: find it by name, and what it says fills the form. */
export function LookupInput({ field, path }: { field: LookupField; path: string }) {
  const f = useForm();
  const client = useQueryClient();
  const { error, warning } = useMessages(path);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const id = f.idFor(path);
  const value = useValue(path);
  const linked = typeof value === 'string' && value !== '' ? value : undefined;
  const spec = field.lookup;
  const kind = useSelect((v) => (typeof spec.kind === 'function' ? spec.kind(v) : spec.kind));

  const choose = async (hit: RecordRow) => {
    setBusy(true);
    try {
      const { record } = await client.fetchQuery(recordQuery(hit.id));
      f.merge(spec.fill(record as FoundRecord, f.store.values));
      f.set(path, record.id);
      setNote({ ok: true, text: f.m.lookup.filled });
      setOpen(false);
    } catch (e) {
      setNote({ ok: false, text: fmt(f.m.lookup.failed, { reason: e instanceof Error ? e.message : '' }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      id={id}
      tabIndex={-1}
      aria-labelledby={`${id}-label`}
      aria-describedby={
        [field.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
      }
      style={error ? { borderColor: 'var(--mantine-color-red-7)' } : undefined}
    >
      <Stack gap={6}>
        <Text id={`${id}-label`} fw={600} size="sm">
          {f.label(field.label)}
        </Text>
        {field.hint && (
          <Text id={`${id}-hint`} size="sm" c="dimmed">
            {f.label(field.hint)}
          </Text>
        )}
        {linked ? <RecordRef id={linked} /> : <Text size="sm">{f.m.lookup.notChosen}</Text>}
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => setOpen(true)}>
            {linked ? f.m.lookup.change : f.m.lookup.find}
          </Button>
          {linked && (
            <Button size="xs" variant="subtle" color="gray" onClick={() => f.set(path, undefined)}>
              {f.m.lookup.unlink}
            </Button>
          )}
        </Group>
        {error && (
          <Text id={`${id}-error`} size="sm" c="red.8">
            {error}
          </Text>
        )}
        {warning && (
          <Text size="sm" c="orange.9">
            {warning}
          </Text>
        )}
        {note && (
          <Alert
            color={note.ok ? 'teal' : 'red'}
            p="xs"
            role="status"
            withCloseButton
            onClose={() => setNote(null)}
            closeButtonLabel={f.m.lookup.close}
          >
            {note.text}
          </Alert>
        )}
      </Stack>
      {open && (
        <LookupDialog
          opened={open}
          onClose={() => setOpen(false)}
          kind={kind}
          initial={spec.prefill?.(f.store.values) ?? {}}
          onChoose={(hit) => void choose(hit)}
          busy={busy}
        />
      )}
    </Paper>
  );
}

/** Several linked records of one kind (the children's birth records of a change of name). */
export function RecordListInput({ field, path }: { field: RecordListField; path: string }) {
  const f = useForm();
  const { error } = useMessages(path);
  const [open, setOpen] = useState(false);
  const id = f.idFor(path);
  const raw = useValue(path);
  const ids = Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
  return (
    <Paper withBorder p="sm" radius="sm" id={id} tabIndex={-1} aria-labelledby={`${id}-label`}>
      <Stack gap={6}>
        <Text id={`${id}-label`} fw={600} size="sm">
          {f.label(field.label)}
        </Text>
        {ids.length === 0 && <Text size="sm">{f.m.lookup.notChosen}</Text>}
        {ids.map((x, i) => (
          <Group key={x} gap="xs" wrap="nowrap" justify="space-between">
            <RecordRef id={x} />
            <CloseButton
              aria-label={`${f.m.input.remove}: ${i + 1}`}
              onClick={() =>
                f.set(
                  path,
                  ids.filter((y) => y !== x),
                )
              }
            />
          </Group>
        ))}
        {ids.length < field.max && (
          <Group>
            <Button size="xs" variant="light" onClick={() => setOpen(true)}>
              {f.m.lookup.add}
            </Button>
          </Group>
        )}
        {error && (
          <Text size="sm" c="red.8">
            {error}
          </Text>
        )}
      </Stack>
      {open && (
        <LookupDialog
          opened={open}
          onClose={() => setOpen(false)}
          kind={field.kind}
          initial={{}}
          busy={false}
          onChoose={(hit) => {
            if (!ids.includes(hit.id)) f.set(path, [...ids, hit.id]);
            setOpen(false);
          }}
        />
      )}
    </Paper>
  );
}
