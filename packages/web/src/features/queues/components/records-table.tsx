import { Anchor, Table, Text, UnstyledButton } from '@mantine/core';
import { formatDate } from '@sabt/core';
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RecordBadges } from '../../../components/record-badges.tsx';
import type { ActKind } from '../../../lib/act-kinds.ts';
import { formatInstant } from '../../../lib/dates.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import type { RecordListItem } from '../api/records.ts';
import type { Order, Sort } from '../queues.ts';

interface Props {
  caption: string;
  items: RecordListItem[];
  kinds: ActKind[] | undefined;
  sort: Sort;
  order: Order;
  onSort: (sort: Sort, order: Order) => void;
  busy: boolean;
}

/** Date on top, time below: narrow enough for a tablet. */
function Instant({ value }: { value: string }) {
  const [date, time] = formatInstant(value).split(' ');
  return (
    <>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {date}
      </Text>
      <Text size="xs" c="dimmed">
        {time}
      </Text>
    </>
  );
}

function personName(r: RecordListItem): string {
  return [r.surname, r.name, r.patronymic].filter(Boolean).join(' ');
}

/** Records of one queue; a row (or the person's name, for the keyboard) opens the record. */
export function RecordsTable({ caption, items, kinds, sort, order, onSort, busy }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const kindLabel = (code: string) => kinds?.find((k) => k.code === code)?.labels[lang] ?? code;

  const sortable = (column: Sort, label: string, visibleFrom?: 'md'): ReactNode => {
    const active = sort === column;
    const nextOrder: Order =
      active && order === 'desc' ? 'asc' : active ? 'desc' : column === 'number' ? 'asc' : 'desc';
    return (
      <Table.Th
        aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
        visibleFrom={visibleFrom}
      >
        <UnstyledButton
          onClick={() => onSort(column, nextOrder)}
          fw={700}
          fz="sm"
          title={t('queues.sortBy', { column: label })}
        >
          {label}{' '}
          <span aria-hidden="true" style={{ opacity: active ? 1 : 0.35 }}>
            {active && order === 'asc' ? '▲' : '▼'}
          </span>
          {active && (
            <span className="sabt-visually-hidden">
              {' '}
              ({order === 'asc' ? t('queues.sortedAsc') : t('queues.sortedDesc')})
            </span>
          )}
        </UnstyledButton>
      </Table.Th>
    );
  };

  const openRow = (e: MouseEvent<HTMLTableRowElement>, id: string) => {
    // Links and buttons inside the row do their own thing.
    if ((e.target as HTMLElement).closest('a, button')) return;
    void navigate(`/records/${id}`);
  };

  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table
        verticalSpacing="sm"
        highlightOnHover
        striped={false}
        className="sabt-table"
        aria-busy={busy}
        style={{ opacity: busy ? 0.6 : 1, transition: 'opacity 150ms' }}
      >
        <Table.Caption className="sabt-visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('queues.columns.act')}</Table.Th>
            <Table.Th miw={170}>{t('queues.columns.person')}</Table.Th>
            <Table.Th>{t('queues.columns.eventDate')}</Table.Th>
            {sortable('number', t('queues.columns.number'))}
            <Table.Th>{t('queues.columns.status')}</Table.Th>
            {sortable('created', t('queues.columns.created'), 'md')}
            {sortable('updated', t('queues.columns.updated'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => {
            const name = personName(r);
            return (
              <Table.Tr key={r.id} className="sabt-row" onClick={(e) => openRow(e, r.id)}>
                <Table.Td>{kindLabel(r.kind)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/records/${r.id}`} fw={600} c={name ? undefined : 'dimmed'}>
                    {name || t(r.flags.includes('sealed') ? 'queues.sealedName' : 'queues.noName')}
                  </Anchor>
                  {r.birthDate && (
                    <Text size="sm" c="dimmed">
                      {t('queues.born', { date: formatDate(r.birthDate) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {r.eventDate ? formatDate(r.eventDate) : '—'}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {r.number !== null ? `№ ${r.number}${r.year ? ` / ${r.year}` : ''}` : '—'}
                </Table.Td>
                <Table.Td>
                  <RecordBadges status={r.status} flags={r.flags} tone="light" />
                </Table.Td>
                <Table.Td visibleFrom="md">
                  <Instant value={r.createdAt} />
                </Table.Td>
                <Table.Td>
                  <Instant value={r.updatedAt} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
