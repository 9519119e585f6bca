import type {
  Batch,
  Blank,
  BlankStatus,
  DocumentKind,
  OfficeSignatories,
  SignatoryView,
  StockReport,
  Transfer,
} from '@sabt/core';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

export type { Batch, Blank, BlankStatus, StockReport, Transfer } from '@sabt/core';
/** Blank stock, batches and blanks as the server answers them: core's schemas, inferred. */
export { BLANK_STATUSES } from '@sabt/core';

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

export const transfersQuery = (office: string) =>
  queryOptions({
    queryKey: ['blanks', 'transfers', office],
    queryFn: ({ signal }) =>
      api<{ items: Transfer[] }>('/blanks/transfers', { signal, query: { office } }).then((r) => r.items),
  });

export interface TransferInput {
  office?: string;
  toOffice: string;
  document: DocumentKind;
  series: string;
  from: string;
  to: string;
  note?: string;
}

/** A hand-over; the same `idempotencyKey` for a send repeated unchanged (it then moves nothing twice). */
export const useTransferBlanks = () =>
  useBlankWrite(({ idempotencyKey, ...body }: TransferInput & { idempotencyKey?: string }) =>
    api<Transfer>('/blanks/transfers', {
      method: 'POST',
      body,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    }),
  );

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
export type { OfficeSignatories, SignatoryView as Signatory } from '@sabt/core';

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
    mutationFn: (body: SignatoryInput) => api<SignatoryView>('/signatories', { method: 'POST', body }),
    onSettled: () => client.invalidateQueries({ queryKey: ['signatories'] }),
  });
}
