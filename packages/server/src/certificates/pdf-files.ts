import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import {
  FileDamagedError,
  FileMissingError,
  type FileStore,
  type StoredFile,
  sha256Hex,
} from '../storage/file-store.ts';
import { recordStoredFile } from '../storage/tables.ts';
import { certDb } from './tables.ts';

/**
 * Certificate PDFs in the file store: a certificate's row names its signed PDF by pdf_sha256; the
 * bytes live in the store (migration 012), except those of certificates issued before, until the
 * data step below has moved them.
 */

/** Writes a signed certificate PDF to the store: before the row that names it is inserted. */
export function storeCertificatePdf(files: FileStore, pdf: Buffer): Promise<StoredFile> {
  return files.put(pdf, { purpose: 'certificate' });
}

/**
 * The signed PDF exactly as issued, checked against the hash its row names: a damaged or altered
 * file is a FileDamagedError, never a wrong document. A PDF the data step has not moved yet is
 * read from the database, checked the same way.
 */
export async function readCertificatePdf(
  db: Kysely<Database>,
  files: FileStore,
  cert: { id: string; pdf_sha256: string },
): Promise<Buffer> {
  try {
    return await files.get(cert.pdf_sha256);
  } catch (e) {
    if (!(e instanceof FileMissingError)) throw e;
    const row = await certDb(db)
      .selectFrom('certificates')
      .select('pdf')
      .where('id', '=', cert.id)
      .executeTakeFirst();
    if (!row?.pdf) throw e;
    const actual = sha256Hex(row.pdf);
    if (actual !== cert.pdf_sha256) throw new FileDamagedError(cert.pdf_sha256, actual, 'database');
    return row.pdf;
  }
}

export interface MoveResult {
  /** Certificates whose PDF moved to the store in this run. */
  moved: number;
  /** Certificates whose PDF in the database does not match its pdf_sha256: left where they are. */
  mismatched: string[];
}

/**
 * The data step of migration 012: moves the PDFs of certificates issued before it from the
 * database to the store, batch by batch — the batch's files written first, then one transaction
 * records them and clears the bytes. Idempotent and resumable: run at every start (prepareDatabase),
 * it does nothing once everything has moved; interrupted, it goes on where it stopped. A PDF that
 * does not match its row's hash is left in the database (and reported); it is not served either.
 */
export async function moveCertificatePdfs(
  db: Kysely<Database>,
  files: FileStore,
  opts: { batchSize?: number; onBatch?: (moved: number) => void } = {},
): Promise<MoveResult> {
  const batchSize = opts.batchSize ?? 100;
  const cdb = certDb(db);
  const result: MoveResult = { moved: 0, mismatched: [] };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await cdb
      .selectFrom('certificates')
      .select(['id', 'pdf', 'pdf_sha256', 'issued_at'])
      .where('pdf', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    const stored: { id: string; file: StoredFile; at: Date }[] = [];
    for (const row of rows) {
      const pdf = row.pdf!;
      if (sha256Hex(pdf) !== row.pdf_sha256) {
        result.mismatched.push(row.id);
        continue;
      }
      // Sabt made these itself: its size limit of today does not apply to what it issued then
      const file = await files.put(pdf, { purpose: 'certificate', maxBytes: Number.POSITIVE_INFINITY });
      stored.push({ id: row.id, file, at: new Date(row.issued_at) });
    }
    if (stored.length > 0) {
      await db.transaction().execute(async (trx) => {
        for (const { id, file, at } of stored) {
          await recordStoredFile(trx, file, at);
          await certDb(trx)
            .updateTable('certificates')
            .set({ pdf: null })
            .where('id', '=', id)
            .where('pdf_sha256', '=', file.sha256)
            .execute();
        }
      });
    }
    result.moved += stored.length;
    opts.onBatch?.(result.moved);
  }
  if (result.mismatched.length === 0) await validateReference(db);
  return result;
}

/** Once no certificate keeps its PDF in the database, every row names a stored file: say so. */
async function validateReference(db: Kysely<Database>): Promise<void> {
  const c = await sql<{ convalidated: boolean }>`
    SELECT convalidated FROM pg_constraint
    WHERE conname = 'certificates_pdf_file' AND conrelid = 'certificates'::regclass
  `.execute(db);
  if (c.rows[0]?.convalidated !== false || (await certificatePdfsInDatabase(db))) return;
  await sql`ALTER TABLE certificates VALIDATE CONSTRAINT certificates_pdf_file`.execute(db);
}

/** Whether any certificate still keeps its PDF in the database (the data step has work to do). */
export async function certificatePdfsInDatabase(db: Kysely<Database>): Promise<boolean> {
  const row = await certDb(db)
    .selectFrom('certificates')
    .select('id')
    .where('pdf', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
