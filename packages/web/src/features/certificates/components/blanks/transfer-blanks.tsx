import { NativeSelect, SimpleGrid, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { BLANK_DOCUMENTS } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { FormPanel } from '../../../../components/form-panel.tsx';
import type { Office } from '../../../../lib/offices.ts';
import { type Transfer, transfersQuery, useTransferBlanks } from '../../api/blanks.ts';
import { useCertificateMessages } from '../../messages.ts';
import { ProblemAlert } from '../problem-alert.tsx';
import { MovementList, RangeInputs, rangeBody, useRangeForm } from './blank-range.tsx';

type Field = 'toOffice' | 'document' | 'series' | 'from' | 'to' | 'note';
const FIELDS: readonly Field[] = ['toOffice', 'document', 'series', 'from', 'to', 'note'];

/**
 * The head of a district office hands unused blanks over to a jamoat or mobile office under it:
 * the office, the document, the series and the range. One Idempotency-Key per hand-over as typed,
 * so a repeated send moves nothing twice.
 */
export function TransferForm({
  office,
  ownOffice,
  below,
}: {
  office: string;
  ownOffice: boolean;
  /** The offices under this one that keep blanks. */
  below: readonly Office[];
}) {
  const { m, lang, documentLabel } = useCertificateMessages();
  const s = m.blanks.transfer;
  const transfer = useTransferBlanks();
  const { values, field, alertRef, idempotencyKey, checked, clearRange } = useRangeForm<Field>(
    'transfer-blanks',
    FIELDS,
    { toOffice: below[0]?.id ?? '', document: BLANK_DOCUMENTS[0], series: '', from: '', to: '', note: '' },
    transfer,
  );

  if (below.length === 0) return <Text c="dimmed">{s.none}</Text>;
  const nameOf = (id: string) => below.find((o) => o.id === id)?.name[lang] ?? id;

  const submit = () => {
    if (!checked(m.blanks.receive)) return;
    transfer.mutate(
      {
        ...(ownOffice ? {} : { office }),
        toOffice: values.toOffice,
        ...rangeBody(values),
        idempotencyKey: idempotencyKey(),
      },
      {
        onSuccess: (t) => {
          notifications.show({
            message: s.done(
              t.count,
              `${t.series} ${m.blanks.stock.range(t.from, t.to)}`,
              nameOf(t.toOffice.id),
            ),
            color: 'teal',
          });
          clearRange();
        },
      },
    );
  };

  return (
    <FormPanel
      id="transfer-blanks"
      title={s.title}
      onSubmit={submit}
      pending={transfer.isPending}
      submitLabel={s.submit}
      alert={
        <ProblemAlert
          ref={alertRef}
          error={transfer.error}
          fieldLabels={{
            toOffice: s.toOffice,
            document: s.document,
            series: s.series,
            from: s.from,
            to: s.to,
            note: s.note,
          }}
          atFields={FIELDS}
        />
      }
    >
      <Text size="sm" c="dimmed">
        {s.intro}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          {...field('toOffice')}
          label={s.toOffice}
          data={below.map((o) => ({ value: o.id, label: o.name[lang] }))}
        />
        <NativeSelect
          {...field('document')}
          label={s.document}
          data={BLANK_DOCUMENTS.map((d) => ({ value: d, label: documentLabel(d) }))}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <RangeInputs field={field} labels={s} />
      </SimpleGrid>
      <TextInput {...field('note')} label={s.note} description={s.noteHint} maxLength={500} />
    </FormPanel>
  );
}

/** The blanks an office handed over to offices below it and received from above, newest first. */
export function TransferList({ office }: { office: string }) {
  const { m, lang } = useCertificateMessages();
  const s = m.blanks;
  const transfers = useQuery(transfersQuery(office));
  if (transfers.isError) return <ProblemAlert error={transfers.error} />;
  if (!transfers.data) return null;
  const name = (o: Transfer['fromOffice']) =>
    lang === 'ru' ? o.nameRu : lang === 'en' ? o.nameEn : o.nameTg;
  return (
    <MovementList
      title={s.transfer.listTitle}
      empty={s.transfer.empty}
      caption={s.transfer.caption}
      rows={transfers.data}
      minWidth={760}
      when={{
        header: s.transfer.when,
        at: (t) => t.transferredAt,
        by: (t) => t.transferredByName ?? t.transferredBy,
      }}
      offices={[
        { header: s.transfer.fromOffice, cell: (t) => name(t.fromOffice) },
        { header: s.transfer.toOffice, cell: (t) => name(t.toOffice) },
      ]}
    />
  );
}
