import { Alert, Anchor, Button, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import {
  formatDate,
  formatMinor,
  MATCH_RESULTS,
  type MatchResult,
  mayCash,
  type StatementSummaryView,
  type StatementView,
} from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { Heading } from '../../../components/heading.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { meQuery } from '../../../lib/auth.ts';
import { usePageTitle } from '../../../lib/page-title.ts';
import { statementQuery, statementsQuery, useImportStatement } from './api.ts';
import { useCashMessages } from './messages.ts';

type Line = StatementView['lines'][number];
type Missing = StatementView['missing'][number];

/**
 * `/fees/statements`: a bank statement (CSV) uploaded and matched to the bank-transfer payments;
 * its lines by result (matched, amount differs, unknown reference, duplicate, matched before) and
 * the payments of its period no statement confirmed; the statements imported before.
 */
export default function StatementsPage() {
  const { m } = useCashMessages();
  const s = m.statements;
  usePageTitle(s.title);
  const me = useQuery(meQuery());
  const who = me.data ? { role: me.data.role, officeKind: me.data.office.kind } : null;
  const allowed = who ? mayCash('read-bank-statements', who) : false;
  const mayImport = who ? mayCash('import-bank-statement', who) : false;
  const list = useQuery({ ...statementsQuery(), enabled: allowed });
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportStatement();
  const [openId, setOpenId] = useState<string | null>(null);
  const opened = useQuery({ ...statementQuery(openId ?? ''), enabled: !!openId });
  const [again, setAgain] = useState(false);

  if (me.data && !allowed) return <Alert color="gray">{m.notAllowed}</Alert>;
  const shown = opened.data ?? null;

  const lineColumns: Column<Line>[] = [
    { header: s.line, cell: (l) => l.line, right: true, rowHeader: true },
    { header: s.valueDate, cell: (l) => formatDate(l.valueDate), nowrap: true },
    { header: s.reference, cell: (l) => l.reference, nowrap: true },
    {
      header: s.amount,
      cell: (l) => `${formatMinor(l.amountMinor)} ${l.currency}`,
      right: true,
      nowrap: true,
    },
    {
      header: s.expected,
      cell: (l) => (l.expectedMinor === null ? '' : formatMinor(l.expectedMinor)),
      right: true,
      nowrap: true,
    },
    { header: s.payer, cell: (l) => l.payer ?? '' },
  ];
  const missingColumns: Column<Missing>[] = [
    { header: s.reference, cell: (p) => p.reference, rowHeader: true, nowrap: true },
    { header: s.valueDate, cell: (p) => formatDate(p.businessDate), nowrap: true },
    {
      header: s.amount,
      cell: (p) => `${formatMinor(p.amountMinor)} ${p.currency}`,
      right: true,
      nowrap: true,
    },
    { header: s.receipt, cell: (p) => p.receiptNumber ?? '', nowrap: true },
  ];
  const listColumns: Column<StatementSummaryView>[] = [
    {
      header: s.period,
      cell: (x) => (
        <Anchor component="button" type="button" onClick={() => setOpenId(x.id)}>
          {formatDate(x.periodFrom)} – {formatDate(x.periodTo)}
        </Anchor>
      ),
      rowHeader: true,
      nowrap: true,
    },
    { header: s.file, cell: (x) => x.fileName ?? '' },
    { header: s.lines, cell: (x) => x.lineCount, right: true },
    ...MATCH_RESULTS.map(
      (r): Column<StatementSummaryView> => ({
        header: s.results[r],
        cell: (x) => x.counts[r] ?? 0,
        right: true,
      }),
    ),
    { header: s.importedBy, cell: (x) => x.importedBy.fullName },
  ];

  const byResult = (r: MatchResult) => shown?.lines.filter((l) => l.result === r) ?? [];

  return (
    <Stack gap="lg">
      <Heading title={s.title} intro={s.intro} />
      {mayImport && (
        <Stack gap="xs" maw={640}>
          <Group align="flex-end">
            <FileInput
              label={s.file}
              accept=".csv,text/csv"
              value={file}
              onChange={(f) => {
                setFile(f);
                upload.reset();
              }}
              w={360}
              clearable
            />
            <Button
              disabled={!file}
              loading={upload.isPending}
              onClick={() =>
                file &&
                upload.mutate(file, {
                  onSuccess: (st) => {
                    setAgain(list.data?.some((x) => x.id === st.id) ?? false);
                    setOpenId(st.id);
                  },
                })
              }
            >
              {s.upload}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {s.format}
          </Text>
        </Stack>
      )}
      <ProblemAlert error={upload.error ?? list.error ?? opened.error} text={m.alert} />
      {shown && (
        <Stack gap="md" data-statement={shown.id}>
          <Alert color="teal" role="status">
            {again && upload.isSuccess ? s.again : s.imported(shown.lineCount)} {formatDate(shown.periodFrom)}{' '}
            – {formatDate(shown.periodTo)}
          </Alert>
          {MATCH_RESULTS.map((r) => {
            const rows = byResult(r);
            if (!rows.length) return null;
            return (
              <Stack gap={4} key={r}>
                <Title order={2} size="h4" id={`result-${r}`}>
                  {s.results[r]} ({rows.length})
                </Title>
                <DataTable
                  aria-labelledby={`result-${r}`}
                  columns={lineColumns}
                  rows={rows}
                  rowKey={(l) => l.line}
                  minWidth={720}
                  rowProps={(l) => ({ 'data-result': l.result })}
                />
              </Stack>
            );
          })}
          <Stack gap={4}>
            <Title order={2} size="h4" id="missing">
              {s.missing} ({shown.missing.length})
            </Title>
            <Text size="sm" c="dimmed">
              {s.missingIntro}
            </Text>
            {shown.missing.length ? (
              <DataTable
                aria-labelledby="missing"
                columns={missingColumns}
                rows={shown.missing}
                rowKey={(p) => p.id}
                minWidth={560}
                rowProps={() => ({ 'data-result': 'missing' })}
              />
            ) : (
              <Text size="sm">{s.none}</Text>
            )}
          </Stack>
        </Stack>
      )}
      {list.data && list.data.length > 0 && (
        <Stack gap={4}>
          <Title order={2} size="h4" id="earlier">
            {s.earlier}
          </Title>
          <DataTable
            aria-labelledby="earlier"
            columns={listColumns}
            rows={list.data}
            rowKey={(x) => x.id}
            minWidth={900}
          />
        </Stack>
      )}
    </Stack>
  );
}
