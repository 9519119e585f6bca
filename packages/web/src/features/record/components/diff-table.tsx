import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Change } from '../api/record.ts';
import { useLabels } from '../hooks/use-labels.ts';
import { splitPath } from '../labels/index.ts';

/** A table of a field and two values (before / after, this record / the other), its caption read out only. */
export function ThreeColumnTable({
  minWidth,
  caption,
  heads,
  firstWidth,
  layout,
  children,
}: {
  minWidth: number;
  caption: string;
  heads: [string, string, string];
  firstWidth: string;
  layout?: 'fixed';
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native">
      <Table withTableBorder withColumnBorders verticalSpacing={6} fz="sm" layout={layout}>
        <Table.Caption className="sabt-visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={firstWidth}>{heads[0]}</Table.Th>
            <Table.Th>{heads[1]}</Table.Th>
            <Table.Th>{heads[2]}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Field by field: what it was and what it became, in words and dd.mm.yyyy. */
export function DiffTable({ kind, changes, caption }: { kind: string; changes: Change[]; caption: string }) {
  const { m, pathLabel, value } = useLabels();
  return (
    <ThreeColumnTable
      minWidth={520}
      caption={caption}
      heads={[m.versions.field, m.versions.before, m.versions.after]}
      firstWidth="40%"
    >
      {changes.map((c) => {
        const segments = splitPath(c.path);
        return (
          <Table.Tr key={c.path}>
            <Table.Th scope="row" fw={500}>
              {pathLabel(kind, segments)}
            </Table.Th>
            <Table.Td>
              <Text component="del" size="sm" c="red.9" style={{ textDecorationThickness: 1 }}>
                {value(segments, c.before)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text component="ins" size="sm" c="green.9" fw={600} style={{ textDecoration: 'none' }}>
                {value(segments, c.after)}
              </Text>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </ThreeColumnTable>
  );
}
