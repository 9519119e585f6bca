import type { ActKindCode } from '@sabt/core';
import { queryOptions } from '@tanstack/react-query';
import { api, request } from '../../../lib/api.ts';

/** A record as GET /records/{id} and the write routes return it (the parts the forms use). */
export interface RecordBody {
  id: string;
  kind: ActKindCode;
  status: string;
  flags: string[];
  office: string;
  revision: number;
  number: number | null;
  year: number | null;
  registeredAt: string | null;
  updatedAt: string | null;
  data: Record<string, unknown> | null;
  actions?: string[];
}

export const etagOf = (revision: number) => `"${revision}"`;

export async function fetchRecord(id: string, signal?: AbortSignal): Promise<RecordBody> {
  return api<RecordBody>(`/records/${id}`, signal ? { signal } : {});
}

export const recordQuery = (id: string) =>
  queryOptions({
    queryKey: ['records', 'detail', id],
    queryFn: ({ signal }) => fetchRecord(id, signal),
    staleTime: 60_000,
  });

export function createDraft(id: string, kind: string, data: Record<string, unknown>) {
  return request<RecordBody>('/records', { method: 'POST', body: { id, kind, data } });
}

export function patchDraft(id: string, revision: number, patch: Record<string, unknown>) {
  return request<RecordBody>(`/records/${id}`, {
    method: 'PATCH',
    body: { data: patch },
    ifMatch: etagOf(revision),
  });
}

export function submitRecord(id: string, revision: number) {
  return request<RecordBody>(`/records/${id}/submit`, { method: 'POST', ifMatch: etagOf(revision) });
}

/** One hit of GET /search. */
export interface SearchHit {
  id: string;
  kind: ActKindCode;
  status: string;
  office: string;
  surname: string | null;
  name: string | null;
  patronymic: string | null;
  birthDate: string | null;
  eventDate: string | null;
  number: number | null;
  year: number | null;
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
      api<{ items: SearchHit[] }>('/search', {
        signal,
        query: { ...p, status: 'registered', mode: 'broad', limit: 20 },
      }).then((r) => r.items),
    staleTime: 30_000,
  });

export interface Office {
  id: string;
  name: Record<'tg' | 'ru' | 'en', string>;
}

export const officesQuery = () =>
  queryOptions({
    queryKey: ['offices'],
    queryFn: ({ signal }) => api<{ items: Office[] }>('/offices', { signal }).then((r) => r.items),
    staleTime: Number.POSITIVE_INFINITY,
  });
