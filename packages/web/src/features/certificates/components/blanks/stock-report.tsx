import { Stack, Text, Title } from '@mantine/core';
import { DataTable } from '../../../../components/data-table.tsx';
import { BLANK_STATUSES, type StockReport as Report } from '../../api/blanks.ts';
import { useCertificateMessages } from '../../messages.ts';

type Row = Report['documents'][number];

/**
 * Per document, in the official order the server gives: how many blanks in each status, written
 * off in all, received from the office above and handed over below, and the ranges of numbers as
 * they lie in the stock.
 */
export function StockReport({ report }: { report: Report }) {
  const { m, documentLabel } = useCertificateMessages();
  const s = m.blanks;
  if (report.documents.length === 0) return <Text c="dimmed">{s.stock.empty}</Text>;
  return (
    <Stack gap="lg">
      <DataTable
        minWidth={1100}
        withTableBorder
        caption={s.stock.caption}
        rows={report.documents}
        rowKey={(d) => d.document}
        columns={[
          { header: s.stock.document, rowHeader: true, fw: 600, cell: (d) => documentLabel(d.document) },
          ...BLANK_STATUSES.map((st) => ({
            // a confirmed write-off is spoiled, lost or written off for another reason: each its own column
            header: st === 'WRITTEN_OFF' ? s.stock.writtenOffOther : s.statuses[st],
            right: true,
            fw: st === 'IN_STOCK' ? 700 : undefined,
            cell: (d: Row) => d.counts[st],
          })),
          { header: s.stock.writtenOff, right: true, fw: 600, cell: (d) => d.writtenOff },
          { header: s.stock.receivedByTransfer, right: true, cell: (d) => d.receivedByTransfer },
          { header: s.stock.transferredOut, right: true, cell: (d) => d.transferredOut },
          { header: s.stock.total, right: true, cell: (d) => d.total },
        ]}
      />

      <Stack gap="xs">
        <Title order={3} size="h4" id="stock-ranges-title">
          {s.stock.ranges}
        </Title>
        <DataTable
          minWidth={600}
          aria-labelledby="stock-ranges-title"
          rows={report.documents.flatMap((d) => d.ranges.map((r) => ({ ...r, document: d.document })))}
          rowKey={(r) => `${r.document}:${r.series}:${r.from}:${r.status}`}
          columns={[
            { header: s.stock.document, cell: (r) => documentLabel(r.document) },
            { header: s.list.series, cell: (r) => r.series },
            { header: s.batches.range, nowrap: true, cell: (r) => s.stock.range(r.from, r.to) },
            { header: s.list.status, cell: (r) => s.statuses[r.status] },
            { header: s.batches.count, right: true, cell: (r) => r.count },
          ]}
        />
      </Stack>
    </Stack>
  );
}
