import type { JobWithMetadata, PgBoss } from 'pg-boss';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { type Dispatcher, startDispatcher } from './dispatcher.ts';
import { enqueue } from './enqueue.ts';
import type { JobLog } from './job.ts';
import { consoleLog } from './log.ts';
import { openQueue, type QueuedData, queueOptions } from './queue.ts';
import { allJobs, type JobRegistry, type Schedule } from './registry.ts';
import { jobHandler } from './run-job.ts';
import { jobsDb } from './tables.ts';

export interface JobsRuntime {
  boss: PgBoss;
  /**
   * Stops taking jobs and dispatching; running jobs get `shutdownTimeoutMs` to finish, and those
   * still running then are released (failed with a retry left to them, their signal aborted).
   */
  stop(): Promise<void>;
}

export interface JobsOptions {
  dbx: Db;
  config: Config;
  /** Every job and subscriber to run (job-registry.ts: Sabt's own). */
  registry: JobRegistry;
  log?: JobLog;
  /** Run the workers of every queue (default true). */
  work?: boolean;
  /** Run the outbox dispatcher (default true). */
  dispatch?: boolean;
  /** How often an idle worker looks for jobs without being woken (default 2 s, at least 0.5). */
  pollIntervalSeconds?: number;
  /** How often the dispatcher looks without a signal (default 1000 ms). */
  dispatchPollMs?: number;
  /** How long stop() lets running jobs finish (default 30 s). */
  shutdownTimeoutMs?: number;
}

/** The most jobs one worker fetches and runs at once; a queue of more concurrency has more workers. */
const BATCH = 4;

/** How long job requests and completions are kept once dispatched or done. */
const KEEP_DAYS = 60;

/**
 * Starts the job runtime: pg-boss (its schema made at the first start), a queue for every job of
 * the registry, a worker for each, and the outbox dispatcher. The dispatcher wakes the workers of
 * the queues it filled; they also poll.
 */
export async function startJobs(opts: JobsOptions): Promise<JobsRuntime> {
  const { dbx, config } = opts;
  const { registry } = opts;
  const log = opts.log ?? consoleLog(config.logLevel);
  const jobs = allJobs(registry);
  const boss = await openQueue(dbx, { log, supervise: true });
  const workers = new Map<string, { ids: string[]; batchSize: number }>();
  let dispatcher: Dispatcher | null = null;
  let upkeep: NodeJS.Timeout | null = null;
  const timers: NodeJS.Timeout[] = [];
  try {
    for (const job of jobs) {
      await boss.createQueue(job.name, queueOptions(job));
      await boss.updateQueue(job.name, queueOptions(job));
    }
    if (opts.work !== false) {
      for (const job of jobs) {
        const handle = jobHandler(job, { dbx, config, log });
        // `concurrency` jobs at once: workers fetching up to BATCH jobs each and running them at
        // once, each settled on its own. A worker whose batch was full looks for more at once
        // (pg-boss would wait a polling interval): a queue with work drains at full speed, an idle
        // one costs a poll per worker and interval.
        const concurrency = Math.max(1, job.concurrency ?? 1);
        const batchSize = Math.min(BATCH, concurrency);
        const ids: string[] = [];
        for (let i = 0; i < Math.ceil(concurrency / batchSize); i++) {
          let self = '';
          self = await boss.work(
            job.name,
            {
              includeMetadata: true,
              batchSize,
              perJobResults: true,
              pollingIntervalSeconds: Math.max(0.5, opts.pollIntervalSeconds ?? 2),
            },
            async (batch: JobWithMetadata<QueuedData>[]) => {
              const results = await handle(batch);
              if (batch.length === batchSize) boss.notifyWorker(self);
              return results;
            },
          );
          ids.push(self);
        }
        workers.set(job.name, { ids, batchSize });
      }
    }
    if (opts.dispatch !== false) {
      dispatcher = await startDispatcher({
        dbx,
        boss,
        registry,
        log,
        pollMs: opts.dispatchPollMs ?? 1000,
        onDispatched: (result) => {
          // as many of the queue's workers as its new jobs keep busy look now, not at their next poll
          for (const [queue, count] of result.jobs) {
            const w = workers.get(queue);
            for (const id of w?.ids.slice(0, Math.ceil(count / w.batchSize)) ?? []) boss.notifyWorker(id);
          }
        },
      });
      const purge = () => purgeOld(dbx).catch((err) => log.warn({ err: err.message }, 'job upkeep failed'));
      upkeep = setInterval(purge, 3600_000);
      upkeep.unref();
      for (const schedule of registry.schedules ?? []) {
        const periodMs = schedule.everyMinutes(config) * 60_000;
        const tick = () =>
          enqueueScheduled(dbx, schedule, periodMs).catch((err) =>
            log.warn({ err: err.message, queue: schedule.job.name }, 'scheduling a job failed'),
          );
        await tick();
        const timer = setInterval(tick, Math.min(periodMs, 60_000));
        timer.unref();
        timers.push(timer);
      }
    }
  } catch (err) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw err;
  }

  log.info(
    { queues: jobs.map((j) => j.name), work: opts.work !== false, dispatch: opts.dispatch !== false },
    `job runtime started: ${jobs.length} queue(s)${opts.dispatch !== false ? ', outbox dispatcher' : ''}`,
  );
  let stopping: Promise<void> | null = null;
  return {
    boss,
    stop() {
      stopping ??= (async () => {
        if (upkeep) clearInterval(upkeep);
        for (const timer of timers) clearInterval(timer);
        await dispatcher?.stop();
        await boss.stop({ graceful: true, timeout: opts.shutdownTimeoutMs ?? 30_000 });
        log.info({}, 'job runtime stopped');
      })();
      return stopping;
    },
  };
}

/**
 * Asks for a scheduled job's run of the current period: the period's key makes it one job, however
 * often and by however many processes it is asked for.
 */
async function enqueueScheduled(dbx: Db, schedule: Schedule, periodMs: number) {
  const period = Math.floor(Date.now() / periodMs);
  await enqueue(dbx.db, schedule.job, {}, { key: `every-${periodMs / 60_000}-min:${period}` });
}

/** Forgets dispatched job requests and job completions older than KEEP_DAYS (the queue forgets its jobs sooner). */
async function purgeOld(dbx: Db) {
  const before = new Date(Date.now() - KEEP_DAYS * 86400_000);
  const jdb = jobsDb(dbx.db);
  await jdb.deleteFrom('job_requests').where('dispatched_at', '<', before).execute();
  await jdb.deleteFrom('job_completions').where('completed_at', '<', before).execute();
}
