import {
  type ActKindCode,
  type ApplicationKind,
  COPY_SERVICES,
  copyRequestSummary,
  getActKind,
  isCopyService,
  type OnlineApplication,
  type OnlineApplicationDetail,
  startsRecords,
} from '@sabt/core';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import { assertMayIssue } from '../certificates/issue/render-input.ts';
import { createRecord } from '../commands/create-record.ts';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { DomainError, forbidden, notFound } from '../errors/domain-error.ts';
import { chargeOnRequest } from '../fees/payments/commands.ts';
import { nextPrintFee } from '../fees/payments/record-fees.ts';
import { assertCanRead, authorize } from '../policies/records.ts';
import { decodeKeysetToken, encodeKeysetToken } from '../queries/page-token.ts';
import type { FileStore } from '../storage/file-store.ts';
import { lockRecord } from '../unit-of-work/record-store.ts';
import { auditRead, readEvent, type WriteContext } from '../unit-of-work/write.ts';
import { notifyApplicationStatus } from './application-notices.ts';
import { applicationDb } from './application-tables.ts';
import {
  type ApplicationRow,
  applicationRows,
  attachmentsOf,
  presentApplication,
  printedSql,
} from './applications.ts';
import { applicationVisit } from './appointments.ts';

/**
 * The office's queue of online applications: those submitted to the reader's own office, for the
 * roles that take applications (core's action matrix: who may create a record). The clerk opens
 * one, checks the originals and accepts it into a draft record made by the ordinary record
 * creation (createRecord: the staff's checks, the office's kinds), linked to the application, or
 * returns it to the citizen with a message. A request for a repeat certificate or an extract is not
 * made into a record: the clerk finds the registered record and links it, its fee is charged as the
 * staff's services on request are, and the printed document makes it ready for collection.
 */

export type OnlineQueue = 'received' | 'waiting-for-visit' | 'needs-correction';

function assertTakesApplications(actor: Actor) {
  if (!startsRecords(actor.role)) throw forbidden();
}

function present(row: ApplicationRow): OnlineApplication {
  const shown = presentApplication(row);
  const def = getActKind(row.kind);
  const s: {
    surname?: string | null;
    name?: string | null;
    patronymic?: string | null;
    eventDate?: string | null;
    birthDate?: string | null;
  } = isCopyService(row.kind) ? copyRequestSummary(row.data) : def ? def.summary(row.data as never) : {};
  return {
    id: row.id,
    kind: row.kind as ApplicationKind,
    trackingCode: row.tracking_code!,
    status: shown.status,
    office: shown.office!,
    summary: {
      surname: s.surname ?? null,
      name: s.name ?? null,
      patronymic: s.patronymic ?? null,
      eventDate: s.eventDate ?? null,
      birthDate: s.birthDate ?? null,
    },
    message: row.correction_message,
    recordId: row.record_id,
    submittedAt: new Date(row.submitted_at!).toISOString(),
    updatedAt: shown.updatedAt,
  };
}

/** Applications of a queue page. */
export const ONLINE_APPLICATIONS_PAGE = 50;

/**
 * A page of one of the office's queues, oldest sent first (keyset on the sending time and the id);
 * `next` starts the page after it.
 */
export async function listOnlineApplications(
  db: Kysely<Database>,
  actor: Actor,
  queue: OnlineQueue = 'received',
  after?: string,
): Promise<{ items: OnlineApplication[]; next: string | null }> {
  assertTakesApplications(actor);
  const list = `online-applications:${queue}`;
  const from = after ? decodeKeysetToken(after, list, 'after') : undefined;
  let q = applicationRows(db)
    .select(sql<string>`a.submitted_at::text`.as('submitted_key'))
    .where('a.office_id', '=', actor.officeId);
  if (from) q = q.where(sql<boolean>`(a.submitted_at, a.id) > (${from.key}::timestamptz, ${from.id}::uuid)`);
  // an act's record being worked on; a copy request's document not printed yet
  if (queue === 'waiting-for-visit')
    q = q
      .where('a.status', '=', 'accepted')
      .where((eb) =>
        eb.or([
          eb('r.status', 'in', ['draft', 'submitted', 'validated']),
          eb.and([eb('a.kind', 'in', COPY_SERVICES), eb.not(printedSql())]),
        ]),
      );
  else q = q.where('a.status', '=', queue);
  const found = await q
    .orderBy('a.submitted_at')
    .orderBy('a.id')
    .limit(ONLINE_APPLICATIONS_PAGE + 1)
    .execute();
  const page = found.slice(0, ONLINE_APPLICATIONS_PAGE);
  const last = page.at(-1);
  return {
    items: page.map(present),
    next:
      found.length > ONLINE_APPLICATIONS_PAGE && last
        ? encodeKeysetToken(list, last.submitted_key, last.id)
        : null,
  };
}

async function ownOfficeRow(db: Kysely<Database>, actor: Actor, id: string) {
  assertTakesApplications(actor);
  const row = await applicationRows(db)
    .where('a.id', '=', id)
    .where('a.office_id', '=', actor.officeId)
    .where('a.status', '!=', 'draft')
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** One application of the office with its data and scans (a read of personal data: audited). */
export async function onlineApplication(dbx: Db, actor: Actor, id: string): Promise<OnlineApplicationDetail> {
  const row = await ownOfficeRow(dbx.db, actor, id);
  await auditRead(dbx, [readEvent(actor, 'portal.application-read', row.record_id, { application: id })]);
  return {
    ...present(row),
    data: row.data as Record<string, unknown>,
    attachments: await attachmentsOf(dbx.db, id),
    appointment: await applicationVisit(dbx.db, id),
  };
}

/** A scan of an application of the office, as stored (checked against its hash on reading). */
export async function onlineApplicationFile(
  dbx: Db,
  files: FileStore,
  actor: Actor,
  id: string,
  fileId: string,
) {
  await ownOfficeRow(dbx.db, actor, id);
  const file = await applicationDb(dbx.db)
    .selectFrom('citizen_application_files')
    .selectAll()
    .where('id', '=', fileId)
    .where('application_id', '=', id)
    .executeTakeFirst();
  if (!file) throw notFound();
  await auditRead(dbx, [
    readEvent(actor, 'portal.application-file-read', null, { application: id, file: fileId }),
  ]);
  return { bytes: await files.get(file.sha256), contentType: file.content_type, fileName: file.file_name };
}

async function lockReceived(ctx: WriteContext, id: string) {
  assertTakesApplications(ctx.actor);
  const row = await applicationDb(ctx.trx)
    .selectFrom('citizen_applications')
    .selectAll()
    .where('id', '=', id)
    .where('office_id', '=', ctx.actor.officeId)
    .where('status', '!=', 'draft')
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound();
  if (row.status !== 'received') throw new DomainError('conflict', 'problem.portal.applicationNotReceived');
  return row;
}

async function detailIn(ctx: WriteContext, id: string): Promise<OnlineApplicationDetail> {
  const row = await ownOfficeRow(ctx.trx, ctx.actor, id);
  return {
    ...present(row),
    data: row.data as Record<string, unknown>,
    attachments: await attachmentsOf(ctx.trx, id),
    appointment: await applicationVisit(ctx.trx, id),
  };
}

/** The application accepted by the clerk: the record made of it, or linked to it, is its record. */
async function markAccepted(ctx: WriteContext, id: string, recordId: string) {
  await applicationDb(ctx.trx)
    .updateTable('citizen_applications')
    .set({
      status: 'accepted',
      record_id: recordId,
      accepted_by: ctx.actor.id,
      accepted_at: ctx.now,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * The clerk has checked the originals: a draft record is made of the application's data in the
 * clerk's office (the ordinary record creation), linked to it; the citizen is told to come.
 */
export async function acceptOnlineApplication(ctx: WriteContext, id: string) {
  const row = await lockReceived(ctx, id);
  if (isCopyService(row.kind)) throw new DomainError('conflict', 'problem.portal.copyRequestNotAccepted');
  authorize(ctx.actor, 'create', { kind: row.kind as ActKindCode });
  const { id: recordId } = await createRecord(ctx, {
    kind: row.kind,
    data: row.data as Record<string, unknown>,
    onlineApplication: { id, trackingCode: row.tracking_code! },
  });
  await markAccepted(ctx, id, recordId);
  ctx.audit.push({
    event: 'portal.application-accepted',
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: ctx.actor.officeId,
    recordId,
    detail: { application: id, trackingCode: row.tracking_code },
  });
  await notifyApplicationStatus(ctx.trx, ctx.config, {
    applicationId: id,
    status: 'waiting-for-visit',
    cause: { kind: 'user', userId: ctx.actor.id },
    today: ctx.today,
  });
  return { application: await detailIn(ctx, id), recordId };
}

/**
 * A copy request's record found: the registered record of the clerk's office, of the kind asked
 * for, that the clerk may print and see (adoption secrecy), linked to the request; the service's fee
 * charged on the record as a service on request is (the next print of its own certificate, or an
 * extract), unless one is open already or nothing is due; the citizen told to come. The print,
 * once paid, makes it ready for collection.
 */
export async function linkOnlineApplication(ctx: WriteContext, id: string, recordId: string) {
  const row = await lockReceived(ctx, id);
  if (!isCopyService(row.kind)) throw new DomainError('conflict', 'problem.portal.notCopyRequest');
  const rec = await lockRecord(ctx, recordId);
  assertCanRead(ctx.actor, rec);
  await assertMayIssue(ctx.trx, ctx.actor, rec);
  const asked = (row.data as { actKind?: ActKindCode }).actKind;
  if (asked && rec.kind !== asked)
    throw new DomainError('conflict', 'problem.portal.copyWrongKind', { kind: getActKind(asked)!.labels });
  const fee =
    row.kind === 'EXTRACT'
      ? ({ purpose: 'extract', service: 'EXTRACT' } as const)
      : await nextPrintFee(ctx.trx, rec);
  const charge = fee ? await chargeOnRequest(ctx, rec, fee.purpose, fee.service) : null;
  await markAccepted(ctx, id, rec.id);
  ctx.audit.push({
    event: 'portal.application-linked',
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: ctx.actor.officeId,
    recordId: rec.id,
    detail: {
      application: id,
      trackingCode: row.tracking_code,
      service: row.kind,
      charge: charge?.id ?? null,
    },
  });
  await notifyApplicationStatus(ctx.trx, ctx.config, {
    applicationId: id,
    status: 'waiting-for-visit',
    cause: { kind: 'user', userId: ctx.actor.id },
    today: ctx.today,
  });
  return detailIn(ctx, id);
}

/** Sent back to the citizen with what to correct; they edit it and submit it again. */
export async function returnOnlineApplication(ctx: WriteContext, id: string, message: string) {
  const row = await lockReceived(ctx, id);
  await applicationDb(ctx.trx)
    .updateTable('citizen_applications')
    .set({ status: 'needs-correction', correction_message: message, updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
  ctx.audit.push({
    event: 'portal.application-returned',
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: ctx.actor.officeId,
    recordId: null,
    detail: { application: id, trackingCode: row.tracking_code },
  });
  await notifyApplicationStatus(ctx.trx, ctx.config, {
    applicationId: id,
    status: 'needs-correction',
    note: message,
    cause: { kind: 'user', userId: ctx.actor.id },
    today: ctx.today,
  });
  return detailIn(ctx, id);
}
