import { DomainError, notFound } from '../../errors/domain-error.ts';
import { assertCanRead } from '../../policies/records.ts';
import { appendAction, lockRecord } from '../../unit-of-work/record-store.ts';
import type { WriteContext } from '../../unit-of-work/write.ts';
import { assertMay } from '../policy.ts';
import { certDb } from '../tables.ts';

export interface ReceiptInput {
  name: string;
  idDocument: {
    type: string;
    series?: string | undefined;
    number: string;
    issuer?: string | undefined;
    issueDate?: string | undefined;
  };
}

/** Records who collected a certificate, with their identity document; once per certificate. */
export async function recordReceipt(ctx: WriteContext, certificateId: string, input: ReceiptInput) {
  const db = certDb(ctx.trx);
  const found = await db
    .selectFrom('certificates')
    .select(['record_id'])
    .where('id', '=', certificateId)
    .executeTakeFirst();
  if (!found) throw notFound();
  // the record first, then the certificate: the same lock order as issuing
  const rec = await lockRecord(ctx, found.record_id);
  assertCanRead(ctx.actor, rec);
  const cert = await db
    .selectFrom('certificates')
    .select(['id', 'office_id', 'status', 'received_at', 'series', 'number', 'document'])
    .where('id', '=', certificateId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (cert.office_id !== ctx.actor.officeId) throw new DomainError('forbidden', 'problem.outsideOffice');
  assertMay(ctx.actor, 'record-receipt');
  if (cert.status === 'spoiled') throw new DomainError('conflict', 'problem.certificate.spoiled');
  if (cert.received_at) throw new DomainError('conflict', 'problem.certificate.alreadyReceived');
  await db
    .updateTable('certificates')
    .set({
      received_by_name: input.name,
      received_id_document: JSON.stringify(input.idDocument),
      received_at: ctx.now,
      receipt_recorded_by: ctx.actor.id,
    })
    .where('id', '=', certificateId)
    .execute();
  const revision = rec.revision + 1;
  await ctx.trx
    .updateTable('records')
    .set({ revision, updated_at: ctx.now })
    .where('id', '=', rec.id)
    .execute();
  await appendAction(ctx, {
    recordId: rec.id,
    action: 'certificate-receipt',
    fromStatus: rec.status,
    toStatus: rec.status,
    revision,
    payload: { certificateId, document: cert.document, series: cert.series, number: cert.number },
  });
}
