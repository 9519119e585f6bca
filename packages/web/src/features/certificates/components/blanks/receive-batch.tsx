import { NativeSelect, SimpleGrid, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { BLANK_DOCUMENTS } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { FormPanel } from '../../../../components/form-panel.tsx';
import { batchesQuery, useReceiveBatch } from '../../api/blanks.ts';
import { useCertificateMessages } from '../../messages.ts';
import { ProblemAlert } from '../problem-alert.tsx';
import { MovementList, RangeInputs, rangeBody, useRangeForm } from './blank-range.tsx';

type Field = 'document' | 'series' | 'from' | 'to' | 'note';

/** The inputs in their order on screen: the problem's `errors[].path` names one of them. */
const FIELDS: readonly Field[] = ['document', 'series', 'from', 'to', 'note'];

/** The head of office receives a delivery of blanks: document, series, first and last number. */
export function ReceiveBatchForm({ office, ownOffice }: { office: string; ownOffice: boolean }) {
  const { m, documentLabel } = useCertificateMessages();
  const s = m.blanks.receive;
  const receive = useReceiveBatch();
  // Each field's own error: found here before sending, or the server's for that field.
  const { values, field, alertRef, checked, clearRange } = useRangeForm<Field>(
    'receive-batch',
    FIELDS,
    { document: BLANK_DOCUMENTS[0], series: '', from: '', to: '', note: '' },
    receive,
  );

  const submit = () => {
    if (!checked(s)) return;
    receive.mutate(
      { ...(ownOffice ? {} : { office }), ...rangeBody(values) },
      {
        onSuccess: (b) => {
          notifications.show({
            message: s.done(b.count, `${b.series} ${m.blanks.stock.range(b.from, b.to)}`),
            color: 'teal',
          });
          clearRange();
        },
      },
    );
  };

  return (
    <FormPanel
      id="receive-batch"
      title={s.title}
      onSubmit={submit}
      pending={receive.isPending}
      submitLabel={s.submit}
      alert={
        // What is not about one field (numbers already received, no right …): said above the button.
        <ProblemAlert
          ref={alertRef}
          error={receive.error}
          fieldLabels={{ series: s.series, from: s.from, to: s.to, document: s.document, note: s.note }}
          atFields={FIELDS}
        />
      }
    >
      <Text size="sm" c="dimmed">
        {s.intro}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <NativeSelect
          {...field('document')}
          label={s.document}
          data={BLANK_DOCUMENTS.map((d) => ({ value: d, label: documentLabel(d) }))}
        />
        <RangeInputs field={field} labels={s} />
      </SimpleGrid>
      <TextInput {...field('note')} label={s.note} description={s.noteHint} maxLength={500} />
    </FormPanel>
  );
}

/** The batches an office has received, newest first. */
export function BatchList({ office }: { office: string }) {
  const { m } = useCertificateMessages();
  const s = m.blanks;
  const batches = useQuery(batchesQuery(office));
  if (batches.isError) return <ProblemAlert error={batches.error} />;
  if (!batches.data) return null;
  return (
    <MovementList
      title={s.batches.title}
      empty={s.batches.empty}
      caption={s.batches.caption}
      rows={batches.data}
      minWidth={700}
      when={{
        header: s.batches.received,
        at: (b) => b.receivedAt,
        by: (b) => b.receivedByName ?? b.receivedBy,
      }}
    />
  );
}
