import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  FEE_PAYMENT_METHOD_LABELS,
  FEE_PAYMENT_METHODS,
  type FeeEntryKind,
  type FeePaymentMethod,
  feeRules,
  formatMinor,
  GENERAL_CATEGORY,
  itemsAt,
  METHODS_WITH_REFERENCE,
  parseMajor,
} from '@sabt/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, isProblem, newUuid } from '../../../lib/api.ts';
import {
  type RecordFeeCharge,
  type RecordFees,
  recordFeesKey,
  recordFeesQuery,
} from '../../../lib/record-fees.ts';
import { feeRulesQuery } from '../api.ts';
import { shown } from '../lib.ts';
import { useFeeMessages } from '../messages.ts';
import { ReceiptButton } from '../receipt-button.tsx';
import { FeeResult } from './fee-result.tsx';

type EntryBody = {
  chargeId: string;
  kind: FeeEntryKind;
  amountMinor?: number;
  method?: FeePaymentMethod;
  externalReference?: string;
  payerName?: string;
  reason?: string;
  corrects?: string;
};

/** A write of the panel: one Idempotency-Key per form submission, so a retried click records once. */
function useFeeWrite<B>(recordId: string, path: string, onDone: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: B; key: string }) =>
      api<RecordFees>(`/records/${recordId}/fees/${path}`, { method: 'POST', body, idempotencyKey: key }),
    onSuccess: (fees) => {
      client.setQueryData(recordFeesKey(recordId), fees);
      onDone();
    },
  });
}

function ProblemAlert({ error }: { error: unknown }) {
  const { m } = useFeeMessages();
  if (!error) return null;
  const problem = isProblem(error) ? error.problem : null;
  return (
    <Alert color="red" title={m.record.problemTitle} role="alert">
      <Text size="sm">{problem?.title ?? String(error)}</Text>
      {problem?.errors?.map((e) => (
        <Text size="sm" key={`${e.path}:${e.key}`}>
          {e.message}
        </Text>
      ))}
    </Alert>
  );
}

/**
 * "Fees and payments" on the record screen: what the registration costs (itemised by the
 * calculator), the charges in force with their balances and ledgers, a payment taken, and the
 * head of office's refunds, waivers and corrections with a reason. Each ledger row keeps a place
 * for the receipt's print button.
 */
export function RecordFeesSection({ recordId, onChanged }: { recordId: string; onChanged?: () => void }) {
  const { m } = useFeeMessages();
  const r = m.record;
  const query = useQuery(recordFeesQuery(recordId));
  if (query.isError) {
    return (
      <Alert color="red" title={r.loadError}>
        <Button variant="light" onClick={() => void query.refetch()}>
          {m.calculator.retry}
        </Button>
      </Alert>
    );
  }
  const fees = query.data;
  if (!fees) return <Text c="dimmed">{r.loading}</Text>;
  return (
    <Stack gap="md" data-testid="record-fees">
      <Text size="sm" c="dimmed">
        {r.applicationDate(shown(fees.applicationDate))}
      </Text>
      {fees.proposed && (
        <Proposed
          fees={fees}
          asked={{ purpose: 'registration', service: null, calculation: fees.proposed.calculation }}
          onChanged={onChanged}
        />
      )}
      {fees.onRequest
        .filter((s) => s.chargeId === null && !s.settled && s.calculation)
        .map((s) => (
          <Proposed
            key={s.purpose}
            fees={fees}
            asked={{ purpose: s.purpose, service: s.service, calculation: s.calculation! }}
            onChanged={onChanged}
          />
        ))}
      {fees.charges.map((c) => (
        <Charge key={c.id} recordId={recordId} charge={c} may={fees.may} onChanged={onChanged} />
      ))}
    </Stack>
  );
}

type Calculation = NonNullable<RecordFees['proposed']>['calculation'];

/**
 * What a service costs before its charge is stored: the registration of a record not registered
 * yet, or a service asked for on a registered one (a repeat or new certificate, an extract, an
 * amendment); the clerk picks the applicant's category and records the charge.
 */
function Proposed({
  fees,
  asked,
  onChanged,
}: {
  fees: RecordFees;
  asked: { purpose: string; service: string | null; calculation: Calculation };
  onChanged?: (() => void) | undefined;
}) {
  const { m, lang, generalLabel, serviceLabel } = useFeeMessages();
  const r = m.record;
  const rules = useQuery(feeRulesQuery()).data;
  const [category, setCategory] = useState<string>(GENERAL_CATEGORY);
  const [key] = useState(newUuid);
  const write = useFeeWrite<{ purpose: string; service?: string; category: string }>(
    fees.recordId,
    'charges',
    () => onChanged?.(),
  );
  const free = asked.calculation.total.minor === 0 && !asked.calculation.consularTotal?.minor;
  if (free) return <Text data-testid="fees-nothing-due">{r.nothingDue}</Text>;
  const categories = rules
    ? itemsAt(feeRules(rules), 'category', fees.applicationDate).filter((x) => x.value.active)
    : [];
  return (
    <Paper withBorder p="md" data-testid="fee-proposed" data-purpose={asked.purpose}>
      <Stack gap="sm">
        <Text fw={600}>{asked.service ? r.dueFor(serviceLabel(asked.service as never)) : r.dueNow}</Text>
        <FeeResult fee={asked.calculation} />
        {fees.may.includes('charge') && (
          <Group align="flex-end">
            <Select
              label={r.category}
              data={[
                { value: GENERAL_CATEGORY, label: generalLabel },
                ...categories.map((c) => ({ value: c.key, label: c.value.labels[lang] })),
              ]}
              value={category}
              onChange={(v) => setCategory(v ?? GENERAL_CATEGORY)}
              allowDeselect={false}
            />
            <Button
              loading={write.isPending}
              onClick={() =>
                write.mutate({
                  body: {
                    purpose: asked.purpose,
                    ...(asked.service ? { service: asked.service } : {}),
                    category,
                  },
                  key: `${key}-${category}`,
                })
              }
            >
              {r.compute}
            </Button>
          </Group>
        )}
        <ProblemAlert error={write.error} />
      </Stack>
    </Paper>
  );
}

function Charge({
  recordId,
  charge,
  may,
  onChanged,
}: {
  recordId: string;
  charge: RecordFeeCharge;
  may: RecordFees['may'];
  onChanged?: (() => void) | undefined;
}) {
  const { m, serviceLabel } = useFeeMessages();
  const r = m.record;
  const b = charge.balance;
  const color = b.settled ? 'teal' : b.status === 'partly-paid' ? 'orange' : 'red';
  return (
    <Paper withBorder p="md" data-testid="fee-charge" data-status={b.status}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {r.purpose[charge.purpose]}: {serviceLabel(charge.service as never)}
          </Title>
          <Group gap="xs">
            {charge.spent && (
              <Badge color="gray" variant="light" data-testid="fee-spent">
                {charge.spent.certificateId ? r.spentCertificate : r.spentAmendment}
              </Badge>
            )}
            <Badge color={color} variant="light" data-testid="fee-status">
              {r.status[b.status]}
            </Badge>
          </Group>
        </Group>
        {charge.calculation && <FeeResult fee={charge.calculation} />}
        <Text fw={600} data-testid="fee-sums">
          {r.sums(
            formatMinor(b.somoni.due),
            formatMinor(b.somoni.paid - b.somoni.refunded),
            formatMinor(Math.max(0, b.somoni.outstanding)),
          )}
        </Text>
        <Ledger charge={charge} />
        {may.includes('payment') && b.somoni.outstanding > 0 && (
          <PaymentForm recordId={recordId} charge={charge} onChanged={onChanged} />
        )}
        {(may.includes('refund') || may.includes('waiver') || may.includes('correction')) && (
          <OtherEntryForm recordId={recordId} charge={charge} may={may} onChanged={onChanged} />
        )}
      </Stack>
    </Paper>
  );
}

function Ledger({ charge }: { charge: RecordFeeCharge }) {
  const { m, lang } = useFeeMessages();
  const r = m.record;
  if (charge.entries.length === 0) return <Text c="dimmed">{r.noEntries}</Text>;
  return (
    <Table.ScrollContainer minWidth={820} type="native">
      <Table className="sabt-table" verticalSpacing="xs" data-testid="fee-ledger">
        <Table.Caption className="sabt-visually-hidden">{r.ledger}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{r.cols.date}</Table.Th>
            <Table.Th>{r.cols.kind}</Table.Th>
            <Table.Th ta="right">{r.cols.amount}</Table.Th>
            <Table.Th>{r.cols.method}</Table.Th>
            <Table.Th>{r.cols.receipt}</Table.Th>
            <Table.Th>{r.cols.note}</Table.Th>
            <Table.Th>{r.cols.by}</Table.Th>
            <Table.Th>{r.cols.print}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {charge.entries.map((e) => (
            <Table.Tr key={e.id} data-kind={e.kind} data-entry={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{shown(e.businessDate)}</Table.Td>
              <Table.Td>
                {r.kind[e.kind]}
                {e.correctedBy && (
                  <Badge ml={6} size="xs" color="gray">
                    {r.corrected}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {e.kind === 'refund' ? '−' : ''}
                {formatMinor(e.amountMinor)} {e.currency === 'USD' ? m.calculator.usd : m.calculator.somoni}
              </Table.Td>
              <Table.Td>
                {e.method ? FEE_PAYMENT_METHOD_LABELS[e.method][lang] : '—'}
                {e.externalReference && (
                  <Text size="xs" c="dimmed">
                    {e.externalReference}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.receiptNumber ?? '—'}</Table.Td>
              <Table.Td>{e.payerName ?? e.reason ?? ''}</Table.Td>
              <Table.Td>{e.recordedBy}</Table.Td>
              <Table.Td data-slot="receipt">
                {e.receiptNumber ? <ReceiptButton entryId={e.id} receiptNumber={e.receiptNumber} /> : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PaymentForm({
  recordId,
  charge,
  onChanged,
}: {
  recordId: string;
  charge: RecordFeeCharge;
  onChanged?: (() => void) | undefined;
}) {
  const { m, lang } = useFeeMessages();
  const r = m.record;
  const outstanding = charge.balance.somoni.outstanding;
  const [method, setMethod] = useState<FeePaymentMethod>('cash');
  const [reference, setReference] = useState('');
  const [payer, setPayer] = useState('');
  const [amount, setAmount] = useState(formatMinor(outstanding));
  const [key, setKey] = useState(newUuid);
  const write = useFeeWrite<EntryBody>(recordId, 'entries', () => {
    notifications.show({ message: r.saved, color: 'teal' });
    setKey(newUuid());
    onChanged?.();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const minor = parseMajor(amount);
    write.mutate({
      key,
      body: {
        chargeId: charge.id,
        kind: 'payment',
        amountMinor: minor ?? -1,
        method,
        ...(reference.trim() ? { externalReference: reference.trim() } : {}),
        ...(payer.trim() ? { payerName: payer.trim() } : {}),
      },
    });
  };
  const errors = isProblem(write.error) ? write.error.fieldErrors : {};
  return (
    <form onSubmit={submit} aria-label={r.pay}>
      <Stack gap="xs">
        <Title order={4} size="h6">
          {r.pay}
        </Title>
        <Group align="flex-start" wrap="wrap">
          <Select
            label={r.payMethod}
            data={FEE_PAYMENT_METHODS.map((x) => ({ value: x, label: FEE_PAYMENT_METHOD_LABELS[x][lang] }))}
            value={method}
            onChange={(v) => setMethod((v as FeePaymentMethod) ?? 'cash')}
            allowDeselect={false}
          />
          {METHODS_WITH_REFERENCE.includes(method) && (
            <TextInput
              label={r.payReference}
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              error={errors.externalReference}
              required
            />
          )}
          <TextInput
            label={r.payer}
            value={payer}
            onChange={(e) => setPayer(e.currentTarget.value)}
            error={errors.payerName}
          />
          <TextInput
            label={r.amount}
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={errors.amountMinor}
            inputMode="decimal"
          />
        </Group>
        <Group>
          <Button type="submit" loading={write.isPending}>
            {r.record}
          </Button>
        </Group>
        {write.error && !Object.keys(errors).length ? <ProblemAlert error={write.error} /> : null}
      </Stack>
    </form>
  );
}

function OtherEntryForm({
  recordId,
  charge,
  may,
  onChanged,
}: {
  recordId: string;
  charge: RecordFeeCharge;
  may: RecordFees['may'];
  onChanged?: (() => void) | undefined;
}) {
  const { m } = useFeeMessages();
  const r = m.record;
  const kinds = (['refund', 'waiver', 'correction'] as const).filter((k) => may.includes(k));
  const [kind, setKind] = useState<(typeof kinds)[number]>(kinds[0] ?? 'refund');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [corrects, setCorrects] = useState<string | null>(null);
  const [key, setKey] = useState(newUuid);
  const write = useFeeWrite<EntryBody>(recordId, 'entries', () => {
    notifications.show({ message: r.saved, color: 'teal' });
    setKey(newUuid());
    setReason('');
    setAmount('');
    onChanged?.();
  });
  const undoable = charge.entries.filter((e) => e.kind !== 'correction' && !e.correctedBy);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: EntryBody = { chargeId: charge.id, kind, reason };
    if (kind === 'correction') {
      if (corrects) body.corrects = corrects;
    } else body.amountMinor = parseMajor(amount) ?? -1;
    if (kind === 'refund') body.method = 'cash';
    write.mutate({ key, body });
  };
  const errors = isProblem(write.error) ? write.error.fieldErrors : {};
  return (
    <form onSubmit={submit} aria-label={r.other}>
      <Stack gap="xs">
        <Title order={4} size="h6">
          {r.other}
        </Title>
        <Group align="flex-start" wrap="wrap">
          <Select
            label={r.otherKind}
            data={kinds.map((k) => ({ value: k, label: r.kind[k] ?? k }))}
            value={kind}
            onChange={(v) => setKind((v as typeof kind) ?? kinds[0])}
            allowDeselect={false}
          />
          {kind === 'correction' ? (
            <Select
              label={r.corrects}
              data={undoable.map((e) => ({
                value: e.id,
                label: `${r.kind[e.kind]} ${formatMinor(e.amountMinor)} ${e.receiptNumber ?? ''}`.trim(),
              }))}
              value={corrects}
              onChange={setCorrects}
              error={errors.corrects}
            />
          ) : (
            <TextInput
              label={r.amount}
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              error={errors.amountMinor}
              inputMode="decimal"
            />
          )}
          <TextInput
            label={r.reason}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            required
          />
        </Group>
        <Group>
          <Button type="submit" variant="light" loading={write.isPending}>
            {r.record}
          </Button>
        </Group>
        {write.error && !Object.keys(errors).length ? <ProblemAlert error={write.error} /> : null}
      </Stack>
    </form>
  );
}
