import { Alert, Button, Checkbox, Fieldset, Group, Paper, Select, SimpleGrid, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useReason } from '../../../../components/reason-field.tsx';
import { useActKinds } from '../../../../lib/act-kinds.ts';
import { isProblem } from '../../../../lib/api.ts';
import { useRecordWrite } from '../../api/record.ts';
import { useLabels } from '../../hooks/use-labels.ts';
import { segmentLabel } from '../../labels/index.ts';
import { schemaFields } from '../../labels/schema-fields.ts';
import { getAt, type Json, parseDisplayDate, setAt } from '../../lib/data-paths.ts';
import { ActionDialog, type RecordActionProps } from './action-dialog.tsx';
import { BasisFields, basisParts } from './basis-fields.tsx';
import { RequiredReason } from './reason-field.tsx';
import { editableText, parseValue, ValueInput } from './value-input.tsx';

export const BASIS_TYPES = [
  'APPLICATION',
  'COURT_DECISION',
  'GUARDIANSHIP_DECISION',
  'CONCLUSION',
  'OTHER_DOCUMENT',
];

interface Row {
  id: number;
  path: string | null;
  text: string;
  clear: boolean;
}

interface RowErrors {
  field?: string;
  value?: string;
}

let nextRowId = 1;
const newRow = (): Row => ({ id: nextRowId++, path: null, text: '', clear: false });

/**
 * Asks for a correction of a registered record: which fields (from the label catalogue) get which
 * new values, why, and on which document. The registrar approves or rejects it later.
 */
export function AmendmentDialog({ record, etag, onClose, onDone, onReload }: RecordActionProps) {
  const { m, lang, pathLabel, fieldLabel, value: show } = useLabels();
  const { data: kinds } = useActKinds();
  const write = useRecordWrite(record.id, etag);
  const data = record.data ?? {};

  const fields = useMemo(() => {
    const schema = kinds?.find((k) => k.code === record.kind)?.jsonSchema;
    return schemaFields(schema);
  }, [kinds, record.kind]);
  const byPath = useMemo(() => new Map(fields.map((f) => [f.path.join('.'), f])), [fields]);
  const options = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const f of fields) {
      const section = segmentLabel(record.kind, f.path.slice(0, 1), lang);
      const list = groups.get(section) ?? [];
      list.push({ value: f.path.join('.'), label: pathLabel(record.kind, f.path) });
      groups.set(section, list);
    }
    return [...groups].map(([group, items]) => ({ group, items }));
  }, [fields, record.kind, lang, pathLabel]);

  const [rows, setRows] = useState<Row[]>(() => [newRow()]);
  const [rowErrors, setRowErrors] = useState<Record<number, RowErrors>>({});
  const reason = useReason();
  const [basis, setBasis] = useState({ type: 'APPLICATION', number: '', date: '', issuer: '' });
  const [errors, setErrors] = useState<{ reason?: string; basisDate?: string }>({});

  const update = (id: number, change: Partial<Row>) => {
    setRows((rs) => rs.map((r) => (r.id === id ? { ...r, ...change } : r)));
    setRowErrors((e) => ({ ...e, [id]: {} }));
  };

  const chooseField = (id: number, path: string | null) => {
    const field = path ? byPath.get(path) : undefined;
    update(id, { path, clear: false, text: field ? editableText(field, getAt(data, field.path)) : '' });
  };

  const send = () => {
    const found: Record<number, RowErrors> = {};
    let patch: Json = {};
    const seen = new Set<string>();
    for (const row of rows) {
      const field = row.path ? byPath.get(row.path) : undefined;
      if (!row.path || !field) {
        found[row.id] = { field: m.amendment.fieldRequired };
        continue;
      }
      if (seen.has(row.path)) {
        found[row.id] = { field: m.amendment.fieldTwice };
        continue;
      }
      seen.add(row.path);
      const current = getAt(data, field.path);
      if (row.clear) {
        patch = setAt(patch, field.path, null);
        continue;
      }
      const parsed = parseValue(field, row.text, m);
      if (!parsed.ok) {
        found[row.id] = { value: parsed.error };
        continue;
      }
      if (JSON.stringify(parsed.value) === JSON.stringify(current)) {
        found[row.id] = { value: m.amendment.unchanged };
        continue;
      }
      patch = setAt(patch, field.path, parsed.value);
    }
    const other: typeof errors = {};
    if (!reason.value.trim()) other.reason = m.confirm.reasonRequired;
    const basisDate = basis.date.trim() ? parseDisplayDate(basis.date) : undefined;
    if (basisDate === null) other.basisDate = m.amendment.dateInvalid;
    setRowErrors(found);
    setErrors(other);
    reason.setError(other.reason ?? null);
    if (Object.keys(found).length > 0) {
      document
        .getElementById(`amend-row-${Object.keys(found)[0]}`)
        ?.querySelector('input')
        ?.focus();
      return;
    }
    if (other.reason) {
      reason.ref.current?.focus();
      return;
    }
    if (other.basisDate) {
      document.getElementById('amend-basis-date')?.focus();
      return;
    }
    write.mutate(
      {
        path: '/amendments',
        body: {
          patch,
          reason: reason.value.trim(),
          basis: { type: basis.type, ...basisParts(basis, basisDate) },
        },
      },
      { onSuccess: () => onDone('request-amendment') },
    );
  };

  const server = isProblem(write.error) ? write.error.fieldErrors : {};
  const fieldLabels = {
    reason: m.amendment.reason,
    patch: m.amendment.changes,
    'basis.type': fieldLabel('basis.type'),
    'basis.number': fieldLabel('basis.number'),
    'basis.date': fieldLabel('basis.date'),
    'basis.issuer': fieldLabel('basis.issuer'),
  };

  return (
    <ActionDialog
      onClose={onClose}
      title={m.amendment.title}
      intro={m.amendment.intro}
      confirmLabel={m.amendment.send}
      write={write}
      kind={record.kind}
      fieldLabels={fieldLabels}
      onSubmit={send}
      onReload={onReload}
      size="xl"
    >
      {fields.length === 0 ? (
        <Alert color="yellow">{m.amendment.schemaMissing}</Alert>
      ) : (
        <Fieldset legend={m.amendment.changes} variant="unstyled">
          <Stack gap="sm">
            {rows.map((row, i) => {
              const field = row.path ? byPath.get(row.path) : undefined;
              const current = field ? getAt(data, field.path) : undefined;
              const err = rowErrors[row.id] ?? {};
              const serverError = field ? server[`data.${field.path.join('.')}`] : undefined;
              return (
                <Paper
                  key={row.id}
                  id={`amend-row-${row.id}`}
                  withBorder
                  p="sm"
                  radius="sm"
                  role="group"
                  aria-label={m.amendment.row(i + 1)}
                >
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    <Select
                      label={m.amendment.field}
                      placeholder={m.amendment.fieldSearch}
                      data={options}
                      value={row.path}
                      onChange={(v) => chooseField(row.id, v)}
                      searchable
                      openOnFocus={false}
                      nothingFoundMessage="—"
                      maxDropdownHeight={320}
                      error={err.field}
                      required
                      withAsterisk
                      data-autofocus={i === 0 ? true : undefined}
                      comboboxProps={{ withinPortal: true }}
                    />
                    {field ? (
                      <Stack gap={4}>
                        <ValueInput
                          field={field}
                          label={m.amendment.newValue}
                          value={row.text}
                          onChange={(text) => update(row.id, { text })}
                          error={err.value ?? serverError}
                          disabled={row.clear}
                          description={`${m.amendment.current}: ${show(field.path, current)}`}
                        />
                        {!field.required && current !== undefined && (
                          <Checkbox
                            label={m.amendment.clear}
                            checked={row.clear}
                            onChange={(e) => update(row.id, { clear: e.currentTarget.checked })}
                          />
                        )}
                      </Stack>
                    ) : (
                      <div />
                    )}
                  </SimpleGrid>
                  {rows.length > 1 && (
                    <Group justify="flex-end" mt="xs">
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        onClick={() => setRows((rs) => rs.filter((r) => r.id !== row.id))}
                      >
                        {m.amendment.removeRow(i + 1)}
                      </Button>
                    </Group>
                  )}
                </Paper>
              );
            })}
            <Group>
              <Button variant="light" size="xs" onClick={() => setRows((rs) => [...rs, newRow()])}>
                + {m.amendment.addField}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
      )}
      <RequiredReason reason={reason} label={m.amendment.reason} serverError={server.reason} />
      <Fieldset legend={m.amendment.basis}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={fieldLabel('basis.type')}
            data={BASIS_TYPES.map((t) => ({ value: t, label: show(['basis', 'type'], t) }))}
            value={basis.type}
            onChange={(v) => setBasis((b) => ({ ...b, type: v ?? 'APPLICATION' }))}
            allowDeselect={false}
            required
            comboboxProps={{ withinPortal: true }}
          />
          <BasisFields
            value={basis}
            onChange={(change) => {
              setBasis((b) => ({ ...b, ...change }));
              if ('date' in change) setErrors((x) => ({ ...x, basisDate: undefined }));
            }}
            dateId="amend-basis-date"
            dateError={errors.basisDate}
            dateDescription={m.amendment.dateHint}
            server={server}
          />
        </SimpleGrid>
      </Fieldset>
    </ActionDialog>
  );
}
