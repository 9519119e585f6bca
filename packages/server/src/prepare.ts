import type { Kysely } from 'kysely';
import { hashUnhashedRows } from './audit/record-hashes.ts';
import { certificatePdfsInDatabase, moveCertificatePdfs } from './certificates/pdf-files.ts';
import { migrate } from './db/migrate.ts';
import type { Database } from './db/schema.ts';
import { ensureOffices, nationalOfficeTree } from './offices/office-tree.ts';
import type { FileStore } from './storage/file-store.ts';

/**
 * Brings a database up to date: migrations, the data steps that follow them (the hashes of the
 * actions and versions written before migration 022; certificate PDFs of before migration 012 move
 * to the file store), then the national office tree (reference data).
 * Without a file store the data step cannot run: that is refused while it has work to do.
 */
export async function prepareDatabase(
  db: Kysely<Database>,
  opts: { files?: FileStore | undefined } = {},
): Promise<{ migrations: string[]; offices: number; certificatePdfsMoved: number }> {
  const migrations = await migrate(db);
  await hashUnhashedRows(db);
  let certificatePdfsMoved = 0;
  if (opts.files) {
    const moved = await moveCertificatePdfs(db, opts.files);
    certificatePdfsMoved = moved.moved;
    if (moved.mismatched.length > 0) {
      console.warn(
        `certificate PDFs left in the database, their bytes do not match their pdf_sha256: ${moved.mismatched.join(', ')}`,
      );
    }
  } else if (await certificatePdfsInDatabase(db)) {
    throw new Error(
      'certificate PDFs wait in the database to be moved to the file store: prepare with a store',
    );
  }
  const offices = await ensureOffices(db, nationalOfficeTree());
  return { migrations, offices, certificatePdfsMoved };
}
