import { PASSWORD_HISTORY_DEPTH } from '@sabt/core';
import type { Kysely } from 'kysely';
import { hashPassword, readableGroup, verifyPassword } from '../auth/passwords.ts';
import type { Database } from '../db/schema.ts';
import { adminDb } from './tables.ts';

/**
 * Setting a password and remembering it: a password a user chooses may not repeat their current
 * one nor the ones before it (PASSWORD_HISTORY_DEPTH in all; password_history keeps their argon2id
 * hashes, migration 031). A password an administrator sets is temporary: random, and to be changed
 * at the next sign-in.
 */

/** Whether this password is the user's current one or one of their last chosen ones. */
export async function isReusedPassword(
  db: Kysely<Database>,
  userId: string,
  password: string,
): Promise<boolean> {
  const current = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst();
  const earlier = await adminDb(db)
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(PASSWORD_HISTORY_DEPTH)
    .execute();
  const hashes = [...(current ? [current.password_hash] : []), ...earlier.map((r) => r.password_hash)];
  for (const hash of [...new Set(hashes)].slice(0, PASSWORD_HISTORY_DEPTH)) {
    if (await verifyPassword(hash, password)) return true;
  }
  return false;
}

/** Sets a password the user chose, remembering it; the temporary-password mark goes. */
export async function setChosenPassword(
  db: Kysely<Database>,
  userId: string,
  password: string,
): Promise<void> {
  const hash = await hashPassword(password);
  await db
    .updateTable('users')
    .set({ password_hash: hash, must_change_password: false })
    .where('id', '=', userId)
    .execute();
  await adminDb(db).insertInto('password_history').values({ user_id: userId, password_hash: hash }).execute();
}

/** Sets a temporary password (a new user's, a reset): returned once, to be changed at the next sign-in. */
export async function setTemporaryPassword(db: Kysely<Database>, userId: string): Promise<string> {
  const password = temporaryPassword();
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(password), must_change_password: true })
    .where('id', '=', userId)
    .execute();
  return password;
}

/** Four groups of five readable characters: about 97 bits. */
export function temporaryPassword(): string {
  return [readableGroup(5), readableGroup(5), readableGroup(5), readableGroup(5)].join('-');
}
