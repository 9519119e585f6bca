import { createHash } from 'node:crypto';
import type pg from 'pg';
import { type Db as BossDb, PgBoss, type Queue } from 'pg-boss';
import type { Db } from '../db/connect.ts';
import type { JobDefinition, JobLog } from './job.ts';

/** pg-boss keeps its tables in this schema; it makes them at its first start. */
export const QUEUE_SCHEMA = 'pgboss';

/** How long finished jobs (completed, or dead after their last retry) are kept: 30 days. */
const KEEP_FINISHED_SECONDS = 30 * 24 * 3600;

/**
 * pg-boss's statements through Sabt's own pool, so that on PGlite (one connection) they wait their
 * turn between Sabt's transactions instead of running inside them, and on PostgreSQL they share the
 * pool's limit. pg-boss sends its schema, migration and maintenance scripts as several statements
 * without parameters (`BEGIN; …; COMMIT`): node-postgres sends those in the simple protocol and
 * answers with one result per statement, whose rows are joined here as pg-boss expects.
 *
 * A failed statement of such a script leaves its session in an aborted transaction. On PostgreSQL
 * the connection is then dropped (as `pool.query` does). On PGlite the session is the database's only
 * one and outlives any client, so the transaction is rolled back instead.
 */
export function poolAdapter(dbx: Db): BossDb {
  const pool: pg.Pool = dbx.pool;
  return {
    async executeSql(text: string, values?: unknown[]) {
      const client = await pool.connect();
      let result: pg.QueryResult | pg.QueryResult[];
      try {
        result = (await client.query(text, values)) as pg.QueryResult | pg.QueryResult[];
      } catch (err) {
        if (dbx.engine === 'pglite') {
          await client.query('ROLLBACK').catch(() => {});
          client.release();
        } else {
          client.release(err as Error);
        }
        throw err;
      }
      client.release();
      return { rows: Array.isArray(result) ? result.flatMap((r) => r.rows ?? []) : result.rows };
    },
    poolCounts: () => ({
      max: pool.options.max ?? 10,
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
  };
}

/**
 * A started pg-boss on Sabt's database. `supervise`: this instance also does the queue's upkeep
 * (expiring jobs that ran out of time, deleting old ones, counting); a job runtime does, a
 * command-line look does not.
 */
export async function openQueue(dbx: Db, opts: { log: JobLog; supervise: boolean }): Promise<PgBoss> {
  const boss = new PgBoss({
    db: poolAdapter(dbx),
    backend: dbx.engine === 'pglite' ? 'pglite' : 'postgres',
    schema: QUEUE_SCHEMA,
    migrate: true,
    supervise: opts.supervise,
    schedule: false,
    // REINDEX … CONCURRENTLY is for a server with other sessions; PGlite has one.
    reindex: dbx.engine === 'postgres',
    registerInstance: opts.supervise,
    openTelemetry: { enabled: false },
  });
  boss.on('error', (err: Error & { queue?: string }) =>
    opts.log.error({ err: err.message, queue: err.queue }, `job queue: ${err.message}`),
  );
  boss.on('warning', (w) => opts.log.warn({ warning: w.data }, `job queue: ${w.message}`));
  await boss.start();
  return boss;
}

/** A job's queue options: retries with exponential backoff, then dead (failed) and kept. */
export function queueOptions(job: JobDefinition<unknown>): Omit<Queue, 'name'> {
  return {
    retryLimit: job.retryLimit ?? 5,
    retryDelay: job.retryDelaySeconds ?? 10,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: job.timeoutSeconds ?? 900,
    deleteAfterSeconds: KEEP_FINISHED_SECONDS,
  };
}

/**
 * The id of the job with this key in this queue, the same every time: the queue's primary key is
 * (queue, id), so the same job cannot be inserted twice.
 */
export function jobIdFor(queue: string, key: string): string {
  const h = createHash('sha256').update(`${queue}\n${key}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** A job's data as the queue stores it: the key it is run once for, and its own data. */
export interface QueuedData {
  key: string;
  data: unknown;
}
