import { createHash, randomBytes } from 'node:crypto';
import type { OfficeKind, Role } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { isTwoFactorRequired } from './two-factor.ts';
import { twoFactorDb } from './two-factor-tables.ts';

export const SESSION_COOKIE = 'sabt_session';

/** What a user signed in with a temporary password may do: change it, see who they are, sign out. */
export const WHILE_PASSWORD_TEMPORARY = new Set([
  'POST /api/v1/me/password',
  'GET /api/v1/me',
  'GET /api/v1/auth/session',
  'POST /api/v1/auth/logout',
  'GET /api/v1/act-kinds',
]);

/**
 * What a user whose role requires two-factor sign-in may do before they have set it up: enrol, see
 * who they are, sign out.
 */
export const WHILE_TWO_FACTOR_ENROLMENT = new Set([
  'GET /api/v1/me',
  'GET /api/v1/auth/session',
  'POST /api/v1/auth/logout',
  'GET /api/v1/act-kinds',
  'GET /api/v1/me/two-factor',
  'POST /api/v1/me/two-factor/enrolment',
  'POST /api/v1/me/two-factor/enrolment/confirm',
]);

/** The signed-in user as every command and query sees them. */
export interface Actor {
  id: string;
  login: string;
  fullName: string;
  role: Role;
  officeId: string;
  officeKind: OfficeKind;
  officePath: string;
  sessionHash: string;
  /** Signed in with a temporary password: may do nothing but change it (app.ts). */
  mustChangePassword?: boolean;
  /**
   * The primary's WAL position after this session's latest write: its reads go to a replica only
   * once the replica has replayed past it (db/read-replica.ts). Null: nothing written yet.
   */
  readAfterLsn?: string | null;
  /** Their role requires two-factor sign-in and they have not set it up: may do nothing but enrol (app.ts). */
  mustEnrolTwoFactor?: boolean;
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Kysely<Database>, config: Config, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  await db
    .insertInto('sessions')
    .values({
      token_hash: tokenHash(token),
      user_id: userId,
      last_seen_at: new Date(now),
      expires_at: new Date(now + config.sessionMaxHours * 3_600_000),
    })
    .execute();
  return token;
}

/** The last activity a session may have had and still be alive now (older: idle, ended at its next use). */
export function idleCutoff(config: Pick<Config, 'sessionIdleMinutes'>, now: number = Date.now()): Date {
  return new Date(now - config.sessionIdleMinutes * 60_000);
}

/** A user's sessions alive now, newest first: neither past their end nor idle (as resolveSession judges). */
export function liveSessions(
  db: Kysely<Database>,
  config: Pick<Config, 'sessionIdleMinutes'>,
  userId: string,
) {
  const now = Date.now();
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('expires_at', '>', new Date(now))
    .where('last_seen_at', '>=', idleCutoff(config, now))
    .orderBy('created_at', 'desc')
    .execute();
}

/** Finds the session's user; an idle or expired session is ended and gives nothing. */
export async function resolveSession(
  db: Kysely<Database>,
  config: Config,
  token: string | undefined,
): Promise<Actor | undefined> {
  if (!token || token.length > 200) return undefined;
  const hash = tokenHash(token);
  const row = await twoFactorDb(db)
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('offices as o', 'o.id', 'u.office_id')
    .leftJoin('user_two_factor as f', 'f.user_id', 'u.id')
    .select([
      'f.confirmed_at as two_factor_at',
      's.token_hash',
      's.last_seen_at',
      's.expires_at',
      's.read_after_lsn',
      'u.id',
      'u.login',
      'u.full_name',
      'u.role',
      'u.office_id',
      'u.active',
      'u.must_change_password',
      'o.kind as office_kind',
      'o.path as office_path',
    ])
    .where('s.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return undefined;
  const now = Date.now();
  const idle = new Date(row.last_seen_at).getTime() < idleCutoff(config, now).getTime();
  if (!row.active || now > new Date(row.expires_at).getTime() || idle) {
    await db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
    return undefined;
  }
  // touch at most once a minute: a read should not always be a write
  if (now - new Date(row.last_seen_at).getTime() > 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now) })
      .where('token_hash', '=', hash)
      .execute();
  }
  return {
    id: row.id,
    login: row.login,
    fullName: row.full_name,
    role: row.role as Role,
    officeId: row.office_id,
    officeKind: row.office_kind as OfficeKind,
    officePath: row.office_path,
    sessionHash: hash,
    mustChangePassword: row.must_change_password,
    readAfterLsn: row.read_after_lsn,
    mustEnrolTwoFactor: isTwoFactorRequired(config, row.role) && !row.two_factor_at,
  };
}

export async function endSession(db: Kysely<Database>, sessionHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', sessionHash).execute();
}
