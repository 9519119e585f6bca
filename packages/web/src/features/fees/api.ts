import type { FeeVersion, FeeVersionDraft } from '@sabt/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/** Every version of every fee rule (public): the browser computes fees with core's calculateFee. */
export const feeRulesQuery = () =>
  queryOptions({
    queryKey: ['fees', 'rules'],
    queryFn: ({ signal }) =>
      api<{ versions: FeeVersion[] }>('/fees/rules', { signal }).then((r) => r.versions),
  });

/** The same with who stored each (central administrators). */
export const feeVersionsQuery = () =>
  queryOptions({
    queryKey: ['fees', 'versions'],
    queryFn: ({ signal }) =>
      api<{ versions: FeeVersion[] }>('/fees/versions', { signal }).then((r) => r.versions),
  });

export interface FeePreview {
  sampleDate: string;
  issues: { path: (string | number)[]; key: string; params?: Record<string, unknown> }[];
  rows: {
    service: string;
    category: string;
    consular: boolean;
    before: { text: string } | null;
    after: { text: string } | null;
    consularBefore: { text: string } | null;
    consularAfter: { text: string } | null;
    changed: boolean;
  }[];
}

export function usePreviewFeeVersion() {
  return useMutation({
    mutationFn: (version: FeeVersionDraft) =>
      api<FeePreview>('/fees/versions/preview', { method: 'POST', body: { version } }),
  });
}

export function useAddFeeVersion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, key }: { version: FeeVersionDraft; key: string }) =>
      api<FeeVersion>('/fees/versions', { method: 'POST', body: version, idempotencyKey: key }),
    onSettled: () => client.invalidateQueries({ queryKey: ['fees'] }),
  });
}
