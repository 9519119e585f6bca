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
  const { m } = useLabels();
  return (
    <>
      <TextInput
        label={m.amendment.basisNumber}
        value={value.number}
        onChange={(e) => onChange({ number: e.currentTarget.value })}
        maxLength={50}
        error={server['basis.number']}
      />
      <DateInput
        id={dateId}
        label={m.amendment.basisDate}
        placeholder={m.amendment.dateHint}
        description={dateDescription}
        value={value.date}
        onChange={(date) => onChange({ date })}
        error={dateError ?? server['basis.date']}
      />
      <TextInput
        label={m.amendment.basisIssuer}
        value={value.issuer}
        onChange={(e) => onChange({ issuer: e.currentTarget.value })}
        maxLength={200}
        error={server['basis.issuer']}
      />
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
