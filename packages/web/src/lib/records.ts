import type { RecordListItem, RecordView } from '@sabt/core';
import { queryOptions } from '@tanstack/react-query';
import { etagOfAnswer, request } from './api.ts';

/** The record as GET /records/:id and the writes answer it: core's schemas, inferred. */
export type { Issue, Notation, RecordLink, RecordView, WaitingPeriodView } from '@sabt/core';

export interface BasisDocument {
  type: string;
  number?: string;
  date?: string;
  issuer?: string;
}

/** Everything about one record sits under this key: writes refresh it all at once. */
export const recordKey = (id: string) => ['record', id] as const;

export interface LoadedRecord {
  record: RecordView;
  /** For If-Match on writes. */
  etag: string;
}

/** GET /records/:id: the record and its ETag. */
export async function fetchRecord(id: string, signal?: AbortSignal): Promise<LoadedRecord> {
  const res = await request<RecordView>(`/records/${id}`, signal ? { signal } : {});
  return { record: res.data, etag: etagOfAnswer(res) };
}

/** One record, as the record screen, the forms' linked records and look-ups read it. */
export const recordQuery = (id: string) =>
  queryOptions({ queryKey: recordKey(id), queryFn: ({ signal }) => fetchRecord(id, signal) });

/** A record in a list (GET /records, GET /search): who it is about, its number and state. */
export type RecordRow = Omit<RecordListItem, 'revision' | 'createdAt' | 'updatedAt'>;
