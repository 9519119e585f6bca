import type { AuditEntries, AuditStatus } from '@sabt/core';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { API_BASE, api } from '../../lib/api.ts';

/** The filters of the audit log as GET /audit/entries takes them (empty ones left out). */
export interface AuditFilter {
  actor?: string;
  recordId?: string;
  nationalId?: string;
  actNumber?: string;
  year?: string;
  event?: string;
  office?: string;
  from?: string;
  to?: string;
}

export const FILTER_KEYS = [
  'actor',
  'recordId',
  'nationalId',
  'actNumber',
  'year',
  'event',
  'office',
  'from',
  'to',
] as const satisfies readonly (keyof AuditFilter)[];

export const PAGE_SIZE = 25;

/** A page of entries, newest first; `page` is the token of the page before (none: the first). */
export const auditEntriesQuery = (filter: AuditFilter, page: string | null) =>
  queryOptions({
    queryKey: ['audit', 'entries', filter, page],
    queryFn: ({ signal }) =>
      api<AuditEntries>('/audit/entries', { signal, query: { ...filter, page, limit: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });

export const auditStatusQuery = () =>
  queryOptions({
    queryKey: ['audit', 'status'],
    queryFn: ({ signal }) => api<AuditStatus>('/audit/status', { signal }),
  });

/** Where the browser downloads the filter's entries (the session cookie goes with it). */
export function exportHref(filter: AuditFilter, format: 'csv' | 'jsonl'): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) q.set(k, v);
  q.set('format', format);
  return `${API_BASE}/audit/export?${q}`;
}
