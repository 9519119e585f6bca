import { startAuditSequencer } from '../audit/sequencer.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { deadJobs, discardDeadJob, dispatchBacklog, queueCounts, retryDeadJob } from './job-admin.ts';
import { consoleLog } from './log.ts';
import { openQueue } from './queue.ts';
import type { JobRegistry } from './registry.ts';
import { startJobs } from './runtime.ts';

export const JOBS_HELP = `  sabt worker                  run the job queue's workers, the outbox dispatcher and the audit
                               sequencer, without the HTTP server (PostgreSQL only; start the servers with SABT_JOBS=off)
  sabt jobs                    queues with their jobs by state, what waits for dispatch, the latest dead jobs
  sabt jobs retry ID           a dead job runs once more
  sabt jobs discard ID         a dead job is given up and removed (both audited)`;

/** `sabt worker`: the job runtime on its own, until SIGTERM or SIGINT (running jobs finish or are released). */
export async function workerCommand(
  config: Config,
  openDb: (config: Config) => Promise<Db>,
  registry: JobRegistry,
): Promise<number> {
  if (!config.databaseUrl) {
    console.error(
      'sabt worker needs PostgreSQL (DATABASE_URL): the embedded database belongs to one process, and `sabt start` runs the jobs in it',
    );
    return 2;
  }
  const dbx = await openDb(config);
  const log = consoleLog(config.logLevel);
  const runtime = await startJobs({ dbx, config, registry, log });
  // Jobs append audit entries too; the worker chains them (and any other process's) like a server.
  const sequencer = startAuditSequencer(dbx.db, {
    onError: (err) => log.error({ err: err.message }, `audit sequencing failed: ${err.message}`),
  });
  log.info({}, 'sabt worker: running jobs, dispatching the outbox and chaining the audit; SIGTERM stops it');
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  log.info({}, 'sabt worker: stopping; running jobs finish or are released');
  await runtime.stop();
  await sequencer.stop();
  await dbx.close();
  return 0;
}

/** `sabt jobs [retry|discard ID]`. */
export async function jobsCommand(
  config: Config,
  openDb: (config: Config) => Promise<Db>,
  args: { sub: string | undefined; id: string | undefined },
): Promise<number> {
  if (args.sub && args.sub !== 'retry' && args.sub !== 'discard') {
    console.error(`unknown: sabt jobs ${args.sub}`);
    return 2;
  }
  if (args.sub && !args.id) {
    console.error(`missing: the id of the dead job (sabt jobs ${args.sub} ID)`);
    return 2;
  }
  const dbx = await openDb(config);
  const boss = await openQueue(dbx, { log: consoleLog('error'), supervise: false });
  try {
    if (args.sub && args.id) {
      const outcome =
        args.sub === 'retry'
          ? await retryDeadJob(dbx, boss, args.id)
          : await discardDeadJob(dbx, boss, args.id);
      const said = {
        done: args.sub === 'retry' ? `job ${args.id} will run again` : `job ${args.id} discarded`,
        'not-found': `no job ${args.id}`,
        'not-dead': `job ${args.id} is not dead (only a job whose last retry failed is retried or discarded by hand)`,
      }[outcome];
      (outcome === 'done' ? console.log : console.error)(said);
      return outcome === 'done' ? 0 : 1;
    }
    const queues = await queueCounts(dbx, boss);
    console.log('queue                          waiting  retry  active  completed  dead');
    for (const q of queues) {
      const c = q.counts;
      console.log(
        `${q.queue.padEnd(30)} ${String(c.created).padStart(7)} ${String(c.retry).padStart(6)} ${String(c.active).padStart(7)} ${String(c.completed).padStart(10)} ${String(c.failed).padStart(5)}`,
      );
    }
    if (queues.length === 0) console.log('(no queues yet: they are made when the job runtime first starts)');
    const backlog = await dispatchBacklog(dbx);
    const since = (d: Date | null) => (d ? `, oldest ${new Date(d).toISOString()}` : '');
    console.log(
      `\nto dispatch: ${backlog.events} outbox events${since(backlog.oldestEvent)}; ${backlog.requests} job requests${since(backlog.oldestRequest)}`,
    );
    const dead = await deadJobs(dbx, boss, 20);
    console.log(dead.length ? '\ndead jobs (newest first):' : '\nno dead jobs');
    for (const d of dead) {
      console.log(
        `  ${d.id}  ${d.queue}  ${d.key ?? ''}  ${d.attempts} attempts  ${d.failedAt ? new Date(d.failedAt).toISOString() : ''}\n      ${d.error}`,
      );
    }
    return 0;
  } finally {
    await boss.stop({ graceful: false });
    await dbx.close();
  }
}
