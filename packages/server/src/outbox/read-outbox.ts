import type { OutboxEventType } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { outboxDb } from './tables.ts';

/** An event as the outbox keeps it. */
export interface StoredEvent {
  position: number;
  type: OutboxEventType;
  schemaVersion: number;
  recordId: string | null;
  officeId: string | null;
  payload: unknown;
  createdAt: Date;
  dispatchedAt: Date | null;
}

/**
 * Events after a position, in position order: a reader that keeps the last position it saw
 * reads every committed event once (positions rise in commit order, see appendOutbox).
 */
export async function readOutbox(
  db: Kysely<Database>,
  opts: { after?: number; limit?: number; types?: readonly OutboxEventType[]; recordId?: string } = {},
): Promise<StoredEvent[]> {
  let q = outboxDb(db)
    .selectFrom('outbox')
    .selectAll()
    .where('position', '>', opts.after ?? 0)
    .orderBy('position')
    .limit(opts.limit ?? 100);
  if (opts.types?.length) q = q.where('type', 'in', [...opts.types]);
  if (opts.recordId) q = q.where('record_id', '=', opts.recordId);
  return (await q.execute()).map(toStoredEvent);
}

export function toStoredEvent(r: {
  position: number;
  type: string;
  schema_version: number;
  record_id: string | null;
  office_id: string | null;
  payload: unknown;
  created_at: Date;
  dispatched_at: Date | null;
}): StoredEvent {
  return {
    position: Number(r.position),
    type: r.type as OutboxEventType,
    schemaVersion: r.schema_version,
    recordId: r.record_id,
    officeId: r.office_id,
    payload: r.payload,
    createdAt: r.created_at,
    dispatchedAt: r.dispatched_at,
  };
}
