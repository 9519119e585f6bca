import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** password_history (migration 031): the hashes of a user's earlier passwords. */
export interface PasswordHistoryTable {
  id: Generated<string>;
  user_id: string;
  password_hash: string;
  set_at: Generated<Date>;
}

/** office_visits (migration 031): where and when a mobile office's minivan is. */
export interface OfficeVisitsTable {
  id: string;
  office_id: string;
  visit_date: string;
  starts_at: string;
  ends_at: string;
  place: string;
  host_office_id: string | null;
  cancelled_at: Date | null;
  created_by: string;
  created_at: Generated<Date>;
}

export type AdminTables = {
  password_history: PasswordHistoryTable;
  office_visits: OfficeVisitsTable;
};
export type AdminDatabase = Database & AdminTables;

/** The database (or a transaction) seen with the administration's tables and columns. */
export function adminDb(db: Transaction<Database>): Transaction<AdminDatabase>;
export function adminDb(db: Kysely<Database>): Kysely<AdminDatabase>;
export function adminDb(db: Kysely<Database> | Transaction<Database>) {
  return db.withTables<AdminTables>();
}
