import { BLANK_STATUS_LABELS, type BlankStatus } from '@sabt/core';
import { DomainError, notFound } from '../../errors/domain-error.ts';
import type { WriteContext } from '../../unit-of-work/write.ts';
import { assertMay, assertOwnOffice } from '../policy.ts';
import { certDb } from '../tables.ts';
import { formatBlankNumber } from './blank-numbers.ts';

/**
 * Locks a blank the user acts on: one of their own office's, or (`below`) one of an office within
 * their subtree — the head of a district confirms the write-offs of the jamoats and mobile offices
 * under it, which have no head of their own.
 */
async function lockBlank(ctx: WriteContext, id: number, reach: 'own' | 'below' = 'own') {
  const row = await certDb(ctx.trx)
    .selectFrom('blanks as b')
    .innerJoin('offices as o', 'o.id', 'b.office_id')
    .selectAll('b')
    .select('o.path')
    .where('b.id', '=', id)
    .forUpdate('b')
    .executeTakeFirst();
  if (!row) throw notFound();
  if (reach === 'below') {
    if (!row.path.startsWith(ctx.actor.officePath)) throw notFound();
  } else assertOwnOffice(ctx.actor, row, row.path);
  return row;
}

/** A clerk reports a blank spoiled (or lost) with a reason; it stays counted until confirmed. */
export async function reportSpoiled(
  ctx: WriteContext,
  id: number,
  input: { reason: string; lost?: boolean },
) {
  assertMay(ctx.actor, 'report-spoiled-blank');
  const blank = await lockBlank(ctx, id);
  if (blank.status !== 'IN_STOCK' && blank.status !== 'ISSUED') {
    throw new DomainError('conflict', 'problem.blank.wrongStatus', {
      status: BLANK_STATUS_LABELS[blank.status] ?? blank.status,
    });
  }
  const outcome = input.lost ? 'LOST' : 'SPOILED';
  await certDb(ctx.trx)
    .updateTable('blanks')
    .set({
      status: 'SPOIL_REQUESTED',
      status_before: blank.status,
      spoil_outcome: outcome,
      spoil_reason: input.reason,
      spoil_requested_by: ctx.actor.id,
      spoil_requested_at: ctx.now,
      spoil_decided_by: null,
      spoil_decided_at: null,
      spoil_decision_reason: null,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute();
  ctx.audit.push(blankEvent(ctx, 'blank.spoil-request', blank, { outcome, reason: input.reason }));
}

/**
 * The head of office (of the blank's office or one above it) confirms a report (never their own):
 * the blank is written off for good, and
 * a certificate printed on it is marked spoiled. Or rejects it: the blank returns to where it was.
 */
export async function decideSpoiled(
  ctx: WriteContext,
  id: number,
  verdict:
    | { confirm: true; status?: 'SPOILED' | 'LOST' | 'WRITTEN_OFF' }
    | { confirm: false; reason: string },
) {
  assertMay(ctx.actor, 'confirm-spoiled-blank');
  const blank = await lockBlank(ctx, id, 'below');
  if (blank.status !== 'SPOIL_REQUESTED') {
    throw new DomainError('conflict', 'problem.blank.wrongStatus', {
      status: BLANK_STATUS_LABELS[blank.status] ?? blank.status,
    });
  }
  if (blank.spoil_requested_by === ctx.actor.id)
    throw new DomainError('conflict', 'problem.blank.secondPerson');
  const db = certDb(ctx.trx);
  const status: BlankStatus = verdict.confirm
    ? (verdict.status ?? blank.spoil_outcome ?? 'SPOILED')
    : (blank.status_before ?? 'IN_STOCK');
  await db
    .updateTable('blanks')
    .set({
      status,
      spoil_decided_by: ctx.actor.id,
      spoil_decided_at: ctx.now,
      spoil_decision_reason: verdict.confirm ? null : verdict.reason,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute();
  let certificateId: string | null = null;
  if (verdict.confirm) {
    const cert = await db
      .updateTable('certificates')
      .set({ status: 'spoiled' })
      .where('blank_id', '=', id)
      .returning(['id', 'record_id'])
      .executeTakeFirst();
    certificateId = cert?.id ?? null;
    if (cert) {
      ctx.audit.push({
        ...blankEvent(ctx, 'certificate.spoiled', blank, { certificateId: cert.id }),
        recordId: cert.record_id,
      });
    }
  }
  ctx.audit.push(
    blankEvent(ctx, verdict.confirm ? 'blank.spoil-confirm' : 'blank.spoil-reject', blank, {
      status,
      ...(verdict.confirm ? {} : { reason: verdict.reason }),
      reportedBy: blank.spoil_requested_by,
    }),
  );
  return { status, certificateId };
}

function blankEvent(
  ctx: WriteContext,
  event: string,
  blank: { id: number; office_id: string; document: string; series: string; number: number; digits: number },
  detail: Record<string, unknown>,
) {
  return {
    event,
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: blank.office_id,
    detail: {
      blankId: Number(blank.id),
      document: blank.document,
      series: blank.series,
      number: formatBlankNumber(blank.number, blank.digits),
      ...detail,
    },
  };
}
