import { appendAction, withFlags } from './record-store.ts';
import type { WriteContext } from './write.ts';

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

/** The records an act links to with one type (e.g. the marriage a divorce 'dissolves'). */
export async function linkedRecords(ctx: WriteContext, from: string, type: string): Promise<string[]> {
  const rows = await ctx.trx
    .selectFrom('record_links')
    .select('linked_record_id')
    .where('record_id', '=', from)
    .where('type', '=', type)
    .orderBy('linked_record_id')
    .execute();
  return rows.map((r) => r.linked_record_id);
}

/**
 * Whether an act in force other than `except` still stands behind a record's link of this type
 * (another registered death behind a birth record's 'death' link, say).
 */
export async function stillLinkedInForce(
  ctx: WriteContext,
  recordId: string,
  type: string,
  except: string,
): Promise<boolean> {
  const row = await ctx.trx
    .selectFrom('record_links as l')
    .innerJoin('records as r', 'r.id', 'l.linked_record_id')
    .select('r.id')
    .where('l.record_id', '=', recordId)
    .where('l.type', '=', type)
    .where('r.id', '!=', except)
    .where('r.status', '=', 'registered')
    .executeTakeFirst();
  return row !== undefined;
}
