import {
  type Inbox,
  QUESTION_MESSAGES_MAX,
  type QuestionAnswerBody,
  type QuestionStatus,
  type QuestionThread,
  type StaffQuestion,
} from '@sabt/core';
import { sql } from 'kysely';
import type { Actor } from '../../auth/sessions.ts';
import type { Db } from '../../db/connect.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { queueNotification } from '../../notifications/send-job.ts';
import { auditRead, readEvent, type WriteContext } from '../../unit-of-work/write.ts';
import { questionDb } from '../question-tables.ts';
import { cannedFor } from './canned.ts';
import {
  addMessage,
  assertAnswersQuestions,
  type Db_,
  iso,
  officeAsked,
  presentThread,
  summary,
  threadOf,
  threadRows,
} from './threads.ts';

/**
 * The office's side of questions to staff: its inbox by status, a thread read (audited), an answer
 * in free text or with a canned answer (the citizen notified), closing a thread.
 */

/** Threads of an inbox page. */
export const INBOX_PAGE = 50;

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
  await addMessage(ctx.trx, {
    threadId: id,
    author: 'staff',
    userId: ctx.actor.id,
    canned: canned,
    body: text,
    at: ctx.now,
  });
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
