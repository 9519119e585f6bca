import { DOCUMENTS, documentFor, type Holder, holdersOf, issueKindOf, todayIn } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/sessions.ts';
import type { RecordRow } from '../../commands/record-store.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { forbidden, Problem } from '../../http/problem.ts';
import { sealInfo } from '../../queries/sealing.ts';
import { assertMay } from '../policy.ts';
import { certDb } from '../tables.ts';
import type { Calibration, CertificateRenderInput, DocumentKind, PrintMode } from '../types.ts';

/**
 * What issuing and previewing share: who may print for a record, which document it gets and which
 * issue the print is, and the renderer's input made from the record.
 */

/** Prints only in one's own office, by the roles that issue, for registered records whose data one may see. */
export async function assertMayIssue(db: Kysely<Database>, actor: Actor, rec: RecordRow) {
  if (rec.office_id !== actor.officeId) throw new Problem(403, 'problem.outsideOffice');
  assertMay(actor, 'issue-certificate');
  if (rec.status !== 'registered') throw new Problem(409, 'problem.certificate.notRegistered');
  const seal = await sealInfo(db, actor, rec);
  if (seal.whole && !seal.canSee) throw forbidden();
  return seal;
}

/**
 * The document asked for (the record's own, or an archive extract), whether it needs a blank, and
 * who it is for where each party gets their own (a divorce: the husband or the wife).
 */
export function chooseDocument(
  rec: RecordRow,
  input: { document?: DocumentKind | undefined; mode: PrintMode; holder?: Holder | undefined },
): { document: DocumentKind; own: DocumentKind; onBlank: boolean; holder: Holder | null } {
  const own = documentFor(rec);
  const document = input.document ?? own;
  if (document !== own && document !== 'ARCHIVE_EXTRACT') {
    throw new Problem(422, 'problem.certificate.wrongDocument', { document }, [
      { path: ['document'], key: 'error.choice', params: { options: [own, 'ARCHIVE_EXTRACT'] } },
    ]);
  }
  const onBlank = DOCUMENTS[document].blank;
  if (!onBlank && input.mode !== 'full') throw new Problem(422, 'problem.certificate.plainPaperOnly');
  const holders = holdersOf(document);
  if (holders.length > 0 && !input.holder) {
    throw new Problem(422, 'problem.validation', {}, [
      { path: ['holder'], key: 'error.choice', params: { options: holders } },
    ]);
  }
  if (holders.length === 0 && input.holder) {
    throw new Problem(422, 'problem.validation', {}, [
      { path: ['holder'], key: 'error.unknownField', params: { field: 'holder' } },
    ]);
  }
  return { document, own, onBlank, holder: input.holder ?? null };
}

/** The record's earlier prints of this document (for this holder) and which issue the next one is. */
export async function nextIssue(
  db: Kysely<Database>,
  rec: RecordRow,
  document: DocumentKind,
  own: DocumentKind,
  holder: Holder | null,
) {
  let q = certDb(db)
    .selectFrom('certificates')
    .select(['id', 'status', 'record_version'])
    .where('record_id', '=', rec.id)
    .where('document', '=', document);
  if (holder) q = q.where('holder', '=', holder);
  const earlier = await q.execute();
  return issueKindOf(rec.version, earlier, document === own && rec.flags.includes('certificate-reissue'));
}

export interface PrintFacts {
  document: DocumentKind;
  mode: PrintMode;
  calibration: Calibration;
  series: string;
  number: string;
  issue: CertificateRenderInput['certificate']['issue'];
  holder: Holder | null;
  issuedOn: string;
  now: Date;
  registrarName: string;
  qr: string;
  verifyUrl: string;
  /** Notations of an extract are read after this action id (sealed ones hidden): 0 shows all. */
  notationsAfter: number;
}

/** The renderer's input: the record as registered, the office, the blank and who prints. */
export async function renderInputFor(
  db: Kysely<Database>,
  config: Config,
  rec: RecordRow,
  p: PrintFacts,
): Promise<CertificateRenderInput> {
  const office = await db
    .selectFrom('offices')
    .select(['id', 'name_tg', 'name_ru'])
    .where('id', '=', rec.office_id)
    .executeTakeFirstOrThrow();
  return {
    document: p.document,
    mode: p.mode,
    calibration: p.calibration,
    record: {
      id: rec.id,
      kind: rec.kind,
      data: rec.data,
      version: rec.version,
      number: rec.number ?? 0,
      registeredOn: todayIn(config.timeZone, new Date(rec.registered_at ?? p.now)),
      nationalId: rec.national_id ?? '',
      ...(p.document === 'ARCHIVE_EXTRACT' ? { notations: await notations(db, rec, p.notationsAfter) } : {}),
    },
    office: { id: office.id, nameTg: office.name_tg, nameRu: office.name_ru },
    certificate: {
      series: p.series,
      number: p.number,
      issuedOn: p.issuedOn,
      registrarName: p.registrarName,
      issue: p.issue,
      ...(p.holder ? { holder: p.holder } : {}),
    },
    qr: p.qr,
    verifyUrl: p.verifyUrl,
  };
}

/** Notations for an extract: later acts noted on the record (sealed ones withheld from those who may not see them). */
async function notations(db: Kysely<Database>, rec: RecordRow, hiddenUntilAction: number) {
  const rows = await db
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
