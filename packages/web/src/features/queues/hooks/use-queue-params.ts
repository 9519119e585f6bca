import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { type Order, PAGE_SIZES, SORTS, type Sort } from '../queues.ts';

export interface QueueParams {
  page: number;
  size: number;
  sort: Sort;
  order: Order;
}

const DEFAULTS: QueueParams = { page: 1, size: 25, sort: 'updated', order: 'desc' };

function parse(search: URLSearchParams): QueueParams {
  const page = Number(search.get('page'));
  const size = Number(search.get('size'));
  const sort = search.get('sort');
  const order = search.get('order');
  return {
    page: Number.isInteger(page) && page >= 1 ? page : DEFAULTS.page,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULTS.size,
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : DEFAULTS.sort,
    order: order === 'asc' || order === 'desc' ? order : DEFAULTS.order,
  };
}

/** Page, page size and sort live in the address, so Back, reload and a shared link keep them. */
export function useQueueParams(): [QueueParams, (change: Partial<QueueParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const params = parse(search);
  const update = useCallback(
    (change: Partial<QueueParams>) => {
      setSearch((prev) => {
        const next = { ...parse(prev), ...change };
        const out = new URLSearchParams();
        for (const key of ['page', 'size', 'sort', 'order'] as const) {
          if (next[key] !== DEFAULTS[key]) out.set(key, String(next[key]));
        }
        return out;
      });
    },
    [setSearch],
  );
  return [params, update];
}
