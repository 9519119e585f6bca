import type { JobWithMetadata } from 'pg-boss';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import type { JobContext, JobDefinition, JobLog } from './job.ts';
import type { QueuedData } from './queue.ts';
import { jobsDb } from './tables.ts';

/**
 * The worker's handler for a job definition. A job whose key is already recorded as done (an
 * earlier run committed its effects, then the queue ran it again) does nothing. Otherwise the
 * handler runs with its context, and the key is recorded as done when it returns (within the
 * handler's own transaction when it used `ctx.once`). A handler that throws leaves the job to
 * pg-boss: retried later with backoff, dead after the last retry.
 */
export function jobHandler<T>(
  def: JobDefinition<T>,
  deps: { dbx: Db; config: Config; log: JobLog },
): (jobs: JobWithMetadata<QueuedData>[]) => Promise<void> {
  const { dbx, config, log } = deps;
  const completions = jobsDb(dbx.db);
  return async (jobs) => {
    for (const job of jobs) {
      const { key, data } = job.data;
      const done = await completions
        .selectFrom('job_completions')
        .select('key')
        .where('queue', '=', def.name)
        .where('key', '=', key)
        .executeTakeFirst();
      if (done) {
        log.info({ queue: def.name, key, job: job.id }, `job ${def.name} ${key}: done before, not run again`);
        continue;
      }
      const ctx: JobContext = {
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
      try {
        await def.handler(def.schema.parse(data), ctx);
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
        throw err;
      }
      await completions
        .insertInto('job_completions')
        .values({ queue: def.name, key, job_id: job.id })
        .onConflict((oc) => oc.columns(['queue', 'key']).doNothing())
        .execute();
    }
  };
}
