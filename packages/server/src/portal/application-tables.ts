import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { StorageTables } from '../storage/tables.ts';
import type { PortalTables } from './tables.ts';

/** citizen_applications (migrations 039, 042): a citizen's online application. */
export interface CitizenApplicationsTable {
  id: string;
  citizen_id: string;
  kind: string;
  office_id: string | null;
  data: ColumnType<unknown, string, string>;
  status: 'draft' | 'received' | 'needs-correction' | 'accepted';
  tracking_code: string | null;
  tracking_birth_date: ColumnType<string | null, string | null, string | null>;
  correction_message: string | null;
  record_id: string | null;
  accepted_by: string | null;
  /** When the clerk made or linked its record (migration 042). */
  accepted_at: Date | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: Date;
  submitted_at: Date | null;
}

/** citizen_application_files (migration 039): the scans attached to an application. */
export interface CitizenApplicationFilesTable {
  id: string;
  application_id: string;
  sha256: string;
  file_name: string;
  content_type: string;
  size: number;
  created_at: Generated<Date>;
}

/** citizen_idempotency_keys (migration 039): a citizen's writes by Idempotency-Key. */
export interface CitizenIdempotencyKeysTable {
  citizen_id: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: unknown;
  created_at: Generated<Date>;
}

export type ApplicationTables = PortalTables &
  StorageTables & {
    citizen_applications: CitizenApplicationsTable;
    citizen_application_files: CitizenApplicationFilesTable;
    citizen_idempotency_keys: CitizenIdempotencyKeysTable;
  };
export type ApplicationDatabase = Omit<Database, 'offices'> & ApplicationTables;

/** The database (or a transaction) seen with the online applications' tables. */
export function applicationDb(db: Transaction<Database>): Transaction<ApplicationDatabase>;
export function applicationDb(db: Kysely<Database>): Kysely<ApplicationDatabase>;
export function applicationDb(db: Kysely<Database> | Transaction<Database>) {
  return db.withTables<ApplicationTables>();
}
