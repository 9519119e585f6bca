import type { JobResult, JobWithMetadata } from 'pg-boss';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import type { JobContext, JobDefinition, JobLog } from './job.ts';
import type { QueuedData } from './queue.ts';
import { jobsDb } from './tables.ts';

/**
 * The worker's handler for a job definition: a batch of up to `concurrency` jobs, run at once,
 * each settled on its own (pg-boss `perJobResults`). A job whose key is already recorded as done
 * (an earlier run committed its effects, then the queue ran it again) does nothing. Otherwise the
 * handler runs with its context, and the key is recorded as done when it returns (within the
 * handler's own transaction when it used `ctx.once`). A handler that throws fails its job only:
 * pg-boss retries it later with backoff, and after the last retry it is dead.
 */
export function jobHandler<T>(
  def: JobDefinition<T>,
  deps: { dbx: Db; config: Config; log: JobLog },
): (jobs: JobWithMetadata<QueuedData>[]) => Promise<JobResult[]> {
  const { dbx, log } = deps;
  const completions = jobsDb(dbx.db);
  return async (jobs) => {
    const keys = jobs.map((j) => j.data.key);
    const done = new Set(
      (
        await completions
          .selectFrom('job_completions')
          .select('key')
          .where('queue', '=', def.name)
          .where('key', 'in', keys)
          .execute()
      ).map((r) => r.key),
    );
    const results = await Promise.all(
      jobs.map(async (job): Promise<JobResult & { ran?: boolean }> => {
        const { key, data } = job.data;
        if (done.has(key)) {
          log.info(
            { queue: def.name, key, job: job.id },
            `job ${def.name} ${key}: done before, not run again`,
          );
          return { id: job.id, status: 'completed' };
        }
        const ctx = contextFor(def, job, deps);
        try {
          await def.handler(def.schema.parse(data), ctx);
          return { id: job.id, status: 'completed', ran: true };
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          const where = { queue: def.name, key, job: job.id, attempt: ctx.attempt, err: message };
          if (ctx.lastAttempt)
            log.error(where, `job ${def.name} ${key} is dead after ${ctx.attempt} attempts: ${message}`);
          else
            log.warn(
              where,
              `job ${def.name} ${key} failed (attempt ${ctx.attempt}), to be retried: ${message}`,
            );
          return { id: job.id, status: 'failed', output: { message } };
        }
      }),
    );
    const ran = jobs.filter((_, i) => results[i]!.ran);
    if (ran.length) {
      await completions
        .insertInto('job_completions')
        .values(ran.map((job) => ({ queue: def.name, key: job.data.key, job_id: job.id })))
        .onConflict((oc) => oc.columns(['queue', 'key']).doNothing())
        .execute();
    }
    return results.map(({ ran: _, ...r }) => r);
  };
}

function contextFor<T>(
  def: JobDefinition<T>,
  job: JobWithMetadata<QueuedData>,
  { dbx, config, log }: { dbx: Db; config: Config; log: JobLog },
): JobContext {
  const { key } = job.data;
  return {
    dbx,
    config,
    jobId: job.id,
    key,
    attempt: job.retryCount + 1,
    lastAttempt: job.retryCount >= job.retryLimit,
    signal: job.signal,
    log,
    once: (fn) =>
      dbx.db.transaction().execute(async (trx) => {
        const claimed = await jobsDb(trx)
          .insertInto('job_completions')
          .values({ queue: def.name, key, job_id: job.id })
          .onConflict((oc) => oc.columns(['queue', 'key']).doNothing())
          .returning('key')
          .executeTakeFirst();
        return claimed ? fn(trx) : undefined;
      }),
  };
}
