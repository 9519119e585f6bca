import { TextInput } from '@mantine/core';
import { DateInput } from '../../../../components/date-input.tsx';
import { useLabels } from '../../hooks/use-labels.ts';

/** A basis document as typed: number, date (dd.mm.yyyy) and issuer, each optional. */
export interface BasisText {
  number: string;
  date: string;
  issuer: string;
}

/** The number, date and issuer of the document an action rests on (for a grid the dialog lays out). */
export function BasisFields({
  value,
  onChange,
  dateId,
  dateError,
  dateDescription,
  server,
}: {
  value: BasisText;
  onChange: (change: Partial<BasisText>) => void;
  dateId: string;
  /** The date as typed could not be read. */
  dateError?: string | undefined;
  dateDescription?: string | undefined;
  /** The server's field errors (`basis.number` …). */
  server: Record<string, string>;
}) {
  const { m, fieldLabel } = useLabels();
  const text = (key: 'number' | 'issuer', label: string, maxLength: number) => (
    <TextInput
      label={label}
      value={value[key]}
      onChange={(e) => onChange({ [key]: e.currentTarget.value })}
      maxLength={maxLength}
      error={server[`basis.${key}`]}
    />
  );
  return (
    <>
      {text('number', fieldLabel('basis.number'), 50)}
      <DateInput
        id={dateId}
        label={fieldLabel('basis.date')}
        placeholder={m.amendment.dateHint}
        description={dateDescription}
        value={value.date}
        onChange={(date) => onChange({ date })}
        error={dateError ?? server['basis.date']}
      />
      {text('issuer', fieldLabel('basis.issuer'), 200)}
    </>
  );
}

/** The parts of a basis document given (trimmed), with its date read already. */
export function basisParts(basis: BasisText, date: string | null | undefined) {
  return {
    ...(basis.number.trim() ? { number: basis.number.trim() } : {}),
    ...(date ? { date } : {}),
    ...(basis.issuer.trim() ? { issuer: basis.issuer.trim() } : {}),
  };
}
