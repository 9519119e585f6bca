import { createHash } from 'node:crypto';
import { type OutboxEvent, todayIn } from '@sabt/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import { type AuditEvent, appendAudit, canonicalJson } from '../audit/audit-log.ts';
import { auditWritten } from '../audit/sequencer.ts';
import type { Actor } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { PRIMARY_WAL_END } from '../db/read-replica.ts';
import type { Database } from '../db/schema.ts';
import { DomainError } from '../errors/domain-error.ts';
import { countCommittedEvents } from '../monitoring/metrics.ts';
import { appendAuditAndEvents } from '../outbox/append-outbox.ts';
import { outboxWritten } from '../outbox/outbox-signal.ts';

/** What a command gets: its transaction, who acts, the civil date, and the audit entries and events to append. */
export interface WriteContext {
  trx: Transaction<Database>;
  actor: Actor;
  config: Config;
  now: Date;
  today: string;
  audit: AuditEvent[];
  /** Events for the outbox (core/events), written with the audit entries at the end of the transaction. */
  events: OutboxEvent[];
}

export interface WriteResult<T> {
  status: number;
  body: T;
  /** True when this answer is the stored answer of an earlier request with the same key. */
  replayed?: boolean;
}

export interface WriteRequest {
  /** The Idempotency-Key header, if the client sent one. */
  key: string | undefined;
  /** What identifies the request (method, route, params, body), to refuse a key reused for something else. */
  fingerprint: unknown;
}

/**
 * Runs one command in one transaction. With an idempotency key, an answer already stored under it
 * is given back (replayed) without running anything; otherwise the command runs, and its answer is
 * stored under the key in one insert beside its audit entries and outbox events
 * (appendAuditAndEvents; after the commit the audit sequencer chains the entries, audit/sequencer.ts,
 * so no transaction waits for another's audit). A concurrent request with the same key
 * finds the first's row when it comes to store its own (the insert waits for the first to commit) or
 * fails on what the first changed: either way it is rolled back and answered with the first's answer.
 * A failed command leaves nothing behind, the key, the audit entries and the events included.
 */
export async function runWrite<T>(
  dbx: Db,
  actor: Actor,
  config: Config,
  req: WriteRequest,
  command: (ctx: WriteContext) => Promise<WriteResult<T>>,
): Promise<WriteResult<T>> {
  const { db } = dbx;
  const key = req.key;
  if (key !== undefined && (key.length === 0 || key.length > 200)) {
    throw new DomainError('malformed', 'problem.validation', {}, [
      { path: ['Idempotency-Key'], key: 'error.tooLong', params: { max: 200 } },
    ]);
  }
  const requestHash = createHash('sha256').update(canonicalJson(req.fingerprint)).digest('hex');
  /** The answer stored under the key, if any (a key reused for another request is refused). */
  const stored = async (q: Kysely<Database>): Promise<WriteResult<T> | undefined> => {
    const prior = await q
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'status_code', 'response'])
      .where('user_id', '=', actor.id)
      .where('key', '=', key!)
      .executeTakeFirst();
    if (!prior) return undefined;
    if (prior.request_hash !== requestHash) throw new DomainError('invalid', 'problem.idempotencyMismatch');
    return { status: prior.status_code ?? 200, body: prior.response as T, replayed: true };
  };
  let wroteEvents = false;
  let wroteAudit = false;
  let events: WriteContext['events'] = [];
  let written: WriteResult<T>;
  try {
    written = await retryOnConflict(() =>
      db.transaction().execute(async (trx) => {
        wroteEvents = false;
        wroteAudit = false;
        events = [];
        if (key) {
          const replay = await stored(trx);
          if (replay) return replay;
        }
        const now = new Date();
        const ctx: WriteContext = {
          trx,
          actor,
          config,
          now,
          today: todayIn(config.timeZone, now),
          audit: [],
          events: [],
        };
        const result = await command(ctx);
        if (key) {
          const kept = await trx
            .insertInto('idempotency_keys')
            .values({
              user_id: actor.id,
              key,
              request_hash: requestHash,
              status_code: result.status,
              response: JSON.stringify(result.body),
            })
            .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
            .returning('key')
            .executeTakeFirst();
          if (!kept) throw new KeyTaken();
        }
        await appendAuditAndEvents(trx, ctx.audit, ctx.events);
        wroteEvents = ctx.events.length > 0;
        events = ctx.events;
        wroteAudit = ctx.audit.length > 0;
        return result;
      }),
    );
  } catch (err) {
    // Rolled back. A request with the same key that committed meanwhile answers for this one.
    const replay = key ? await stored(db) : undefined;
    if (replay) {
      await keepReadPosition(dbx, actor);
      return replay;
    }
    throw err;
  }
  await keepReadPosition(dbx, actor);
  // Committed: the dispatcher of this process moves the events now rather than at its next poll.
  if (wroteEvents) outboxWritten();
  if (wroteAudit) auditWritten();
  countCommittedEvents(events);
  return written;
}

/**
 * Read-your-own-writes beside a replica (db/read-replica.ts): after the commit, the primary's WAL
 * position, past the commit record, is kept on the writer's session; its reads go to the
 * replica only once the replica has replayed that far. A replayed answer keeps it too (the first
 * attempt may have committed and been lost before this). Every process on PostgreSQL keeps it,
 * whether it reads from a replica or not: the session's next read may reach another process that
 * does. (PGlite has no replicas.)
 */
async function keepReadPosition(dbx: Db, actor: Actor): Promise<void> {
  if (dbx.engine !== 'postgres' || !actor.sessionHash) return;
  await sql`UPDATE sessions SET read_after_lsn = ${PRIMARY_WAL_END}
    WHERE token_hash = ${actor.sessionHash}`.execute(dbx.db);
}

/** Another request stored its answer under the same key first (and committed): this one gives way. */
class KeyTaken extends Error {}

/** PostgreSQL codes of transactions that lost a race (deadlock, serialization): run them again. */
const RETRYABLE = new Set(['40P01', '40001']);

export async function retryOnConflict<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 10 * i + Math.random() * 20));
    }
  }
}

/**
 * Appends audit entries for a read: one insert, committed before the answer goes out, waiting for
 * no writer; the sequencer chains them after.
 */
export async function auditRead({ db }: Db, events: AuditEvent[]): Promise<void> {
  await appendAudit(db, events);
  auditWritten();
}

/** An audit entry for something a user read. */
export function readEvent(
  actor: Actor,
  event: string,
  recordId: string | null,
  detail: Record<string, unknown> = {},
): AuditEvent {
  return { event, actorId: actor.id, actorLogin: actor.login, officeId: actor.officeId, recordId, detail };
}
