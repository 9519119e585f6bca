import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { fromKysely, type JobInsert, type PgBoss } from 'pg-boss';
import { startPollLoop } from '../background/poll-loop.ts';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { OUTBOX_CHANNEL, onOutboxWritten } from '../outbox/outbox-signal.ts';
import { outboxDb } from '../outbox/tables.ts';
import type { DeliveredEvent, JobLog } from './job.ts';
import { jobIdFor, type QueuedData } from './queue.ts';
import { allJobs, type JobRegistry } from './registry.ts';
import { jobsDb } from './tables.ts';

/** One dispatcher at a time across every Sabt process on the database (a transaction-scoped lock). */
const DISPATCH_LOCK = 7423011;

export interface DispatchResult {
  events: number;
  requests: number;
  /** Jobs put in the queue, by queue. */
  jobs: Map<string, number>;
}

/**
 * Moves one batch into the queue, in one transaction: the oldest undispatched outbox events (one
 * job per subscriber of each) and job requests, inserted through pg-boss on this transaction, and
 * marked dispatched in it. Either all of it commits or none, so every event reaches each of its
 * subscribers' queues exactly once. Returns null when another process is dispatching.
 *
 * Requests for a queue this registry does not know stay where they are, for a process that knows it.
 */
export async function dispatchBatch(
  dbx: Db,
  boss: PgBoss,
  registry: JobRegistry,
  batchSize = 500,
): Promise<DispatchResult | null> {
  const queues = allJobs(registry).map((j) => j.name);
  const subscribersOf = new Map<string, string[]>();
  for (const s of registry.subscribers)
    for (const type of s.events) subscribersOf.set(type, [...(subscribersOf.get(type) ?? []), s.job.name]);

  return dbx.db.transaction().execute(async (trx) => {
    const lock = await sql<{
      locked: boolean;
    }>`SELECT pg_try_advisory_xact_lock(${DISPATCH_LOCK}) AS locked`.execute(trx);
    if (!lock.rows[0]?.locked) return null;
    const events = await outboxDb(trx)
      .selectFrom('outbox')
      .selectAll()
      .where('dispatched_at', 'is', null)
      .orderBy('position')
      .limit(batchSize)
      .execute();
    const requests = queues.length
      ? await jobsDb(trx)
          .selectFrom('job_requests')
          .selectAll()
          .where('dispatched_at', 'is', null)
          .where('queue', 'in', queues)
          .orderBy('id')
          .limit(batchSize)
          .execute()
      : [];

    const byQueue = new Map<string, JobInsert<QueuedData>[]>();
    const add = (queue: string, key: string, data: unknown, startAfter?: Date | null) => {
      const job: JobInsert<QueuedData> = { id: jobIdFor(queue, key), data: { key, data } };
      if (startAfter) job.startAfter = startAfter;
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), job]);
    };
    for (const e of events) {
      const position = Number(e.position);
      const delivered: DeliveredEvent = {
        position,
        type: e.type as DeliveredEvent['type'],
        schemaVersion: e.schema_version,
        recordId: e.record_id,
        officeId: e.office_id,
        payload: e.payload,
        occurredAt: new Date(e.created_at).toISOString(),
      };
      for (const queue of subscribersOf.get(e.type) ?? []) add(queue, `event:${position}`, delivered);
    }
    for (const r of requests) add(r.queue, r.dedupe_key ?? `request:${r.id}`, r.data, r.start_after);

    // pg-boss on this transaction (never on the pool: on PGlite that would wait for this very transaction).
    const onTrx = fromKysely(trx as unknown as Kysely<Database>);
    for (const [queue, jobs] of byQueue) await boss.insert(queue, jobs, { db: onTrx });

    if (events.length) {
      await outboxDb(trx)
        .updateTable('outbox')
        .set({ dispatched_at: sql<Date>`now()` })
        .where('position', '=', sql<number>`ANY(${events.map((e) => Number(e.position))}::bigint[])`)
        .execute();
    }
    if (requests.length) {
      await jobsDb(trx)
        .updateTable('job_requests')
        .set({ dispatched_at: sql<Date>`now()` })
        .where('id', '=', sql<number>`ANY(${requests.map((r) => Number(r.id))}::bigint[])`)
        .execute();
    }
    return {
      events: events.length,
      requests: requests.length,
      jobs: new Map([...byQueue].map(([q, jobs]) => [q, jobs.length])),
    };
  });
}

export interface Dispatcher {
  /** Looks now rather than at the next poll. */
  wake(): void;
  /** Finishes the batch under way and stops. */
  stop(): Promise<void>;
}

export interface DispatcherOptions {
  dbx: Db;
  boss: PgBoss;
  registry: JobRegistry;
  log: JobLog;
  /** Look at least this often, whatever the signals (default 1000 ms). */
  pollMs?: number;
  batchSize?: number;
  /** After a batch committed: the queues that got jobs (to wake their workers). */
  onDispatched?(result: DispatchResult): void;
}

/**
 * Runs the dispatcher: a batch whenever something was written (a commit in this process, a
 * notification from another), at least every `pollMs`, and batch after batch while they come full.
 */
export async function startDispatcher(opts: DispatcherOptions): Promise<Dispatcher> {
  const { dbx, boss, registry, log } = opts;
  const batchSize = opts.batchSize ?? 500;
  const loop = startPollLoop({
    pass: async () => {
      const result = await dispatchBatch(dbx, boss, registry, batchSize);
      if (!result) return false;
      if (result.jobs.size) opts.onDispatched?.(result);
      return result.events === batchSize || result.requests === batchSize;
    },
    pollMs: opts.pollMs ?? 1000,
    onError: (err) => log.error({ err: err.message }, `outbox dispatch failed: ${err.message}`),
  });
  const unsubscribe = onOutboxWritten(loop.wake);
  const listener = await listenForWrites(dbx, loop.wake, log);

  return {
    wake: loop.wake,
    async stop() {
      unsubscribe();
      await loop.stop();
      await listener.close();
    },
  };
}

/**
 * LISTEN for the notification writing transactions send (OUTBOX_CHANNEL). On PostgreSQL on a
 * connection of its own, reconnecting after a loss; on PGlite on its single session, whose
 * notifications reach whichever client of the pool is attached. Polling covers any gap.
 */
async function listenForWrites(
  dbx: Db,
  onWrite: () => void,
  log: JobLog,
): Promise<{ close(): Promise<void> }> {
  const onNotification = (msg: pg.Notification) => {
    if (msg.channel === OUTBOX_CHANNEL) onWrite();
  };
  if (dbx.engine === 'pglite') {
    const clients = new Set<pg.PoolClient>();
    const attach = (client: pg.PoolClient) => {
      clients.add(client);
      client.on('notification', onNotification);
    };
    dbx.pool.on('connect', attach);
    const client = await dbx.pool.connect();
    try {
      attach(client);
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } finally {
      client.release();
    }
    return {
      async close() {
        dbx.pool.off('connect', attach);
        for (const c of clients) c.off('notification', onNotification);
        await dbx.pool.query(`UNLISTEN ${OUTBOX_CHANNEL}`).catch(() => {});
      },
    };
  }

  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let attempt = 0;
  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ ...dbx.pool.options, application_name: 'sabt-outbox-listener' });
    c.on('notification', onNotification);
    c.on('error', (err) => {
      log.warn({ err: err.message }, `outbox listener lost its connection: ${err.message}`);
      lost(c);
    });
    c.on('end', () => lost(c));
    client = c;
    try {
      await c.connect();
      await c.query(`LISTEN ${OUTBOX_CHANNEL}`);
      attempt = 0;
      // A notification sent while no one listened is gone: look once now.
      onWrite();
    } catch (err) {
      log.warn(
        { err: (err as Error).message },
        `outbox listener could not connect: ${(err as Error).message}`,
      );
      lost(c);
    }
  };
  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    c.removeAllListeners();
    c.on('error', () => {});
    c.end().catch(() => {});
    if (closed || retry) return;
    retry = setTimeout(
      () => {
        retry = null;
        void connect();
      },
      Math.min(30_000, 1000 * 2 ** attempt++),
    );
  };
  await connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => {});
        await c.end().catch(() => {});
      }
    },
  };
}
