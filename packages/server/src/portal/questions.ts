import { randomUUID } from 'node:crypto';
import {
  type CannedAnswer,
  type CannedAnswerBody,
  cannedAnswerReach,
  type Inbox,
  type Locale,
  type NewQuestion,
  OFFICE_ACT_KINDS,
  type OfficeKind,
  QUESTION_MESSAGES_MAX,
  type QuestionAnswerBody,
  type QuestionReach,
  type QuestionStatus,
  type QuestionSummary,
  type QuestionThread,
  questionReach,
  type StaffQuestion,
} from '@sabt/core';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { DomainError } from '../errors/domain-error.ts';
import { queueNotification } from '../notifications/send-job.ts';
import { auditRead, readEvent, type WriteContext } from '../unit-of-work/write.ts';
import { citizenApplication } from './applications.ts';
import type { CitizenWriteContext } from './citizen-write.ts';
import { questionDb } from './question-tables.ts';

/**
 * Citizens' questions to staff. A signed-in citizen opens a thread with an office and writes in
 * it; the office's staff (core questionReach: its front office, back office, registrar and head;
 * the central administrator for every office) answer from their inbox, in free text or with a
 * canned answer in the thread's language, and close it. Each answer notifies the citizen in that
 * language with a link, never the answer's text. A citizen sees only their own threads; a thread
 * of another citizen, or of an office out of a staff member's reach, is not found, as a missing
 * one is. Staff reads of a thread are audited, as every write is.
 */

/** Threads of an inbox page. */
export const INBOX_PAGE = 50;

type Db_ = Kysely<Database>;
const iso = (d: Date | string) => new Date(d).toISOString();
const names = (o: { name_tg: string; name_ru: string; name_en: string }) => ({
  tg: o.name_tg,
  ru: o.name_ru,
  en: o.name_en,
});

function threadRows(db: Db_) {
  return questionDb(db)
    .selectFrom('question_threads as t')
    .innerJoin('offices as o', 'o.id', 't.office_id')
    .select([
      't.id',
      't.citizen_id',
      't.office_id',
      't.application_id',
      't.subject',
      't.language',
      't.status',
      't.created_at',
      't.updated_at',
      't.waiting_since',
      't.closed_at',
      'o.name_tg',
      'o.name_ru',
      'o.name_en',
    ])
    .select((eb) =>
      eb
        .selectFrom('question_messages as m')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('m.thread_id', '=', 't.id')
        .as('message_count'),
    );
}
type ThreadRow = Awaited<ReturnType<ReturnType<typeof threadRows>['executeTakeFirstOrThrow']>>;

function summary(r: ThreadRow): QuestionSummary {
  return {
    id: r.id,
    subject: r.subject,
    status: r.status,
    language: r.language,
    office: { id: r.office_id, name: names(r) },
    application: r.application_id,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    waitingSince: r.waiting_since ? iso(r.waiting_since) : null,
    messages: Number(r.message_count ?? 0),
  };
}

/** A thread with its messages; `staffNames`: the workspace sees who answered, the citizen the office. */
async function presentThread(db: Db_, r: ThreadRow, staffNames: boolean): Promise<QuestionThread> {
  const messages = await questionDb(db)
    .selectFrom('question_messages as m')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.id', 'm.author', 'm.body', 'm.created_at', 'm.canned_answer_id', 'u.full_name'])
    .where('m.thread_id', '=', r.id)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
  return {
    ...summary(r),
    closedAt: r.closed_at ? iso(r.closed_at) : null,
    messages: messages.map((m) => ({
      id: m.id,
      from: m.author,
      text: m.body,
      at: iso(m.created_at),
      staff: staffNames && m.author === 'staff' ? { name: m.full_name ?? '' } : null,
      cannedAnswer: staffNames ? m.canned_answer_id : null,
    })),
  };
}

const notFound = () => new DomainError('not-found', 'problem.question.notFound');

// ——— the citizen's side ———

/** Opens a thread with an office: the subject and the first message, in the citizen's language. */
export async function askQuestion(
  ctx: CitizenWriteContext,
  input: NewQuestion & { language: Locale },
): Promise<QuestionThread> {
  const q = questionDb(ctx.trx);
  const office = await q
    .selectFrom('offices')
    .select(['id', 'kind', 'active'])
    .where('id', '=', input.office)
    .executeTakeFirst();
  // the offices citizens apply at (the portal's list): open ones that register acts
  if (!office?.active || OFFICE_ACT_KINDS[office.kind as OfficeKind].length === 0)
    throw new DomainError('invalid', 'problem.validation', {}, [
      { path: ['office'], key: 'error.portal.questionOffice', params: {} },
    ]);
  // a question about an application is about one of the citizen's own (another's is not found)
  if (input.application) await citizenApplication(ctx.trx, ctx.citizen.id, input.application);
  const id = randomUUID();
  await q
    .insertInto('question_threads')
    .values({
      id,
      citizen_id: ctx.citizen.id,
      office_id: office.id,
      application_id: input.application ?? null,
      subject: input.subject,
      language: input.language,
      status: 'open',
      created_at: ctx.now,
      updated_at: ctx.now,
      waiting_since: ctx.now,
      closed_at: null,
      closed_by: null,
    })
    .execute();
  await q
    .insertInto('question_messages')
    .values({
      id: randomUUID(),
      thread_id: id,
      author: 'citizen',
      user_id: null,
      canned_answer_id: null,
      body: input.text,
      created_at: ctx.now,
    })
    .execute();
  ctx.audit.push({
    event: 'portal.question-asked',
    officeId: office.id,
    detail: { thread: id, citizen: ctx.citizen.id, application: input.application ?? null },
  });
  return presentThread(ctx.trx, await threadOf(ctx.trx, id, { citizen: ctx.citizen.id }), false);
}

/** A thread by id, the citizen's own or within a staff member's reach; otherwise not found. */
async function threadOf(
  db: Db_,
  id: string,
  whose: { citizen: string } | { actor: Actor; reach: QuestionReach },
  lock = false,
): Promise<ThreadRow> {
  if (lock)
    await questionDb(db)
      .selectFrom('question_threads')
      .select('id')
      .where('id', '=', id)
      .forUpdate()
      .execute();
  const row = await threadRows(db).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  if ('citizen' in whose) {
    if (row.citizen_id !== whose.citizen) throw notFound();
  } else if (whose.reach !== 'national' && row.office_id !== whose.actor.officeId) throw notFound();
  return row;
}

/** The citizen's further message: the thread waits for staff again (a closed one takes none). */
export async function addCitizenMessage(
  ctx: CitizenWriteContext,
  threadId: string,
  text: string,
): Promise<QuestionThread> {
  const row = await threadOf(ctx.trx, threadId, { citizen: ctx.citizen.id }, true);
  if (row.status === 'closed') throw new DomainError('conflict', 'problem.question.closed');
  if (Number(row.message_count) >= QUESTION_MESSAGES_MAX)
    throw new DomainError('conflict', 'problem.question.tooManyMessages', { max: QUESTION_MESSAGES_MAX });
  const q = questionDb(ctx.trx);
  await q
    .insertInto('question_messages')
    .values({
      id: randomUUID(),
      thread_id: threadId,
      author: 'citizen',
      user_id: null,
      canned_answer_id: null,
      body: text,
      created_at: ctx.now,
    })
    .execute();
  await q
    .updateTable('question_threads')
    .set({ status: 'open', updated_at: ctx.now, waiting_since: row.waiting_since ?? ctx.now })
    .where('id', '=', threadId)
    .execute();
  ctx.audit.push({
    event: 'portal.question-message',
    officeId: row.office_id,
    detail: { thread: threadId, citizen: ctx.citizen.id },
  });
  return presentThread(ctx.trx, await threadOf(ctx.trx, threadId, { citizen: ctx.citizen.id }), false);
}

/** The citizen's own threads, the latest first. */
export async function citizenQuestions(db: Db_, citizenId: string): Promise<QuestionSummary[]> {
  const rows = await threadRows(db)
    .where('t.citizen_id', '=', citizenId)
    .orderBy('t.updated_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(500)
    .execute();
  return rows.map(summary);
}

/** One of the citizen's own threads with its messages (staff shown as their office). */
export async function citizenQuestion(db: Db_, citizenId: string, id: string): Promise<QuestionThread> {
  return presentThread(db, await threadOf(db, id, { citizen: citizenId }), false);
}

// ——— the office's side ———

/** Whether the actor answers questions at all, and where; refused otherwise. */
export function assertAnswersQuestions(actor: Actor): QuestionReach {
  const reach = questionReach(actor.role);
  if (!reach) throw new DomainError('forbidden', 'problem.question.forbidden');
  return reach;
}

/** The office whose inbox or canned answers are asked: one's own unless one reaches every office. */
async function officeAsked(db: Db_, actor: Actor, reach: QuestionReach, office: string | undefined) {
  const id = office ?? actor.officeId;
  if (reach !== 'national' && id !== actor.officeId)
    throw new DomainError('forbidden', 'problem.question.otherOffice');
  const row = await db.selectFrom('offices').select(['id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('not-found', 'problem.admin.unknownOffice');
  return id;
}

interface PageToken {
  s: QuestionStatus;
  t: string;
  id: string;
}
const encodeToken = (t: PageToken) => Buffer.from(JSON.stringify(t)).toString('base64url');
function decodeToken(token: string, status: QuestionStatus): PageToken {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString()) as PageToken;
    if (t.s === status && typeof t.id === 'string' && !Number.isNaN(Date.parse(t.t))) return t;
  } catch {}
  throw new DomainError('malformed', 'problem.validation', {}, [
    { path: ['after'], key: 'error.pageToken', params: {} },
  ]);
}

/**
 * An office's inbox of one status: the open threads oldest waiting first (who waited longest is
 * answered first), answered and closed ones latest first; pages of INBOX_PAGE by keyset, and the
 * counts of each status.
 */
export async function inbox(
  db: Db_,
  actor: Actor,
  query: { office?: string | undefined; status?: QuestionStatus | undefined; after?: string | undefined },
): Promise<Inbox> {
  const reach = assertAnswersQuestions(actor);
  const officeId = await officeAsked(db, actor, reach, query.office);
  const status = query.status ?? 'open';
  const after = query.after ? decodeToken(query.after, status) : undefined;
  let q = threadRows(db).where('t.office_id', '=', officeId).where('t.status', '=', status);
  if (status === 'open') {
    if (after) q = q.where(sql<boolean>`(t.waiting_since, t.id) > (${new Date(after.t)}, ${after.id}::uuid)`);
    q = q.orderBy('t.waiting_since').orderBy('t.id');
  } else {
    if (after) q = q.where(sql<boolean>`(t.updated_at, t.id) < (${new Date(after.t)}, ${after.id}::uuid)`);
    q = q.orderBy('t.updated_at', 'desc').orderBy('t.id', 'desc');
  }
  const rows = await q.limit(INBOX_PAGE + 1).execute();
  const page = rows.slice(0, INBOX_PAGE);
  const last = page.at(-1);
  const counted = await questionDb(db)
    .selectFrom('question_threads')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('office_id', '=', officeId)
    .groupBy('status')
    .execute();
  const counts = { open: 0, answered: 0, closed: 0 };
  for (const c of counted) counts[c.status] = Number(c.n);
  return {
    items: page.map(summary),
    counts,
    next:
      rows.length > INBOX_PAGE && last
        ? encodeToken({
            s: status,
            t: iso(status === 'open' ? last.waiting_since! : last.updated_at),
            id: last.id,
          })
        : null,
  };
}

function staffView(thread: QuestionThread): StaffQuestion {
  return { thread, canAnswer: thread.status !== 'closed', canClose: thread.status !== 'closed' };
}

/** A thread as its office sees it; the read is audited (a citizen's question is personal). */
export async function staffQuestion(dbx: Db, actor: Actor, id: string): Promise<StaffQuestion> {
  const reach = assertAnswersQuestions(actor);
  const row = await threadOf(dbx.db, id, { actor, reach });
  const view = staffView(await presentThread(dbx.db, row, true));
  await auditRead(dbx, [
    readEvent(actor, 'portal.question-read', null, { thread: id, office: row.office_id }),
  ]);
  return view;
}

/** A canned answer the actor may send in this office's threads: the office's own or one for every office. */
async function cannedFor(db: Db_, id: string, officeId: string) {
  const c = await questionDb(db)
    .selectFrom('canned_answers')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!c?.active || (c.office_id !== null && c.office_id !== officeId))
    throw new DomainError('invalid', 'problem.validation', {}, [
      { path: ['cannedAnswer'], key: 'error.portal.cannedAnswer', params: {} },
    ]);
  return c;
}

/**
 * A staff answer: free text, or a canned answer's text in the thread's language. The thread is
 * answered; the citizen is notified in that language (a link, never the text).
 */
export async function answerQuestion(
  ctx: WriteContext,
  id: string,
  body: QuestionAnswerBody,
): Promise<StaffQuestion> {
  const reach = assertAnswersQuestions(ctx.actor);
  const row = await threadOf(ctx.trx, id, { actor: ctx.actor, reach }, true);
  if (row.status === 'closed') throw new DomainError('conflict', 'problem.question.closed');
  if (Number(row.message_count) >= QUESTION_MESSAGES_MAX)
    throw new DomainError('conflict', 'problem.question.tooManyMessages', { max: QUESTION_MESSAGES_MAX });
  let text: string;
  let canned: string | null = null;
  if ('cannedAnswer' in body) {
    const c = await cannedFor(ctx.trx, body.cannedAnswer, row.office_id);
    text = { tg: c.text_tg, ru: c.text_ru, en: c.text_en }[row.language];
    canned = c.id;
  } else text = body.text;
  const q = questionDb(ctx.trx);
  await q
    .insertInto('question_messages')
    .values({
      id: randomUUID(),
      thread_id: id,
      author: 'staff',
      user_id: ctx.actor.id,
      canned_answer_id: canned,
      body: text,
      created_at: ctx.now,
    })
    .execute();
  await q
    .updateTable('question_threads')
    .set({ status: 'answered', updated_at: ctx.now, waiting_since: null })
    .where('id', '=', id)
    .execute();
  const citizen = await q
    .selectFrom('citizens')
    .select(['channel', 'contact'])
    .where('id', '=', row.citizen_id)
    .executeTakeFirstOrThrow();
  await queueNotification(ctx.trx, ctx.config, {
    template: 'portal.question-answered',
    params: { link: `${ctx.config.publicUrl.replace(/\/+$/, '')}/portal/questions/${id}` },
    to: citizen.channel === 'email' ? { email: citizen.contact } : { phone: citizen.contact },
    language: row.language,
    cause: { kind: 'user', userId: ctx.actor.id },
    related: { kind: 'question', id },
  });
  ctx.audit.push({
    event: 'portal.question-answered',
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: ctx.actor.officeId,
    detail: { thread: id, office: row.office_id, cannedAnswer: canned },
  });
  return staffView(
    await presentThread(ctx.trx, await threadOf(ctx.trx, id, { actor: ctx.actor, reach }), true),
  );
}

/** Closes a thread: it takes no more messages. Closing a closed one changes nothing. */
export async function closeQuestion(ctx: WriteContext, id: string): Promise<StaffQuestion> {
  const reach = assertAnswersQuestions(ctx.actor);
  const row = await threadOf(ctx.trx, id, { actor: ctx.actor, reach }, true);
  if (row.status !== 'closed') {
    await questionDb(ctx.trx)
      .updateTable('question_threads')
      .set({
        status: 'closed',
        updated_at: ctx.now,
        waiting_since: null,
        closed_at: ctx.now,
        closed_by: ctx.actor.id,
      })
      .where('id', '=', id)
      .execute();
    ctx.audit.push({
      event: 'portal.question-closed',
      actorId: ctx.actor.id,
      actorLogin: ctx.actor.login,
      officeId: ctx.actor.officeId,
      detail: { thread: id, office: row.office_id, was: row.status },
    });
  }
  return staffView(
    await presentThread(ctx.trx, await threadOf(ctx.trx, id, { actor: ctx.actor, reach }), true),
  );
}

// ——— canned answers ———

function cannedRows(db: Db_) {
  return questionDb(db)
    .selectFrom('canned_answers as c')
    .leftJoin('offices as o', 'o.id', 'c.office_id')
    .select([
      'c.id',
      'c.office_id',
      'c.title',
      'c.text_tg',
      'c.text_ru',
      'c.text_en',
      'c.active',
      'c.updated_at',
      'o.name_tg',
      'o.name_ru',
      'o.name_en',
    ]);
}
type CannedRow = Awaited<ReturnType<ReturnType<typeof cannedRows>['executeTakeFirstOrThrow']>>;
const presentCanned = (c: CannedRow): CannedAnswer => ({
  id: c.id,
  title: c.title,
  text: { tg: c.text_tg, ru: c.text_ru, en: c.text_en },
  office:
    c.office_id && c.name_tg && c.name_ru && c.name_en
      ? { id: c.office_id, name: { tg: c.name_tg, ru: c.name_ru, en: c.name_en } }
      : null,
  active: c.active,
  updatedAt: iso(c.updated_at),
});

/** Whether the actor keeps this canned answer (an office's: its head or the centre; every office's: the centre). */
function mayManage(actor: Actor, officeId: string | null): boolean {
  const reach = cannedAnswerReach(actor.role);
  return reach === 'national' || (reach === 'office' && officeId === actor.officeId);
}

/** The canned answers of an office (its own and those for every office), by title; withdrawn ones on request. */
export async function cannedAnswers(
  db: Db_,
  actor: Actor,
  query: { office?: string | undefined; all?: boolean },
): Promise<{ items: CannedAnswer[]; canManage: boolean }> {
  const reach = assertAnswersQuestions(actor);
  const officeId = await officeAsked(db, actor, reach, query.office);
  let q = cannedRows(db).where((eb) =>
    eb.or([eb('c.office_id', '=', officeId), eb('c.office_id', 'is', null)]),
  );
  if (!query.all) q = q.where('c.active', '=', true);
  const rows = await q.orderBy('c.title').orderBy('c.id').execute();
  return { items: rows.map(presentCanned), canManage: cannedAnswerReach(actor.role) !== null };
}

function assertMayManage(actor: Actor, officeId: string | null) {
  if (!cannedAnswerReach(actor.role)) throw new DomainError('forbidden', 'problem.question.cannedForbidden');
  if (!mayManage(actor, officeId)) throw new DomainError('forbidden', 'problem.question.otherOffice');
}

/** A new canned answer: the head's for their office, the centre's for any office or for every one. */
export async function createCannedAnswer(ctx: WriteContext, body: CannedAnswerBody): Promise<CannedAnswer> {
  const officeId = body.office === undefined ? ctx.actor.officeId : body.office;
  assertMayManage(ctx.actor, officeId);
  if (officeId) {
    const exists = await ctx.trx
      .selectFrom('offices')
      .select('id')
      .where('id', '=', officeId)
      .executeTakeFirst();
    if (!exists) throw new DomainError('not-found', 'problem.admin.unknownOffice');
  }
  const id = randomUUID();
  await questionDb(ctx.trx)
    .insertInto('canned_answers')
    .values({
      id,
      office_id: officeId,
      title: body.title,
      text_tg: body.text.tg,
      text_ru: body.text.ru,
      text_en: body.text.en,
      active: body.active ?? true,
      created_by: ctx.actor.id,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute();
  ctx.audit.push({
    event: 'portal.canned-answer-created',
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: ctx.actor.officeId,
    detail: { cannedAnswer: id, office: officeId, title: body.title },
  });
  return presentCanned(await cannedRows(ctx.trx).where('c.id', '=', id).executeTakeFirstOrThrow());
}

/** A canned answer changed (its title, texts, whether it is offered); its office stays. */
export async function changeCannedAnswer(
  ctx: WriteContext,
  id: string,
  body: CannedAnswerBody,
): Promise<CannedAnswer> {
  const before = await cannedRows(ctx.trx).where('c.id', '=', id).executeTakeFirst();
  // one that is not the actor's to keep, or to send, is not found
  if (!before || !(mayManage(ctx.actor, before.office_id) || before.office_id === ctx.actor.officeId))
    throw new DomainError('not-found', 'problem.question.cannedNotFound');
  assertMayManage(ctx.actor, before.office_id);
  await questionDb(ctx.trx)
    .updateTable('canned_answers')
    .set({
      title: body.title,
      text_tg: body.text.tg,
      text_ru: body.text.ru,
      text_en: body.text.en,
      active: body.active ?? before.active,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute();
  ctx.audit.push({
    event: 'portal.canned-answer-changed',
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: ctx.actor.officeId,
    detail: {
      cannedAnswer: id,
      office: before.office_id,
      title: body.title,
      active: body.active ?? before.active,
    },
  });
  return presentCanned(await cannedRows(ctx.trx).where('c.id', '=', id).executeTakeFirstOrThrow());
}
