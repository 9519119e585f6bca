import { appendAction } from '../unit-of-work/record-store.ts';
import type { WriteContext } from '../unit-of-work/write.ts';
import { type DuplicateCandidate, findDuplicates } from './find-duplicates.ts';

/**
 * Looks for possible duplicates of a record (among records in the given statuses) and, when there are any, keeps them for the back
 * office to judge and flags the record 'possible-duplicate' (which blocks registration).
 */
export async function checkForDuplicates(
  ctx: WriteContext,
  rec: { id: string; kind: string; data: unknown; status: string },
  against?: readonly string[],
): Promise<DuplicateCandidate[]> {
  const found = await findDuplicates(ctx.trx, rec, against);
  if (found.length === 0) return [];
  await ctx.trx
    .insertInto('duplicate_candidates')
    .values(
      found.map((c) => ({
        record_id: rec.id,
        candidate_id: c.candidateId,
        score: c.score,
        reasons: JSON.stringify(c.reasons),
        status: 'open',
        decided_by: null,
        decided_at: null,
        decision_reason: null,
      })),
    )
    .onConflict((oc) => oc.columns(['record_id', 'candidate_id']).doNothing())
    .execute();
  const r = await ctx.trx
    .selectFrom('records')
    .select(['flags', 'revision'])
    .where('id', '=', rec.id)
    .executeTakeFirstOrThrow();
  if (!r.flags.includes('possible-duplicate')) {
    const revision = r.revision + 1;
    await ctx.trx
      .updateTable('records')
      .set({ flags: [...r.flags, 'possible-duplicate'].sort(), revision, updated_at: ctx.now })
      .where('id', '=', rec.id)
      .execute();
    await appendAction(ctx, {
      recordId: rec.id,
      action: 'duplicate-found',
      fromStatus: rec.status,
      toStatus: rec.status,
      revision,
      payload: { candidates: found },
    });
  }
  return found;
}
