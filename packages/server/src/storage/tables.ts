import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { StoredFile } from './file-store.ts';
import type { FilePurpose } from './purposes.ts';

/** Kysely types of migration 012: the files in the store that rows may name. */
export interface StoredFilesTable {
  sha256: string;
  size: number;
  content_type: string;
  purpose: FilePurpose;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export type StorageTables = { stored_files: StoredFilesTable };

/** The database (or a transaction) seen with the storage table. */
export function storageDb(db: Transaction<Database>): Transaction<Database & StorageTables>;
export function storageDb(db: Kysely<Database>): Kysely<Database & StorageTables>;
export function storageDb(db: Kysely<Database> | Transaction<Database>) {
  return db.withTables<StorageTables>();
}

/**
 * Records a file the store holds, in the transaction that inserts the row naming it (after
 * FileStore.put wrote it). The same bytes recorded again keep their first row.
 */
export async function recordStoredFile(
  trx: Kysely<Database> | Transaction<Database>,
  file: StoredFile,
  at?: Date,
): Promise<void> {
  await storageDb(trx as Kysely<Database>)
    .insertInto('stored_files')
    .values({
      sha256: file.sha256,
      size: file.size,
      content_type: file.contentType,
      purpose: file.purpose,
      ...(at ? { created_at: at } : {}),
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}
