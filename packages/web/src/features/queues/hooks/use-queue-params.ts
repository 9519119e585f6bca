import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { type Order, PAGE_SIZES, SORTS, type Sort } from '../queues.ts';

export interface QueueParams {
  /** The page token (the server's `next` or `previous`); none: the first page. */
  page: string | undefined;
  size: number;
  sort: Sort;
  order: Order;
}

const DEFAULTS: QueueParams = { page: undefined, size: 25, sort: 'updated', order: 'desc' };

function parse(search: URLSearchParams): QueueParams {
  const page = search.get('page');
  const size = Number(search.get('size'));
  const sort = search.get('sort');
  const order = search.get('order');
  return {
    page: page && page.length <= 400 ? page : DEFAULTS.page,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULTS.size,
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : DEFAULTS.sort,
    order: order === 'asc' || order === 'desc' ? order : DEFAULTS.order,
  };
}

/** Page (its token), page size and sort live in the address, so Back, reload and a shared link keep them. */
export function useQueueParams(): [QueueParams, (change: Partial<QueueParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const params = parse(search);
  const update = useCallback(
    (change: Partial<QueueParams>) => {
      setSearch((prev) => {
        const next = { ...parse(prev), ...change };
        const out = new URLSearchParams();
        for (const key of ['page', 'size', 'sort', 'order'] as const) {
          const value = next[key];
          if (value !== undefined && value !== DEFAULTS[key]) out.set(key, String(value));
        }
        return out;
      });
    },
    [setSearch],
  );
  return [params, update];
}
