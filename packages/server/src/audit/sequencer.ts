import { type Kysely, sql } from 'kysely';
import { startPollLoop } from '../background/poll-loop.ts';
import type { Database } from '../db/schema.ts';
import { lockAuditHead, storedEntryHash } from './audit-log.ts';

/**
 * The audit chain's sequencer. Transactions insert their audit entries unchained and take no lock
 * (appendAudit); after they commit, the sequencer, one at a time across every Sabt process (under
 * the head's row lock), takes the committed entries not chained yet in the order of their ids,
 * gives each the next sequence number, the previous entry's hash and its own hash, and moves the
 * head, in one transaction. So the chain stays gapless and ordered (its order is the one the
 * sequencer fixed, for good), an entry is chained once (the trigger of audit_log allows no other
 * change), and an entry whose transaction committed is chained even if its process died right
 * after: it waits in the log for the next pass, of whatever process.
 */
export async function sequenceAudit(db: Kysely<Database>, batch = 1000): Promise<number> {
  let total = 0;
  for (;;) {
    const waiting = await db
      .selectFrom('audit_log')
      .select('id')
      .where('seq', 'is', null)
      .limit(1)
      .executeTakeFirst();
    if (!waiting) return total;
    const chained = await db.transaction().execute(async (trx) => {
      // the log is read before the head is locked, in the order the tables are taken everywhere
      await trx.selectFrom('audit_log').select('id').where('seq', 'is', null).limit(1).execute();
      let { seq, hash } = await lockAuditHead(trx);
      // read after the lock: what another sequencer chained meanwhile is no longer waiting
      const rows = await trx
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', 'is', null)
        .orderBy('id')
        .limit(batch)
        .execute();
      if (rows.length === 0) return 0;
      const ids: number[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const r of rows) {
        seq += 1;
        const prev = hash;
        hash = storedEntryHash(prev, seq, r);
        ids.push(Number(r.id));
        seqs.push(seq);
        prevs.push(prev);
        hashes.push(hash);
      }
      await sql`WITH chained AS (
          UPDATE audit_log AS a SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
            FROM unnest(${ids}::bigint[], ${seqs}::bigint[], ${prevs}::text[], ${hashes}::text[])
              AS v(id, seq, prev_hash, hash)
           WHERE a.id = v.id AND a.seq IS NULL)
        UPDATE audit_head SET seq = ${seq}, hash = ${hash} WHERE id = 1`.execute(trx);
      return rows.length;
    });
    total += chained;
    if (chained < batch) return total;
  }
}

const listeners = new Set<() => void>();

/** Called after a commit that appended audit entries: this process's sequencers chain them now. */
export function auditWritten(): void {
  for (const listener of listeners) listener();
}

export interface AuditSequencer {
  /** Chains now rather than at the next poll. */
  wake(): void;
  /** Finishes the pass under way and stops. */
  stop(): Promise<void>;
}

/**
 * Runs the sequencer in this process: a pass after every commit that appended entries here
 * (auditWritten), at least every `pollMs` (entries of other processes, of writers that do not
 * signal, of a process that died before its pass), and pass after pass while entries keep coming.
 * A failed pass is tried again later (the entries wait in the log).
 */
export function startAuditSequencer(
  db: Kysely<Database>,
  opts: { pollMs?: number; onError?: (err: Error) => void } = {},
): AuditSequencer {
  const loop = startPollLoop({
    // sequenceAudit chains batch after batch until nothing waits
    pass: async () => {
      await sequenceAudit(db);
      return false;
    },
    pollMs: opts.pollMs ?? 1000,
    onError: (err) => opts.onError?.(err),
    unref: true,
  });
  listeners.add(loop.wake);
  return {
    wake: loop.wake,
    async stop() {
      listeners.delete(loop.wake);
      await loop.stop();
    },
  };
}
