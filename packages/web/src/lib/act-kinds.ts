import type { ActKindCode, Locale } from '@sabt/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api.ts';

/** An act kind as GET /act-kinds describes it. */
export interface ActKind {
  code: ActKindCode;
  labels: Record<Locale, string>;
  schemaVersion: number;
  jsonSchema: unknown;
  example: unknown;
}

export const actKindsQuery = () =>
  queryOptions({
    queryKey: ['act-kinds'],
    queryFn: ({ signal }) => api<{ items: ActKind[] }>('/act-kinds', { signal }).then((r) => r.items),
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useActKinds() {
  return useQuery(actKindsQuery());
}
