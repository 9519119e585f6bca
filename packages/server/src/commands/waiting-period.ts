import {
  basisDocumentIssues,
  formatDate,
  marriageRegistrationDay,
  type WaitingGround,
  type WaitingShortening,
  waitingPeriod,
} from '@sabt/core';
import { DomainError, refuseIssues } from '../errors/domain-error.ts';
import { authorize } from '../policies/records.ts';
import { waitingDecisions } from '../queries/waiting-decisions.ts';
import { assertRevision, parseIfMatch } from '../unit-of-work/etag.ts';
import { appendAction, lockRecord, type RecordRow } from '../unit-of-work/record-store.ts';
import type { WriteContext } from '../unit-of-work/write.ts';

const dataOf = (rec: RecordRow) =>
  (rec.data ?? {}) as { applicationDate?: unknown; registrationDate?: unknown };

/**
 * A marriage is registered a month after the application (Family Code), or from the day the head
 * of office allowed: registering earlier is refused, in the user's language, with both dates.
 */
export async function assertWaitingPeriod(ctx: WriteContext, rec: RecordRow): Promise<void> {
  if (rec.kind !== 'MARRIAGE') return;
  const data = dataOf(rec);
  const period = waitingPeriod(data.applicationDate, await waitingDecisions(ctx.trx, rec.id));
  if (!period) return;
  if (marriageRegistrationDay(data.registrationDate, ctx.today) >= period.allowedFrom) return;
  throw new DomainError(
    'invalid',
    'problem.waitingPeriod',
    { allowedFrom: formatDate(period.allowedFrom), applicationDate: formatDate(period.applicationDate) },
    [],
    { waitingPeriod: period },
  );
}

export interface ShortenInput {
  reason?: string | undefined;
  ground: WaitingGround;
  /** The first day the marriage may be registered; the application day itself waives the month. */
  allowedFrom: string;
  basis?:
    | {
        type?: string | undefined;
        number?: string | undefined;
        date?: string | undefined;
        issuer?: string | undefined;
      }
    | undefined;
  ifMatch?: string | undefined;
}

/**
 * The head of office shortens (or waives) a marriage's waiting period: a decision in the record's
 * log with its ground, reason and basis document, made for the application date it names.
 */
export async function shortenWaitingPeriod(ctx: WriteContext, id: string, input: ShortenInput) {
  const rec = await lockRecord(ctx, id);
  authorize(ctx.actor, 'shorten-waiting', rec);
  assertRevision(parseIfMatch(input.ifMatch), rec.revision);
  const reason = input.reason?.trim();
  if (!reason)
    throw new DomainError('invalid', 'problem.reasonRequired', {}, [
      { path: ['reason'], key: 'error.required' },
    ]);
  const period = waitingPeriod(dataOf(rec).applicationDate, []);
  if (!period) refuseIssues([{ path: ['data', 'applicationDate'], key: 'error.required' }]);
  const { applicationDate, earliest } = period as NonNullable<typeof period>;
  if (ctx.today >= earliest) throw new DomainError('conflict', 'problem.waitingPeriodOver');
  refuseIssues([
    ...(input.allowedFrom < applicationDate || input.allowedFrom >= earliest
      ? [
          {
            path: ['allowedFrom'],
            key: 'error.waiting.allowedFrom',
            params: { from: formatDate(applicationDate), to: formatDate(earliest) },
          },
        ]
      : []),
    ...basisDocumentIssues(input.basis, ['basis'], ctx.today),
  ]);
  const revision = rec.revision + 1;
  await ctx.trx.updateTable('records').set({ revision, updated_at: ctx.now }).where('id', '=', id).execute();
  const decision: WaitingShortening = {
    applicationDate,
    allowedFrom: input.allowedFrom,
    ground: input.ground,
    ...(input.basis ? { basis: input.basis } : {}),
  };
  await appendAction(ctx, {
    recordId: id,
    action: 'shorten-waiting',
    fromStatus: rec.status,
    toStatus: rec.status,
    revision,
    reason,
    payload: { ...decision, earliest },
  });
  return { id };
}
