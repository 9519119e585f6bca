import type { Office } from '@sabt/core';
import { queryOptions } from '@tanstack/react-query';
import { api } from './api.ts';

/** An office of the tree, as GET /offices lists it: core's schema, inferred. */
export type { Office } from '@sabt/core';

/** The office tree (names of offices, the offices whose blanks one sees); it hardly changes. */
export const officesQuery = () =>
  queryOptions({
    queryKey: ['offices'],
    queryFn: ({ signal }) => api<{ items: Office[] }>('/offices', { signal }).then((r) => r.items),
    staleTime: 60 * 60_000,
  });
