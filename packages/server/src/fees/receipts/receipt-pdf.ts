import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/sessions.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { FileMissingError, type FileStore } from '../../storage/file-store.ts';
import { recordStoredFile } from '../../storage/tables.ts';
import { feeDb } from '../tables.ts';
import { renderFeeReceipt } from './receipt-document.ts';
import { type ReceiptEntry, receiptEntry, receiptInput } from './receipt-input.ts';

/**
 * A receipt's PDF is kept as first printed: rendered from the ledger rows, written to the file
 * store (purpose `receipt`) and named in fee_receipts (migration 032) by the entry it was printed
 * for; every later print serves those stored bytes, checked against their hash, whatever changed
 * since (the office's name, the layout). Two first prints at once keep one (the first row wins,
 * and the same rows render the same bytes). A file lost from the store is rendered and stored again.
 */

/** The hash of the receipt stored for an entry. */
async function storedPrint(db: Kysely<Database>, entryId: string): Promise<string | null> {
  const row = await feeDb(db)
    .selectFrom('fee_receipts')
    .select('sha256')
    .where('entry_id', '=', entryId)
    .executeTakeFirst();
  return row?.sha256 ?? null;
}

export interface ReceiptPdf {
  entry: ReceiptEntry;
  pdf: Buffer;
  sha256: string;
  /** This print rendered and stored it: its audit entry names the hash. */
  stored: boolean;
  sealed: boolean;
}

/** The receipt of a payment or a refund as a PDF: the stored bytes, or rendered and stored on its first print. */
export async function receiptPdf(
  db: Kysely<Database>,
  files: FileStore,
  config: Config,
  actor: Actor,
  entryId: string,
): Promise<ReceiptPdf> {
  const entry = await receiptEntry(db, actor, entryId);
  const { input, sealed } = await receiptInput(db, config, actor, entry);
  const kept = await storedPrint(db, entry.id);
  if (kept) {
    try {
      return { entry, pdf: await files.get(kept), sha256: kept, stored: false, sealed };
    } catch (e) {
      // a file lost from the store is printed again from the rows; a damaged one is an error
      if (!(e instanceof FileMissingError)) throw e;
    }
  }
  const pdf = await renderFeeReceipt(input, { date: entry.business_date });
  const file = await files.put(pdf, { purpose: 'receipt' });
  await recordStoredFile(db, file);
  if (!kept) {
    const first = await feeDb(db)
      .insertInto('fee_receipts')
      .values({ entry_id: entry.id, sha256: file.sha256, printed_by: actor.id })
      .onConflict((oc) => oc.column('entry_id').doNothing())
      .returning('sha256')
      .executeTakeFirst();
    if (!first) {
      // another print stored it a moment before: serve what it stored
      const other = (await storedPrint(db, entry.id))!;
      return { entry, pdf: await files.get(other), sha256: other, stored: false, sealed };
    }
  }
  return { entry, pdf, sha256: file.sha256, stored: true, sealed };
}
