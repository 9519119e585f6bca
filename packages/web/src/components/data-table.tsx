import { Table, type TableProps } from '@mantine/core';
import type { Key, ReactNode } from 'react';

/** One column: its heading and what each row shows in it. */
export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Numbers line up on the right, heading and cells alike. */
  right?: boolean;
  /** A number or range kept on one line. */
  nowrap?: boolean;
  fw?: number;
  /** The cell names its row (a `th scope="row"`). */
  rowHeader?: boolean;
}

interface Props<T> extends Omit<TableProps, 'children' | 'caption'> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => Key;
  /** Read out by screen readers only; leave out when a heading names the table (aria-labelledby). */
  caption?: ReactNode;
  minWidth: number;
  /** Extra attributes of a row (a data- attribute the tests find it by). */
  rowProps?: (row: T) => Record<string, string>;
}

/** A list as a table that scrolls sideways on a narrow screen: one row per item, one cell per column. */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  caption,
  minWidth,
  rowProps,
  verticalSpacing = 'xs',
  ...table
}: Props<T>) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native">
      <Table verticalSpacing={verticalSpacing} className="sabt-table" {...table}>
        {caption !== undefined && <Table.Caption className="sabt-visually-hidden">{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
              <Table.Th key={i} ta={c.right ? 'right' : undefined}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((c, i) => {
                const Cell = c.rowHeader ? Table.Th : Table.Td;
                return (
                  <Cell
                    // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
                    key={i}
                    scope={c.rowHeader ? 'row' : undefined}
                    ta={c.right ? 'right' : undefined}
                    fw={c.fw}
                    style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}
                  >
                    {c.cell(row)}
                  </Cell>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
