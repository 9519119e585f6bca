import { mergePatch } from '@sabt/core';
import { Problem } from '../http/problem.ts';
import { authorize } from '../policies/records.ts';
import { indexRecord } from '../search/index-record.ts';
import {
  appendAction,
  kindOf,
  lockRecord,
  mergeCheckFlags,
  requireValidData,
  summaryColumns,
} from '../unit-of-work/record-store.ts';
import type { WriteContext } from '../unit-of-work/write.ts';

/** Parses an If-Match header into a revision number (`"3"` or `W/"3"`); `*` matches any revision. */
export function parseIfMatch(header: string | undefined): number | '*' | undefined {
  if (header === undefined) return undefined;
  if (header.trim() === '*') return '*';
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  return m ? Number(m[1]) : -1;
}

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
  const expected = parseIfMatch(ifMatch);
  if (expected === undefined) throw new Problem(428, 'problem.preconditionRequired');
  const rec = await lockRecord(ctx, id);
  authorize(ctx.actor, 'edit', rec);
  if (rec.revision !== expected)
    throw new Problem(412, 'problem.preconditionFailed', {}, [], { revision: rec.revision });
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
