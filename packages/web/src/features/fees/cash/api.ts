import type {
  CashDayView,
  CashReportView,
  FeeReportView,
  StatementSummaryView,
  StatementView,
} from '@sabt/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

/** An office's business day: its report and each clerk's. */
export const cashDayQuery = (date: string, office?: string) =>
  queryOptions({
    queryKey: ['fees', 'cash', date, office ?? ''],
    queryFn: ({ signal }) => api<CashDayView>('/fees/cash/day', { signal, query: { date, office } }),
  });

export function useCashWrites() {
  const client = useQueryClient();
  const onSettled = () => client.invalidateQueries({ queryKey: ['fees', 'cash'] });
  return {
    prepare: useMutation({
      mutationFn: (body: { date: string; scope: 'clerk' | 'office'; office?: string; reason?: string }) =>
        api<CashReportView>('/fees/cash/reports', { method: 'POST', body }),
      onSettled,
    }),
    handIn: useMutation({
      mutationFn: (body: { date: string; amountMinor: number }) =>
        api<unknown>('/fees/cash/handovers', { method: 'POST', body }),
      onSettled,
    }),
    sign: useMutation({
      mutationFn: (id: string) => api<CashReportView>(`/fees/cash/reports/${id}/sign`, { method: 'POST' }),
      onSettled,
    }),
  };
}

export const statementsQuery = () =>
  queryOptions({
    queryKey: ['fees', 'statements'],
    queryFn: ({ signal }) =>
      api<{ items: StatementSummaryView[] }>('/fees/statements', { signal }).then((r) => r.items),
  });

export const statementQuery = (id: string) =>
  queryOptions({
    queryKey: ['fees', 'statements', id],
    queryFn: ({ signal }) => api<StatementView>(`/fees/statements/${id}`, { signal }),
  });

/** A file's bytes as base64, for the JSON body. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function useImportStatement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) =>
      api<StatementView>('/fees/statements', {
        method: 'POST',
        body: { fileName: file.name.slice(0, 255) || undefined, content: await base64Of(file) },
      }),
    onSettled: () => client.invalidateQueries({ queryKey: ['fees', 'statements'] }),
  });
}

export const feeReportQuery = (q: { from: string; to: string; service?: string; office?: string }) =>
  queryOptions({
    queryKey: ['fees', 'reports', q],
    queryFn: ({ signal }) => api<FeeReportView>('/fees/reports', { signal, query: q }),
  });
