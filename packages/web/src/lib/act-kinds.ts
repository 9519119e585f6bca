import type { ActKind } from '@sabt/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api.ts';

/** An act kind as GET /act-kinds describes it: core's schema, inferred. */
export type { ActKind } from '@sabt/core';

export const actKindsQuery = () =>
  queryOptions({
    queryKey: ['act-kinds'],
    queryFn: ({ signal }) => api<{ items: ActKind[] }>('/act-kinds', { signal }).then((r) => r.items),
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useActKinds() {
  return useQuery(actKindsQuery());
}
