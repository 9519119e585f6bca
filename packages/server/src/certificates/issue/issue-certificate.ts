import { createHash, randomUUID } from 'node:crypto';
import { todayIn } from '@sabt/core';
import { sql } from 'kysely';
import { appendAction, lockRecord, type RecordRow } from '../../commands/record-store.ts';
import type { WriteContext } from '../../commands/write.ts';
import { forbidden, Problem } from '../../http/problem.ts';
import { assertCanRead } from '../../policies/records.ts';
import { sealInfo } from '../../queries/sealing.ts';
import { takeBlank } from '../blanks/blank-stock.ts';
import { renderCertificate } from '../documents/render.ts';
import { officeSigner } from '../keys/key-store.ts';
import { signPayload } from '../keys/qr-payload.ts';
import { assertMay } from '../policy.ts';
import { signPdf } from '../signing/sign-pdf.ts';
import { certDb } from '../tables.ts';
import type { Calibration, CertificateRenderInput, DocumentKind, PrintMode } from '../types.ts';
import { DOCUMENT_LABELS, DOCUMENTS, documentFor } from './documents.ts';

export type IssueKind = 'first' | 'repeat' | 'reissue';

export interface IssueInput {
  mode: PrintMode;
  /** An archive extract on request; otherwise the record's own certificate. */
  document?: DocumentKind | undefined;
  /** The blank in the printer, when the clerk names it (else the next free one). */
  blankNumber?: string | undefined;
  blankSeries?: string | undefined;
  calibration?: Calibration | undefined;
  /** What the clerk expects to print; refused when the registry says otherwise. */
  issue?: IssueKind | undefined;
}

/**
 * Which issue this is: the first certificate of the record; a new one ('reissue') when the record
 * changed since (amendment, paternity, adoption: a new version), when a later act asks for one (the
 * 'certificate-reissue' flag, e.g. a spouse's change of name noted on a marriage) or when every
 * earlier one was superseded; otherwise a repeat of a valid one. Spoiled prints do not count.
 */
export function issueKindOf(
  recordVersion: number,
  earlier: { status: string; record_version: number }[],
  reissueDue = false,
): IssueKind {
  const counted = earlier.filter((c) => c.status !== 'spoiled');
  if (counted.length === 0) return 'first';
  if (reissueDue) return 'reissue';
  if (counted.some((c) => c.status === 'valid' && c.record_version === recordVersion)) return 'repeat';
  return 'reissue';
}

/** Issues a certificate: blank, signed QR payload, PDF rendered and signed, all in one transaction. */
export async function issueCertificate(ctx: WriteContext, recordId: string, input: IssueInput) {
  const { actor, config } = ctx;
  const rec = await lockRecord(ctx, recordId);
  assertCanRead(actor, rec);
  if (rec.office_id !== actor.officeId) throw new Problem(403, 'problem.outsideOffice');
  assertMay(actor, 'issue-certificate');
  if (rec.status !== 'registered') throw new Problem(409, 'problem.certificate.notRegistered');
  const seal = await sealInfo(ctx.trx, actor, rec);
  if (seal.whole && !seal.canSee) throw forbidden();

  const own = documentFor(rec);
  const document = input.document ?? own;
  if (document !== own && document !== 'ARCHIVE_EXTRACT') {
    throw new Problem(422, 'problem.certificate.wrongDocument', { document }, [
      { path: ['document'], key: 'error.choice', params: { options: [own, 'ARCHIVE_EXTRACT'] } },
    ]);
  }
  const onBlank = DOCUMENTS[document].blank;
  if (!onBlank && input.mode !== 'full') throw new Problem(422, 'problem.certificate.plainPaperOnly');

  const db = certDb(ctx.trx);
  const earlier = await db
    .selectFrom('certificates')
    .select(['id', 'status', 'record_version'])
    .where('record_id', '=', rec.id)
    .where('document', '=', document)
    .execute();
  const issue = issueKindOf(
    rec.version,
    earlier,
    document === own && rec.flags.includes('certificate-reissue'),
  );
  if (input.issue && input.issue !== issue) {
    throw new Problem(409, 'problem.certificate.issueMismatch', { expected: issue, requested: input.issue });
  }

  const numbered = onBlank
    ? await takeBlank(
        ctx,
        rec.office_id,
        document,
        input.blankNumber ? { series: input.blankSeries, number: input.blankNumber } : undefined,
      )
    : await nextPlainNumber(ctx, rec.office_id, document);

  const signer = await officeSigner(ctx.trx, config, rec.office_id);
  const qr = signPayload(
    {
      r: rec.id,
      v: rec.version,
      c: `${numbered.series} ${numbered.number}`,
      k: signer.qrKeyId,
      d: ctx.today,
    },
    signer.qrKey,
  );
  const calibration = input.calibration ?? { dxMm: 0, dyMm: 0 };
  const office = await ctx.trx
    .selectFrom('offices')
    .select(['id', 'name_tg', 'name_ru'])
    .where('id', '=', rec.office_id)
    .executeTakeFirstOrThrow();
  const renderInput: CertificateRenderInput = {
    document,
    mode: input.mode,
    calibration,
    record: {
      id: rec.id,
      kind: rec.kind,
      data: rec.data,
      version: rec.version,
      number: rec.number ?? 0,
      registeredOn: todayIn(config.timeZone, new Date(rec.registered_at ?? ctx.now)),
      nationalId: rec.national_id ?? '',
      ...(document === 'ARCHIVE_EXTRACT'
        ? { notations: await notations(ctx, rec, seal.sealed && !seal.canSee ? seal.untilActionId : 0) }
        : {}),
    },
    office: { id: office.id, nameTg: office.name_tg, nameRu: office.name_ru },
    certificate: {
      series: numbered.series,
      number: numbered.number,
      issuedOn: ctx.today,
      registrarName: actor.fullName,
      issue,
    },
    qr,
    verifyUrl: `${config.publicUrl}/verify?c=${qr}`,
  };
  const rendered = await renderCertificate(renderInput);
  const pdf = await signPdf(rendered, signer, {
    reason: `${DOCUMENT_LABELS[document].tg} ${numbered.series} ${numbered.number}`,
    location: office.name_tg,
    name: office.name_tg,
    signingTime: ctx.now,
  });

  const id = randomUUID();
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  await db
    .insertInto('certificates')
    .values({
      id,
      record_id: rec.id,
      record_version: rec.version,
      office_id: rec.office_id,
      document,
      blank_id: numbered.id,
      series: numbered.series,
      number: numbered.number,
      issue,
      mode: input.mode,
      calibration: JSON.stringify(calibration),
      status: 'valid',
      superseded_by: null,
      superseded_at: null,
      issued_by: actor.id,
      issued_at: ctx.now,
      issued_on: ctx.today,
      qr_payload: qr,
      key_id: signer.qrKeyId,
      signing_key_id: signer.x509KeyId,
      pdf,
      pdf_sha256: sha256,
    })
    .execute();
  // A new certificate after a change replaces the earlier ones: they no longer certify the record.
  const superseded =
    issue === 'reissue'
      ? await db
          .updateTable('certificates')
          .set({ status: 'superseded', superseded_by: id, superseded_at: ctx.now })
          .where('record_id', '=', rec.id)
          .where('document', '=', document)
          .where('status', '=', 'valid')
          .where('id', '<>', id)
          .returning('id')
          .execute()
      : [];
  // The record's own certificate is now current: the 'new certificate due' flag is done.
  const flags = document === own ? rec.flags.filter((f) => f !== 'certificate-reissue') : rec.flags;
  const revision = rec.revision + 1;
  await ctx.trx
    .updateTable('records')
    .set({ flags, revision, updated_at: ctx.now })
    .where('id', '=', rec.id)
    .execute();
  await appendAction(ctx, {
    recordId: rec.id,
    action: 'issue-certificate',
    fromStatus: rec.status,
    toStatus: rec.status,
    revision,
    payload: {
      certificateId: id,
      document,
      series: numbered.series,
      number: numbered.number,
      issue,
      version: rec.version,
      ...(superseded.length ? { superseded: superseded.map((s) => s.id) } : {}),
    },
  });
  ctx.audit.push({
    event: 'certificate.issue',
    actorId: actor.id,
    actorLogin: actor.login,
    officeId: rec.office_id,
    recordId: rec.id,
    detail: {
      certificateId: id,
      document,
      series: numbered.series,
      number: numbered.number,
      blankId: numbered.id,
      issue,
      keyId: signer.qrKeyId,
      signingKeyId: signer.x509KeyId,
      pdfSha256: sha256,
    },
  });
  return id;
}

/** Documents on plain paper are numbered per office, document and year: series = office, number = year/sequence. */
async function nextPlainNumber(
  ctx: WriteContext,
  officeId: string,
  document: DocumentKind,
): Promise<{ id: null; series: string; number: string }> {
  const year = Number(ctx.today.slice(0, 4));
  const row = await sql<{ last_number: number }>`
    INSERT INTO document_counters (office_id, document, year, last_number) VALUES (${officeId}, ${document}, ${year}, 1)
    ON CONFLICT (office_id, document, year) DO UPDATE SET last_number = document_counters.last_number + 1
    RETURNING last_number
  `.execute(ctx.trx);
  const n = Number(row.rows[0]!.last_number);
  return { id: null, series: officeId, number: `${year}/${String(n).padStart(6, '0')}` };
}

/** Notations for an extract: later acts noted on the record (sealed ones withheld from those who may not see them). */
async function notations(ctx: WriteContext, rec: RecordRow, hiddenUntilAction: number) {
  const rows = await ctx.trx
    .selectFrom('record_actions')
    .select(['id', 'payload'])
    .where('record_id', '=', rec.id)
    .where('action', '=', 'notation')
    .where('id', '>', hiddenUntilAction)
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const p = r.payload as { type: string; number?: number; year?: number; eventDate?: string };
    return { type: p.type, number: p.number ?? null, year: p.year ?? null, eventDate: p.eventDate ?? null };
  });
}
