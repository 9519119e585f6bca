import type { Action, ActKindCode, Flag, Status } from '@sabt/core';
import { queryOptions } from '@tanstack/react-query';
import { etagOfAnswer, type FieldProblem, request } from './api.ts';

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
export interface RecordRow {
  id: string;
  kind: ActKindCode;
  status: Status;
  flags: Flag[];
  office: string;
  surname: string | null;
  name: string | null;
  patronymic: string | null;
  birthDate: string | null;
  eventDate: string | null;
  number: number | null;
  year: number | null;
  nationalId: string | null;
}
