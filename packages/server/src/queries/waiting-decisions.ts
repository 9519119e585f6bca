import type { WaitingShortening } from '@sabt/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The head of office's decisions on a marriage's waiting period, oldest first (the latest stands). */
export async function waitingDecisions(
  db: Kysely<Database> | Transaction<Database>,
  recordId: string,
): Promise<WaitingShortening[]> {
  const rows = await db
    .selectFrom('record_actions')
    .select('payload')
    .where('record_id', '=', recordId)
    .where('action', '=', 'shorten-waiting')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.payload as unknown as WaitingShortening);
}
