import { Alert, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import {
  type CashDayView,
  type CashFiguresView,
  type CashReportView,
  formatDate,
  formatMinor,
  mayCash,
  parseDottedDate,
  parseMajor,
  todayIn,
} from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { DateInput } from '../../../components/date-input.tsx';
import { Heading } from '../../../components/heading.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { meQuery } from '../../../lib/auth.ts';
import { TIME_ZONE } from '../../../lib/dates.ts';
import { usePageTitle } from '../../../lib/page-title.ts';
import { cashDayQuery, useCashWrites } from './api.ts';
import { useCashMessages } from './messages.ts';

type Part = CashDayView['office'];

/**
 * `/fees/cash`: the day's cash report of an office and of each clerk (as prepared and as the ledger
 * gives it now); a clerk prepares their report and hands cash in, the head of office signs the
 * others' reports (core CASH_MATRIX decides who sees which button; the server decides again).
 */
export default function CashPage() {
  const { m } = useCashMessages();
  const c = m.cash;
  usePageTitle(c.title);
  const me = useQuery(meQuery());
  const who = me.data ? { role: me.data.role, officeKind: me.data.office.kind } : null;
  const [typed, setTyped] = useState(formatDate(todayIn(TIME_ZONE)));
  const date = parseDottedDate(typed);
  const [shown, setShown] = useState(todayIn(TIME_ZONE));
  const allowed = who ? mayCash('read-cash-reports', who) : false;
  const day = useQuery({ ...cashDayQuery(shown), enabled: allowed });
  const writes = useCashWrites();
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const error = writes.prepare.error ?? writes.handIn.error ?? writes.sign.error;
  const reset = () => {
    writes.prepare.reset();
    writes.handIn.reset();
    writes.sign.reset();
    setDone(null);
  };

  if (me.data && !allowed) return <Alert color="gray">{m.notAllowed}</Alert>;

  const status = (r: CashReportView | null) => {
    if (!r) return <Text size="sm">{c.notPrepared}</Text>;
    if (r.signedBy) return <Badge color="teal">{c.signed(r.signedBy.fullName)}</Badge>;
    if (r.stale) return <Badge color="orange">{c.stale}</Badge>;
    return <Badge color="blue">{c.prepared}</Badge>;
  };
  const money = (pick: (f: CashFiguresView) => number) => (p: Part) =>
    formatMinor(pick(p.report && !p.report.stale ? p.report.figures : p.live));
  const maySign = (p: Part) =>
    !!who &&
    mayCash('sign-cash-report', who) &&
    !!p.report &&
    !p.report.signedBy &&
    !p.report.stale &&
    p.report.preparedBy.id !== me.data?.id &&
    p.clerk?.id !== me.data?.id;

  const columns: Column<Part>[] = [
    { header: c.who, cell: (p) => p.clerk?.fullName ?? c.officeRow, rowHeader: true },
    { header: c.opening, cell: money((f) => f.openingMinor), right: true, nowrap: true },
    { header: c.received, cell: money((f) => f.receivedMinor), right: true, nowrap: true },
    { header: c.refunded, cell: money((f) => f.refundedMinor), right: true, nowrap: true },
    { header: c.corrections, cell: money((f) => f.correctionsMinor), right: true, nowrap: true },
    { header: c.handedIn, cell: money((f) => f.handedInMinor), right: true, nowrap: true },
    { header: c.closing, cell: money((f) => f.closingMinor), right: true, nowrap: true, fw: 600 },
    { header: c.terminal, cell: money((f) => f.terminalMinor), right: true, nowrap: true },
    { header: c.transfer, cell: money((f) => f.transferMinor), right: true, nowrap: true },
    { header: c.status, cell: (p) => status(p.report) },
    {
      header: '',
      cell: (p) =>
        maySign(p) ? (
          <Button
            size="xs"
            loading={writes.sign.isPending}
            onClick={() => {
              reset();
              writes.sign.mutate(p.report!.id, { onSuccess: () => setDone(c.signDone) });
            }}
          >
            {c.sign}
          </Button>
        ) : null,
    },
  ];

  const mayPrepare = who ? mayCash('prepare-cash-report', who) : false;
  const ownOffice = day.data?.officeId === me.data?.office.id;
  const rows = day.data ? [...day.data.clerks, day.data.office] : [];
  const amountMinor = parseMajor(amount.replace(/\s/g, ''));

  return (
    <Stack gap="lg">
      <Heading title={c.title} intro={c.intro} />
      <Group align="flex-end">
        <DateInput label={m.date} description={m.dateHint} value={typed} onChange={setTyped} w={160} />
        <Button
          variant="default"
          disabled={!date}
          onClick={() => {
            reset();
            if (date) setShown(date);
          }}
        >
          {m.show}
        </Button>
      </Group>
      {day.isPending && allowed && <Text>{m.loading}</Text>}
      <ProblemAlert error={day.error ?? error} text={m.alert} />
      {done && (
        <Alert color="teal" role="status">
          {done}
        </Alert>
      )}
      {day.data && (
        <DataTable
          caption={c.caption}
          columns={columns}
          rows={rows}
          rowKey={(p) => p.clerk?.id ?? 'office'}
          rowProps={(p) => ({ 'data-clerk': p.clerk?.login ?? 'office' })}
          minWidth={1100}
        />
      )}
      {day.data && mayPrepare && ownOffice && (
        <Stack gap="sm" maw={640}>
          <TextInput label={c.reason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Group>
            <Button
              loading={writes.prepare.isPending}
              onClick={() => {
                reset();
                writes.prepare.mutate(
                  { date: shown, scope: 'clerk', ...(reason.trim() ? { reason: reason.trim() } : {}) },
                  { onSuccess: () => setDone(c.preparedDone) },
                );
              }}
            >
              {c.prepareMine}
            </Button>
            <Button
              variant="default"
              loading={writes.prepare.isPending}
              onClick={() => {
                reset();
                writes.prepare.mutate(
                  { date: shown, scope: 'office', ...(reason.trim() ? { reason: reason.trim() } : {}) },
                  { onSuccess: () => setDone(c.preparedDone) },
                );
              }}
            >
              {c.prepareOffice}
            </Button>
          </Group>
          <Group align="flex-end">
            <TextInput
              label={c.amount}
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              error={amount && amountMinor === null ? c.amountWrong : undefined}
              inputMode="decimal"
              w={200}
            />
            <Button
              variant="default"
              disabled={!amountMinor}
              loading={writes.handIn.isPending}
              onClick={() => {
                reset();
                writes.handIn.mutate(
                  { date: shown, amountMinor: amountMinor! },
                  {
                    onSuccess: () => {
                      setAmount('');
                      setDone(c.handInDone);
                    },
                  },
                );
              }}
            >
              {c.handIn}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
