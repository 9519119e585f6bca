import { Anchor, Badge, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { BLANK_DOCUMENTS } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../../../components/data-table.tsx';
import {
  BLANK_STATUSES,
  type Blank,
  type BlankFilter,
  type BlankStatus,
  blanksQuery,
} from '../../api/blanks.ts';
import { seriesNumber } from '../../lib/format.ts';
import { useCertificateMessages } from '../../messages.ts';
import { ProblemAlert } from '../problem-alert.tsx';

const PAGE = 50;
export const STATUS_COLOR: Record<BlankStatus, string> = {
  IN_STOCK: 'teal',
  ISSUED: 'blue',
  SPOIL_REQUESTED: 'orange',
  SPOILED: 'red',
  LOST: 'red',
  WRITTEN_OFF: 'gray',
};

interface Props {
  office: string;
  /** Absent when this user may not report blanks of this office spoiled. */
  onSpoil?: ((b: Blank) => void) | undefined;
}

/** The office's blanks by status, document, series or number, a page at a time. */
export function BlankList({ office, onSpoil }: Props) {
  const { m, documentLabel } = useCertificateMessages();
  const s = m.blanks;
  const [draft, setDraft] = useState({ status: '', document: '', series: '', number: '' });
  const [filter, setFilter] = useState<BlankFilter>({ office, limit: PAGE, offset: 0 });
  const list = useQuery(blanksQuery({ ...filter, office }));

  const find = (e: FormEvent) => {
    e.preventDefault();
    setFilter({
      office,
      limit: PAGE,
      offset: 0,
      status: (draft.status || undefined) as BlankStatus | undefined,
      document: (draft.document || undefined) as BlankFilter['document'],
      series: draft.series.trim() || undefined,
      number: draft.number.trim() || undefined,
    });
  };
  const page = (offset: number) => setFilter((f) => ({ ...f, offset }));
  const data = list.data;

  return (
    <Stack gap="sm">
      <form onSubmit={find} aria-label={s.list.filters}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {(
            [
              ['status', BLANK_STATUSES.map((st) => ({ value: st, label: s.statuses[st] ?? st }))],
              ['document', BLANK_DOCUMENTS.map((d) => ({ value: d, label: documentLabel(d) }))],
            ] as const
          ).map(([k, options]) => (
            <NativeSelect
              key={k}
              label={s.list[k]}
              value={draft[k]}
              onChange={(e) => setDraft({ ...draft, [k]: e.currentTarget.value })}
              data={[{ value: '', label: s.list.all }, ...options]}
            />
          ))}
          <TextInput
            label={s.list.series}
            value={draft.series}
            onChange={(e) => setDraft({ ...draft, series: e.currentTarget.value })}
            maxLength={20}
            w={120}
          />
          <TextInput
            label={s.list.number}
            value={draft.number}
            onChange={(e) => setDraft({ ...draft, number: e.currentTarget.value })}
            inputMode="numeric"
            maxLength={12}
            w={140}
          />
          <Button type="submit" variant="light">
            {s.list.find}
          </Button>
        </Group>
      </form>

      {list.isError ? (
        <ProblemAlert error={list.error} fieldLabels={{ number: s.list.number }} />
      ) : !data ? null : data.items.length === 0 ? (
        <Text c="dimmed">{s.list.empty}</Text>
      ) : (
        <>
          <DataTable
            minWidth={760}
            aria-busy={list.isFetching}
            caption={s.list.caption}
            rows={data.items}
            rowKey={(b) => b.id}
            columns={[
              { header: s.list.number, fw: 600, nowrap: true, cell: seriesNumber },
              { header: s.list.document, cell: (b) => documentLabel(b.document) },
              {
                header: s.list.status,
                cell: (b) => (
                  <>
                    <Badge tt="none" variant="light" color={STATUS_COLOR[b.status]}>
                      {s.statuses[b.status] ?? b.status}
                    </Badge>
                    {b.spoil && (
                      <Text size="xs">
                        {s.list.reason(b.spoil.reason)}
                        {b.spoil.decisionReason ? ` · ${s.list.decision(b.spoil.decisionReason)}` : ''}
                      </Text>
                    )}
                  </>
                ),
              },
              {
                header: s.list.certificate,
                cell: (b) =>
                  b.recordId && (
                    <Anchor component={Link} to={`/records/${b.recordId}`} size="sm">
                      {s.list.openRecord}
                    </Anchor>
                  ),
              },
              {
                header: s.list.actions,
                cell: (b) =>
                  onSpoil &&
                  (b.status === 'IN_STOCK' || b.status === 'ISSUED') && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => onSpoil(b)}
                      aria-label={`${s.list.spoil}: ${seriesNumber(b)}`}
                    >
                      {s.list.spoil}
                    </Button>
                  ),
              },
            ]}
          />
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed" role="status">
              {s.list.shown(filter.offset + 1, filter.offset + data.items.length, data.total)}
            </Text>
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                disabled={filter.offset === 0}
                onClick={() => page(Math.max(0, filter.offset - PAGE))}
              >
                {s.list.previous}
              </Button>
              <Button
                size="xs"
                variant="default"
                disabled={filter.offset + PAGE >= data.total}
                onClick={() => page(filter.offset + PAGE)}
              >
                {s.list.next}
              </Button>
            </Group>
          </Group>
        </>
      )}
    </Stack>
  );
}
