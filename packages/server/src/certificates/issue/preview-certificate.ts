import type { Holder } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/sessions.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { extractNotesAfter, sealedShown } from '../../policies/sealing.ts';
import { findRecord } from '../../queries/records.ts';
import { parseBlankNumber } from '../blanks/blank-numbers.ts';
import { peekBlank } from '../blanks/blank-taking.ts';
import { renderCertificate } from '../documents/render.ts';
import type { Calibration, DocumentKind, PrintMode } from '../types.ts';
import { assertMayIssue, chooseDocument, nextIssue, renderInputFor } from './render-input.ts';

export interface PreviewInput {
  mode: PrintMode;
  /** An archive extract on request; otherwise the record's own certificate. */
  document?: DocumentKind | undefined;
  /** Who it is for, where each party gets their own (a divorce: 'husband' or 'wife'). */
  holder?: Holder | undefined;
  /** The blank in the printer, when the clerk names it (else the next free one). */
  blankNumber?: string | undefined;
  blankSeries?: string | undefined;
  calibration?: Calibration | undefined;
}

/** Printed across a preview and in its QR code: it is no document and checks as none. */
export const PREVIEW_MARK = 'НАМУНА — ҲУҶҶАТ НЕСТ';

/**
 * The certificate as a print would make it now, to look at before printing: the same checks,
 * document, issue (first, repeat, reissue), signatory and blank number as issuing, but nothing is
 * taken, signed or stored, and every page says it is a sample. A preview needs no blank in stock:
 * without one (or when the blank named is not in stock) it shows the number as typed or dots; the
 * print itself is refused then.
 */
export async function previewCertificate(
  db: Kysely<Database>,
  config: Config,
  actor: Actor,
  recordId: string,
  input: PreviewInput,
  today: string,
): Promise<{ pdf: Buffer; recordId: string; sealedShown: boolean }> {
  const rec = await findRecord(db, actor, recordId, 'certificates');
  const seal = await assertMayIssue(db, actor, rec);
  const { document, own, onBlank, holder } = chooseDocument(rec, input);
  const issue = await nextIssue(db, rec, document, own, holder);
  const wanted = input.blankNumber ? { series: input.blankSeries, number: input.blankNumber } : undefined;
  const numbered = onBlank
    ? await blankToShow(db, config.blankNumberDigits, rec.office_id, document, wanted)
    : { series: '', number: `${today.slice(0, 4)}/······` };
  const renderInput = await renderInputFor(db, config, rec, {
    document,
    mode: input.mode,
    calibration: input.calibration ?? { dxMm: 0, dyMm: 0 },
    series: numbered.series,
    number: numbered.number,
    issue,
    holder,
    issuedOn: today,
    now: new Date(),
    qr: PREVIEW_MARK,
    // the address as printed; the code is drawn when the certificate is issued, so its place says so
    verifyUrl: `${config.publicUrl}/verify`,
    verifyCode: null,
    notationsAfter: extractNotesAfter(seal),
  });
  return {
    pdf: await renderCertificate(renderInput, { watermark: PREVIEW_MARK }),
    recordId: rec.id,
    sealedShown: sealedShown(seal),
  };
}

const NO_NUMBER = '······';

/** The blank a print would take, or when there is none in stock, the number as the clerk typed it (or dots). */
async function blankToShow(
  db: Kysely<Database>,
  digits: number,
  officeId: string,
  document: DocumentKind,
  wanted: { series?: string | undefined; number: string } | undefined,
): Promise<{ series: string; number: string }> {
  if (wanted) parseBlankNumber(wanted.number, digits, 'blankNumber');
  try {
    return await peekBlank(db, digits, officeId, document, wanted);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    if (err.key !== 'problem.blank.noneInStock' && err.key !== 'problem.blank.notInStock') throw err;
    return { series: wanted?.series ?? '', number: wanted?.number ?? NO_NUMBER };
  }
}
