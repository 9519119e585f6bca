import { appendAction, withFlags } from '../unit-of-work/record-store.ts';
import type { WriteContext } from '../unit-of-work/write.ts';

/** Links two records both ways with typed rows (e.g. death → 'birth-of-deceased', birth → 'death'). */
export async function linkRecords(
  ctx: WriteContext,
  from: string,
  to: string,
  typeFromTo: string,
  typeToFrom: string,
  actionId: number,
) {
  await ctx.trx
    .insertInto('record_links')
    .values([
      { record_id: from, linked_record_id: to, type: typeFromTo, action_id: actionId },
      { record_id: to, linked_record_id: from, type: typeToFrom, action_id: actionId },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * Writes a notation on a record, as a paper registrar writes in the margin of an earlier act:
 * an action in its log, plus flags added (such as 'certificate-reissue' when a new certificate is
 * due) or taken off (when the act that set them is annulled).
 */
export async function notate(
  ctx: WriteContext,
  recordId: string,
  notation: Record<string, unknown> & { type: string },
  addFlags: string[] = [],
  removeFlags: string[] = [],
) {
  const rec = await ctx.trx
    .selectFrom('records')
    .select(['status', 'flags', 'revision'])
    .where('id', '=', recordId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const revision = rec.revision + 1;
  await ctx.trx
    .updateTable('records')
    .set({ flags: withFlags(rec.flags, addFlags, removeFlags), revision, updated_at: ctx.now })
    .where('id', '=', recordId)
    .execute();
  return appendAction(ctx, {
    recordId,
    action: 'notation',
    fromStatus: rec.status,
    toStatus: rec.status,
    revision,
    payload: notation,
  });
}
