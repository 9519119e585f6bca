import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../auth/sessions.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { FileMissingError, type FileStore } from '../../storage/file-store.ts';
import { recordStoredFile } from '../../storage/tables.ts';
import { renderFeeReceipt } from './receipt-document.ts';
import { type ReceiptEntry, receiptEntry, receiptInput } from './receipt-input.ts';

/**
 * A receipt's PDF is kept as first printed: rendered from the ledger rows, written to the file
 * store (purpose `receipt`) and named, with its SHA-256, in the audit entry of that first print
 * (`fee.receipt`, or `fee.sealed-receipt` for a record of sealed data; detail { entryId, sha256,
 * stored: true }); every later print serves those stored bytes, checked against their hash,
 * whatever changed since (the office's name, the layout). A file lost from the store is rendered
 * and stored again.
 */

export const RECEIPT_PRINTED = ['fee.receipt', 'fee.sealed-receipt'] as const;

/** The hash of the receipt stored for an entry, from the audit entry of the print that stored it. */
async function storedPrint(db: Kysely<Database>, entry: ReceiptEntry): Promise<string | null> {
  let q = db
    .selectFrom('audit_log')
    .select(sql<string>`detail->>'sha256'`.as('sha256'))
    .where('event', 'in', RECEIPT_PRINTED)
    .where(sql<string>`detail->>'entryId'`, '=', entry.id)
    .where(sql<string>`detail->>'stored'`, '=', 'true');
  q = entry.record_id ? q.where('record_id', '=', entry.record_id) : q.where('record_id', 'is', null);
  const row = await q.orderBy('id', 'desc').limit(1).executeTakeFirst();
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
  const kept = await storedPrint(db, entry);
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
  return { entry, pdf, sha256: file.sha256, stored: true, sealed };
}
