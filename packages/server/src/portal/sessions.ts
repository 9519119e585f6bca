import { createHash, randomBytes } from 'node:crypto';
import type { Citizen, Locale } from '@sabt/core';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { portalDb } from './tables.ts';

/**
 * A citizen's session cookie: its own name and its own path, so the browser never sends it to a
 * staff route, and staff routes read only the staff's cookie and table (auth/sessions.ts); the
 * portal's routes read only this one (app.ts), so a staff session is nobody there.
 */
export const CITIZEN_COOKIE = 'sabt_citizen';
export const CITIZEN_COOKIE_PATH = '/api/v1/portal';

/** The signed-in citizen as the portal's routes see them. */
export interface CitizenActor extends Citizen {
  sessionHash: string;
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createCitizenSession(
  trx: Transaction<Database>,
  config: Config,
  citizenId: string,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  await portalDb(trx)
    .insertInto('citizen_sessions')
    .values({
      token_hash: tokenHash(token),
      citizen_id: citizenId,
      last_seen_at: new Date(now),
      expires_at: new Date(now + config.sessionMaxHours * 3_600_000),
    })
    .execute();
  return token;
}

/** The session's citizen; an idle or expired session is ended and gives nothing. */
export async function resolveCitizenSession(
  db: Kysely<Database>,
  config: Config,
  token: string | undefined,
): Promise<CitizenActor | undefined> {
  if (!token || token.length > 200) return undefined;
  const hash = tokenHash(token);
  const pdb = portalDb(db);
  const row = await pdb
    .selectFrom('citizen_sessions as s')
    .innerJoin('citizens as c', 'c.id', 's.citizen_id')
    .select([
      's.last_seen_at',
      's.expires_at',
      'c.id',
      'c.channel',
      'c.contact',
      'c.language',
      'c.created_at',
    ])
    .where('s.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return undefined;
  const now = Date.now();
  const idleLimit = new Date(row.last_seen_at).getTime() + config.sessionIdleMinutes * 60_000;
  if (now > new Date(row.expires_at).getTime() || now > idleLimit) {
    await pdb.deleteFrom('citizen_sessions').where('token_hash', '=', hash).execute();
    return undefined;
  }
  if (now - new Date(row.last_seen_at).getTime() > 60_000) {
    await pdb
      .updateTable('citizen_sessions')
      .set({ last_seen_at: new Date(now) })
      .where('token_hash', '=', hash)
      .execute();
  }
  return {
    id: row.id,
    channel: row.channel,
    contact: row.contact,
    language: row.language as Locale,
    since: new Date(row.created_at).toISOString(),
    sessionHash: hash,
  };
}

export async function endCitizenSession(db: Kysely<Database>, sessionHash: string): Promise<void> {
  await portalDb(db).deleteFrom('citizen_sessions').where('token_hash', '=', sessionHash).execute();
}
