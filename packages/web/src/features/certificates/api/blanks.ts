import type { DocumentKind } from '@sabt/core';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

export const BLANK_STATUSES = [
  'IN_STOCK',
  'ISSUED',
  'SPOIL_REQUESTED',
  'SPOILED',
  'LOST',
  'WRITTEN_OFF',
] as const;
export type BlankStatus = (typeof BLANK_STATUSES)[number];

/** GET /blanks/stock: per document, counts by status and the ranges of numbers. */
export interface StockReport {
  office: { id: string; nameTg: string; nameRu: string; nameEn: string };
  documents: {
    document: DocumentKind;
    counts: Record<BlankStatus, number>;
    total: number;
    ranges: { series: string; status: BlankStatus; from: string; to: string; count: number }[];
  }[];
}

export interface Batch {
  id: string;
  office: string;
  document: DocumentKind;
  series: string;
  from: string;
  to: string;
  count: number;
  note: string | null;
  receivedBy: string | null;
  /** The person's full name (`receivedBy` is their login). */
  receivedByName?: string | null;
  receivedAt: string;
}

export interface Blank {
  id: number;
  batchId: string;
  document: DocumentKind;
  series: string;
  number: string;
  status: BlankStatus;
  certificateId: string | null;
  recordId: string | null;
  spoil: {
    outcome: 'SPOILED' | 'LOST' | null;
    reason: string;
    requestedBy: string | null;
    requestedByName?: string | null;
    requestedAt: string | null;
    decidedBy: string | null;
    decidedByName?: string | null;
    decidedAt: string | null;
    decisionReason: string | null;
  } | null;
  updatedAt: string;
}

export interface BlankFilter {
  office: string;
  status?: BlankStatus | undefined;
  document?: DocumentKind | undefined;
  series?: string | undefined;
  number?: string | undefined;
  limit: number;
  offset: number;
}

export const stockQuery = (office: string) =>
  queryOptions({
    queryKey: ['blanks', 'stock', office],
    queryFn: ({ signal }) => api<StockReport>('/blanks/stock', { signal, query: { office } }),
  });

export const batchesQuery = (office: string) =>
  queryOptions({
    queryKey: ['blanks', 'batches', office],
    queryFn: ({ signal }) =>
      api<{ items: Batch[] }>('/blanks/batches', { signal, query: { office } }).then((r) => r.items),
  });

export const blanksQuery = (filter: BlankFilter) =>
  queryOptions({
    queryKey: ['blanks', 'list', filter],
    queryFn: ({ signal }) =>
      api<{ total: number; items: Blank[] }>('/blanks', { signal, query: { ...filter } }),
    placeholderData: keepPreviousData,
  });

/** Every write on blanks refreshes everything about blanks (stock, lists, the next free one). */
function useBlankWrite<T, V>(fn: (vars: V) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => client.invalidateQueries({ queryKey: ['blanks'] }),
  });
}

export interface BatchInput {
  office?: string;
  document: DocumentKind;
  series: string;
  from: string;
  to: string;
  note?: string;
}

export const useReceiveBatch = () =>
  useBlankWrite((body: BatchInput) => api<Batch>('/blanks/batches', { method: 'POST', body }));

export const useReportSpoiled = () =>
  useBlankWrite(({ id, ...body }: { id: number; reason: string; lost: boolean }) =>
    api<Blank>(`/blanks/${id}/spoil`, { method: 'POST', body }),
  );

export type SpoilVerdict = { id: number; confirm: true } | { id: number; confirm: false; reason: string };

export const useDecideSpoiled = () =>
  useBlankWrite((v: SpoilVerdict) =>
    v.confirm
      ? api<Blank>(`/blanks/${v.id}/spoil/confirm`, { method: 'POST', body: {} })
      : api<Blank>(`/blanks/${v.id}/spoil/reject`, { method: 'POST', body: { reason: v.reason } }),
  );

/** Who signs an office's documents (GET /signatories): the one in force and every earlier one. */
export interface Signatory {
  id: number;
  office: string;
  basis: 'head' | 'authorised';
  fullName: string;
  title: string;
  headTitle: string | null;
  authority: string | null;
  /** The title line documents print over the signature. */
  printedTitle: string;
  validFrom: string;
  setAt: string;
  setBy: { login: string; name: string | null } | null;
}

export interface OfficeSignatories {
  office: { id: string; nameTg: string; nameRu: string; nameEn: string };
  defaultHeadTitle: string;
  current: Signatory | null;
  history: Signatory[];
}

export const signatoriesQuery = (office: string) =>
  queryOptions({
    queryKey: ['signatories', office],
    queryFn: ({ signal }) => api<OfficeSignatories>('/signatories', { signal, query: { office } }),
  });

export interface SignatoryInput {
  office?: string;
  basis: 'head' | 'authorised';
  fullName: string;
  title: string;
  headTitle?: string;
  authority?: string;
}

export function useSetSignatory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SignatoryInput) => api<Signatory>('/signatories', { method: 'POST', body }),
    onSettled: () => client.invalidateQueries({ queryKey: ['signatories'] }),
  });
}
