import type { Action } from '@sabt/core';
import { checkForDuplicates } from '../duplicates/duplicate-check.ts';
import { DomainError } from '../errors/domain-error.ts';
import { assertFeeSettled } from '../fees/payments/settlement.ts';
import { authorize } from '../policies/records.ts';
import { assertRevision, parseIfMatch } from '../unit-of-work/etag.ts';
import {
  actionsBy,
  appendAction,
  kindOf,
  lockRecord,
  mergeCheckFlags,
  requireValidData,
  withFlags,
} from '../unit-of-work/record-store.ts';
import type { WriteContext } from '../unit-of-work/write.ts';
import { KIND_EFFECTS } from './effects/index.ts';
import { recordCancelled } from './record-events.ts';
import { registerLocked } from './register-record.ts';
import { assertWaitingPeriod } from './waiting-period.ts';

export type TransitionAction = Extract<Action, 'submit' | 'validate' | 'reject' | 'register' | 'cancel'>;
export const TRANSITIONS: readonly TransitionAction[] = [
  'submit',
  'validate',
  'reject',
  'register',
  'cancel',
];

/**
 * Moves a record along draft → submitted → validated → registered, sends it back with a reason,
 * or cancels a draft with a reason (kept with its history, out of the queues).
 * Submitting, validating and registering need complete, valid data.
 */
export async function transitionRecord(
  ctx: WriteContext,
  id: string,
  action: TransitionAction,
  input: { reason?: string | undefined; ifMatch?: string | undefined },
) {
  const rec = await lockRecord(ctx, id);
  const decision = authorize(ctx.actor, action, rec, await actionsBy(ctx, id));
  assertRevision(parseIfMatch(input.ifMatch), rec.revision);
  const reason = input.reason?.trim();
  if (decision.reason && !reason)
    throw new DomainError('invalid', 'problem.reasonRequired', {}, [
      { path: ['reason'], key: 'error.required' },
    ]);
  const def = kindOf(rec.kind);
  const revision = rec.revision + 1;
  const to = decision.to ?? rec.status;
  /** The record moved to its new status with these flags, and the move in its log. */
  const move = async (flags: string[], payload?: Record<string, unknown>) => {
    await ctx.trx
      .updateTable('records')
      .set({ status: to, flags, revision, updated_at: ctx.now })
      .where('id', '=', id)
      .execute();
    await appendAction(ctx, {
      recordId: id,
      action,
      fromStatus: rec.status,
      toStatus: to,
      revision,
      reason,
      payload: payload ?? {},
    });
  };
  if (action === 'reject' || action === 'cancel') {
    // a cancelled draft leaves the work queues, the flag-based ones too
    await move(
      action === 'reject'
        ? withFlags(rec.flags, ['rejected'])
        : withFlags(rec.flags, [], ['rejected', 'possible-duplicate']),
    );
    if (action === 'cancel') recordCancelled(ctx, rec);
    return { id };
  }
  const check = requireValidData(ctx, def, rec.data, 'complete');
  const registryIssues = (await KIND_EFFECTS[def.code]?.check?.(ctx, rec)) ?? [];
  if (registryIssues.length > 0) {
    throw new DomainError(
      'invalid',
      'problem.registryCheck',
      {},
      registryIssues.map((i) => ({ ...i, path: ['data', ...i.path] })),
    );
  }
  if (action === 'register') {
    await assertWaitingPeriod(ctx, rec);
    await assertFeeSettled(ctx, rec, 'registration');
    // A possible duplicate registered since validation blocks this registration: it is kept
    // (with the flag) for the back office, and the registrar is told. Pending look-alikes were
    // flagged on their own submission.
    const duplicates = await checkForDuplicates(ctx, rec, ['registered']);
    if (duplicates.length > 0) return { id, duplicates };
    await registerLocked(ctx, rec, def, check, revision, decision.marks);
    return { id };
  }
  await move(
    mergeCheckFlags(rec.flags, check, action === 'submit' ? ['rejected'] : []),
    check.warnings.length ? { warnings: check.warnings } : {},
  );
  await checkForDuplicates(ctx, { ...rec, status: to });
  return { id };
}
