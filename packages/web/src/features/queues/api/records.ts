import type { QueueCounts, RecordList } from '@sabt/core';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { Order, QueueFilter, Sort } from '../queues.ts';

export type { RecordList, RecordListItem } from '@sabt/core';

export interface ListParams {
  filter: QueueFilter;
  limit: number;
  /** The page token of the page asked for (`next` or `previous` of the one shown); none: the first. */
  page?: string | undefined;
  sort: Sort;
  order: Order;
}

/** How many records a list holds: exact, or at least this many (the server stopped counting). */
export interface QueueCount {
  total: number;
  atLeast: boolean;
}

export const countOf = (list: Pick<RecordList, 'total' | 'totalIs'>): QueueCount => ({
  total: list.total,
  atLeast: list.totalIs === 'atLeast',
});

/** Everything under this key is a view of the records list: refresh them together. */
export const recordsKey = ['records'] as const;

export const recordListQuery = (p: ListParams) =>
  queryOptions({
    queryKey: [...recordsKey, 'list', p],
    queryFn: ({ signal }) => {
      const { filter, ...paging } = p;
      return api<RecordList>('/records', { signal, query: { ...filter, ...paging } });
    },
    // While the next page or order loads, keep showing this queue's rows (never another queue's).
    placeholderData: (previous, previousQuery) => {
      const before = previousQuery?.queryKey[2] as ListParams | undefined;
      return before && sameFilter(before.filter, p.filter) ? previous : undefined;
    },
  });

function sameFilter(a: QueueFilter, b: QueueFilter): boolean {
  return (
    a.status === b.status && a.flag === b.flag && a.untouchedDays === b.untouchedDays && a.kind === b.kind
  );
}

/** How many records a queue holds (one row fetched; `total` and `totalIs` are what count). */
export const queueCountQuery = (filter: QueueFilter) =>
  queryOptions({
    queryKey: [...recordsKey, 'count', filter],
    queryFn: ({ signal }): Promise<QueueCount> =>
      api<RecordList>('/records', { signal, query: { ...filter, limit: 1 } }).then(countOf),
  });

/** How many records of the user's jurisdiction are in each status (GET /records/counts: aggregates, no personal data). */
export const recordCountsQuery = () =>
  queryOptions({
    queryKey: [...recordsKey, 'counts'],
    queryFn: ({ signal }) => api<QueueCounts>('/records/counts', { signal }),
  });
