import { EVENT_DEFINITIONS, type OutboxEvent } from '@sabt/core';
import { sql, type Transaction } from 'kysely';
import { type AuditEvent, appendAudit, insertAudit } from '../audit/audit-log.ts';
import type { Database } from '../db/schema.ts';
import { OUTBOX_CHANNEL } from './outbox-signal.ts';
import { outboxDb } from './tables.ts';

/**
 * The baseline of bench/outbox-bench.ts (a registration without its outbox write) turns this off;
 * nothing in Sabt does.
 */
export const outboxWrites = { enabled: true };

/**
 * One writer of events at a time across every Sabt process (a transaction-scoped advisory lock),
 * from just before its events take their positions until it commits.
 */
const OUTBOX_ORDER_LOCK = 7423023;

/**
 * Writes a transaction's audit entries and outbox events, last in the transaction (runWrite does).
 * The audit entries are inserted without a lock (the sequencer chains them after the commit,
 * audit/sequencer.ts). Events first take the outbox's order lock, then their positions, in one
 * statement with the audit entries: so positions rise in commit order, and a reader that has seen
 * position n has seen every committed position below it, and never skips an event that commits
 * late with a lower one. The statement also notifies OUTBOX_CHANNEL, which PostgreSQL delivers
 * only if the transaction commits.
 *
 * Only writes with events queue on that lock, and only for their last statement and commit.
 */
export async function appendAuditAndEvents(
  trx: Transaction<Database>,
  audit: AuditEvent[],
  events: readonly OutboxEvent[],
): Promise<void> {
  if (events.length === 0 || !outboxWrites.enabled) return appendAudit(trx, audit);
  await sql`SELECT pg_advisory_xact_lock(${OUTBOX_ORDER_LOCK})`.execute(trx);
  const rows = events.map((e) => ({
    type: e.type,
    schema_version: EVENT_DEFINITIONS[e.type].schemaVersion,
    record_id: e.recordId,
    office_id: e.officeId,
    payload: JSON.stringify(e.payload),
  }));
  const entries = insertAudit(trx, audit);
  const writes = [
    ...(entries ? [entries] : []),
    sql`outbox_events AS (${outboxDb(trx).insertInto('outbox').values(rows)})`,
  ];
  await sql`WITH ${sql.join(writes)} SELECT pg_notify(${OUTBOX_CHANNEL}, '')`.execute(trx);
}

/** Writes events to the outbox in the caller's transaction, as appendAuditAndEvents does (no audit entries). */
export function appendOutbox(trx: Transaction<Database>, events: readonly OutboxEvent[]): Promise<void> {
  return appendAuditAndEvents(trx, [], events);
}
