import type { LocalizedText } from '@sabt/core';
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** fee_rule_versions (migration 025): the stored versions of the fee rules, append-only. */
export interface FeeRuleVersionsTable {
  id: Generated<string>;
  kind: 'pdr' | 'line' | 'exemption' | 'category' | 'consular';
  key: string;
  valid_from: string;
  valid_to: string | null;
  value: unknown;
  basis: LocalizedText;
  verified: boolean;
  note: LocalizedText | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

export type FeeTables = { fee_rule_versions: FeeRuleVersionsTable };
export type FeeDatabase = Database & FeeTables;

/** The database (or a transaction) seen with the fee tables. */
export function feeDb(db: Transaction<Database>): Transaction<FeeDatabase>;
export function feeDb(db: Kysely<Database>): Kysely<FeeDatabase>;
export function feeDb(db: Kysely<Database> | Transaction<Database>) {
  return db.withTables<FeeTables>();
}
