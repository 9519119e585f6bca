import { Table, Text } from '@mantine/core';
import type { Change } from '../api/record.ts';
import { useLabels } from '../hooks/use-labels.ts';
import { splitPath } from '../labels/index.ts';

/** Field by field: what it was and what it became, in words and dd.mm.yyyy. */
export function DiffTable({ kind, changes, caption }: { kind: string; changes: Change[]; caption: string }) {
  const { m, pathLabel, value } = useLabels();
  return (
    <Table.ScrollContainer minWidth={520} type="native">
      <Table withTableBorder withColumnBorders verticalSpacing={6} fz="sm">
        <Table.Caption className="sabt-visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="40%">{m.versions.field}</Table.Th>
            <Table.Th>{m.versions.before}</Table.Th>
            <Table.Th>{m.versions.after}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
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
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
