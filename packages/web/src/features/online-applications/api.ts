import type { OnlineApplication, OnlineApplicationDetail } from '@sabt/core';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export type OnlineQueue = 'received' | 'waiting-for-visit' | 'needs-correction';

/** A page of the office's online applications in one of its lists (`after`: the page before's `next`). */
export const onlineApplicationsQuery = (status: OnlineQueue, after: string | null = null) =>
  queryOptions({
    queryKey: ['online-applications', status, after],
    queryFn: ({ signal }) =>
      api<{ items: OnlineApplication[]; next: string | null }>('/online-applications', {
        signal,
        query: { status, ...(after ? { after } : {}) },
      }),
    placeholderData: keepPreviousData,
  });

export const onlineApplicationQuery = (id: string) =>
  queryOptions({
    queryKey: ['online-applications', 'one', id],
    queryFn: ({ signal }) => api<OnlineApplicationDetail>(`/online-applications/${id}`, { signal }),
  });

export function useOnlineApplicationWrites(id: string) {
  const client = useQueryClient();
  const onSettled = () => client.invalidateQueries({ queryKey: ['online-applications'] });
  return {
    accept: useMutation({
      mutationFn: () =>
        api<{ application: OnlineApplicationDetail; recordId: string }>(`/online-applications/${id}/accept`, {
          method: 'POST',
        }),
      onSettled,
    }),
    link: useMutation({
      mutationFn: (recordId: string) =>
        api<OnlineApplicationDetail>(`/online-applications/${id}/link`, {
          method: 'POST',
          body: { recordId },
        }),
      onSettled,
    }),
    send: useMutation({
      mutationFn: (message: string) =>
        api<OnlineApplicationDetail>(`/online-applications/${id}/return`, {
          method: 'POST',
          body: { message },
        }),
      onSettled,
    }),
  };
}
