import { randomUUID } from 'node:crypto';
import { type QuestionReach, type QuestionSummary, type QuestionThread, questionReach } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/sessions.ts';
import type { Database } from '../../db/schema.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { questionDb } from '../question-tables.ts';

/**
 * Citizens' questions to staff. A signed-in citizen opens a thread with an office and writes in
 * it; the office's staff (core questionReach: its front office, back office, registrar and head;
 * the central administrator for every office) answer from their inbox, in free text or with a
 * canned answer in the thread's language, and close it. Each answer notifies the citizen in that
 * language with a link, never the answer's text. A citizen sees only their own threads; a thread
 * of another citizen, or of an office out of a staff member's reach, is not found, as a missing
 * one is. Staff reads of a thread are audited, as every write is.
 *
 * Here: a thread as both sides read it, who may read it, a message written in it. citizen.ts is
 * the citizen's side, staff.ts the office's, canned.ts the canned answers.
 */

export type Db_ = Kysely<Database>;
export const iso = (d: Date | string) => new Date(d).toISOString();
const names = (o: { name_tg: string; name_ru: string; name_en: string }) => ({
  tg: o.name_tg,
  ru: o.name_ru,
  en: o.name_en,
});

export function threadRows(db: Db_) {
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

export function summary(r: ThreadRow): QuestionSummary {
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
export async function presentThread(db: Db_, r: ThreadRow, staffNames: boolean): Promise<QuestionThread> {
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

/** A thread by id, the citizen's own or within a staff member's reach; otherwise not found. */
export async function threadOf(
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

/** A message written in a thread, by the citizen or by staff (with the canned answer sent, if one). */
export async function addMessage(
  db: Db_,
  message: {
    threadId: string;
    author: 'citizen' | 'staff';
    userId: string | null;
    canned: string | null;
    body: string;
    at: Date;
  },
) {
  await questionDb(db)
    .insertInto('question_messages')
    .values({
      id: randomUUID(),
      thread_id: message.threadId,
      author: message.author,
      user_id: message.userId,
      canned_answer_id: message.canned,
      body: message.body,
      created_at: message.at,
    })
    .execute();
}

/** Whether the actor answers questions at all, and where; refused otherwise. */
export function assertAnswersQuestions(actor: Actor): QuestionReach {
  const reach = questionReach(actor.role);
  if (!reach) throw new DomainError('forbidden', 'problem.question.forbidden');
  return reach;
}

/** The office whose inbox or canned answers are asked: one's own unless one reaches every office. */
export async function officeAsked(db: Db_, actor: Actor, reach: QuestionReach, office: string | undefined) {
  const id = office ?? actor.officeId;
  if (reach !== 'national' && id !== actor.officeId)
    throw new DomainError('forbidden', 'problem.question.otherOffice');
  const row = await db.selectFrom('offices').select(['id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('not-found', 'problem.admin.unknownOffice');
  return id;
}
