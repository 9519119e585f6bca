import { Stack, Table, Text, Title } from '@mantine/core';
import { BLANK_STATUSES, type StockReport as Report } from '../../api/blanks.ts';
import { useCertificateMessages } from '../../messages.ts';

/** Per document: how many blanks in each status, and the ranges of numbers as they lie in the stock. */
export function StockReport({ report }: { report: Report }) {
  const { m, documentLabel } = useCertificateMessages();
  const s = m.blanks;
  if (report.documents.length === 0) return <Text c="dimmed">{s.stock.empty}</Text>;
  return (
    <Stack gap="lg">
      <Table.ScrollContainer minWidth={760} type="native">
        <Table verticalSpacing="xs" className="sabt-table" withTableBorder>
          <Table.Caption className="sabt-visually-hidden">{s.stock.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{s.stock.document}</Table.Th>
              {BLANK_STATUSES.map((st) => (
                <Table.Th key={st} ta="right">
                  {s.statuses[st]}
                </Table.Th>
              ))}
              <Table.Th ta="right">{s.stock.total}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.documents.map((d) => (
              <Table.Tr key={d.document}>
                <Table.Th scope="row" fw={600}>
                  {documentLabel(d.document)}
                </Table.Th>
                {BLANK_STATUSES.map((st) => (
                  <Table.Td key={st} ta="right" fw={st === 'IN_STOCK' ? 700 : undefined}>
                    {d.counts[st]}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{d.total}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Stack gap="xs">
        <Title order={3} size="h4" id="stock-ranges-title">
          {s.stock.ranges}
        </Title>
        <Table.ScrollContainer minWidth={600} type="native">
          <Table verticalSpacing="xs" className="sabt-table" aria-labelledby="stock-ranges-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{s.stock.document}</Table.Th>
                <Table.Th>{s.list.series}</Table.Th>
                <Table.Th>{s.batches.range}</Table.Th>
                <Table.Th>{s.list.status}</Table.Th>
                <Table.Th ta="right">{s.batches.count}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.documents.flatMap((d) =>
                d.ranges.map((r) => (
                  <Table.Tr key={`${d.document}:${r.series}:${r.from}:${r.status}`}>
                    <Table.Td>{documentLabel(d.document)}</Table.Td>
                    <Table.Td>{r.series}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.stock.range(r.from, r.to)}</Table.Td>
                    <Table.Td>{s.statuses[r.status]}</Table.Td>
                    <Table.Td ta="right">{r.count}</Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Stack>
  );
}
