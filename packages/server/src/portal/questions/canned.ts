import { randomUUID } from 'node:crypto';
import { type CannedAnswer, type CannedAnswerBody, cannedAnswerReach } from '@sabt/core';
import type { Actor } from '../../auth/sessions.ts';
import { DomainError } from '../../errors/domain-error.ts';
import type { WriteContext } from '../../unit-of-work/write.ts';
import { questionDb } from '../question-tables.ts';
import { assertAnswersQuestions, type Db_, iso, officeAsked } from './threads.ts';

/**
 * Canned answers: texts kept ready in three languages, an office's own (kept by its head or the
 * centre) or for every office (kept by the centre), sent by staff in a thread's language.
 */

/** A canned answer the actor may send in this office's threads: the office's own or one for every office. */
export async function cannedFor(db: Db_, id: string, officeId: string) {
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
