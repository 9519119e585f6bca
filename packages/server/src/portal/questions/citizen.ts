import { randomUUID } from 'node:crypto';
import {
  type Locale,
  type NewQuestion,
  OFFICE_ACT_KINDS,
  type OfficeKind,
  QUESTION_MESSAGES_MAX,
  type QuestionSummary,
  type QuestionThread,
} from '@sabt/core';
import { DomainError } from '../../errors/domain-error.ts';
import { citizenApplication } from '../applications.ts';
import type { CitizenWriteContext } from '../citizen-write.ts';
import { questionDb } from '../question-tables.ts';
import { addMessage, type Db_, presentThread, summary, threadOf, threadRows } from './threads.ts';

/** The citizen's side of questions to staff: asking an office, writing further, reading one's own threads. */

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
  await addMessage(ctx.trx, {
    threadId: id,
    author: 'citizen',
    userId: null,
    canned: null,
    body: input.text,
    at: ctx.now,
  });
  ctx.audit.push({
    event: 'portal.question-asked',
    officeId: office.id,
    detail: { thread: id, citizen: ctx.citizen.id, application: input.application ?? null },
  });
  return presentThread(ctx.trx, await threadOf(ctx.trx, id, { citizen: ctx.citizen.id }), false);
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
  await addMessage(ctx.trx, {
    threadId: threadId,
    author: 'citizen',
    userId: null,
    canned: null,
    body: text,
    at: ctx.now,
  });
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
