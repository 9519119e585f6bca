import { randomInt, randomUUID } from 'node:crypto';
import {
  type ActKindCode,
  type ApplicationKind,
  type CitizenApplication,
  type CitizenApplicationDetail,
  type CitizenApplicationStatus,
  type CitizenAttachment,
  COPY_SERVICE_PAGE,
  COPY_SERVICES,
  checkCopyRequest,
  checkRecordData,
  getActKind,
  isCopyService,
  makeVerifyCode,
  OFFICE_ACT_KINDS,
  type OfficeKind,
  officeKindsOffering,
  readVerifyCode,
} from '@sabt/core';
import { type Kysely, sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { DomainError, notFound } from '../errors/domain-error.ts';
import type { FileStore } from '../storage/file-store.ts';
import { recordStoredFile } from '../storage/tables.ts';
import { notifyApplicationStatus } from './application-notices.ts';
import { applicationDb } from './application-tables.ts';
import { applicationVisit } from './appointments.ts';
import type { CitizenWriteContext } from './citizen-write.ts';

/** At most this many scans on one application. */
export const MAX_ATTACHMENTS = 10;

/**
 * A citizen's online application: a draft for an act kind whose data is the kind's record data,
 * checked as the staff's drafts are (checkRecordData, draft mode: incomplete but never wrong),
 * scans attached (the file store, kind read from the bytes), an office chosen among those that
 * register the kind (OFFICE_ACT_KINDS), then submitted: checked complete, given a tracking code,
 * received. A request for a repeat certificate or an extract (kind CERT_REPEAT or EXTRACT) goes the
 * same way with its own data and checks (core portal/copy-requests.ts), to an office that offers
 * the service. A citizen reaches only their own applications: another's is not found.
 */

/**
 * Whether the application `a` is answered by a print: an act's record has a certificate in force; a
 * copy request's has its document printed since the request was linked (an extract, or the record's
 * own certificate).
 */
export const printedSql = () =>
  sql<boolean>`EXISTS (SELECT 1 FROM certificates c WHERE c.record_id = a.record_id AND (
    a.kind NOT IN (${sql.join(COPY_SERVICES)}) AND c.status = 'valid'
    OR a.kind IN (${sql.join(COPY_SERVICES)}) AND c.status <> 'spoiled' AND c.issued_at >= a.accepted_at
      AND (c.document = 'ARCHIVE_EXTRACT') = (a.kind = 'EXTRACT')))`;

const rows = (db: Kysely<Database>) =>
  applicationDb(db)
    .selectFrom('citizen_applications as a')
    .leftJoin('offices as o', 'o.id', 'a.office_id')
    .leftJoin('records as r', 'r.id', 'a.record_id')
    .select([
      'a.id',
      'a.citizen_id',
      'a.kind',
      'a.office_id',
      'a.data',
      'a.status',
      'a.tracking_code',
      'a.tracking_birth_date',
      'a.correction_message',
      'a.record_id',
      'a.created_at',
      'a.updated_at',
      'a.submitted_at',
      'o.name_tg',
      'o.name_ru',
      'o.name_en',
      'r.status as record_status',
      printedSql().as('printed'),
    ]);
export type ApplicationRow = Awaited<ReturnType<ReturnType<typeof rows>['executeTakeFirstOrThrow']>>;
export { rows as applicationRows };

/**
 * What the citizen is told, read from the linked record where there is one: waiting for their
 * visit while the record is worked on, registered once it is, ready for collection once a
 * certificate of it is printed; closed once the office withdrew the record unregistered. A copy
 * request's record is registered already: linked, it waits for the citizen's visit (the fee, the
 * originals) until its document is printed.
 */
export function statusOf(
  row: Pick<ApplicationRow, 'kind' | 'status' | 'record_status' | 'printed'>,
): CitizenApplicationStatus {
  if (row.status !== 'accepted') return row.status;
  if (row.printed) return 'ready-for-collection';
  if (isCopyService(row.kind)) return 'waiting-for-visit';
  if (row.record_status === 'registered') return 'registered';
  if (row.record_status === 'cancelled') return 'closed';
  return 'waiting-for-visit';
}

const iso = (d: Date | string) => new Date(d).toISOString();

export function presentApplication(row: ApplicationRow): CitizenApplication {
  return {
    id: row.id,
    kind: row.kind as ApplicationKind,
    trackingCode: row.tracking_code,
    status: statusOf(row),
    office:
      row.office_id && row.name_tg
        ? { id: row.office_id, name: { tg: row.name_tg, ru: row.name_ru!, en: row.name_en! } }
        : null,
    message: row.status === 'needs-correction' ? row.correction_message : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    submittedAt: row.submitted_at ? iso(row.submitted_at) : null,
  };
}

export async function attachmentsOf(
  db: Kysely<Database>,
  applicationId: string,
): Promise<CitizenAttachment[]> {
  const files = await applicationDb(db)
    .selectFrom('citizen_application_files')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return files.map((f) => ({
    id: f.id,
    fileName: f.file_name,
    contentType: f.content_type,
    size: f.size,
    createdAt: iso(f.created_at),
  }));
}

export async function listCitizenApplications(
  db: Kysely<Database>,
  citizenId: string,
): Promise<CitizenApplication[]> {
  const found = await rows(db)
    .where('a.citizen_id', '=', citizenId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .execute();
  return found.map(presentApplication);
}

/** The citizen's own application with its data and scans; another citizen's is not found. */
export async function citizenApplication(
  db: Kysely<Database>,
  citizenId: string,
  id: string,
): Promise<CitizenApplicationDetail> {
  const row = await rows(db).where('a.id', '=', id).where('a.citizen_id', '=', citizenId).executeTakeFirst();
  if (!row) throw notFound();
  return {
    ...presentApplication(row),
    data: row.data as Record<string, unknown>,
    attachments: await attachmentsOf(db, id),
    appointment: await applicationVisit(db, id),
  };
}

/** A scan the citizen attached to their own application, as they sent it; another citizen's is not found. */
export async function citizenApplicationFile(
  db: Kysely<Database>,
  files: FileStore,
  citizenId: string,
  id: string,
  fileId: string,
) {
  const file = await applicationDb(db)
    .selectFrom('citizen_application_files as f')
    .innerJoin('citizen_applications as a', 'a.id', 'f.application_id')
    .select(['f.sha256', 'f.content_type', 'f.file_name'])
    .where('f.id', '=', fileId)
    .where('a.id', '=', id)
    .where('a.citizen_id', '=', citizenId)
    .executeTakeFirst();
  if (!file) throw notFound();
  return { bytes: await files.get(file.sha256), contentType: file.content_type, fileName: file.file_name };
}

/** The citizen's application locked for a change; another citizen's is not found. */
async function lockOwn(ctx: CitizenWriteContext, id: string) {
  const row = await applicationDb(ctx.trx)
    .selectFrom('citizen_applications')
    .selectAll()
    .where('id', '=', id)
    .where('citizen_id', '=', ctx.citizen.id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** A draft (or one returned for correction) may change; a submitted one may not. */
function assertEditable(row: { status: string }) {
  if (row.status !== 'draft' && row.status !== 'needs-correction')
    throw new DomainError('conflict', 'problem.portal.applicationNotEditable');
}

function kindOf(code: string) {
  const def = getActKind(code);
  if (!def)
    throw new DomainError('invalid', 'problem.validation', {}, [{ path: ['kind'], key: 'error.invalid' }]);
  return def;
}

/**
 * The data as the staff's drafts check it (a copy request: as core checks a request): a draft may be
 * incomplete, never wrong; complete on submission, a copy request with its scans counted.
 */
function checkDraft(
  ctx: CitizenWriteContext,
  kind: string,
  data: unknown,
  mode: 'draft' | 'complete',
  scans?: number,
) {
  const check = isCopyService(kind)
    ? checkCopyRequest(kind, data, mode, { today: ctx.today, ...(scans === undefined ? {} : { scans }) })
    : checkRecordData(kindOf(kind), data, mode, { today: ctx.today });
  if (!check.ok) {
    throw new DomainError(
      'invalid',
      mode === 'complete' ? 'problem.incomplete' : 'problem.validation',
      {},
      check.errors.map((e) => ({ ...e, path: e.path[0] === 'attachments' ? e.path : ['data', ...e.path] })),
    );
  }
}

/**
 * An open office whose kind registers the act kind (a copy request: whose kind offers the service,
 * core portal/services.ts), else a field issue on `office`.
 */
async function checkOffice(ctx: CitizenWriteContext, officeId: string, kind: string) {
  const office = await ctx.trx
    .selectFrom('offices')
    .select(['id', 'kind', 'active', 'closed_at'])
    .where('id', '=', officeId)
    .executeTakeFirst();
  const registers =
    office?.active &&
    !office.closed_at &&
    (isCopyService(kind)
      ? officeKindsOffering(COPY_SERVICE_PAGE[kind]).includes(office.kind as OfficeKind)
      : (OFFICE_ACT_KINDS[office.kind as OfficeKind] ?? []).includes(kind as ActKindCode));
  if (!registers)
    throw new DomainError('invalid', 'problem.portal.officeNotForKind', {}, [
      { path: ['office'], key: 'problem.portal.officeNotForKind' },
    ]);
}

async function detailIn(ctx: CitizenWriteContext, id: string) {
  return citizenApplication(ctx.trx, ctx.citizen.id, id);
}

const audit = (ctx: CitizenWriteContext, event: string, application: string, detail: object = {}) =>
  ctx.audit.push({ event, detail: { citizen: ctx.citizen.id, application, ...detail } });

export async function createApplicationDraft(
  ctx: CitizenWriteContext,
  input: { kind: string; office?: string | null | undefined; data?: Record<string, unknown> | undefined },
): Promise<CitizenApplicationDetail> {
  const data = input.data ?? {};
  checkDraft(ctx, input.kind, data, 'draft');
  if (input.office) await checkOffice(ctx, input.office, input.kind);
  const id = randomUUID();
  await applicationDb(ctx.trx)
    .insertInto('citizen_applications')
    .values({
      id,
      citizen_id: ctx.citizen.id,
      kind: input.kind,
      office_id: input.office ?? null,
      data: JSON.stringify(data),
      status: 'draft',
      tracking_code: null,
      tracking_birth_date: null,
      correction_message: null,
      record_id: null,
      accepted_by: null,
      accepted_at: null,
      created_at: ctx.now,
      updated_at: ctx.now,
      submitted_at: null,
    })
    .execute();
  audit(ctx, 'portal.application-created', id, { kind: input.kind });
  return detailIn(ctx, id);
}

export async function saveApplicationDraft(
  ctx: CitizenWriteContext,
  id: string,
  input: { office?: string | null | undefined; data: Record<string, unknown> },
): Promise<CitizenApplicationDetail> {
  const row = await lockOwn(ctx, id);
  assertEditable(row);
  checkDraft(ctx, row.kind, input.data, 'draft');
  const office = input.office === undefined ? row.office_id : input.office;
  if (office) await checkOffice(ctx, office, row.kind);
  await applicationDb(ctx.trx)
    .updateTable('citizen_applications')
    .set({ data: JSON.stringify(input.data), office_id: office, updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
  audit(ctx, 'portal.application-saved', id);
  return detailIn(ctx, id);
}

/** A scan attached: its kind read from the bytes (PDF, JPEG, PNG, TIFF), within the size limit. */
export async function attachApplicationFile(
  ctx: CitizenWriteContext,
  files: FileStore,
  id: string,
  input: { fileName: string; content: string },
): Promise<CitizenAttachment> {
  const row = await lockOwn(ctx, id);
  assertEditable(row);
  if ((await scansOf(ctx, id)) >= MAX_ATTACHMENTS)
    throw new DomainError('conflict', 'problem.portal.tooManyAttachments', { max: MAX_ATTACHMENTS });
  const bytes = Buffer.from(input.content, 'base64');
  const stored = await files.put(bytes, { purpose: 'attachment', claimed: input.fileName });
  await recordStoredFile(ctx.trx, stored, ctx.now);
  const fileId = randomUUID();
  await applicationDb(ctx.trx)
    .insertInto('citizen_application_files')
    .values({
      id: fileId,
      application_id: id,
      sha256: stored.sha256,
      file_name: input.fileName,
      content_type: stored.contentType,
      size: stored.size,
      created_at: ctx.now,
    })
    .execute();
  await applicationDb(ctx.trx)
    .updateTable('citizen_applications')
    .set({ updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
  audit(ctx, 'portal.application-file-attached', id, { file: fileId, sha256: stored.sha256 });
  return {
    id: fileId,
    fileName: input.fileName,
    contentType: stored.contentType,
    size: stored.size,
    createdAt: ctx.now.toISOString(),
  };
}

export async function removeApplicationFile(ctx: CitizenWriteContext, id: string, fileId: string) {
  const row = await lockOwn(ctx, id);
  assertEditable(row);
  const gone = await applicationDb(ctx.trx)
    .deleteFrom('citizen_application_files')
    .where('id', '=', fileId)
    .where('application_id', '=', id)
    .executeTakeFirst();
  if (Number(gone.numDeletedRows) !== 1) throw notFound();
  audit(ctx, 'portal.application-file-removed', id, { file: fileId });
}

async function scansOf(ctx: CitizenWriteContext, id: string) {
  const count = await applicationDb(ctx.trx)
    .selectFrom('citizen_application_files')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('application_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(count.n);
}

/** A new tracking code: ten characters of Crockford's base 32, the last a check character. */
function newTrackingCode(): string {
  return makeVerifyCode(Array.from({ length: 9 }, () => randomInt(0, 32)));
}

/**
 * Submits a draft (or a corrected application) to its office: the data complete and right, an
 * office that registers the kind; a tracking code the first time (kept when corrected), status
 * received, the citizen told by their channel in their language.
 */
export async function submitApplication(
  ctx: CitizenWriteContext,
  id: string,
  input: { birthDate: string },
): Promise<CitizenApplicationDetail> {
  const row = await lockOwn(ctx, id);
  assertEditable(row);
  if (!row.office_id)
    throw new DomainError('invalid', 'problem.portal.officeRequired', {}, [
      { path: ['office'], key: 'problem.portal.officeRequired' },
    ]);
  await checkOffice(ctx, row.office_id, row.kind);
  checkDraft(
    ctx,
    row.kind,
    row.data,
    'complete',
    isCopyService(row.kind) ? await scansOf(ctx, id) : undefined,
  );
  if (input.birthDate > ctx.today)
    throw new DomainError('invalid', 'problem.validation', {}, [
      { path: ['birthDate'], key: 'error.date.future' },
    ]);
  let code = row.tracking_code;
  for (let tries = 0; !code; tries++) {
    const candidate = newTrackingCode();
    const taken = await applicationDb(ctx.trx)
      .selectFrom('citizen_applications')
      .select('id')
      .where('tracking_code', '=', candidate)
      .executeTakeFirst();
    if (!taken) code = candidate;
    else if (tries > 20) throw new Error('no free tracking code found');
  }
  await applicationDb(ctx.trx)
    .updateTable('citizen_applications')
    .set({
      status: 'received',
      tracking_code: code,
      tracking_birth_date: input.birthDate,
      correction_message: null,
      submitted_at: ctx.now,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute();
  audit(ctx, 'portal.application-submitted', id, { trackingCode: code, office: row.office_id });
  await notifyApplicationStatus(ctx.trx, ctx.config, {
    applicationId: id,
    status: 'received',
    cause: { kind: 'citizen', citizenId: ctx.citizen.id },
    today: ctx.today,
  });
  return detailIn(ctx, id);
}

/**
 * An application's status by its tracking code and the applicant's date of birth, without
 * sign-in: a code that is not one, an unknown code and a wrong date answer alike.
 */
export async function trackApplication({ db }: Db, code: string, birthDate: string) {
  const read = readVerifyCode(code);
  if (!read.ok) throw new DomainError('not-found', 'problem.portal.notTracked');
  const row = await rows(db)
    .where('a.tracking_code', '=', read.code)
    .where('a.tracking_birth_date', '=', birthDate)
    .executeTakeFirst();
  if (!row) throw new DomainError('not-found', 'problem.portal.notTracked');
  const shown = presentApplication(row);
  return {
    trackingCode: row.tracking_code!,
    kind: shown.kind,
    status: shown.status,
    office: shown.office,
    message: shown.message,
    submittedAt: shown.submittedAt,
    updatedAt: shown.updatedAt,
  };
}
