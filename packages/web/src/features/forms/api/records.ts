import type { ActKindCode, SearchResults } from '@sabt/core';
import { queryOptions } from '@tanstack/react-query';
import { api, etagOf, request } from '../../../lib/api.ts';
import type { RecordView } from '../../../lib/records.ts';

export function createDraft(id: string, kind: string, data: Record<string, unknown>) {
  return request<RecordView>('/records', { method: 'POST', body: { id, kind, data } });
}

export function patchDraft(id: string, revision: number, patch: Record<string, unknown>) {
  return request<RecordView>(`/records/${id}`, {
    method: 'PATCH',
    body: { data: patch },
    ifMatch: etagOf(revision),
  });
}

export function submitRecord(id: string, revision: number) {
  return request<RecordView>(`/records/${id}/submit`, { method: 'POST', ifMatch: etagOf(revision) });
}

export interface SearchParams {
  kind: ActKindCode;
  surname?: string | undefined;
  name?: string | undefined;
  birthYear?: number | undefined;
}

export const searchQuery = (p: SearchParams) =>
  queryOptions({
    queryKey: ['forms', 'search', p],
    queryFn: ({ signal }) =>
      api<SearchResults>('/search', {
        signal,
        query: { ...p, status: 'registered', mode: 'broad', limit: 20 },
      }).then((r) => r.items),
    staleTime: 30_000,
  });
