import type {
  CannedAnswer,
  CannedAnswerBody,
  Inbox,
  QuestionAnswerBody,
  QuestionStatus,
  StaffQuestion,
} from '@sabt/core';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/**
 * Citizens' questions as the workspace uses them (/questions…, /canned-answers…). Each write carries
 * the Idempotency-Key its form chose, so a send repeated after a lost answer is answered once.
 */

export const inboxQuery = (office: string | null, status: QuestionStatus, after: string | null) =>
  queryOptions({
    queryKey: ['questions', 'inbox', office, status, after],
    queryFn: ({ signal }) => api<Inbox>('/questions', { signal, query: { office, status, after } }),
    placeholderData: keepPreviousData,
  });

export const questionQuery = (id: string) =>
  queryOptions({
    queryKey: ['questions', 'thread', id],
    queryFn: ({ signal }) => api<StaffQuestion>(`/questions/${id}`, { signal }),
  });

export const cannedQuery = (office: string | null, all = false) =>
  queryOptions({
    queryKey: ['questions', 'canned', office, all],
    queryFn: ({ signal }) =>
      api<{ items: CannedAnswer[]; canManage: boolean }>('/canned-answers', {
        signal,
        query: { office, all: all ? 'true' : undefined },
      }),
  });

export function useAnswer(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: QuestionAnswerBody; key: string }) =>
      api<StaffQuestion>(`/questions/${id}/answers`, { method: 'POST', body, idempotencyKey: key }),
    onSuccess: (data) => {
      client.setQueryData(questionQuery(id).queryKey, data);
      void client.invalidateQueries({ queryKey: ['questions', 'inbox'] });
    },
  });
}

export function useClose(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key }: { key: string }) =>
      api<StaffQuestion>(`/questions/${id}/close`, { method: 'POST', idempotencyKey: key }),
    onSuccess: (data) => {
      client.setQueryData(questionQuery(id).queryKey, data);
      void client.invalidateQueries({ queryKey: ['questions', 'inbox'] });
    },
  });
}

export function useSaveCanned() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, key }: { id: string | null; body: CannedAnswerBody; key: string }) =>
      id
        ? api<CannedAnswer>(`/canned-answers/${id}`, { method: 'PUT', body, idempotencyKey: key })
        : api<CannedAnswer>('/canned-answers', { method: 'POST', body, idempotencyKey: key }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['questions', 'canned'] }),
  });
}
