import { randomUUID } from 'node:crypto';
import {
  type AdminUser,
  type AdminUserDetail,
  type AdminUserQuery,
  type NewUserInput,
  PASSWORD_HISTORY_DEPTH,
  ROLE_LABELS,
  type Role,
} from '@sabt/core';
import { type ExpressionWrapper, type Kysely, type SqlBool, sql } from 'kysely';
import { passwordProblem } from '../auth/password-policy.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { type Actor, liveSessions } from '../auth/sessions.ts';
import { throttleKeys } from '../auth/throttle.ts';
import { forgetTwoFactor } from '../auth/two-factor.ts';
import type { TwoFactorTables } from '../auth/two-factor-tables.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { DomainError } from '../errors/domain-error.ts';
import {
  assertMayAdminister,
  assertMayGrant,
  assertOfficeInReach,
  assertUserInReach,
  mayActOnUser,
  reachPrefix,
} from '../policies/administration.ts';
import type { WriteContext } from '../unit-of-work/write.ts';
import { isReusedPassword, setChosenPassword, setTemporaryPassword } from './password-history.ts';
import { adminDb } from './tables.ts';

/**
 * Users as their administrators see and change them: a page of the users in one's jurisdiction, a
 * user with their sessions, and the commands (create, change role, office or name, disable, enable,
 * unlock, reset the password, revoke sessions), each run in runWrite, audited when it changes
 * something and answering the same when asked again.
 */

const userRows = (db: Kysely<Database>, now: Date) =>
  adminDb(db)
    .withTables<TwoFactorTables>()
    .selectFrom('users as u')
    .innerJoin('offices as o', 'o.id', 'u.office_id')
    .select([
      'u.id',
      'u.login',
      'u.full_name',
      'u.role',
      'u.active',
      'u.must_change_password',
      'u.created_at',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('user_two_factor as f')
              .select('f.user_id')
              .whereRef('f.user_id', '=', 'u.id')
              .where('f.confirmed_at', 'is not', null),
          )
          .as('two_factor'),
      'o.id as office_id',
      'o.kind as office_kind',
      'o.path as office_path',
      'o.name_tg',
      'o.name_ru',
      'o.name_en',
    ])
    .select((eb) => lockedNow(eb, now).as('locked'));

/** Whether wrong sign-ins make this login wait now (throttle.ts's row for it). */
// biome-ignore-start lint/suspicious/noExplicitAny: the expression builder of the queries that ask it
function lockedNow(eb: any, now: Date): ExpressionWrapper<any, any, SqlBool> {
  return eb.exists(
    eb
      .selectFrom('login_throttle as t')
      .select('t.key')
      .whereRef('t.key', '=', sql<string>`'login:' || u.login`)
      .where('t.blocked_until', '>', now),
  );
}
// biome-ignore-end lint/suspicious/noExplicitAny: the expression builder of the queries that ask it

type UserRow = Awaited<ReturnType<ReturnType<typeof userRows>['executeTakeFirstOrThrow']>>;

function present(r: UserRow): AdminUser {
  return {
    id: r.id,
    login: r.login,
    name: r.full_name,
    role: r.role as Role,
    roleLabel: ROLE_LABELS[r.role as Role],
    office: {
      id: r.office_id,
      kind: r.office_kind as AdminUser['office']['kind'],
      name: { tg: r.name_tg, ru: r.name_ru, en: r.name_en },
    },
    active: r.active,
    locked: Boolean(r.locked),
    mustChangePassword: r.must_change_password,
    twoFactorEnrolled: Boolean(r.two_factor),
    createdAt: new Date(r.created_at).toISOString(),
  };
}

const PAGE = 50;

/** A page of the users in the actor's jurisdiction, by login, with the filters asked. */
export async function listUsers(db: Kysely<Database>, actor: Actor, q: AdminUserQuery) {
  const reach = assertMayAdminister(actor, 'read-users');
  const now = new Date();
  const limit = q.limit ?? PAGE;
  let query = userRows(db, now)
    .where('o.path', 'like', `${reachPrefix(actor, reach)}%`)
    .orderBy('u.login')
    .limit(limit + 1);
  if (q.after) query = query.where('u.login', '>', q.after);
  if (q.role) query = query.where('u.role', '=', q.role);
  if (q.q) {
    const like = `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('u.login', 'like', like), eb(sql`lower(u.full_name)`, 'like', like)]),
    );
  }
  if (q.office) {
    const office = await db
      .selectFrom('offices')
      .select('path')
      .where('id', '=', q.office)
      .executeTakeFirst();
    query = query.where('o.path', 'like', `${office?.path ?? '\u0000'}%`);
  }
  if (q.status === 'active') query = query.where('u.active', '=', true);
  if (q.status === 'disabled') query = query.where('u.active', '=', false);
  if (q.status === 'locked') query = query.where((eb) => lockedNow(eb, now));
  const rows = await query.execute();
  const items = rows.slice(0, limit).map(present);
  return { items, next: rows.length > limit ? items[items.length - 1]!.login : null };
}

/** One user in the actor's jurisdiction, or not found. */
async function userInReach(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  action: Parameters<typeof assertUserInReach>[1],
) {
  const row = await userRows(db, new Date()).where('u.id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('not-found', 'problem.admin.noSuchUser');
  assertUserInReach(actor, action, { id: row.id, role: row.role, office_path: row.office_path });
  return row;
}

const sessionId = (tokenHash: string) => tokenHash.slice(0, 16);

/** A user with their active sessions and what the actor may do to them. */
export async function userDetail(
  db: Kysely<Database>,
  config: Pick<Config, 'sessionIdleMinutes'>,
  actor: Actor,
  id: string,
): Promise<AdminUserDetail> {
  const reach = assertMayAdminister(actor, 'read-users');
  const row = await userRows(db, new Date()).where('u.id', '=', id).executeTakeFirst();
  if (!row || !(reach === 'national' || row.office_path.startsWith(actor.officePath)))
    throw new DomainError('not-found', 'problem.admin.noSuchUser');
  // a session idle past the limit is no longer active, though its row waits for its next use
  const sessions = await liveSessions(db, config, id);
  const target = { id: row.id, role: row.role, office_path: row.office_path };
  const user = present(row);
  const allowed: AdminUserDetail['allowed'] = [];
  if (mayActOnUser(actor, 'change-user', target)) allowed.push('change');
  if (mayActOnUser(actor, 'disable-user', target)) allowed.push(user.active ? 'disable' : 'enable');
  if (mayActOnUser(actor, 'unlock-user', target) && user.locked) allowed.push('unlock');
  if (mayActOnUser(actor, 'reset-password', target)) allowed.push('reset-password');
  if (mayActOnUser(actor, 'revoke-sessions', target) && sessions.length > 0) allowed.push('revoke-sessions');
  if (mayActOnUser(actor, 'reset-two-factor', target) && user.twoFactorEnrolled)
    allowed.push('reset-two-factor');
  return {
    ...user,
    sessions: sessions.map((s) => ({
      id: sessionId(s.token_hash),
      createdAt: new Date(s.created_at).toISOString(),
      lastSeenAt: new Date(s.last_seen_at).toISOString(),
      expiresAt: new Date(s.expires_at).toISOString(),
      current: s.token_hash === actor.sessionHash,
    })),
    allowed,
  };
}

async function officeForUsers(ctx: WriteContext, officeId: string) {
  const office = await adminDb(ctx.trx)
    .selectFrom('offices')
    .select(['id', 'path', 'active', 'name_tg', 'name_ru', 'name_en'])
    .where('id', '=', officeId)
    .executeTakeFirst();
  if (!office)
    throw new DomainError('invalid', 'problem.validation', {}, [
      { path: ['officeId'], key: 'problem.admin.unknownOffice', params: {} },
    ]);
  const names = { tg: office.name_tg, ru: office.name_ru, en: office.name_en };
  return { ...office, names };
}

const audit = (ctx: WriteContext, event: string, user: { id: string; login: string }, detail = {}) =>
  ctx.audit.push({
    event,
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: ctx.actor.officeId,
    detail: { userId: user.id, login: user.login, ...detail },
  });

/** A new user with a temporary password, to be changed at the first sign-in. */
export async function createUserAsAdmin(ctx: WriteContext, input: NewUserInput) {
  assertMayAdminister(ctx.actor, 'create-user');
  assertMayGrant(ctx.actor, input.role);
  const office = await officeForUsers(ctx, input.officeId);
  assertOfficeInReach(ctx.actor, 'create-user', office);
  if (!office.active)
    throw new DomainError('conflict', 'problem.admin.officeClosed', { office: office.names });
  const taken = await ctx.trx
    .selectFrom('users')
    .select('id')
    .where('login', '=', input.login)
    .executeTakeFirst();
  if (taken) throw new DomainError('conflict', 'problem.admin.loginTaken', { login: input.login });
  const id = randomUUID();
  await ctx.trx
    .insertInto('users')
    .values({
      id,
      login: input.login,
      full_name: input.fullName,
      role: input.role,
      office_id: office.id,
      // replaced at once by the temporary password: no one knows this one
      password_hash: '!',
    })
    .execute();
  const temporaryPassword = await setTemporaryPassword(ctx.trx, id);
  audit(ctx, 'user.created', { id, login: input.login }, { role: input.role, officeId: office.id });
  const row = await userRows(ctx.trx, ctx.now).where('u.id', '=', id).executeTakeFirstOrThrow();
  return { user: present(row), temporaryPassword };
}

/** A user's name, role or office changed (the role one the actor may give, the office within reach). */
export async function changeUser(
  ctx: WriteContext,
  id: string,
  change: { fullName?: string | undefined; role?: Role | undefined; officeId?: string | undefined },
) {
  const row = await userInReach(ctx.trx, ctx.actor, id, 'change-user');
  const set: { full_name?: string; role?: string; office_id?: string } = {};
  if (change.role !== undefined && change.role !== row.role) {
    assertMayGrant(ctx.actor, change.role);
    set.role = change.role;
  }
  if (change.officeId !== undefined && change.officeId !== row.office_id) {
    const office = await officeForUsers(ctx, change.officeId);
    assertOfficeInReach(ctx.actor, 'change-user', office);
    if (!office.active)
      throw new DomainError('conflict', 'problem.admin.officeClosed', { office: office.names });
    set.office_id = office.id;
  }
  if (change.fullName !== undefined && change.fullName !== row.full_name) set.full_name = change.fullName;
  if (Object.keys(set).length > 0) {
    await ctx.trx.updateTable('users').set(set).where('id', '=', id).execute();
    audit(ctx, 'user.changed', row, {
      ...(set.role ? { role: { from: row.role, to: set.role } } : {}),
      ...(set.office_id ? { officeId: { from: row.office_id, to: set.office_id } } : {}),
      ...(set.full_name ? { fullName: true } : {}),
    });
  }
  return present(await userRows(ctx.trx, ctx.now).where('u.id', '=', id).executeTakeFirstOrThrow());
}

/** Disabled: signs in no more, every session ended at once. Enabled again: may sign in. */
export async function setUserActive(ctx: WriteContext, id: string, active: boolean) {
  const row = await userInReach(ctx.trx, ctx.actor, id, 'disable-user');
  if (row.active !== active) {
    await ctx.trx.updateTable('users').set({ active }).where('id', '=', id).execute();
    const ended = active ? 0 : await endSessions(ctx, id);
    audit(ctx, active ? 'user.enabled' : 'user.disabled', row, active ? {} : { sessionsEnded: ended });
  }
  return present(await userRows(ctx.trx, ctx.now).where('u.id', '=', id).executeTakeFirstOrThrow());
}

/** Wrong sign-ins forgotten: the login may be tried again at once. */
export async function unlockUser(ctx: WriteContext, id: string) {
  const row = await userInReach(ctx.trx, ctx.actor, id, 'unlock-user');
  if (row.locked) {
    await ctx.trx.deleteFrom('login_throttle').where('key', '=', throttleKeys(row.login, '').login).execute();
    audit(ctx, 'user.unlocked', row);
  }
  return present(await userRows(ctx.trx, ctx.now).where('u.id', '=', id).executeTakeFirstOrThrow());
}

/** A temporary password (shown once), every session ended, the login unlocked. */
export async function resetPassword(ctx: WriteContext, id: string) {
  const row = await userInReach(ctx.trx, ctx.actor, id, 'reset-password');
  const temporaryPassword = await setTemporaryPassword(ctx.trx, id);
  const ended = await endSessions(ctx, id);
  await ctx.trx.deleteFrom('login_throttle').where('key', '=', throttleKeys(row.login, '').login).execute();
  audit(ctx, 'user.password-reset', row, { sessionsEnded: ended });
  const user = present(await userRows(ctx.trx, ctx.now).where('u.id', '=', id).executeTakeFirstOrThrow());
  return { user, temporaryPassword };
}

/**
 * A lost authenticator: the user's two-factor enrolment and recovery codes forgotten and every
 * session ended; they set it up again at their next sign-in (before anything else, when their role
 * requires it).
 */
export async function resetTwoFactor(ctx: WriteContext, id: string) {
  const row = await userInReach(ctx.trx, ctx.actor, id, 'reset-two-factor');
  if (await forgetTwoFactor(ctx.trx, id)) {
    const ended = await endSessions(ctx, id);
    audit(ctx, 'user.two-factor-reset', row, { sessionsEnded: ended });
  }
  return present(await userRows(ctx.trx, ctx.now).where('u.id', '=', id).executeTakeFirstOrThrow());
}

/** One of the user's sessions, or all of them, ended: the next request with it is signed out. */
export async function revokeSessions(ctx: WriteContext, id: string, session: string | undefined) {
  const row = await userInReach(ctx.trx, ctx.actor, id, 'revoke-sessions');
  const revoked = await endSessions(ctx, id, session);
  if (revoked > 0)
    audit(ctx, 'user.sessions-revoked', row, { count: revoked, ...(session ? { session } : {}) });
  return { revoked };
}

async function endSessions(ctx: WriteContext, userId: string, session?: string): Promise<number> {
  let q = ctx.trx.deleteFrom('sessions').where('user_id', '=', userId);
  if (session !== undefined) {
    if (!/^[0-9a-f]{16}$/.test(session)) return 0;
    q = q.where('token_hash', 'like', `${session}%`);
  }
  const res = await q.executeTakeFirst();
  return Number(res.numDeletedRows ?? 0);
}

/**
 * A user changes their own password: the current one first, then a new one the policy accepts
 * that repeats none of their last ones. Their other sessions end; this one goes on.
 */
export async function changeOwnPassword(ctx: WriteContext, input: { current: string; password: string }) {
  const me = await ctx.trx
    .selectFrom('users')
    .select(['id', 'login', 'password_hash'])
    .where('id', '=', ctx.actor.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(me.password_hash, input.current)))
    throw new DomainError('invalid', 'problem.validation', {}, [
      { path: ['current'], key: 'problem.admin.wrongCurrentPassword', params: {} },
    ]);
  const weak = await passwordProblem(input.password, me.login);
  if (weak)
    throw new DomainError('invalid', 'problem.validation', {}, [
      { path: ['password'], key: weak.key, params: weak.params },
    ]);
  if (await isReusedPassword(ctx.trx, me.id, input.password))
    throw new DomainError('invalid', 'problem.validation', {}, [
      { path: ['password'], key: 'password.reused', params: { count: PASSWORD_HISTORY_DEPTH } },
    ]);
  await setChosenPassword(ctx.trx, me.id, input.password);
  const ended = await ctx.trx
    .deleteFrom('sessions')
    .where('user_id', '=', me.id)
    .where('token_hash', '!=', ctx.actor.sessionHash)
    .executeTakeFirst();
  audit(ctx, 'user.password-changed', me, { otherSessionsEnded: Number(ended.numDeletedRows ?? 0) });
  return { changed: true };
}
