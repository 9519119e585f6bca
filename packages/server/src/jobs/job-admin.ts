import { userInfo } from 'node:os';
import { sql } from 'kysely';
import type { PgBoss } from 'pg-boss';
import { appendAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/connect.ts';
import { outboxDb } from '../outbox/tables.ts';
import { QUEUE_SCHEMA } from './queue.ts';
import { jobsDb } from './tables.ts';

/** What `sabt jobs` shows and does. Job states are pg-boss's; a dead job is one in state `failed`. */

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface QueueCounts {
  queue: string;
  counts: Record<JobState, number>;
}

/** Every queue with its jobs counted by state (counted now, not pg-boss's cached figures). */
export async function queueCounts(dbx: Db, boss: PgBoss): Promise<QueueCounts[]> {
  const queues = (await boss.getQueues()).map((q) => q.name).sort();
  if (queues.length === 0) return [];
  const rows = await sql<{ name: string; state: JobState; n: number }>`
    SELECT name, state::text AS state, count(*)::int AS n FROM ${sql.table(`${QUEUE_SCHEMA}.job`)}
    WHERE name = ANY(${queues}::text[]) GROUP BY name, state`.execute(dbx.db);
  return queues.map((queue) => {
    const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
    for (const r of rows.rows) if (r.name === queue) counts[r.state] = r.n;
    return { queue, counts };
  });
}

/** What waits to be dispatched: outbox events and job requests, and since when. */
export async function dispatchBacklog(dbx: Db) {
  const events = await outboxDb(dbx.db)
    .selectFrom('outbox')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('created_at').as('oldest')])
    .where('dispatched_at', 'is', null)
    .executeTakeFirstOrThrow();
  const requests = await jobsDb(dbx.db)
    .selectFrom('job_requests')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('created_at').as('oldest')])
    .where('dispatched_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    events: Number(events.n),
    oldestEvent: events.oldest as Date | null,
    requests: Number(requests.n),
    oldestRequest: requests.oldest as Date | null,
  };
}

export interface DeadJob {
  id: string;
  queue: string;
  key: string | null;
  /** Runs it had: the first and its retries. */
  attempts: number;
  failedAt: Date | null;
  error: string;
}

/** The latest dead jobs (their last retry failed), newest first. */
export async function deadJobs(dbx: Db, boss: PgBoss, limit = 50): Promise<DeadJob[]> {
  const queues = (await boss.getQueues()).map((q) => q.name);
  if (queues.length === 0) return [];
  const rows = await sql<{
    id: string;
    name: string;
    key: string | null;
    retry_count: number;
    completed_on: Date | null;
    output: unknown;
  }>`
    SELECT id, name, data->>'key' AS key, retry_count, completed_on, output
    FROM ${sql.table(`${QUEUE_SCHEMA}.job`)}
    WHERE name = ANY(${queues}::text[]) AND state = 'failed'
    ORDER BY completed_on DESC NULLS LAST LIMIT ${limit}`.execute(dbx.db);
  return rows.rows.map((r) => ({
    id: r.id,
    queue: r.name,
    key: r.key,
    attempts: r.retry_count + 1,
    failedAt: r.completed_on,
    error: errorText(r.output),
  }));
}

function errorText(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output) return String(output.message);
  return output == null ? '' : JSON.stringify(output);
}

/** The queue and state of a job, by its id. */
export async function findJob(boss: PgBoss, id: string): Promise<{ queue: string; state: JobState } | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  for (const q of await boss.getQueues()) {
    const [job] = await boss.findJobs(q.name, { id });
    if (job) return { queue: q.name, state: job.state };
  }
  return null;
}

export type DeadJobOutcome = 'done' | 'not-found' | 'not-dead';

/** A dead job runs once more (one more attempt; should it fail, it is dead again). Audited. */
export async function retryDeadJob(dbx: Db, boss: PgBoss, id: string): Promise<DeadJobOutcome> {
  return actOnDeadJob(dbx, boss, id, 'job.retry', async (queue) => {
    return affected(await boss.retry(queue, id)) > 0;
  });
}

/** A dead job is removed from the queue for good (what it was meant to do is given up). Audited. */
export async function discardDeadJob(dbx: Db, boss: PgBoss, id: string): Promise<DeadJobOutcome> {
  return actOnDeadJob(dbx, boss, id, 'job.discard', async (queue) => {
    return affected(await boss.deleteJob(queue, id)) > 0;
  });
}

/** The jobs a pg-boss command changed (its response type declares no fields). */
const affected = (res: object) => Number((res as { affected?: number }).affected ?? 0);

async function actOnDeadJob(
  dbx: Db,
  boss: PgBoss,
  id: string,
  event: string,
  act: (queue: string) => Promise<boolean>,
): Promise<DeadJobOutcome> {
  const job = await findJob(boss, id);
  if (!job) return 'not-found';
  if (job.state !== 'failed') return 'not-dead';
  if (!(await act(job.queue))) return 'not-dead';
  await dbx.db
    .transaction()
    .execute((trx) =>
      appendAudit(trx, [
        { event, actorLogin: `cli:${userInfo().username}`, detail: { queue: job.queue, jobId: id } },
      ]),
    );
  return 'done';
}
