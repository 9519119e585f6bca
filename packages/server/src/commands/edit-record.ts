import { mergePatch } from '@sabt/core';
import { authorize } from '../policies/records.ts';
import { indexRecord } from '../search/index-record.ts';
import { assertRevision, requireIfMatch } from '../unit-of-work/etag.ts';
import {
  appendAction,
  kindOf,
  lockRecord,
  mergeCheckFlags,
  requireValidData,
  summaryColumns,
} from '../unit-of-work/record-store.ts';
import type { WriteContext } from '../unit-of-work/write.ts';

/**
 * Edits a draft. The client says which revision it edited (If-Match); if another clerk saved in
 * between, nothing is overwritten and the client is told to reload.
 */
export async function editRecord(
  ctx: WriteContext,
  id: string,
  ifMatch: string | undefined,
  patch: Record<string, unknown>,
) {
  const expected = requireIfMatch(ifMatch);
  const rec = await lockRecord(ctx, id);
  authorize(ctx.actor, 'edit', rec);
  // a draft's edit names the revision it edited: `*` does not do
  assertRevision(expected, rec.revision, { exact: true });
  const def = kindOf(rec.kind);
  const data = mergePatch(rec.data, patch) as Record<string, unknown>;
  const check = requireValidData(ctx, def, data, 'draft');
  const revision = rec.revision + 1;
  await ctx.trx
    .updateTable('records')
    .set({
      data: JSON.stringify(data),
      flags: mergeCheckFlags(rec.flags, check),
      ...summaryColumns(def, data),
      revision,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute();
  await indexRecord(ctx.trx, id);
  await appendAction(ctx, {
    recordId: id,
    action: 'edit',
    fromStatus: rec.status,
    toStatus: rec.status,
    revision,
    payload: { patch },
  });
  return { id };
}
