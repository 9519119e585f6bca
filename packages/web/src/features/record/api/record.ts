import type { AmendmentRequest, DuplicateCandidate, HistoryItem, VersionItem } from '@sabt/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etagOfAnswer, request } from '../../../lib/api.ts';
import { type LoadedRecord, type RecordView, recordKey } from '../../../lib/records.ts';

/** The record's history, versions, amendment requests and duplicates: core's schemas, inferred. */
export type { AmendmentRequest, Change, DuplicateCandidate, HistoryItem, VersionItem } from '@sabt/core';

/** The action log; `each`: every autosave as its own entry (by default a person's run of them is one). */
export const historyQuery = (id: string, each = false) =>
  queryOptions({
    queryKey: [...recordKey(id), 'history', each ? 'each' : 'combined'],
    queryFn: ({ signal }) =>
      api<{ items: HistoryItem[] }>(`/records/${id}/history`, {
        signal,
        ...(each ? { query: { autosaves: 'each' } } : {}),
      }).then((r) => r.items),
  });

export const versionsQuery = (id: string) =>
  queryOptions({
    queryKey: [...recordKey(id), 'versions'],
    queryFn: ({ signal }) =>
      api<{ items: VersionItem[] }>(`/records/${id}/versions`, { signal }).then((r) => r.items),
  });

export const amendmentsQuery = (id: string) =>
  queryOptions({
    queryKey: [...recordKey(id), 'amendments'],
    queryFn: ({ signal }) =>
      api<{ items: AmendmentRequest[] }>(`/records/${id}/amendments`, { signal }).then((r) => r.items),
  });

export const duplicatesQuery = (id: string) =>
  queryOptions({
    queryKey: [...recordKey(id), 'duplicates'],
    queryFn: ({ signal }) =>
      api<{ record: RecordView; candidates: DuplicateCandidate[] }>(`/records/${id}/duplicates`, { signal }),
  });

/** One write on a record: path under /records/:id and its body. */
export interface RecordWrite {
  path: string;
  body?: unknown;
}

/**
 * Sends a write on the record with If-Match (the ETag read with the record) and a fresh
 * Idempotency-Key; afterwards the record, its history, versions and the queue lists are fresh.
 */
export function useRecordWrite(id: string, etag: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (write: RecordWrite) => {
      const res = await request<RecordView>(`/records/${id}${write.path}`, {
        method: 'POST',
        body: write.body ?? {},
        ifMatch: etag,
      });
      return res;
    },
    onSuccess: (res) => {
      if (res.data && typeof res.data === 'object' && 'revision' in res.data) {
        client.setQueryData<LoadedRecord>(recordKey(id), { record: res.data, etag: etagOfAnswer(res) });
      }
    },
    onSettled: async () => {
      // a refusal (409, 412) may also mean the record changed: read it again either way
      await Promise.all([
        client.invalidateQueries({ queryKey: recordKey(id) }),
        client.invalidateQueries({ queryKey: ['records'] }),
      ]);
    },
  });
}
