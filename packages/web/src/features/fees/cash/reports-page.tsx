import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import {
  addDays,
  FEE_SERVICE_DEFINITIONS,
  FEE_SERVICES,
  type FeeReportView,
  type FeeService,
  formatDate,
  formatMinor,
  mayCash,
  parseDottedDate,
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
import { feeReportQuery } from './api.ts';
import { useCashMessages } from './messages.ts';

type Row = FeeReportView['rows'][number];

/** `/fees/reports`: the fee report of an office (with those under it), a period and a service. */
export default function FeeReportsPage() {
  const { m, lang } = useCashMessages();
  const r = m.reports;
  usePageTitle(r.title);
  const me = useQuery(meQuery());
  const allowed = me.data
    ? mayCash('read-fee-reports', { role: me.data.role, officeKind: me.data.office.kind })
    : false;
  const today = todayIn(TIME_ZONE);
  const [from, setFrom] = useState(formatDate(addDays(today, -30)));
  const [to, setTo] = useState(formatDate(today));
  const [service, setService] = useState('');
  const [office, setOffice] = useState('');
  const [asked, setAsked] = useState<{ from: string; to: string; service?: string; office?: string } | null>(
    null,
  );
  const report = useQuery({ ...feeReportQuery(asked ?? { from: '', to: '' }), enabled: !!asked && allowed });

  if (me.data && !allowed) return <Alert color="gray">{m.notAllowed}</Alert>;
  const serviceLabel = (s: string) => FEE_SERVICE_DEFINITIONS[s as FeeService]?.labels[lang] ?? s;
  const amount = (pick: (x: Row) => number) => (x: Row) => formatMinor(pick(x));
  const columns: Column<Row>[] = [
    { header: m.office, cell: (x) => x.officeId, nowrap: true, rowHeader: true },
    { header: r.service, cell: (x) => serviceLabel(x.service) },
    { header: r.currency, cell: (x) => x.currency },
    { header: r.charges, cell: (x) => x.charges, right: true },
    { header: r.charged, cell: amount((x) => x.chargedMinor), right: true, nowrap: true },
    { header: r.paid, cell: amount((x) => x.paidMinor), right: true, nowrap: true },
    { header: r.refunded, cell: amount((x) => x.refundedMinor), right: true, nowrap: true },
    { header: r.waived, cell: amount((x) => x.waivedMinor), right: true, nowrap: true },
    { header: r.outstanding, cell: amount((x) => x.outstandingMinor), right: true, nowrap: true, fw: 600 },
  ];
  const fromIso = parseDottedDate(from);
  const toIso = parseDottedDate(to);
  const rows: Row[] = report.data
    ? [...report.data.rows, ...report.data.totals.map((t) => ({ ...t, officeId: r.total, service: '' }))]
    : [];

  return (
    <Stack gap="lg">
      <Heading title={r.title} intro={r.intro} />
      <Group align="flex-end" wrap="wrap">
        <DateInput label={r.from} description={m.dateHint} value={from} onChange={setFrom} w={150} />
        <DateInput label={r.to} description={m.dateHint} value={to} onChange={setTo} w={150} />
        <NativeSelect
          label={r.service}
          value={service}
          onChange={(e) => setService(e.currentTarget.value)}
          data={[
            { value: '', label: r.allServices },
            ...FEE_SERVICES.map((s) => ({ value: s, label: serviceLabel(s) })),
          ]}
          w={320}
        />
        <TextInput
          label={m.office}
          description={m.officeHint}
          value={office}
          onChange={(e) => setOffice(e.currentTarget.value.trim())}
          w={160}
        />
        <Button
          disabled={!fromIso || !toIso}
          onClick={() =>
            setAsked({
              from: fromIso!,
              to: toIso!,
              ...(service ? { service } : {}),
              ...(office ? { office } : {}),
            })
          }
        >
          {m.show}
        </Button>
      </Group>
      <ProblemAlert error={report.error} text={m.alert} />
      {report.data &&
        (report.data.rows.length ? (
          <DataTable
            columns={columns}
            rows={rows}
            rowKey={(x) => `${x.officeId}|${x.service}|${x.currency}`}
            minWidth={1000}
            caption={r.title}
          />
        ) : (
          <Text>{r.empty}</Text>
        ))}
    </Stack>
  );
}
