import type { OutboxEvent } from '@sabt/core';
import { sql } from 'kysely';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/connect.ts';
import { dispatchBacklog } from '../jobs/job-admin.ts';
import { QUEUE_SCHEMA } from '../jobs/queue.ts';
import { withTimeout } from './timeout.ts';

/**
 * Prometheus metrics (prom-client). Two registries: this process's (Node's own figures and the
 * domain counters, counted after each commit by runWrite) and one per app (its requests by route,
 * and the figures read from the database when /metrics is scraped: pool, outbox lag, job queues,
 * audit entries waiting for the sequencer). The request path costs one histogram observation; the
 * database is read only at a scrape, a few index-backed counts.
 */
const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry });

const actsRegistered = new Counter({
  name: 'sabt_acts_registered_total',
  help: 'Acts registered by this process, by act kind',
  labelNames: ['kind'],
  registers: [processRegistry],
});

const domainEvents = new Counter({
  name: 'sabt_domain_events_total',
  help: 'Domain events committed by this process (record registered, amended, annulled, certificate issued …), by type',
  labelNames: ['type'],
  registers: [processRegistry],
});

/** Called by runWrite after a commit: the events the write committed are counted. */
export function countCommittedEvents(events: readonly OutboxEvent[]): void {
  for (const e of events) {
    domainEvents.inc({ type: e.type });
    if (e.type === 'record.registered') actsRegistered.inc({ kind: e.payload.kind });
  }
}

/** Job states counted per queue: waiting (created, retry), running (active), dead (failed). */
const JOB_STATES = ['created', 'retry', 'active', 'failed'] as const;

export interface AppMetrics {
  /** One answered request: its route pattern (never the URL with its ids), status and time. */
  observe(method: string, route: string, status: number, seconds: number): void;
  /** The text exposition of every metric, the database's figures read now. */
  scrape(): Promise<string>;
  readonly contentType: string;
}

export function appMetrics(dbx: Db, opts: { timeoutMs: number }): AppMetrics {
  const registry = new Registry();
  const registers = [registry];
  const requests = new Histogram({
    name: 'sabt_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status: their count (rate) and latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const up = new Gauge({
    name: 'sabt_database_up',
    help: '1 when the last scrape read the database, else 0',
    registers,
  });
  const pool = new Gauge({
    name: 'sabt_db_pool_connections',
    help: 'Connections of the database pool: total, idle, and clients waiting for one',
    labelNames: ['state'],
    registers,
  });
  const poolMax = new Gauge({ name: 'sabt_db_pool_max', help: 'Size limit of the pool', registers });
  const outboxPending = new Gauge({
    name: 'sabt_outbox_pending_events',
    help: 'Outbox events not dispatched yet',
    registers,
  });
  const outboxLag = new Gauge({
    name: 'sabt_outbox_lag_seconds',
    help: 'Age of the oldest outbox event not dispatched yet (0: none waits)',
    registers,
  });
  const requestsPending = new Gauge({
    name: 'sabt_job_requests_pending',
    help: 'Job requests not dispatched to the queue yet',
    registers,
  });
  const requestsLag = new Gauge({
    name: 'sabt_job_requests_lag_seconds',
    help: 'Age of the oldest job request not dispatched yet (0: none waits)',
    registers,
  });
  const jobs = new Gauge({
    name: 'sabt_jobs',
    help: 'Jobs in the queue by queue and state: created and retry wait, active run, failed are dead (retries used up)',
    labelNames: ['queue', 'state'],
    registers,
  });
  const auditWaiting = new Gauge({
    name: 'sabt_audit_unsequenced_entries',
    help: 'Audit entries committed and waiting for the sequencer to chain them',
    registers,
  });

  const replicaUp = new Gauge({
    name: 'sabt_read_replica_up',
    help: '1 when the read replica (DATABASE_READ_URL) answers as a standby within the lag bound and serves the reads that may lag, else 0 (they go to the primary); absent without a replica',
    registers,
  });
  const replicaState = new Gauge({
    name: 'sabt_read_replica_state',
    help: "The read replica's state at its latest probe: 1 for the state it is in (ok, lagging, down, not-a-replica)",
    labelNames: ['state'],
    registers,
  });
  const replicaLag = new Gauge({
    name: 'sabt_read_replica_lag_seconds',
    help: "How old the read replica's data may be, to a probe's precision (-1: unknown)",
    registers,
  });
  const replicaLagBytes = new Gauge({
    name: 'sabt_read_replica_lag_bytes',
    help: 'WAL the read replica had still to replay at its latest probe (-1: unknown)',
    registers,
  });
  const reads = new Counter({
    name: 'sabt_lagging_reads_total',
    help: 'Reads that may lag (search, the public check, the fee report, the queue counts) by where they went: replica, or primary with why (own-write: the reader wrote since the replica last caught up; replica-down; replica-lagging)',
    labelNames: ['target', 'reason'],
    registers,
  });
  const readsCounted = new Map<string, number>();
  const readReplica = () => {
    const replica = dbx.replica;
    if (!replica) return;
    const s = replica.status();
    replicaUp.set(s.state === 'ok' ? 1 : 0);
    replicaState.reset();
    for (const state of ['ok', 'lagging', 'down', 'not-a-replica'] as const)
      replicaState.set({ state }, s.state === state ? 1 : 0);
    replicaLag.set(s.lagSeconds ?? -1);
    replicaLagBytes.set(s.lagBytes ?? -1);
    for (const [key, n] of replica.reads) {
      const [target, reason = ''] = key.split(':');
      reads.inc({ target, reason }, n - (readsCounted.get(key) ?? 0));
      readsCounted.set(key, n);
    }
  };

  const readDatabase = async () => {
    const now = Date.now();
    const lag = (oldest: Date | null) =>
      oldest ? Math.max(0, (now - new Date(oldest).getTime()) / 1000) : 0;
    const backlog = await dispatchBacklog(dbx);
    outboxPending.set(backlog.events);
    outboxLag.set(lag(backlog.oldestEvent));
    requestsPending.set(backlog.requests);
    requestsLag.set(lag(backlog.oldestRequest));
    const waiting = await dbx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('seq', 'is', null)
      .executeTakeFirstOrThrow();
    auditWaiting.set(Number(waiting.n));
    // the queue's tables exist once a job runtime has started on this database
    const queue = await sql<{
      t: string | null;
    }>`SELECT to_regclass(${`${QUEUE_SCHEMA}.job`})::text AS t`.execute(dbx.db);
    jobs.reset();
    if (queue.rows[0]?.t) {
      const rows = await sql<{ name: string; state: string; n: number }>`
        SELECT name, state::text AS state, count(*)::int AS n FROM ${sql.table(`${QUEUE_SCHEMA}.job`)}
        WHERE state::text = ANY(${[...JOB_STATES]}::text[]) GROUP BY name, state`.execute(dbx.db);
      for (const r of rows.rows) jobs.set({ queue: r.name, state: r.state }, r.n);
    }
  };

  return {
    contentType: registry.contentType,
    observe(method, route, status, seconds) {
      requests.observe({ method, route, status }, seconds);
    },
    async scrape() {
      pool.set({ state: 'total' }, dbx.pool.totalCount);
      pool.set({ state: 'idle' }, dbx.pool.idleCount);
      pool.set({ state: 'waiting' }, dbx.pool.waitingCount);
      poolMax.set(dbx.pool.options.max ?? 10);
      readReplica();
      try {
        await withTimeout(readDatabase(), opts.timeoutMs, 'the database did not answer');
        up.set(1);
      } catch {
        up.set(0);
      }
      return `${await processRegistry.metrics()}\n${await registry.metrics()}`;
    },
  };
}
