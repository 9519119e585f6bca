import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Kysely types of the job tables of migration 011 (pg-boss's own tables are its business). */

type Json = ColumnType<unknown, string, string>;

export interface JobRequestsTable {
  id: ColumnType<number, never, never>;
  queue: string;
  dedupe_key: string | null;
  data: Json;
  start_after: Date | null;
  created_at: Generated<Date>;
  dispatched_at: ColumnType<Date | null, never, Date | string>;
}

export interface JobCompletionsTable {
  queue: string;
  key: string;
  job_id: string;
  completed_at: Generated<Date>;
}

export type JobTables = { job_requests: JobRequestsTable; job_completions: JobCompletionsTable };
export type JobDatabase = Database & JobTables;

/** The database (or a transaction) seen with the job tables. */
export function jobsDb(db: Transaction<Database>): Transaction<JobDatabase>;
export function jobsDb(db: Kysely<Database>): Kysely<JobDatabase>;
export function jobsDb(db: Kysely<Database> | Transaction<Database>) {
  return db.withTables<JobTables>();
}
