import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The records an act links to with one type (e.g. the marriage a divorce 'dissolves'). */
export async function linkedRecords(
  ctx: { trx: Transaction<Database> },
  from: string,
  type: string,
): Promise<string[]> {
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
  ctx: { trx: Transaction<Database> },
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
