import { DomainError } from '../errors/domain-error.ts';
import { authorize } from '../policies/records.ts';
import { appendAction, lockRecord, withFlags } from '../unit-of-work/record-store.ts';
import type { WriteContext } from '../unit-of-work/write.ts';

/**
 * The back office's verdict on one possible duplicate. "Not a duplicate" clears the block once no
 * candidate is left open; "duplicate" sends an unregistered record back (it can no longer be
 * submitted) and marks a registered one for annulment as a duplicate.
 */
export async function resolveDuplicate(
  ctx: WriteContext,
  id: string,
  candidateId: string,
  input: { verdict: 'duplicate' | 'not-duplicate'; reason?: string | undefined },
) {
  const rec = await lockRecord(ctx, id);
  authorize(ctx.actor, 'resolve-duplicate', rec);
  const reason = input.reason?.trim();
  if (input.verdict === 'duplicate' && !reason) {
    throw new DomainError('invalid', 'problem.reasonRequired', {}, [
      { path: ['reason'], key: 'error.required' },
    ]);
  }
  const candidate = await ctx.trx
    .selectFrom('duplicate_candidates')
    .selectAll()
    .where('record_id', '=', id)
    .where('candidate_id', '=', candidateId)
    .forUpdate()
    .executeTakeFirst();
  if (!candidate) throw new DomainError('not-found', 'problem.notFound');
  if (candidate.status !== 'open') throw new DomainError('conflict', 'problem.conflict');
  await ctx.trx
    .updateTable('duplicate_candidates')
    .set({
      status: input.verdict,
      decided_by: ctx.actor.id,
      decided_at: ctx.now,
      decision_reason: reason ?? null,
    })
    .where('record_id', '=', id)
    .where('candidate_id', '=', candidateId)
    .execute();
  const open = await ctx.trx
    .selectFrom('duplicate_candidates')
    .select('candidate_id')
    .where('record_id', '=', id)
    .where('status', '=', 'open')
    .execute();
  let flags = rec.flags;
  let status = rec.status;
  if (input.verdict === 'duplicate') {
    flags = withFlags(flags, ['duplicate'], ['possible-duplicate']);
    if (rec.status !== 'registered') {
      status = 'draft';
      flags.push('rejected');
    }
  } else if (open.length === 0) {
    flags = flags.filter((f) => f !== 'possible-duplicate');
  }
  const revision = rec.revision + 1;
  await ctx.trx
    .updateTable('records')
    .set({ status, flags: [...new Set(flags)].sort(), revision, updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
  await appendAction(ctx, {
    recordId: id,
    action: 'resolve-duplicate',
    fromStatus: rec.status,
    toStatus: status,
    revision,
    reason: reason ?? null,
    payload: { candidateId, verdict: input.verdict },
  });
  return { id };
}
