import { Stack, Text, TextInput, Title } from '@mantine/core';
import type { Batch, DocumentKind } from '@sabt/core';
import { type RefObject, useEffect, useRef } from 'react';
import { type Column, DataTable } from '../../../../components/data-table.tsx';
import { useFormFields } from '../../../../components/form-panel.tsx';
import { isProblem, newUuid } from '../../../../lib/api.ts';
import { formatInstant } from '../../../../lib/dates.ts';
import { useCertificateMessages } from '../../messages.ts';

/**
 * What the forms that name a range of blanks share (receiving a batch, handing blanks over below):
 * the form's state (useRangeForm), the check before sending, the body sent, the series and number
 * inputs, the server's field errors put under their inputs, and the list of the movements made.
 */

type RangeField = 'series' | 'from' | 'to';
type FieldsOf<K extends string> = ReturnType<typeof useFormFields<K>>;

/** What can be said before asking the server: the series and both numbers given, numbers in digits, in order. */
export function checkBatch(
  values: Record<RangeField, string>,
  s: { required: string; digitsOnly: string; reversed: string },
): Partial<Record<RangeField, string>> {
  const found: Partial<Record<RangeField, string>> = {};
  for (const k of ['series', 'from', 'to'] as const) {
    if (!values[k].trim()) found[k] = s.required;
  }
  for (const k of ['from', 'to'] as const) {
    if (!found[k] && !/^\d+$/.test(values[k].trim())) found[k] = s.digitsOnly;
  }
  if (!found.from && !found.to && Number(values.to.trim()) < Number(values.from.trim()))
    found.to = s.reversed;
  return found;
}

/** The range as sent: the document, the series and numbers as typed (trimmed), the note if any. */
export function rangeBody(values: Record<RangeField | 'document' | 'note', string>) {
  return {
    document: values.document as DocumentKind,
    series: values.series.trim(),
    from: values.from.trim(),
    to: values.to.trim(),
    ...(values.note.trim() ? { note: values.note.trim() } : {}),
  };
}

/**
 * A range form's state: its fields (useFormFields), the alert that gets the focus for a problem that
 * is no field's, the server's field errors put under their inputs, and an Idempotency-Key for the
 * send as typed. Once the user changes the input, what the server said about the last send no longer
 * holds (the alert goes; each field's own mark goes as that field is typed in) and a send is a new one.
 */
export function useRangeForm<K extends string>(
  id: string,
  fields: readonly K[],
  initial: Record<K, string> & Record<RangeField | 'document' | 'note', string>,
  send: { error: unknown; reset: () => void },
) {
  const form = useFormFields<K>(id, initial);
  const alertRef = useRef<HTMLDivElement>(null);
  const key = useRef(newUuid());
  const { reset } = send;
  // biome-ignore lint/correctness/useExhaustiveDependencies: on a change of the values only
  useEffect(() => {
    key.current = newUuid();
    reset();
  }, [form.values]);
  useServerFieldErrors(send.error, fields, form.showErrors, alertRef);
  const { values, setValues, showErrors } = form;
  return {
    ...form,
    alertRef,
    idempotencyKey: () => key.current,
    /** Checks the range before sending; false (the errors shown) when something must be corrected. */
    checked: (s: Parameters<typeof checkBatch>[1]) =>
      !showErrors(checkBatch(values as Record<RangeField, string>, s) as Partial<Record<K, string>>, fields),
    /** After a send the server took: the range and the note emptied for the next one. */
    clearRange: () => setValues({ ...values, from: '', to: '', note: '' }),
  };
}

/**
 * The server's answer to a send: each field error under its own input, the first wrong field
 * focused (its message is read with it); a problem that is no field's goes to the alert, which
 * gets the focus.
 */
export function useServerFieldErrors<K extends string>(
  error: unknown,
  order: readonly K[],
  showErrors: FieldsOf<K>['showErrors'],
  alertRef: RefObject<HTMLDivElement | null>,
) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: on a new answer only
  useEffect(() => {
    if (!error) return;
    const server = isProblem(error) ? error.fieldErrors : {};
    const found: Partial<Record<K, string>> = {};
    for (const k of order) if (server[k]) found[k] = server[k];
    if (!showErrors(found, order)) alertRef.current?.focus();
  }, [error]);
}

/** The series and the first and last number of a range (in the grid the form puts them in). */
export function RangeInputs({
  field,
  labels,
}: {
  field: (k: RangeField) => ReturnType<FieldsOf<RangeField>['field']>;
  labels: Record<RangeField, string>;
}) {
  const { m } = useCertificateMessages();
  const r = m.blanks.receive;
  return (
    <>
      <TextInput
        {...field('series')}
        label={labels.series}
        description={r.seriesHint}
        required
        withAsterisk
        maxLength={20}
      />
      {(['from', 'to'] as const).map((k) => (
        <TextInput
          key={k}
          {...field(k)}
          label={labels[k]}
          description={r.numberHint}
          required
          withAsterisk
          inputMode="numeric"
          maxLength={12}
        />
      ))}
    </>
  );
}

type Movement = Pick<Batch, 'id' | 'document' | 'series' | 'from' | 'to' | 'count' | 'note'>;

/**
 * The movements of an office's blanks, newest first: when and by whom, the offices the list names
 * (`offices`), then the document, series, range, count and note.
 */
export function MovementList<T extends Movement>({
  title,
  empty,
  caption,
  rows,
  minWidth,
  when,
  offices = [],
}: {
  title: string;
  empty: string;
  caption: string;
  rows: readonly T[];
  minWidth: number;
  when: { header: string; at: (row: T) => string; by: (row: T) => string | null };
  offices?: Column<T>[];
}) {
  const { m, documentLabel } = useCertificateMessages();
  const s = m.blanks;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <DataTable
          minWidth={minWidth}
          caption={caption}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              header: when.header,
              nowrap: true,
              cell: (r) => (
                <>
                  {formatInstant(when.at(r))}
                  <Text size="xs" c="dimmed">
                    {when.by(r)}
                  </Text>
                </>
              ),
            },
            ...offices,
            { header: s.stock.document, cell: (r) => documentLabel(r.document) },
            { header: s.list.series, cell: (r) => r.series },
            { header: s.batches.range, nowrap: true, cell: (r) => s.stock.range(r.from, r.to) },
            { header: s.batches.count, right: true, cell: (r) => r.count },
            { header: s.batches.note, cell: (r) => r.note ?? '' },
          ]}
        />
      )}
    </Stack>
  );
}
