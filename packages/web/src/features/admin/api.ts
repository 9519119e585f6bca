import type {
  AdminOffice,
  AdminUser,
  AdminUserDetail,
  AdminUserQuery,
  NewUserInput,
  OfficeDetails,
  OpenableOfficeKind,
  PublicOffice,
  Role,
  Visit,
} from '@sabt/core';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/**
 * The administration API (/admin/…) as the screens use it. Every write carries the Idempotency-Key
 * its form chose (web lib/write-keys.ts): a retry of the same send is answered once.
 */

/** The filters of the users' list as GET /admin/users takes them (empty ones left out). */
export type UserFilter = Pick<AdminUserQuery, 'q' | 'role' | 'office' | 'status'>;
export const USER_FILTER_KEYS = [
  'q',
  'office',
  'role',
  'status',
] as const satisfies readonly (keyof UserFilter)[];

export const USERS_PAGE = 25;

/** A page of users; `after` is the login the page starts after (none: the first page). */
export const usersQuery = (filter: UserFilter, after: string | null) =>
  queryOptions({
    queryKey: ['admin', 'users', filter, after],
    queryFn: ({ signal }) =>
      api<{ items: AdminUser[]; next: string | null }>('/admin/users', {
        signal,
        query: { ...filter, after, limit: USERS_PAGE },
      }),
    placeholderData: keepPreviousData,
  });

export const userQuery = (id: string) =>
  queryOptions({
    queryKey: ['admin', 'user', id],
    queryFn: ({ signal }) => api<AdminUserDetail>(`/admin/users/${id}`, { signal }),
  });

/** The offices one administers users in (all of them for the central department), in tree order. */
export const adminOfficesQuery = () =>
  queryOptions({
    queryKey: ['admin', 'offices'],
    queryFn: ({ signal }) => api<{ items: AdminOffice[] }>('/admin/offices', { signal }).then((r) => r.items),
  });

export const visitsQuery = (officeId: string, from: string) =>
  queryOptions({
    queryKey: ['admin', 'visits', officeId, from],
    queryFn: ({ signal }) =>
      api<{ items: Visit[] }>(`/admin/offices/${officeId}/visits`, { signal, query: { from } }).then(
        (r) => r.items,
      ),
  });

/** A write: its body and the key its form chose. */
interface Write<B> {
  body: B;
  key: string;
}

/** After any write the lists and the user read before may be out of date; the office tree too. */
function useAdminWrite<B, T>(send: (w: Write<B>) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['admin'] });
      await client.invalidateQueries({ queryKey: ['offices'] });
    },
  });
}

export interface TemporaryPassword {
  user: AdminUser;
  temporaryPassword: string;
}

export const useCreateUser = () =>
  useAdminWrite(({ body, key }: Write<NewUserInput>) =>
    api<TemporaryPassword>('/admin/users', { method: 'POST', body, idempotencyKey: key }),
  );

export type UserChange = { fullName?: string; role?: Role; officeId?: string };
export const useChangeUser = (id: string) =>
  useAdminWrite(({ body, key }: Write<UserChange>) =>
    api<AdminUser>(`/admin/users/${id}`, { method: 'PATCH', body, idempotencyKey: key }),
  );

/**
 * A step on a user (disable, enable, unlock, reset-password, reset-two-factor: set it up again at the
 * next sign-in) or the end of their sessions (all, or one).
 */
export type UserStep =
  | 'disable'
  | 'enable'
  | 'unlock'
  | 'reset-password'
  | 'reset-two-factor'
  | 'revoke-sessions';
export type UserStepAnswer = AdminUser | TemporaryPassword | { revoked: number };
export const useUserStep = (id: string) =>
  useAdminWrite(({ body, key }: Write<{ step: UserStep; session?: string }>) =>
    body.step === 'revoke-sessions'
      ? api<UserStepAnswer>(`/admin/users/${id}/sessions/revoke`, {
          method: 'POST',
          body: body.session ? { session: body.session } : {},
          idempotencyKey: key,
        })
      : api<UserStepAnswer>(`/admin/users/${id}/${body.step}`, {
          method: 'POST',
          idempotencyKey: key,
        }),
  );

export interface NewOffice {
  kind: OpenableOfficeKind;
  parent: string;
  name: { tg: string; ru: string; en: string };
  officialName?: string;
  country?: string;
}
export const useOpenOffice = () =>
  useAdminWrite(({ body, key }: Write<NewOffice>) =>
    api<AdminOffice>('/admin/offices', { method: 'POST', body, idempotencyKey: key }),
  );

export const useRenameOffice = (id: string) =>
  useAdminWrite(({ body, key }: Write<{ name: NewOffice['name']; officialName?: string | null }>) =>
    api<AdminOffice>(`/admin/offices/${id}`, { method: 'PATCH', body, idempotencyKey: key }),
  );

/** What the portal shows of the offices where citizens apply (the public list, GET /portal/offices). */
export const publishedOfficesQuery = () =>
  queryOptions({
    queryKey: ['admin', 'published-offices'],
    queryFn: ({ signal }) =>
      api<{ items: PublicOffice[] }>('/portal/offices', { signal, fresh: true }).then((r) => r.items),
  });

export const usePublishOfficeDetails = (id: string) =>
  useAdminWrite(({ body, key }: Write<OfficeDetails>) =>
    api<PublicOffice>(`/admin/offices/${id}/details`, { method: 'PUT', body, idempotencyKey: key }),
  );

export const useOfficeStep = (id: string) =>
  useAdminWrite(({ body, key }: Write<{ step: 'close' | 'reopen' } | { step: 'move'; parent: string }>) =>
    api<AdminOffice>(`/admin/offices/${id}/${body.step}`, {
      method: 'POST',
      ...(body.step === 'move' ? { body: { parent: body.parent } } : {}),
      idempotencyKey: key,
    }),
  );

export interface NewVisit {
  date: string;
  from: string;
  to: string;
  place: string;
  host: string | null;
}
export const useAddVisit = (officeId: string) =>
  useAdminWrite(({ body, key }: Write<NewVisit>) =>
    api<Visit>(`/admin/offices/${officeId}/visits`, { method: 'POST', body, idempotencyKey: key }),
  );

export const useCancelVisit = (officeId: string) =>
  useAdminWrite(({ body, key }: Write<{ visit: string }>) =>
    api<Visit>(`/admin/offices/${officeId}/visits/${body.visit}/cancel`, {
      method: 'POST',
      idempotencyKey: key,
    }),
  );
