import { randomUUID } from 'node:crypto';
import {
  type ActKindCode,
  DOCUMENT_LABELS,
  ISSUE_KIND_LABELS,
  type IssueKind,
  outboxEvent,
  printFeeOf,
} from '@sabt/core';
import { sql } from 'kysely';
import { DomainError } from '../../errors/domain-error.ts';
import { lastChangeOf } from '../../fees/payments/ledger.ts';
import { assertFeeSettled, spendCharge } from '../../fees/payments/settlement.ts';
import { assertCanRead } from '../../policies/records.ts';
import { extractNotesAfter } from '../../policies/sealing.ts';
import type { FileStore } from '../../storage/file-store.ts';
import { recordStoredFile } from '../../storage/tables.ts';
import { appendAction, lockRecord } from '../../unit-of-work/record-store.ts';
import type { WriteContext } from '../../unit-of-work/write.ts';
import { takeBlank } from '../blanks/blank-taking.ts';
import { renderCertificate } from '../documents/render.ts';
import { officeSigner } from '../keys/key-store.ts';
import { signPayload } from '../keys/qr-payload.ts';
import { storeCertificatePdf } from '../pdf-files.ts';
import { signPdf } from '../signing/sign-pdf.ts';
import { certDb } from '../tables.ts';
import type { DocumentKind } from '../types.ts';
import { newVerifyCode, verifyUrlOf } from '../verify/verify-code.ts';
import type { PreviewInput } from './preview-certificate.ts';
import { assertMayIssue, chooseDocument, nextIssue, renderInputFor } from './render-input.ts';

export interface IssueInput extends PreviewInput {
  /** What the clerk expects to print; refused when the registry says otherwise. */
  issue?: IssueKind | undefined;
}

/**
 * Issues a certificate: blank, signed QR payload, PDF rendered and signed, all in one transaction.
 * The signed PDF is written to the file store before the rows that name it are inserted.
 */
export async function issueCertificate(
  ctx: WriteContext,
  files: FileStore,
  recordId: string,
  input: IssueInput,
) {
  const { actor, config } = ctx;
  const rec = await lockRecord(ctx, recordId);
  assertCanRead(actor, rec);
  const seal = await assertMayIssue(ctx.trx, actor, rec);
  const { document, own, onBlank, holder } = chooseDocument(rec, input);
  const issue = await nextIssue(ctx.trx, rec, document, own, holder);
  if (input.issue && input.issue !== issue) {
    throw new DomainError('conflict', 'problem.certificate.issueMismatch', {
      expected: ISSUE_KIND_LABELS[issue],
      requested: ISSUE_KIND_LABELS[input.issue],
    });
  }
  // a repeat, a new certificate after a change, an extract: paid (or waived) before it is printed
  const fee = printFeeOf(document, issue, issue === 'reissue' ? await lastChangeOf(ctx.trx, rec.id) : null);
  const paid = fee ? await assertFeeSettled(ctx, rec, fee.purpose, fee.service) : null;

  const numbered = onBlank
    ? await takeBlank(
        ctx,
        rec.office_id,
        document,
        input.blankNumber ? { series: input.blankSeries, number: input.blankNumber } : undefined,
      )
    : await nextPlainNumber(ctx, rec.office_id, document);

  const db = certDb(ctx.trx);
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
  const verifyCode = await newVerifyCode(ctx.trx);
  const calibration = input.calibration ?? { dxMm: 0, dyMm: 0 };
  const renderInput = await renderInputFor(ctx.trx, config, rec, {
    document,
    mode: input.mode,
    calibration,
    series: numbered.series,
    number: numbered.number,
    issue,
    holder,
    issuedOn: ctx.today,
    now: ctx.now,
    qr,
    verifyUrl: verifyUrlOf(config, verifyCode),
    verifyCode,
    notationsAfter: extractNotesAfter(seal),
  });
  const rendered = await renderCertificate(renderInput);
  const officeName = renderInput.office.nameTg;
  const pdf = await signPdf(rendered, signer, {
    reason: `${DOCUMENT_LABELS[document].tg} ${numbered.series} ${numbered.number}`,
    location: officeName,
    name: officeName,
    signingTime: ctx.now,
  });

  const id = randomUUID();
  // the file first (content-addressed, never overwritten), then the rows that name it
  const file = await storeCertificatePdf(files, pdf);
  const sha256 = file.sha256;
  await recordStoredFile(ctx.trx, file, ctx.now);
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
      holder,
      mode: input.mode,
      calibration: JSON.stringify(calibration),
      status: 'valid',
      superseded_by: null,
      superseded_at: null,
      issued_by: actor.id,
      issued_at: ctx.now,
      issued_on: ctx.today,
      qr_payload: qr,
      verify_code: verifyCode,
      key_id: signer.qrKeyId,
      signing_key_id: signer.x509KeyId,
      pdf: null,
      pdf_sha256: sha256,
    })
    .execute();
  if (fee && paid) await spendCharge(ctx, rec, fee.purpose, paid.chargeId, { certificateId: id });
  // A new certificate after a change replaces the holder's earlier ones: they no longer certify the record.
  let replaced = db
    .updateTable('certificates')
    .set({ status: 'superseded', superseded_by: id, superseded_at: ctx.now })
    .where('record_id', '=', rec.id)
    .where('document', '=', document)
    .where('status', '=', 'valid')
    .where('id', '<>', id);
  if (holder) replaced = replaced.where('holder', '=', holder);
  const superseded = issue === 'reissue' ? await replaced.returning('id').execute() : [];
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
  ctx.events.push(
    outboxEvent('certificate.issued', {
      recordId: rec.id,
      kind: rec.kind as ActKindCode,
      officeId: rec.office_id,
      nationalId: rec.national_id,
      certificateId: id,
      document,
      series: numbered.series,
      number: numbered.number,
      issue,
      holder,
      recordVersion: rec.version,
      issuedBy: actor.officeId,
      supersedes: superseded.map((s) => s.id),
    }),
  );
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
