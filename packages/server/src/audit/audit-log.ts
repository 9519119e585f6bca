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

/** The chain's head: the last entry's sequence number and hash. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** Locks the chain's head row until the transaction ends (every writer queues here) and reads it. */
export async function lockAuditHead(trx: Transaction<Database>): Promise<AuditHead> {
  const head = await sql<AuditHead>`SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`.execute(trx);
  const { seq, hash } = head.rows[0]!;
  return { seq: Number(seq), hash };
}

/**
 * The entries chained after `head`, and the statements that write them: their rows and the head
 * moved on, to run as parts (CTEs) of one statement, with others if need be (see appendOutbox).
 */
export function chainAudit(
  trx: Transaction<Database>,
  head: AuditHead,
  events: AuditEvent[],
): RawBuilder<unknown>[] {
  if (events.length === 0) return [];
  let { seq, hash } = head;
  const rows = events.map((e) => {
    seq += 1;
    const fields: ChainedFields = {
      seq,
      at: new Date().toISOString(),
      actor_id: e.actorId ?? null,
      actor_login: e.actorLogin ?? null,
      office_id: e.officeId ?? null,
      event: e.event,
      record_id: e.recordId ?? null,
      detail: JSON.parse(JSON.stringify(e.detail ?? {})),
    };
    const prev = hash;
    hash = entryHash(prev, fields);
    return { ...fields, detail: JSON.stringify(fields.detail), prev_hash: prev, hash };
  });
  return [
    sql`audit_entries AS (${trx.insertInto('audit_log').values(rows)})`,
    sql`audit_head_moved AS (${trx.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1)})`,
  ];
}

/**
 * Appends events to the hash chain inside the caller's transaction. The chain head row is locked
 * until commit, so entries are gapless and ordered; call it last in a transaction to hold the lock
 * briefly. Two round trips: the lock, then one statement writing the entries and the head.
 */
export async function appendAudit(trx: Transaction<Database>, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const writes = chainAudit(trx, await lockAuditHead(trx), events);
  await sql`WITH ${sql.join(writes)} SELECT 1`.execute(trx);
}

export interface AuditFinding {
  seq: number;
  problem: 'altered' | 'missing' | 'inserted' | 'broken-link' | 'head-mismatch';
  detail: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  findings: AuditFinding[];
}

/** Walks the whole chain: every hash recomputed, every link and sequence number checked, the head compared. */
export async function verifyAudit(db: Kysely<Database>, batch = 5000): Promise<AuditVerification> {
  const findings: AuditFinding[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', lastSeq)
      .orderBy('seq')
      .limit(batch)
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
      const recomputed = entryHash(r.prev_hash, {
        seq,
        at: new Date(r.at).toISOString(),
        actor_id: r.actor_id,
        actor_login: r.actor_login,
        office_id: r.office_id,
        event: r.event,
        record_id: r.record_id,
        detail: r.detail,
      });
      if (recomputed !== r.hash)
        findings.push({ seq, problem: 'altered', detail: `entry ${seq} was changed` });
      prevHash = r.hash;
      expectedSeq = seq + 1;
      lastSeq = seq;
    }
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (head && (Number(head.seq) !== lastSeq || head.hash !== prevHash)) {
    findings.push({
      seq: Number(head.seq),
      problem: 'head-mismatch',
      detail:
        Number(head.seq) > lastSeq
          ? `the newest entries ${lastSeq + 1}..${head.seq} are missing`
          : `the chain does not end where the head says (head ${head.seq}, last ${lastSeq})`,
    });
  }
  return { ok: findings.length === 0, entries: count, findings };
}
