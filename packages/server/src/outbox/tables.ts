import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Kysely types of the outbox table (migration 011). */

type Json = ColumnType<unknown, string, string>;

export interface OutboxTable {
  /** Taken from the table's identity at insert, under the audit head lock: commit order. */
  position: ColumnType<number, never, never>;
  type: string;
  schema_version: number;
  record_id: string | null;
  office_id: string | null;
  payload: Json;
  created_at: Generated<Date>;
  dispatched_at: ColumnType<Date | null, never, Date | string>;
}

export type OutboxTables = { outbox: OutboxTable };
export type OutboxDatabase = Database & OutboxTables;

/** The database (or a transaction) seen with the outbox table. */
export function outboxDb(db: Transaction<Database>): Transaction<OutboxDatabase>;
export function outboxDb(db: Kysely<Database>): Kysely<OutboxDatabase>;
export function outboxDb(db: Kysely<Database> | Transaction<Database>) {
  return db.withTables<OutboxTables>();
}
