import type { LoginAnswer, Me } from '@sabt/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ProblemError, signedOutProblem } from './api.ts';

/** The signed-in user as GET /me and POST /auth/login return them: core's schema, inferred. */
export type { Me } from '@sabt/core';

export const meQueryKey = ['me'] as const;

/**
 * Who is signed in. Asked through GET /auth/session, which answers 200 either way, so a signed-out
 * visit logs no failed request; nobody signed in becomes a 401 problem here, the caller's to handle
 * (the sign-in redirect, not "session expired").
 */
export const meQuery = () =>
  queryOptions({
    queryKey: meQueryKey,
    queryFn: async ({ signal }) => {
      const { user } = await api<{ user: Me | null }>('/auth/session', {
        signal,
        expectUnauthenticated: true,
      });
      if (!user) throw new ProblemError(signedOutProblem());
      return user;
    },
    staleTime: 5 * 60_000,
  });

export interface Credentials {
  login: string;
  password: string;
}

/** The password step: the signed-in user, or (two-factor sign-in) the challenge the code goes with. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Credentials) =>
      api<LoginAnswer>('/auth/login', { method: 'POST', body, expectUnauthenticated: true }),
    onSuccess: (answer) => {
      if ('challenge' in answer) return;
      client.clear();
      client.setQueryData(meQueryKey, answer);
    },
  });
}

/** The code step of two-factor sign-in: a code of the authenticator app or a recovery code. */
export function useCodeSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { challenge: string; code: string }) =>
      api<Me>('/auth/login/code', { method: 'POST', body, expectUnauthenticated: true }),
    onSuccess: (me) => {
      client.clear();
      client.setQueryData(meQueryKey, me);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST', expectUnauthenticated: true }),
    // Signed out either way: forget everything this user saw.
    onSettled: () => client.clear(),
  });
}
