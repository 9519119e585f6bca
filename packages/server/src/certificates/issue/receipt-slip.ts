import {
  DOCUMENT_LABELS,
  getActKind,
  ID_DOCUMENT_TYPE_LABELS,
  type IdDocumentType,
  todayIn,
} from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/sessions.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { officialName } from '../../offices/office-names.ts';
import { assertMaySeeVersion, versionSealed } from '../../policies/sealing.ts';
import { blankNumber, date } from '../documents/format.ts';
import { type ReceiptSlipInput, renderReceiptSlip } from '../documents/receipt-slip.ts';
import type { DocumentKind } from '../types.ts';
import { findCertificate } from './certificate-queries.ts';

interface StoredIdDocument {
  type: IdDocumentType;
  series?: string;
  number: string;
  issuer?: string;
  issueDate?: string;
}

/** "Шиносномаи … A 01234567, дода: ШВКД …, 02.03.2019": an identity document as the slip names it. */
export function idDocumentLine(d: StoredIdDocument | null): string {
  if (!d) return '';
  const type = ID_DOCUMENT_TYPE_LABELS[d.type]?.tg ?? '';
  const number = [d.series, d.number].filter(Boolean).join(' ');
  const issued = [d.issuer, d.issueDate ? date(d.issueDate) : ''].filter(Boolean).join(', ');
  return [`${type} ${number}`.trim(), issued ? `дода: ${issued}` : ''].filter(Boolean).join(', ');
}

/**
 * What the receipt slip of a hand-over prints, from the certificate as recorded: refused before the
 * hand-over is recorded, and, for a certificate of sealed data, to one who may not see it.
 */
export async function receiptSlipInput(
  db: Kysely<Database>,
  config: Config,
  actor: Actor,
  certificateId: string,
): Promise<{ input: ReceiptSlipInput; recordId: string; receivedOn: string; sealed: boolean }> {
  const { rec, row, seal } = await findCertificate(db, config, actor, certificateId);
  assertMaySeeVersion(seal, row.record_version);
  if (!row.received_at) throw new DomainError('conflict', 'problem.certificate.notReceived');
  const office = await db
    .selectFrom('offices')
    .select(['kind', 'unit', 'name_tg', 'official_name'])
    .where('id', '=', row.office_id)
    .executeTakeFirstOrThrow();
  const receivedOn = todayIn(config.timeZone, new Date(row.received_at));
  const kind = getActKind(rec.kind)?.labels.tg ?? rec.kind;
  const registeredOn = rec.registered_at ? todayIn(config.timeZone, new Date(rec.registered_at)) : '';
  const document = row.document as DocumentKind;
  return {
    recordId: rec.id,
    receivedOn,
    sealed: versionSealed(seal, row.record_version),
    input: {
      officeName: officialName(office),
      document: DOCUMENT_LABELS[document].tg,
      blank: blankNumber({ document, certificate: { series: row.series, number: row.number } }),
      record: `${kind}${rec.number !== null ? `, № ${rec.number}` : ''}${registeredOn ? ` аз ${date(registeredOn)}` : ''}`,
      recipient: row.received_by_name ?? '',
      recipientDocument: idDocumentLine(row.received_id_document as StoredIdDocument | null),
      date: date(receivedOn),
      staff: row.receipt_by_name ?? row.receipt_by ?? '',
    },
  };
}

/** The receipt slip of a certificate's hand-over (PDF), dated the day of the hand-over; whether it shows sealed data. */
export async function receiptSlip(db: Kysely<Database>, config: Config, actor: Actor, certificateId: string) {
  const { input, recordId, receivedOn, sealed } = await receiptSlipInput(db, config, actor, certificateId);
  return { recordId, sealed, pdf: await renderReceiptSlip(input, { date: receivedOn }) };
}
