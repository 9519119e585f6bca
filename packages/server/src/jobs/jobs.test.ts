import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sequenceAudit } from '../audit/sequencer.ts';
import { type Config, loadConfig } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { readOutbox } from '../outbox/read-outbox.ts';
import { prepareDatabase } from '../prepare.ts';
import { testDatabase } from '../test/harness.ts';
import { enqueue } from './enqueue.ts';
import { type DeliveredEvent, defineJob, defineSubscriber, type JobContext } from './job.ts';
import { deadJobs, discardDeadJob, findJob, queueCounts, retryDeadJob } from './job-admin.ts';
import { silentLog } from './log.ts';
import type { JobRegistry } from './registry.ts';
import { type JobsRuntime, startJobs } from './runtime.ts';
import { waitFor, writeEvent } from './testing/helpers.ts';

/** The job queue (pg-boss on Sabt's database) and the outbox dispatcher, on PGlite or PostgreSQL. */

let dbx: Db;
let drop: () => Promise<void>;
let config: Config;
let running: JobsRuntime[] = [];

beforeAll(async () => {
  ({ dbx, drop } = await testDatabase());
  await prepareDatabase(dbx.db);
  config = loadConfig({ SABT_DATA_DIR: 'memory://' });
  // what the test jobs did, one row per effect
  await sql`CREATE TABLE test_effects (id serial PRIMARY KEY, queue text NOT NULL, key text NOT NULL, note text)`.execute(
    dbx.db,
  );
});
afterEach(async () => {
  await Promise.all(running.map((r) => r.stop()));
  running = [];
});
afterAll(() => drop?.());

async function start(registry: JobRegistry, opts: { shutdownTimeoutMs?: number } = {}) {
  const runtime = await startJobs({
    dbx,
    config,
    registry,
    log: silentLog,
    pollIntervalSeconds: 0.5,
    dispatchPollMs: 200,
    ...opts,
  });
  running.push(runtime);
  return runtime;
}

/** Records an effect of a job in its own transaction, once per job (ctx.once). */
const effect = (ctx: JobContext, queue: string, note = '') =>
  ctx.once((trx) =>
    sql`INSERT INTO test_effects (queue, key, note) VALUES (${queue}, ${ctx.key}, ${note})`.execute(trx),
  );

const effects = async (queue: string) =>
  (
    await sql<{
      key: string;
      note: string;
    }>`SELECT key, note FROM test_effects WHERE queue = ${queue} ORDER BY id`.execute(dbx.db)
  ).rows;

const jobState = async (runtime: JobsRuntime, id: string) => (await findJob(runtime.boss, id))?.state;

describe('the dispatcher', () => {
  it('gives every subscriber of an event one job for it, in the transaction that marks it dispatched', async () => {
    const seen: Record<string, DeliveredEvent[]> = { a: [], b: [] };
    const subscriber = (name: 'a' | 'b') =>
      defineSubscriber({
        name: `test-sub-${name}`,
        events: ['record.annulled'],
        handler: async (e, ctx) => {
          seen[name]!.push(e);
          await effect(ctx, `test-sub-${name}`);
        },
      });
    const other = defineSubscriber({
      name: 'test-sub-other',
      events: ['record.registered'],
      handler: async () => {
        throw new Error('not for this event');
      },
    });
    await start({ jobs: [], subscribers: [subscriber('a'), subscriber('b'), other] });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await writeEvent(dbx, config));
    await waitFor('both subscribers to have every event', () => seen.a!.length >= 5 && seen.b!.length >= 5);
    const events = (await readOutbox(dbx.db, { limit: 1000 })).filter((e) => ids.includes(e.recordId!));
    expect(events.every((e) => e.dispatchedAt !== null)).toBe(true);
    for (const name of ['a', 'b'] as const) {
      expect(seen[name]!.map((e) => e.position).sort((x, y) => x - y)).toEqual(events.map((e) => e.position));
      expect(seen[name]![0]).toMatchObject({
        type: 'record.annulled',
        schemaVersion: 1,
        officeId: 'DU-03-00',
        payload: { basis: 'DUPLICATE' },
      });
      expect((await effects(`test-sub-${name}`)).map((r) => r.key).sort()).toEqual(
        events.map((e) => `event:${e.position}`).sort(),
      );
    }
  });
});

describe('a job', () => {
  it('that fails is retried with exponential backoff, then dead; by hand it is retried or discarded', async () => {
    let healthy = false;
    const runs: { key: string; attempt: number; last: boolean; at: number }[] = [];
    const flaky = defineJob({
      name: 'test-flaky',
      schema: z.object({ n: z.int() }),
      retryLimit: 2,
      retryDelaySeconds: 1,
      handler: async (data, ctx) => {
        runs.push({ key: ctx.key, attempt: ctx.attempt, last: ctx.lastAttempt, at: Date.now() });
        if (!healthy) throw new Error(`gateway down (${data.n})`);
        await effect(ctx, 'test-flaky');
      },
    });
    const runtime = await start({ jobs: [flaky], subscribers: [] });
    await enqueue(dbx.db, flaky, { n: 1 }, { key: 'one' });
    await enqueue(dbx.db, flaky, { n: 2 }, { key: 'two' });
    const dead = await waitFor('both jobs to be dead', async () => {
      const d = await deadJobs(dbx, runtime.boss);
      return d.length === 2 && d;
    });
    for (const key of ['one', 'two']) {
      const mine = runs.filter((r) => r.key === key);
      expect(mine.map((r) => [r.attempt, r.last])).toEqual([
        [1, false],
        [2, false],
        [3, true],
      ]);
      // the first retry waits 1–2 s, the second 2–4 s (retryDelay × 2^n, with jitter)
      expect(mine[1]!.at - mine[0]!.at).toBeGreaterThanOrEqual(1000);
      expect(mine[2]!.at - mine[1]!.at).toBeGreaterThanOrEqual(2000);
    }
    expect(dead.map((d) => [d.queue, d.attempts, d.error]).sort()).toEqual([
      ['test-flaky', 3, 'gateway down (1)'],
      ['test-flaky', 3, 'gateway down (2)'],
    ]);
    expect((await queueCounts(dbx, runtime.boss)).find((q) => q.queue === 'test-flaky')?.counts.failed).toBe(
      2,
    );

    const one = dead.find((d) => d.key === 'one')!;
    const two = dead.find((d) => d.key === 'two')!;
    healthy = true;
    expect(await retryDeadJob(dbx, runtime.boss, one.id)).toBe('done');
    await waitFor(
      'the retried job to complete',
      async () => (await jobState(runtime, one.id)) === 'completed',
    );
    expect(await effects('test-flaky')).toEqual([{ key: 'one', note: '' }]);
    expect(await retryDeadJob(dbx, runtime.boss, one.id)).toBe('not-dead');

    expect(await discardDeadJob(dbx, runtime.boss, two.id)).toBe('done');
    expect(await findJob(runtime.boss, two.id)).toBeNull();
    expect(await discardDeadJob(dbx, runtime.boss, two.id)).toBe('not-found');
    await sequenceAudit(dbx.db);
    const audited = await dbx.db
      .selectFrom('audit_log')
      .select(['event', 'detail'])
      .where('event', 'like', 'job.%')
      .orderBy('seq')
      .execute();
    expect(audited).toEqual([
      { event: 'job.retry', detail: { queue: 'test-flaky', jobId: one.id } },
      { event: 'job.discard', detail: { queue: 'test-flaky', jobId: two.id } },
    ]);
  });

  it('runs beside others of its queue (concurrency); one failing fails only itself', async () => {
    let running = 0;
    let most = 0;
    let failedOnce = false;
    let release: () => void = () => {};
    const allIn = new Promise<void>((r) => {
      release = r;
    });
    const wide = defineJob({
      name: 'test-wide',
      schema: z.object({ n: z.int() }),
      concurrency: 4,
      retryLimit: 2,
      retryDelaySeconds: 1,
      handler: async (data, ctx) => {
        running += 1;
        most = Math.max(most, running);
        if (running === 4) release();
        await allIn;
        running -= 1;
        if (data.n === 3 && !failedOnce) {
          failedOnce = true;
          throw new Error('the third fails once');
        }
        await effect(ctx, 'test-wide', String(data.n));
      },
    });
    // all four wait in the queue before the worker starts, so one fetch takes them together
    for (const n of [1, 2, 3, 4]) await enqueue(dbx.db, wide, { n }, { key: `wide-${n}` });
    const runtime = await start({ jobs: [wide], subscribers: [] });
    await waitFor('all four to complete', async () => {
      const jobs = await runtime.boss.findJobs('test-wide');
      return jobs.length === 4 && jobs.every((j) => j.state === 'completed');
    });
    expect(most).toBe(4);
    expect((await effects('test-wide')).map((e) => e.note).sort()).toEqual(['1', '2', '3', '4']);
    const third = (await runtime.boss.findJobs('test-wide')).find(
      (j) => (j.data as { key: string }).key === 'wide-3',
    );
    expect(third?.retryCount).toBe(1);
  });

  it('run again after its effect committed has no second effect', async () => {
    let calls = 0;
    const once = defineJob({
      name: 'test-once',
      schema: z.object({ note: z.string() }),
      retryLimit: 3,
      retryDelaySeconds: 1,
      handler: async (data, ctx) => {
        calls += 1;
        await effect(ctx, 'test-once', data.note);
        // the process "dies" after its effect committed, before the queue hears the job finished
        if (ctx.attempt === 1) throw new Error('lost before completion');
      },
    });
    const runtime = await start({ jobs: [once], subscribers: [] });
    await enqueue(dbx.db, once, { note: 'x' }, { key: 'the-key' });
    const [job] = await waitFor('the job to complete', async () => {
      const jobs = await runtime.boss.findJobs('test-once');
      return jobs.length === 1 && jobs[0]!.state === 'completed' && jobs;
    });
    expect(job!.retryCount).toBe(1);
    // the second run found the job done and did not call the handler again
    expect(calls).toBe(1);
    expect(await effects('test-once')).toEqual([{ key: 'the-key', note: 'x' }]);
  });

  it('asked for twice with one key, or in a transaction that rolls back, runs once', async () => {
    const ran: string[] = [];
    const keyed = defineJob({
      name: 'test-keyed',
      schema: z.object({ n: z.int() }),
      handler: async (data, ctx) => {
        ran.push(`${ctx.key}:${data.n}`);
      },
    });
    // asked for before any worker runs: kept until the dispatcher moves it
    await enqueue(dbx.db, keyed, { n: 1 }, { key: 'k' });
    await dbx.db.transaction().execute((trx) => enqueue(trx, keyed, { n: 2 }, { key: 'k' }));
    await expect(
      dbx.db.transaction().execute(async (trx) => {
        await enqueue(trx, keyed, { n: 3 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await dbx.db.transaction().execute((trx) => enqueue(trx, keyed, { n: 4 }));
    await expect(enqueue(dbx.db, keyed, { n: 'five' } as never)).rejects.toThrow();
    const runtime = await start({ jobs: [keyed], subscribers: [] });
    await waitFor('two jobs to have run', () => ran.length >= 2);
    await waitFor('the queue to be empty', async () => {
      const [q] = await queueCounts(dbx, runtime.boss);
      return q && q.counts.created + q.counts.active + q.counts.retry === 0;
    });
    expect(ran.sort()).toEqual(['k:1', expect.stringMatching(/^request:\d+:4$/)]);
  });
});

describe('shutdown', () => {
  it('lets a running job finish before it stops', async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((r) => {
      release = r;
    });
    let started = false;
    const slow = defineJob({
      name: 'test-slow',
      schema: z.object({}),
      handler: async (_data, ctx) => {
        started = true;
        await released;
        await effect(ctx, 'test-slow');
      },
    });
    const runtime = await start({ jobs: [slow], subscribers: [] });
    await enqueue(dbx.db, slow, {}, { key: 'slow' });
    await waitFor('the job to start', () => started);
    let stopped = false;
    const stopping = runtime.stop().then(() => {
      stopped = true;
    });
    // the worker is told to stop, and stop() waits for its job
    await waitFor('the worker to be stopping', () =>
      runtime.boss.getWipData().some((w) => w.name === 'test-slow' && w.state === 'stopping'),
    );
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await effects('test-slow')).toEqual([{ key: 'slow', note: '' }]);
    const state = await sql<{
      state: string;
    }>`SELECT state::text FROM pgboss.job WHERE name = 'test-slow'`.execute(dbx.db);
    expect(state.rows).toEqual([{ state: 'completed' }]);
  });

  it('releases a job still running when its grace is up; it runs again, with one effect', async () => {
    let attempts = 0;
    const stubborn = defineJob({
      name: 'test-stubborn',
      schema: z.object({}),
      retryLimit: 3,
      retryDelaySeconds: 1,
      handler: async (_data, ctx) => {
        attempts += 1;
        if (attempts === 1) {
          // works until told to stop
          await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
          throw new Error('aborted');
        }
        await effect(ctx, 'test-stubborn');
      },
    });
    const first = await start({ jobs: [stubborn], subscribers: [] }, { shutdownTimeoutMs: 1000 });
    await enqueue(dbx.db, stubborn, {}, { key: 'stubborn' });
    await waitFor('the job to start', () => attempts === 1);
    await first.stop();
    // released: failed with a retry left, to be claimed again
    const state = await sql<{ state: string }>`
      SELECT state::text FROM pgboss.job WHERE name = 'test-stubborn'`.execute(dbx.db);
    expect(state.rows).toEqual([{ state: 'retry' }]);
    expect(await effects('test-stubborn')).toEqual([]);

    const second = await start({ jobs: [stubborn], subscribers: [] });
    await waitFor('the job to complete', async () => {
      const [job] = await second.boss.findJobs('test-stubborn');
      return job?.state === 'completed' && job;
    });
    expect(attempts).toBe(2);
    expect(await effects('test-stubborn')).toEqual([{ key: 'stubborn', note: '' }]);
  });
});
