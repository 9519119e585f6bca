import type { Action, ActKindCode, Flag, Locale, Role, Status } from '@sabt/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type FieldProblem, request } from '../../../lib/api.ts';

/** A field problem as GET /records/:id reports it in `check` (message already in the user's language). */
export type Issue = Pick<FieldProblem, 'path' | 'key' | 'message'>;

export interface RecordLink {
  type: string;
  recordId: string;
  kind: ActKindCode;
  status: Status;
  number: number | null;
  year: number | null;
  nationalId: string | null;
  office: string;
}

/** A later act noted on this record, as a paper registrar writes in the margin. */
export interface Notation {
  at: string;
  type: string;
  recordId?: string;
  number?: number;
  year?: number;
  nationalId?: string;
  officeId?: string;
  eventDate?: string;
  version?: number;
  changed?: string[];
  deceased?: 'husband' | 'wife';
  /** The act the notation cites, when the type alone does not tell (an annulment). */
  kind?: string;
  /** After an annulment: whether the mark the act had set came off (false: another act bears it). */
  markLifted?: boolean;
  /** After an annulment: fields changed again since the act, which keep their later value. */
  kept?: string[];
  before?: { surname?: string; name?: string; patronymic?: string };
  after?: { surname?: string; name?: string; patronymic?: string };
  [extra: string]: unknown;
}

/** GET /records/:id */
export interface RecordView {
  id: string;
  kind: ActKindCode;
  status: Status;
  flags: Flag[];
  office: string;
  schemaVersion: number;
  version: number;
  revision: number;
  number: number | null;
  year: number | null;
  nationalId: string | null;
  registeredAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Null when the data is sealed for this user. */
  data: Record<string, unknown> | null;
  sealed: boolean;
  rejection: { reason: string | null; at: string | null; by: string | null; byName?: string | null } | null;
  links: RecordLink[];
  notations: Notation[];
  check: { complete: boolean; errors: Issue[]; warnings: Issue[] } | null;
  /** Who cancelled the draft, when and why (a cancelled record only). */
  cancellation?: {
    reason: string | null;
    at: string | null;
    by: string | null;
    byName?: string | null;
  } | null;
  /** A marriage's month between application and registration (marriages only). */
  waitingPeriod?: WaitingPeriodView | null;
  actions: Action[];
  versions: { version: number; at: string; sealed: boolean }[];
}

export interface WaitingPeriodView {
  applicationDate: string;
  /** Registration from this day needs no decision. */
  earliest: string;
  /** The first day registration is allowed now (earlier when the head shortened the month). */
  allowedFrom: string;
  /** The registration day (the ceremony day, else today) has come. */
  met: boolean;
  shortening: {
    allowedFrom: string;
    ground: string;
    basis: BasisDocument | null;
    reason: string | null;
    at: string | null;
    by: string | null;
    byName: string | null;
  } | null;
}

export interface HistoryItem {
  id: number;
  action: string;
  at: string;
  by: { login: string; name: string | null; role: Role | null } | null;
  office: string | null;
  from: Status | null;
  to: Status | null;
  revision: number;
  reason: string | null;
  payload: Record<string, unknown> | null;
}

export interface Change {
  path: string;
  before: unknown;
  after: unknown;
}

export interface VersionItem {
  version: number;
  schemaVersion: number;
  at: string;
  by: string | null;
  /** The person's full name (`by` is their login). */
  byName?: string | null;
  action: string;
  reason: string | null;
  sealed: boolean;
  data: Record<string, unknown> | null;
  changes: Change[] | null;
}

export interface BasisDocument {
  type: string;
  number?: string;
  date?: string;
  issuer?: string;
}

export interface AmendmentRequest {
  id: string;
  status: 'pending' | 'approved' | 'rejected';
  baseVersion: number;
  patch: Record<string, unknown> | null;
  sealed: boolean;
  reason: string | null;
  basis: BasisDocument | null;
  requestedBy: string | null;
  /** The person's full name (`requestedBy` is their login). */
  requestedByName?: string | null;
  requestedAt: string;
  decidedBy: string | null;
  decidedByName?: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  resultVersion: number | null;
}

export interface DuplicateCandidate {
  candidateId: string;
  score: number;
  reasons: string[];
  status: 'open' | 'duplicate' | 'not-duplicate';
  foundAt: string;
  decidedBy: string | null;
  decidedByName?: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  /** Null when the candidate is outside this user's jurisdiction. */
  record: RecordView | null;
}

export interface Office {
  id: string;
  kind: string;
  name: Record<Locale, string>;
}

/** Everything about one record sits under this key: writes refresh it all at once. */
export const recordKey = (id: string) => ['record', id] as const;

export interface LoadedRecord {
  record: RecordView;
  /** For If-Match on writes. */
  etag: string;
}

export const recordQuery = (id: string) =>
  queryOptions({
    queryKey: recordKey(id),
    queryFn: async ({ signal }): Promise<LoadedRecord> => {
      const res = await request<RecordView>(`/records/${id}`, { signal });
      return { record: res.data, etag: res.etag ?? `"${res.data.revision}"` };
    },
  });

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

/** The office tree, for office names; it hardly changes. */
export const officesQuery = () =>
  queryOptions({
    queryKey: ['offices'],
    queryFn: ({ signal }) => api<{ items: Office[] }>('/offices', { signal }).then((r) => r.items),
    staleTime: 60 * 60_000,
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
        client.setQueryData<LoadedRecord>(recordKey(id), {
          record: res.data,
          etag: res.etag ?? `"${res.data.revision}"`,
        });
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
