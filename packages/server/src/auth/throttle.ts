import { type Kysely, sql } from 'kysely';
import type { LoginThrottleConfig } from '../config.ts';
import type { Database } from '../db/schema.ts';

/**
 * Sign-in throttling instead of an account lock: wrong sign-ins are counted per login (known or
 * not: the answer must not tell which logins exist) and per address. Past the threshold, each
 * further attempt waits, 30 s doubling up to the maximum; an attempt refused while waiting is not
 * checked and not counted, so the real user is never locked out for longer than the maximum.
 * A right password clears its login's count; a count with no failure for four times the maximum
 * wait starts again from nothing.
 */

const FIRST_WAIT_MS = 30_000;

export interface ThrottleKeys {
  login: string;
  address: string;
}

export const throttleKeys = (login: string, ip: string): ThrottleKeys => ({
  login: `login:${login.trim().toLowerCase().slice(0, 60)}`,
  address: `address:${ip}`,
});

/** Seconds to wait before this login may be tried from this address; 0: go ahead. */
export async function throttledFor(db: Kysely<Database>, keys: ThrottleKeys, now: Date): Promise<number> {
  const rows = await db
    .selectFrom('login_throttle')
    .select('blocked_until')
    .where('key', 'in', [keys.login, keys.address])
    .where('blocked_until', '>', now)
    .execute();
  const until = Math.max(0, ...rows.map((r) => new Date(r.blocked_until!).getTime()));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Counts a wrong sign-in under both keys; returns the wait it now imposes, in seconds (0: none). */
export async function recordFailure(
  db: Kysely<Database>,
  config: LoginThrottleConfig,
  keys: ThrottleKeys,
  now: Date,
): Promise<number> {
  const maxMs = config.maxMinutes * 60_000;
  const forgetBefore = new Date(now.getTime() - 4 * maxMs);
  let wait = 0;
  for (const [key, threshold] of [
    [keys.login, config.perLogin],
    [keys.address, config.perAddress],
  ] as const) {
    const { failures } = await db
      .insertInto('login_throttle')
      .values({ key, failures: 1, last_failure_at: now, blocked_until: null })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql<number>`CASE WHEN login_throttle.last_failure_at < ${forgetBefore}
            THEN 1 ELSE login_throttle.failures + 1 END`,
          last_failure_at: now,
        }),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    if (failures < threshold) continue;
    const ms = Math.min(maxMs, FIRST_WAIT_MS * 2 ** Math.min(failures - threshold, 20));
    await db
      .updateTable('login_throttle')
      .set({ blocked_until: new Date(now.getTime() + ms) })
      .where('key', '=', key)
      .execute();
    wait = Math.max(wait, Math.ceil(ms / 1000));
  }
  return wait;
}

/** A right password: its login starts again from nothing (the address keeps its count). */
export async function clearLogin(db: Kysely<Database>, keys: ThrottleKeys): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', keys.login).execute();
}
