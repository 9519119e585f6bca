import { Box, Button, CloseButton, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import type { Field, GroupField, ListField, Values } from '../lib/catalogue-types.ts';
import { join } from '../lib/paths.ts';
import { fmt } from '../messages.ts';
import { useForm, useMessages, useValue, useWhen } from './form-context.tsx';
import {
  CheckboxFieldInput,
  CountryFieldInput,
  DateFieldInput,
  NumberFieldInput,
  SelectFieldInput,
  TextFieldInput,
  TimeFieldInput,
  YesNoFieldInput,
} from './inputs/basic.tsx';
import { CourtInput, DocumentInput, FieldGroup, PlaceInput } from './inputs/composite.tsx';
import { LookupInput, RecordListInput } from './inputs/lookup-input.tsx';

/** Composite inputs and wide fields take the whole row of the grid. */
export const isWide = (f: Field) =>
  f.wide || ['place', 'document', 'court', 'list', 'group', 'recordList'].includes(f.type);

/** One field of the catalogue, at `prefix` (list rows). */
export function FieldView({ field, prefix = '' }: { field: Field; prefix?: string }) {
  const path = join(prefix, field.path);
  switch (field.type) {
    case 'text':
      return <TextFieldInput field={field} path={path} />;
    case 'date':
    case 'partialDate':
      return <DateFieldInput field={field} path={path} />;
    case 'time':
      return <TimeFieldInput field={field} path={path} />;
    case 'select':
      return <SelectFieldInput field={field} path={path} />;
    case 'checkbox':
      return <CheckboxFieldInput field={field} path={path} />;
    case 'yesno':
      return <YesNoFieldInput field={field} path={path} />;
    case 'number':
      return <NumberFieldInput field={field} path={path} />;
    case 'country':
      return <CountryFieldInput field={field} path={path} />;
    case 'place':
      return <PlaceInput field={field} path={path} />;
    case 'document':
      return <DocumentInput field={field} path={path} />;
    case 'court':
      return <CourtInput field={field} path={path} />;
    case 'lookup':
      return <LookupInput field={field} path={path} />;
    case 'recordList':
      return <RecordListInput field={field} path={path} />;
    case 'list':
      return <ListInput field={field} path={path} />;
    case 'group':
      return <GroupInput field={field} />;
  }
}

/** Fields laid out in a grid: three columns on a wide screen, two at 768 px, one on a phone. */
export function FieldGrid({ fields, prefix = '' }: { fields: Field[]; prefix?: string }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
      {fields.map((f) => (
        <FieldSlot key={f.path} field={f} prefix={prefix} />
      ))}
    </SimpleGrid>
  );
}

/** A field in its grid cell, while it applies. */
const FieldSlot = memo(function FieldSlot({ field, prefix }: { field: Field; prefix: string }) {
  if (!useWhen(field.when)) return null;
  return (
    <Box style={isWide(field) ? { gridColumn: '1 / -1' } : undefined}>
      <FieldView field={field} prefix={prefix} />
    </Box>
  );
});

function GroupInput({ field }: { field: GroupField }) {
  const f = useForm();
  return (
    <FieldGroup path={field.path} label={f.label(field.label)} required={field.required}>
      <FieldGrid fields={field.fields} />
    </FieldGroup>
  );
}

/** A row's fields, with the defaults of a new row at that position (line a, b, c …). */
function withRowDefaults(field: ListField, i: number): Field[] {
  const defaults = field.newItem?.(i) ?? {};
  return field.item.map((x) =>
    x.type === 'select' && typeof defaults[x.path] === 'string'
      ? { ...x, default: defaults[x.path] as string }
      : x,
  );
}

/** Repeated rows (the lines of a cause of death). */
function ListInput({ field, path }: { field: ListField; path: string }) {
  const f = useForm();
  const { error } = useMessages(path);
  const raw = useValue(path);
  const rows: Values[] = Array.isArray(raw) && raw.length > 0 ? (raw as Values[]) : [{}];
  const id = f.idFor(path);
  const label = f.label(field.label);
  const write = (next: Values[]) => f.set(path, next);
  return (
    <Stack gap="xs" id={id} tabIndex={-1} role="group" aria-label={label}>
      <Text fw={600} size="sm">
        {label}
        {field.required && (
          <Text component="span" c="red.8" aria-hidden="true">
            {' *'}
          </Text>
        )}
      </Text>
      {error && (
        <Text size="sm" c="red.8">
          {error}
        </Text>
      )}
      {rows.map((_, i) => {
        const rowLabel = fmt(f.m.input.row, { label: f.label(field.itemLabel), n: i + 1 });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
          <Paper key={i} withBorder p="sm" radius="sm" role="group" aria-label={rowLabel}>
            <Group justify="space-between" mb={4}>
              <Text size="sm" c="dimmed">
                {rowLabel}
              </Text>
              {rows.length > 1 && (
                <CloseButton
                  aria-label={`${f.m.input.remove}: ${rowLabel}`}
                  onClick={() => write(rows.filter((__, j) => j !== i))}
                />
              )}
            </Group>
            <FieldGrid fields={withRowDefaults(field, i)} prefix={`${path}.${i}`} />
          </Paper>
        );
      })}
      {rows.length < field.max && (
        <Group>
          <Button size="xs" variant="light" onClick={() => write([...rows, {}])}>
            {f.label(field.addLabel)}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
