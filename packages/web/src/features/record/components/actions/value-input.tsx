import { Select, TextInput } from '@mantine/core';
import { ADMIN_UNITS } from '@sabt/core';
import { useMemo } from 'react';
import { DateInput } from '../../../../components/date-input.tsx';
import { useLabels } from '../../hooks/use-labels.ts';
import { valueLabel } from '../../labels/index.ts';
import type { SchemaField } from '../../labels/schema-fields.ts';
import { isUuid, parseDisplayDate } from '../../lib/data-paths.ts';
import type { RecordMessages } from '../../messages.ts';

/** A value as the editor shows it for typing: dates dd.mm.yyyy, booleans and codes as their keys. */
export function editableText(field: SchemaField, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if ((field.type === 'date' || field.type === 'partial-date') && typeof value === 'string') {
    const [y, mo, d] = value.split('-');
    return [d, mo, y].filter(Boolean).join('.');
  }
  return String(value);
}

/** The typed text as the value to store, or the message saying what is wrong. */
export function parseValue(
  field: SchemaField,
  text: string,
  m: RecordMessages,
): { ok: true; value: unknown } | { ok: false; error: string } {
  const s = text.trim();
  if (!s) return { ok: false, error: m.amendment.valueRequired };
  switch (field.type) {
    case 'date':
    case 'partial-date': {
      const iso = parseDisplayDate(s, field.type === 'partial-date');
      return iso
        ? { ok: true, value: iso }
        : {
            ok: false,
            error: field.type === 'date' ? m.amendment.dateInvalid : m.amendment.partialDateInvalid,
          };
    }
    case 'time':
      return /^([01]\d|2[0-3]):[0-5]\d$/.test(s)
        ? { ok: true, value: s }
        : { ok: false, error: m.amendment.timeInvalid };
    case 'integer':
      return /^-?\d+$/.test(s)
        ? { ok: true, value: Number(s) }
        : { ok: false, error: m.amendment.numberInvalid };
    case 'number': {
      const n = Number(s.replace(',', '.'));
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, error: m.amendment.numberInvalid };
    }
    case 'boolean':
      return { ok: true, value: s === 'true' };
    case 'country':
      return /^[A-Za-z]{2}$/.test(s)
        ? { ok: true, value: s.toUpperCase() }
        : { ok: false, error: m.amendment.countryInvalid };
    case 'record-id':
      return isUuid(s)
        ? { ok: true, value: s.toLowerCase() }
        : { ok: false, error: m.annul.duplicateOfInvalid };
    default:
      return { ok: true, value: s };
  }
}

interface Props {
  field: SchemaField;
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string | undefined;
  disabled?: boolean;
  description?: string;
}

/** The input that fits the field: a list for codes, districts and yes/no; text with a hint otherwise. */
export function ValueInput({ field, label, value, onChange, error, disabled, description }: Props) {
  const { m, lang } = useLabels();
  const units = useMemo(
    () =>
      [...ADMIN_UNITS]
        .map((u) => ({ value: u.code, label: u[lang] }))
        .sort((a, b) => a.label.localeCompare(b.label, lang)),
    [lang],
  );
  const common = { label, error, disabled, description, required: true, withAsterisk: false } as const;

  if (field.type === 'enum' || field.type === 'boolean' || field.type === 'unit') {
    const data =
      field.type === 'boolean'
        ? [
            { value: 'true', label: m.data.yes },
            { value: 'false', label: m.data.no },
          ]
        : field.type === 'unit'
          ? units
          : (field.options ?? []).map((o) => ({ value: o, label: valueLabel(field.path, o, lang) ?? o }));
    return (
      <Select
        {...common}
        data={data}
        value={value || null}
        onChange={(v) => onChange(v ?? '')}
        placeholder={m.amendment.choose}
        searchable={data.length > 8}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
    );
  }
  if (field.type === 'date' || field.type === 'partial-date') {
    const hint = field.type === 'date' ? m.amendment.dateHint : m.amendment.partialDateHint;
    return (
      <DateInput
        {...common}
        partial={field.type === 'partial-date'}
        value={value}
        onChange={onChange}
        placeholder={hint}
        description={description ?? hint}
      />
    );
  }
  const hint =
    field.type === 'time'
      ? m.amendment.timeHint
      : field.type === 'country'
        ? m.amendment.countryHint
        : undefined;
  return (
    <TextInput
      {...common}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      placeholder={hint}
      description={description ?? hint}
      inputMode={field.type === 'integer' || field.type === 'number' ? 'decimal' : undefined}
      maxLength={field.type === 'record-id' ? 36 : 1000}
      autoComplete="off"
    />
  );
}
