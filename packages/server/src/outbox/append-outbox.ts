import { EVENT_DEFINITIONS, type OutboxEvent } from '@sabt/core';
import { sql, type Transaction } from 'kysely';
import { type AuditEvent, appendAudit, chainAudit, lockAuditHead } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { OUTBOX_CHANNEL } from './outbox-signal.ts';
import { outboxDb } from './tables.ts';

/**
 * The baseline of bench/outbox-bench.ts (a registration without its outbox write) turns this off;
 * nothing in Sabt does.
 */
export const outboxWrites = { enabled: true };

/**
 * Writes a transaction's audit entries and outbox events, last in the transaction (runWrite does):
 * the audit chain's head is locked, then one statement inserts the entries, moves the head and
 * inserts the events. The events so take their positions while the head is locked, in commit
 * order: a reader that has seen position n has seen every committed position below it, and never
 * skips an event that commits late with a lower one. The statement also notifies OUTBOX_CHANNEL,
 * which PostgreSQL delivers only if the transaction commits.
 *
 * Under the lock, writes queue one after another; the events add no round trip to that queue.
 */
export async function appendAuditAndEvents(
  trx: Transaction<Database>,
  audit: AuditEvent[],
  events: readonly OutboxEvent[],
): Promise<void> {
  if (events.length === 0 || !outboxWrites.enabled) return appendAudit(trx, audit);
  const head = await lockAuditHead(trx);
  const rows = events.map((e) => ({
    type: e.type,
    schema_version: EVENT_DEFINITIONS[e.type].schemaVersion,
    record_id: e.recordId,
    office_id: e.officeId,
    payload: JSON.stringify(e.payload),
  }));
  const writes = [
    ...chainAudit(trx, head, audit),
    sql`outbox_events AS (${outboxDb(trx).insertInto('outbox').values(rows)})`,
  ];
  await sql`WITH ${sql.join(writes)} SELECT pg_notify(${OUTBOX_CHANNEL}, '')`.execute(trx);
}

/** Writes events to the outbox in the caller's transaction, as appendAuditAndEvents does (no audit entries). */
export function appendOutbox(trx: Transaction<Database>, events: readonly OutboxEvent[]): Promise<void> {
  return appendAuditAndEvents(trx, [], events);
}
