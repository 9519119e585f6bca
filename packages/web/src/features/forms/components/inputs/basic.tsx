import { Checkbox, NativeSelect, Text, Textarea, TextInput } from '@mantine/core';
import { t as coreT } from '@sabt/core';
import { useState } from 'react';
import { DateInput } from '../../../../components/date-input.tsx';
import { COUNTRIES, KNOWN_COUNTRY } from '../../catalogue/countries.ts';
import type {
  CheckboxField,
  CountryField,
  DateField,
  NumberField,
  PartialDateField,
  SelectField,
  TextField,
  TimeField,
  YesNoField,
} from '../../lib/catalogue-types.ts';
import { dateTextToValue, dateValueToText, maskTime, timeTextToValue } from '../../lib/date-text.ts';
import { fmt } from '../../messages.ts';
import { useForm, useMessages, useValue } from '../form-context.tsx';
import { inputProps, WithWarning } from './field-frame.tsx';

interface Props<F> {
  field: F;
  path: string;
}

const asText = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/**
 * What every input of a field shares: the form, its id and messages, the props of the input itself
 * (`base`), the marks of a required field (`required`) and `commit` (set the value, then mark the
 * field touched: for inputs that change in one step).
 */
function useFieldInput(field: Pick<TextField, 'label' | 'required'>, path: string) {
  const f = useForm();
  const { error, warning } = useMessages(path);
  const id = f.idFor(path);
  return {
    f,
    id,
    error,
    warning,
    base: { ...inputProps(id, warning), label: f.label(field.label), error },
    required: { withAsterisk: field.required, 'aria-required': field.required || undefined },
    commit: (value: unknown) => {
      f.set(path, value);
      f.touch(path);
    },
  };
}

/** The options of a native select, after the empty "choose" one. */
const withChoose = (f: ReturnType<typeof useForm>, options: { value: string; label: string }[]) => [
  { value: '', label: f.m.input.choose },
  ...options,
];

export function TextFieldInput({ field, path }: Props<TextField>) {
  const { f, id, warning, base, required } = useFieldInput(field, path);
  // Text longer than the field takes (pasted, mostly) is cut to its length, and the clerk is told
  // so in the API's own words: never cut silently, as the browser's maxlength would.
  const [cut, setCut] = useState(false);
  const max = field.maxLength;
  const change = (typed: string) => {
    const over = max !== undefined && typed.length > max;
    setCut(over);
    const v = over ? typed.slice(0, max) : typed;
    f.set(path, field.upper ? v.toUpperCase() : v);
  };
  const common = {
    ...base,
    ...required,
    description: field.hint ? f.label(field.hint) : undefined,
    value: asText(useValue(path)),
    onBlur: () => f.touch(path),
  };
  return (
    <WithWarning id={id} warning={warning}>
      {field.multiline ? (
        <Textarea {...common} autosize minRows={3} onChange={(e) => change(e.currentTarget.value)} />
      ) : (
        <TextInput {...common} onChange={(e) => change(e.currentTarget.value)} />
      )}
      {cut && max !== undefined && (
        <Text id={`${id}-cut`} role="alert" size="sm" c="orange.9" mt={4} data-text-cut>
          {`${coreT('error.tooLong', f.lang, { max })} ${fmt(f.m.input.cut, { max })}`}
        </Text>
      )}
    </WithWarning>
  );
}

/** dd.mm.yyyy typed without a picker; kept as YYYY-MM-DD (or YYYY-MM / YYYY where allowed). */
export function DateFieldInput({ field, path }: Props<DateField | PartialDateField>) {
  const { f, id, warning, base, required } = useFieldInput(field, path);
  const partial = field.type === 'partialDate';
  return (
    <WithWarning id={id} warning={warning}>
      <DateInput
        {...base}
        {...required}
        partial={partial}
        description={field.hint ? f.label(field.hint) : partial ? f.m.input.partialHint : undefined}
        placeholder={partial ? f.m.input.partialPlaceholder : f.m.input.datePlaceholder}
        value={dateValueToText(useValue(path))}
        onChange={(masked) => f.set(path, dateTextToValue(masked, partial))}
        onBlur={() => f.touch(path)}
      />
    </WithWarning>
  );
}

export function TimeFieldInput({ field, path }: Props<TimeField>) {
  const { f, id, warning, base } = useFieldInput(field, path);
  return (
    <WithWarning id={id} warning={warning}>
      <TextInput
        {...base}
        placeholder={f.m.input.timePlaceholder}
        inputMode="numeric"
        maxLength={5}
        value={asText(useValue(path))}
        onChange={(e) => f.set(path, timeTextToValue(maskTime(e.currentTarget.value)))}
        onBlur={() => f.touch(path)}
      />
    </WithWarning>
  );
}

export function SelectFieldInput({ field, path }: Props<SelectField>) {
  const { f, id, warning, base, required, commit } = useFieldInput(field, path);
  const value = asText(useValue(path)) || field.default || '';
  return (
    <WithWarning id={id} warning={warning}>
      <NativeSelect
        {...base}
        {...required}
        description={field.hint ? f.label(field.hint) : undefined}
        value={value}
        data={withChoose(
          f,
          field.options.map((o) => ({ value: o.value, label: f.label(o.label) })),
        )}
        onChange={(e) => commit(e.currentTarget.value || undefined)}
      />
    </WithWarning>
  );
}

export function CheckboxFieldInput({ field, path }: Props<CheckboxField>) {
  const { id, warning, base, commit } = useFieldInput(field, path);
  const v = useValue(path);
  return (
    <WithWarning id={id} warning={warning}>
      <Checkbox
        {...base}
        mt={{ base: 0, sm: 30 }}
        size="md"
        checked={typeof v === 'boolean' ? v : field.default}
        onChange={(e) => commit(e.currentTarget.checked)}
      />
    </WithWarning>
  );
}

export function YesNoFieldInput({ field, path }: Props<YesNoField>) {
  const { f, id, warning, base, required, commit } = useFieldInput(field, path);
  const v = useValue(path);
  return (
    <WithWarning id={id} warning={warning}>
      <NativeSelect
        {...base}
        {...required}
        value={v === true ? 'yes' : v === false ? 'no' : ''}
        data={withChoose(f, [
          { value: 'yes', label: f.m.input.yes },
          { value: 'no', label: f.m.input.no },
        ])}
        onChange={(e) => {
          const x = e.currentTarget.value;
          commit(x === 'yes' ? true : x === 'no' ? false : undefined);
        }}
      />
    </WithWarning>
  );
}

export function NumberFieldInput({ field, path }: Props<NumberField>) {
  const { f, id, warning, base, required } = useFieldInput(field, path);
  const v = useValue(path);
  const shown = v === undefined && field.default !== undefined ? String(field.default) : asText(v);
  return (
    <WithWarning id={id} warning={warning}>
      <TextInput
        {...base}
        {...required}
        inputMode={field.integer ? 'numeric' : 'decimal'}
        maxLength={8}
        value={shown}
        onChange={(e) => {
          let text = e.currentTarget.value.replace(',', '.');
          text = field.integer ? text.replace(/\D/g, '') : text.replace(/[^\d.]/g, '');
          f.set(path, /^\d+(\.\d+)?$/.test(text) ? Number(text) : text);
        }}
        onBlur={() => f.touch(path)}
      />
    </WithWarning>
  );
}

export function CountryFieldInput({ field, path }: Props<CountryField>) {
  const { f, id, warning, error, base, required, commit } = useFieldInput(field, path);
  const value = asText(useValue(path)) || field.default || '';
  const [other, setOther] = useState(value !== '' && !KNOWN_COUNTRY.has(value));
  const showOther = other || (value !== '' && !KNOWN_COUNTRY.has(value));
  return (
    <WithWarning id={id} warning={warning}>
      <NativeSelect
        {...base}
        {...required}
        error={showOther ? undefined : error}
        value={showOther ? '*' : value}
        data={withChoose(f, [
          ...COUNTRIES.map((c) => ({ value: c.code, label: c.name[f.lang] })),
          { value: '*', label: f.m.place.otherCountry },
        ])}
        onChange={(e) => {
          const x = e.currentTarget.value;
          setOther(x === '*');
          commit(x === '*' ? '' : x || undefined);
        }}
      />
      {showOther && (
        <TextInput
          id={`${id}-code`}
          mt="xs"
          autoComplete="off"
          label={f.m.place.countryCode}
          maxLength={2}
          error={error}
          value={value}
          onChange={(e) => f.set(path, e.currentTarget.value.toUpperCase().replace(/[^A-Z]/g, ''))}
          onBlur={() => f.touch(path)}
        />
      )}
    </WithWarning>
  );
}
