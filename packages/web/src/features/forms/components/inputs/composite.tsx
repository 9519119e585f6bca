import { Fieldset, NativeSelect, SimpleGrid, Text } from '@mantine/core';
import {
  ADMIN_UNITS,
  ID_DOCUMENT_TYPE_LABELS,
  ID_DOCUMENT_TYPES,
  type LocalizedText,
  REGIONS,
} from '@sabt/core';
import { type ReactNode, useState } from 'react';
import type {
  CourtField,
  DateField,
  DocumentField,
  PlaceField,
  SelectField,
  TextField,
} from '../../lib/catalogue-types.ts';
import { partLabel } from '../../lib/field-labels.ts';
import { type FormMessages, MESSAGES } from '../../messages.ts';
import { useForm, useMessages, useValue } from '../form-context.tsx';
import { CountryFieldInput, DateFieldInput, SelectFieldInput, TextFieldInput } from './basic.tsx';

/** A label in the three languages from the forms' own messages. */
const t3 = (pick: (m: FormMessages) => string): LocalizedText => ({
  tg: pick(MESSAGES.tg),
  ru: pick(MESSAGES.ru),
  en: pick(MESSAGES.en),
});

/** Errors about the whole group (e.g. "required"), under its legend. */
function GroupMessages({ path }: { path: string }) {
  const f = useForm();
  const { error, warning } = useMessages(path);
  if (!error && !warning) return null;
  return (
    <Text
      id={`${f.idFor(path)}-msg`}
      size="sm"
      c={error ? 'red.8' : 'orange.9'}
      mb="xs"
      role={error ? 'alert' : undefined}
    >
      {error ?? warning}
    </Text>
  );
}

function Group({
  path,
  label,
  required,
  children,
}: {
  path: string;
  label: string;
  required?: boolean | undefined;
  children: ReactNode;
}) {
  const f = useForm();
  const id = f.idFor(path);
  const { error } = useMessages(path);
  return (
    <Fieldset
      id={id}
      tabIndex={-1}
      variant="filled"
      radius="sm"
      p="sm"
      aria-describedby={error ? `${id}-msg` : undefined}
      aria-invalid={error ? true : undefined}
      legend={
        <Text component="span" fw={600} size="sm">
          {label}
          {required && (
            <Text component="span" c="red.8" aria-hidden="true">
              {' *'}
            </Text>
          )}
        </Text>
      }
      style={error ? { borderColor: 'var(--mantine-color-red-7)' } : undefined}
    >
      <GroupMessages path={path} />
      {children}
    </Fieldset>
  );
}

/** Country (Tajikistan by default) → region → district or city → settlement → address. */
export function PlaceInput({ field, path }: { field: PlaceField; path: string }) {
  const f = useForm();
  const country = String(useValue(`${path}.country`) ?? '') || 'TJ';
  const unit = String(useValue(`${path}.unit`) ?? '');
  const [region, setRegion] = useState(unit ? unit.slice(0, 2) : '');
  const shownRegion = unit ? unit.slice(0, 2) : region;
  const { error: unitError, warning: unitWarning } = useMessages(`${path}.unit`);
  const unitId = f.idFor(`${path}.unit`);
  const units = ADMIN_UNITS.filter((u) => !shownRegion || u.region === shownRegion);
  const unitData = shownRegion
    ? [{ value: '', label: f.m.input.choose }, ...units.map((u) => ({ value: u.code, label: u[f.lang] }))]
    : [
        { value: '', label: f.m.input.choose },
        ...REGIONS.map((r) => ({
          group: r[f.lang],
          items: ADMIN_UNITS.filter((u) => u.region === r.code).map((u) => ({
            value: u.code,
            label: u[f.lang],
          })),
        })),
      ];
  return (
    <Group path={path} label={f.label(field.label)} required={field.required}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
        <CountryFieldInput
          field={{ type: 'country', path: 'country', label: partLabel('place', 'country'), default: 'TJ' }}
          path={`${path}.country`}
        />
        {country === 'TJ' && (
          <NativeSelect
            id={f.idFor(`${path}.region`)}
            label={f.m.place.region}
            value={shownRegion}
            data={[
              { value: '', label: f.m.input.choose },
              ...REGIONS.map((r) => ({ value: r.code, label: r[f.lang] })),
            ]}
            onChange={(e) => {
              const r = e.currentTarget.value;
              setRegion(r);
              if (unit && unit.slice(0, 2) !== r) f.set(`${path}.unit`, undefined);
            }}
          />
        )}
        {country === 'TJ' && (
          <NativeSelect
            id={unitId}
            label={f.label(partLabel('place', 'unit'))}
            error={unitError}
            description={unitWarning}
            value={unit}
            data={unitData}
            onChange={(e) => {
              f.set(`${path}.unit`, e.currentTarget.value || undefined);
              f.touch(`${path}.unit`);
            }}
          />
        )}
        <TextFieldInput
          field={{
            type: 'text',
            path: 'settlement',
            label: partLabel('place', 'settlement'),
            hint: t3((m) => m.place.settlementHint),
            maxLength: 200,
          }}
          path={`${path}.settlement`}
        />
      </SimpleGrid>
      <TextFieldInput
        field={{
          type: 'text',
          path: 'address',
          label: partLabel('place', 'address'),
          hint: t3((m) => m.place.addressHint),
          maxLength: 1000,
        }}
        path={`${path}.address`}
      />
    </Group>
  );
}

const DOCUMENT_TYPES = ID_DOCUMENT_TYPES.map((value) => ({ value, label: ID_DOCUMENT_TYPE_LABELS[value] }));

/** A part of a composite value, drawn by the basic input of its type; its path is under the value's. */
type Part = TextField | DateField | SelectField;

const DOCUMENT_PARTS: Part[] = [
  {
    type: 'select',
    path: 'type',
    label: partLabel('document', 'type'),
    options: DOCUMENT_TYPES,
    required: true,
  },
  { type: 'text', path: 'series', label: partLabel('document', 'series'), maxLength: 10, upper: true },
  {
    type: 'text',
    path: 'number',
    label: partLabel('document', 'number'),
    maxLength: 20,
    upper: true,
    required: true,
  },
  { type: 'text', path: 'issuer', label: partLabel('document', 'issuer'), maxLength: 200 },
  { type: 'date', path: 'issueDate', label: partLabel('document', 'issueDate') },
];

const COURT_PARTS: Part[] = [
  { type: 'text', path: 'court', label: partLabel('court', 'court'), maxLength: 200, required: true },
  {
    type: 'text',
    path: 'caseNumber',
    label: partLabel('court', 'caseNumber'),
    maxLength: 50,
    required: true,
  },
  { type: 'date', path: 'date', label: partLabel('court', 'date'), required: true },
  { type: 'date', path: 'inForceDate', label: partLabel('court', 'inForceDate') },
];

/** A group of parts in a grid. */
function PartsInput({
  field,
  path,
  parts,
  cols,
}: {
  field: DocumentField | CourtField;
  path: string;
  parts: Part[];
  cols: { base: number; sm: number; lg?: number };
}) {
  const f = useForm();
  return (
    <Group path={path} label={f.label(field.label)} required={field.required}>
      <SimpleGrid cols={cols} spacing="sm" verticalSpacing="xs">
        {parts.map((part) => {
          const at = `${path}.${part.path}`;
          if (part.type === 'select') return <SelectFieldInput key={part.path} field={part} path={at} />;
          if (part.type === 'date') return <DateFieldInput key={part.path} field={part} path={at} />;
          return <TextFieldInput key={part.path} field={part} path={at} />;
        })}
      </SimpleGrid>
    </Group>
  );
}

/** An identity document. */
export function DocumentInput({ field, path }: { field: DocumentField; path: string }) {
  return <PartsInput field={field} path={path} parts={DOCUMENT_PARTS} cols={{ base: 1, sm: 2, lg: 3 }} />;
}

/** A court decision. */
export function CourtInput({ field, path }: { field: CourtField; path: string }) {
  return <PartsInput field={field} path={path} parts={COURT_PARTS} cols={{ base: 1, sm: 2 }} />;
}

export { Group as FieldGroup };
