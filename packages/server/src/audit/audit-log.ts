import { createHash } from 'node:crypto';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface AuditEvent {
  event: string;
  actorId?: string | null;
  actorLogin?: string | null;
  officeId?: string | null;
  recordId?: string | null;
  detail?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so a value hashes the same after a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

interface ChainedFields {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_login: string | null;
  office_id: string | null;
  event: string;
  record_id: string | null;
  detail: unknown;
}

export function entryHash(prevHash: string, e: ChainedFields): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson({
        seq: e.seq,
        at: e.at,
        actor_id: e.actor_id,
        actor_login: e.actor_login,
        office_id: e.office_id,
        event: e.event,
        record_id: e.record_id,
        detail: e.detail,
      }),
    )
    .digest('hex');
}

/** A stored entry's hash when chained at `seq` after `prevHash`: what the sequencer writes and verify recomputes. */
export function storedEntryHash(
  prevHash: string,
  seq: number,
  row: Omit<ChainedFields, 'seq' | 'at'> & { at: Date | string },
): string {
  return entryHash(prevHash, {
    seq,
    at: new Date(row.at).toISOString(),
    actor_id: row.actor_id,
    actor_login: row.actor_login,
    office_id: row.office_id,
    event: row.event,
    record_id: row.record_id,
    detail: row.detail,
  });
}

/** The chain's head: the last chained entry's sequence number and hash. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/**
 * Locks the chain's head row until the transaction ends and reads it. Only the sequencer (which
 * moves it) and the anchoring (which signs it) take it: no request waits here.
 */
export async function lockAuditHead(trx: Transaction<Database>): Promise<AuditHead> {
  const head = await sql<AuditHead>`SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`.execute(trx);
  const { seq, hash } = head.rows[0]!;
  return { seq: Number(seq), hash };
}

/** The rows of events as audit_log keeps them before they are chained (no seq, no hashes). */
function auditRows(events: AuditEvent[]) {
  const at = new Date().toISOString();
  return events.map((e) => ({
    at,
    actor_id: e.actorId ?? null,
    actor_login: e.actorLogin ?? null,
    office_id: e.officeId ?? null,
    event: e.event,
    record_id: e.recordId ?? null,
    detail: JSON.stringify(e.detail ?? {}),
  }));
}

/**
 * The statement inserting events into the audit log, as a part (CTE) of one statement with
 * others (see appendAuditAndEvents); null when there are none.
 */
export function insertAudit(db: Kysely<Database>, events: AuditEvent[]): RawBuilder<unknown> | null {
  if (events.length === 0) return null;
  return sql`audit_entries AS (${db.insertInto('audit_log').values(auditRows(events))})`;
}

/**
 * Appends events to the audit log in the caller's transaction (or on its own, given the database):
 * one insert, no lock. They exist exactly when the transaction commits; the sequencer
 * (audit/sequencer.ts) then gives them their place in the hash chain, in the order of their ids.
 * Call auditWritten() after the commit to have them chained at once rather than at its next poll.
 */
export async function appendAudit(db: Kysely<Database>, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.insertInto('audit_log').values(auditRows(events)).execute();
}

export interface AuditFinding {
  seq: number;
  problem: 'altered' | 'missing' | 'inserted' | 'broken-link' | 'head-mismatch';
  detail: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Chained entries verified. */
  entries: number;
  /** The last entry walked. */
  upTo: number;
  /** Entries committed but not chained yet (the sequencer's work still to do): not verifiable yet. */
  pending: number;
  findings: AuditFinding[];
}

export interface ChainWalk {
  findings: AuditFinding[];
  /** Entries walked. */
  entries: number;
  /** The last entry walked (the start when none was). */
  last: AuditHead;
}

/**
 * Walks the chain from the entry after `start` (a seq and the hash that entry must follow): every
 * hash recomputed, every link and sequence number checked, in batches, taking no lock (writers and
 * the sequencer go on). Stops after `maxEntries` entries, or where the chained entries end.
 */
export async function walkChain(
  db: Kysely<Database>,
  start: AuditHead,
  opts: { batch?: number; maxEntries?: number } = {},
): Promise<ChainWalk> {
  const batch = opts.batch ?? 5000;
  const max = opts.maxEntries ?? Number.POSITIVE_INFINITY;
  const findings: AuditFinding[] = [];
  let expectedSeq = start.seq + 1;
  let prevHash = start.hash;
  let lastSeq = start.seq;
  let count = 0;
  while (count < max) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', lastSeq)
      .orderBy('seq')
      .limit(Math.min(batch, max - count))
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      count += 1;
      if (seq !== expectedSeq) {
        findings.push(
          seq > expectedSeq
            ? {
                seq: expectedSeq,
                problem: 'missing',
                detail: `entries ${expectedSeq}..${seq - 1} are missing`,
              }
            : { seq, problem: 'inserted', detail: `entry ${seq} is out of sequence` },
        );
      }
      if (r.prev_hash !== prevHash) {
        findings.push({
          seq,
          problem: 'broken-link',
          detail: `entry ${seq} does not follow the entry before it`,
        });
      }
      const recomputed = storedEntryHash(r.prev_hash ?? '', seq, r);
      if (recomputed !== r.hash)
        findings.push({ seq, problem: 'altered', detail: `entry ${seq} was changed` });
      prevHash = r.hash ?? '';
      expectedSeq = seq + 1;
      lastSeq = seq;
    }
  }
  return { findings, entries: count, last: { seq: lastSeq, hash: prevHash } };
}

/** How many entries wait for the sequencer. */
export async function waitingEntries(db: Kysely<Database>): Promise<number> {
  const pending = await db
    .selectFrom('audit_log')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('seq', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(pending.n);
}

/** The audit event of a walk of the whole chain (`sabt audit verify`): the auditor's view shows the last. */
export const FULL_WALK_EVENT = 'audit.verified';

/**
 * Walks the whole chain: every hash recomputed, every link and sequence number checked, the head
 * compared. Entries chained while it walks are walked too (it ends where the head is); entries not
 * chained yet are counted, not verified.
 */
export async function verifyAudit(db: Kysely<Database>, batch = 5000): Promise<AuditVerification> {
  const findings: AuditFinding[] = [];
  let at: AuditHead = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  for (;;) {
    const walk = await walkChain(db, at, { batch });
    findings.push(...walk.findings);
    count += walk.entries;
    at = walk.last;
    const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
    if (!head) break;
    const headSeq = Number(head.seq);
    // the sequencer moved the head on while the walk went: walk on to it
    if (headSeq > at.seq) {
      const more = await db
        .selectFrom('audit_log')
        .select('seq')
        .where('seq', '>', at.seq)
        .limit(1)
        .executeTakeFirst();
      if (more) continue;
    }
    if (headSeq !== at.seq || head.hash !== at.hash) {
      findings.push({
        seq: headSeq,
        problem: 'head-mismatch',
        detail:
          headSeq > at.seq
            ? `the newest entries ${at.seq + 1}..${head.seq} are missing`
            : `the chain does not end where the head says (head ${head.seq}, last ${at.seq})`,
      });
    }
    break;
  }
  return {
    ok: findings.length === 0,
    entries: count,
    upTo: at.seq,
    pending: await waitingEntries(db),
    findings,
  };
}
