import {
  DOCUMENT_LABELS,
  DOCUMENTS,
  documentFor,
  HOLDER_LABELS,
  type Holder,
  holdersOf,
  issueKindOf,
  todayIn,
} from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/sessions.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { officeNames, officialName } from '../../offices/office-names.ts';
import { assertMaySeeData, sealInfo } from '../../policies/sealing.ts';
import type { RecordRow } from '../../unit-of-work/record-store.ts';
import { isOfficeCode } from '../documents/format.ts';
import { assertMay } from '../policy.ts';
import { signatoryFor } from '../signatories/signatories.ts';
import { certDb } from '../tables.ts';
import type {
  Calibration,
  CertificateRenderInput,
  DocumentKind,
  ExtractNote,
  NoteAct,
  PrintMode,
} from '../types.ts';

/**
 * What issuing and previewing share: who may print for a record, which document it gets and which
 * issue the print is, and the renderer's input made from the record.
 */

/** Prints only in one's own office, by the roles that issue, for registered records whose data one may see. */
export async function assertMayIssue(db: Kysely<Database>, actor: Actor, rec: RecordRow) {
  if (rec.office_id !== actor.officeId) throw new DomainError('forbidden', 'problem.outsideOffice');
  assertMay(actor, 'issue-certificate');
  if (rec.status !== 'registered') throw new DomainError('conflict', 'problem.certificate.notRegistered');
  const seal = await sealInfo(db, actor, rec);
  assertMaySeeData(seal);
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
    throw new DomainError(
      'invalid',
      'problem.certificate.wrongDocument',
      { document: DOCUMENT_LABELS[document] },
      [
        {
          path: ['document'],
          key: 'error.choice',
          params: { options: [DOCUMENT_LABELS[own], DOCUMENT_LABELS.ARCHIVE_EXTRACT] },
        },
      ],
    );
  }
  const onBlank = DOCUMENTS[document].blank;
  if (!onBlank && input.mode !== 'full')
    throw new DomainError('invalid', 'problem.certificate.plainPaperOnly');
  const holders = holdersOf(document);
  if (holders.length > 0 && !input.holder) {
    throw new DomainError('invalid', 'problem.validation', {}, [
      { path: ['holder'], key: 'error.choice', params: { options: holders.map((h) => HOLDER_LABELS[h]) } },
    ]);
  }
  if (holders.length === 0 && input.holder) {
    throw new DomainError('invalid', 'problem.validation', {}, [
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
  qr: string;
  verifyUrl: string;
  verifyCode: string | null;
  /** An extract's corrections and notations are read after this action id (sealed ones hidden): 0 shows all. */
  notationsAfter: number;
}

/**
 * The renderer's input: the record as registered, the office, the blank, and who signs (the
 * office's signatory in force at `p.now`, never the clerk who prints).
 */
export async function renderInputFor(
  db: Kysely<Database>,
  config: Config,
  rec: RecordRow,
  p: PrintFacts,
): Promise<CertificateRenderInput> {
  const office = await db
    .selectFrom('offices')
    .select(['id', 'kind', 'unit', 'name_tg', 'name_ru', 'official_name'])
    .where('id', '=', rec.office_id)
    .executeTakeFirstOrThrow();
  const signatory = await signatoryFor(db, rec.office_id, p.now);
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
      ...(p.document === 'ARCHIVE_EXTRACT'
        ? { notes: await extractNotes(db, config, rec, p.notationsAfter) }
        : {}),
    },
    officeNames: await citedOffices(db, rec.data),
    office: {
      id: office.id,
      nameTg: office.name_tg,
      nameRu: office.name_ru,
      officialNameTg: officialName(office),
    },
    certificate: {
      series: p.series,
      number: p.number,
      issuedOn: p.issuedOn,
      signatory,
      issue: p.issue,
      ...(p.holder ? { holder: p.holder } : {}),
    },
    qr: p.qr,
    verifyUrl: p.verifyUrl,
    verifyCode: p.verifyCode,
  };
}

/**
 * What an extract lists after the data, oldest first: every correction or change since
 * registration (what changed, on which basis document or later act, when) and every notation of a
 * later act; sealed ones withheld from those who may not see them.
 */
/** The Tajik names of the registry's offices a record's data cites by code (where earlier acts were registered). */
async function citedOffices(db: Kysely<Database>, data: unknown): Promise<Record<string, string>> {
  const codes = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (isOfficeCode(v.trim())) codes.add(v.trim());
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(data);
  if (codes.size === 0) return {};
  const rows = await db
    .selectFrom('offices')
    .select(['id', 'name_tg'])
    .where('id', 'in', [...codes])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.name_tg]));
}

type AmendmentNote = Extract<ExtractNote, { kind: 'amendment' }>;

async function extractNotes(
  db: Kysely<Database>,
  config: Config,
  rec: RecordRow,
  hiddenUntilAction: number,
): Promise<ExtractNote[]> {
  const rows = await db
    .selectFrom('record_actions')
    .select(['id', 'action', 'at', 'payload'])
    .where('record_id', '=', rec.id)
    .where('action', 'in', ['amend', 'notation'])
    .where('id', '>', hiddenUntilAction)
    .orderBy('id')
    .execute();
  const offices = new Map<string, string>();
  const officeName = async (id: unknown) => {
    if (typeof id !== 'string' || !id) return null;
    if (!offices.has(id)) offices.set(id, (await officeNames(db, id)).tg);
    return offices.get(id)!;
  };
  const cite = async (p: Record<string, unknown>): Promise<NoteAct | null> => {
    if (p.number == null && p.recordId == null) return null;
    let kind = typeof p.kind === 'string' ? p.kind : null;
    if (!kind && typeof p.recordId === 'string') {
      const r = await db.selectFrom('records').select('kind').where('id', '=', p.recordId).executeTakeFirst();
      kind = r?.kind ?? null;
    }
    return {
      kind,
      number: typeof p.number === 'number' ? p.number : null,
      year: typeof p.year === 'number' ? p.year : null,
      office: await officeName(p.officeId),
    };
  };
  const notes: ExtractNote[] = [];
  const amendments = new Map<number, AmendmentNote>();
  // adoption secrecy: to one who may not see sealed data, the adoption itself is not noted either
  const secret = hiddenUntilAction > 0;
  for (const r of rows) {
    const p = (r.payload ?? {}) as Record<string, unknown>;
    const on = todayIn(config.timeZone, new Date(r.at));
    if (secret && p.type === 'adoption') continue;
    if (secret && (p.cause as { type?: string } | undefined)?.type === 'ADOPTION') continue;
    if (r.action === 'amend') {
      const cause = (p.cause ?? {}) as { type?: string; recordId?: string };
      // a later act (paternity, adoption, change of name) or an annulment: cited from its record
      const act =
        cause.recordId && cause.type !== 'AMENDMENT' ? await actOf(db, cause.recordId, officeName) : null;
      const note: AmendmentNote = {
        kind: 'amendment',
        on,
        changes: Array.isArray(p.changes) ? (p.changes as AmendmentNote['changes']) : [],
        basis: (p.basis as AmendmentNote['basis']) ?? null,
        cause: cause.type ?? null,
        act,
      };
      if (typeof p.version === 'number') amendments.set(p.version, note);
      notes.push(note);
    } else if (typeof p.version === 'number' && amendments.has(p.version)) {
      // the notation a later act wrote with its change: one entry, named by the notation
      amendments.get(p.version)!.notation = String(p.type ?? '');
    } else {
      notes.push({
        kind: 'notation',
        on,
        type: String(p.type ?? ''),
        act: await cite(p),
        eventDate: typeof p.eventDate === 'string' ? p.eventDate : null,
      });
    }
  }
  return notes;
}

/** A record cited by id: its kind, number, year and office by name. */
async function actOf(
  db: Kysely<Database>,
  recordId: string,
  officeName: (id: unknown) => Promise<string | null>,
): Promise<NoteAct | null> {
  const r = await db
    .selectFrom('records')
    .select(['kind', 'number', 'year', 'office_id'])
    .where('id', '=', recordId)
    .executeTakeFirst();
  if (!r) return null;
  return { kind: r.kind, number: r.number, year: r.year, office: await officeName(r.office_id) };
}
