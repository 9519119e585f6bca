import type { RecoveryCodes, TwoFactorEnrolment, TwoFactorStatus } from '@sabt/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { meQueryKey } from '../../lib/auth.ts';

/** One's own two-factor sign-in (GET /me/two-factor and its writes). */

export const twoFactorStatusKey = ['me', 'two-factor'] as const;

export const twoFactorStatusQuery = () =>
  queryOptions({
    queryKey: twoFactorStatusKey,
    queryFn: ({ signal }) => api<TwoFactorStatus>('/me/two-factor', { signal }),
  });

/** Begins (or shows again, until confirmed) the enrolment: the secret as a QR code and as text. */
export const useBeginEnrolment = () =>
  useMutation({
    mutationFn: () => api<TwoFactorEnrolment>('/me/two-factor/enrolment', { method: 'POST' }),
  });

/** The first code confirms it; the recovery codes come back, once. */
export function useConfirmEnrolment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      api<RecoveryCodes>('/me/two-factor/enrolment/confirm', { method: 'POST', body: { code } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: twoFactorStatusKey });
    },
  });
}

/** After the recovery codes were shown: the user as the server now sees them (no longer kept on enrolment). */
export function useEnrolmentDone() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: meQueryKey, exact: true });
}

/** New recovery codes against a current code of the app. */
export function useRegenerateRecoveryCodes() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      api<RecoveryCodes>('/me/two-factor/recovery-codes', { method: 'POST', body: { code } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: twoFactorStatusKey });
    },
  });
}
