import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** user_two_factor (migration 034): a user's sealed authenticator secret, confirmed or not yet. */
export interface UserTwoFactorTable {
  user_id: string;
  secret_box: Buffer;
  secret_salt: Buffer;
  started_at: Date;
  confirmed_at: Date | null;
  /** The time step of the last code accepted (bigint: read back as a string on PostgreSQL). */
  last_step: string | number | null;
}

/** two_factor_recovery_codes (migration 034): the SHA-256 of each recovery code, used once. */
export interface TwoFactorRecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  created_at: Date;
  used_at: Date | null;
}

/** two_factor_challenges (migration 034): the step between a right password and its code. */
export interface TwoFactorChallengesTable {
  token_hash: string;
  user_id: string;
  expires_at: Date;
  failures: Generated<number>;
  used_at: Date | null;
}

export type TwoFactorTables = {
  user_two_factor: UserTwoFactorTable;
  two_factor_recovery_codes: TwoFactorRecoveryCodesTable;
  two_factor_challenges: TwoFactorChallengesTable;
};

/** The database (or a transaction) seen with the two-factor tables. */
export function twoFactorDb(db: Transaction<Database>): Transaction<Database & TwoFactorTables>;
export function twoFactorDb(db: Kysely<Database>): Kysely<Database & TwoFactorTables>;
export function twoFactorDb(db: Kysely<Database> | Transaction<Database>) {
  return db.withTables<TwoFactorTables>();
}
