import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { BLANK_DOCUMENTS, type DocumentKind } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { isProblem } from '../../../../lib/api.ts';
import { formatInstant } from '../../../../lib/dates.ts';
import { batchesQuery, useReceiveBatch } from '../../api/blanks.ts';
import { useCertificateMessages } from '../../messages.ts';
import { ProblemAlert } from '../problem-alert.tsx';

type Field = 'document' | 'series' | 'from' | 'to' | 'note';
type Errors = Partial<Record<Field, string>>;

/** The inputs in their order on screen: the problem's `errors[].path` names one of them. */
const FIELDS: readonly Field[] = ['document', 'series', 'from', 'to', 'note'];
const inputId = (k: Field) => `receive-batch-${k}`;
const focusField = (k: Field) => document.getElementById(inputId(k))?.focus();

/** What can be said before asking the server: the series and both numbers given, numbers in digits, in order. */
export function checkBatch(
  values: Record<'series' | 'from' | 'to', string>,
  s: { required: string; digitsOnly: string; reversed: string },
): Errors {
  const found: Errors = {};
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

/** The head of office receives a delivery of blanks: document, series, first and last number. */
export function ReceiveBatchForm({ office, ownOffice }: { office: string; ownOffice: boolean }) {
  const { m, documentLabel } = useCertificateMessages();
  const s = m.blanks.receive;
  const receive = useReceiveBatch();
  const [document, setDocument] = useState<DocumentKind>(BLANK_DOCUMENTS[0]);
  const [values, setValues] = useState<Record<'series' | 'from' | 'to' | 'note', string>>({
    series: '',
    from: '',
    to: '',
    note: '',
  });
  // Each field's own error: found here before sending, or the server's for that field.
  const [errors, setErrors] = useState<Errors>({});
  const alertRef = useRef<HTMLDivElement>(null);

  // The server's answer: each field error under its own input, the first wrong field focused (its
  // message is read with it); a problem that is no field's goes to the alert, which gets the focus.
  useEffect(() => {
    if (!receive.error) return;
    const server = isProblem(receive.error) ? receive.error.fieldErrors : {};
    const found: Errors = {};
    for (const k of FIELDS) if (server[k]) found[k] = server[k];
    setErrors(found);
    const first = FIELDS.find((k) => found[k]);
    if (first) focusField(first);
    else alertRef.current?.focus();
  }, [receive.error]);

  const set = (k: 'series' | 'from' | 'to' | 'note', v: string) => {
    setValues((x) => ({ ...x, [k]: v }));
    setErrors((x) => ({ ...x, [k]: undefined }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (receive.isPending) return;
    const found = checkBatch(values, s);
    setErrors(found);
    const first = FIELDS.find((k) => found[k]);
    if (first) {
      focusField(first);
      return;
    }
    receive.mutate(
      {
        ...(ownOffice ? {} : { office }),
        document,
        series: values.series.trim(),
        from: values.from.trim(),
        to: values.to.trim(),
        ...(values.note.trim() ? { note: values.note.trim() } : {}),
      },
      {
        onSuccess: (b) => {
          notifications.show({
            message: s.done(b.count, `${b.series} ${m.blanks.stock.range(b.from, b.to)}`),
            color: 'teal',
          });
          setValues({ series: values.series, from: '', to: '', note: '' });
        },
      },
    );
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby="receive-batch-title">
        <Stack gap="sm">
          <Title order={3} size="h4" id="receive-batch-title">
            {s.title}
          </Title>
          <Text size="sm" c="dimmed">
            {s.intro}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <NativeSelect
              id={inputId('document')}
              label={s.document}
              value={document}
              onChange={(e) => {
                setDocument(e.currentTarget.value as DocumentKind);
                setErrors((x) => ({ ...x, document: undefined }));
              }}
              data={BLANK_DOCUMENTS.map((d) => ({ value: d, label: documentLabel(d) }))}
              error={errors.document}
            />
            <TextInput
              id={inputId('series')}
              label={s.series}
              description={s.seriesHint}
              value={values.series}
              onChange={(e) => set('series', e.currentTarget.value)}
              error={errors.series}
              required
              withAsterisk
              maxLength={20}
            />
            <TextInput
              id={inputId('from')}
              label={s.from}
              description={s.numberHint}
              value={values.from}
              onChange={(e) => set('from', e.currentTarget.value)}
              error={errors.from}
              required
              withAsterisk
              inputMode="numeric"
              maxLength={12}
            />
            <TextInput
              id={inputId('to')}
              label={s.to}
              description={s.numberHint}
              value={values.to}
              onChange={(e) => set('to', e.currentTarget.value)}
              error={errors.to}
              required
              withAsterisk
              inputMode="numeric"
              maxLength={12}
            />
          </SimpleGrid>
          <TextInput
            id={inputId('note')}
            label={s.note}
            description={s.noteHint}
            value={values.note}
            onChange={(e) => set('note', e.currentTarget.value)}
            error={errors.note}
            maxLength={500}
          />
          {/* What is not about one field (numbers already received, no right …): said above the button. */}
          <ProblemAlert
            ref={alertRef}
            error={receive.error}
            fieldLabels={{ series: s.series, from: s.from, to: s.to, document: s.document, note: s.note }}
            atFields={FIELDS}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={receive.isPending}>
              {s.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The batches an office has received, newest first. */
export function BatchList({ office }: { office: string }) {
  const { m, documentLabel } = useCertificateMessages();
  const s = m.blanks;
  const batches = useQuery(batchesQuery(office));
  if (batches.isError) return <ProblemAlert error={batches.error} />;
  if (!batches.data) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {s.batches.title}
      </Title>
      {batches.data.length === 0 ? (
        <Text c="dimmed">{s.batches.empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={700} type="native">
          <Table verticalSpacing="xs" className="sabt-table">
            <Table.Caption className="sabt-visually-hidden">{s.batches.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{s.batches.received}</Table.Th>
                <Table.Th>{s.stock.document}</Table.Th>
                <Table.Th>{s.list.series}</Table.Th>
                <Table.Th>{s.batches.range}</Table.Th>
                <Table.Th ta="right">{s.batches.count}</Table.Th>
                <Table.Th>{s.batches.note}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batches.data.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatInstant(b.receivedAt)}
                    <Text size="xs" c="dimmed">
                      {b.receivedByName ?? b.receivedBy}
                    </Text>
                  </Table.Td>
                  <Table.Td>{documentLabel(b.document)}</Table.Td>
                  <Table.Td>{b.series}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.stock.range(b.from, b.to)}</Table.Td>
                  <Table.Td ta="right">{b.count}</Table.Td>
                  <Table.Td>{b.note ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
