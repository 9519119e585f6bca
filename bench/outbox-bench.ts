/**
 * The outbox and job queue benchmark, on PostgreSQL (never part of the test suite):
 *
 *   1. Delivery at an offered rate: events committed at a steady rate (--rate events/s, written
 *      --per-write to a transaction through runWrite, as commands write them, at most --in-flight
 *      writes at once) for --seconds, with the job runtime in the same process and one subscriber
 *      (--workers at once); the latency from a write's commit to its event's subscriber job
 *      starting (p50, p95, p99, max), and the events per second committed, dispatched and delivered.
 *   2. Draining a backlog: --backlog events written with the runtime stopped, then the runtime
 *      started: events per second dispatched (outbox → queue) and delivered.
 *   3. The cost of the outbox in a registration: validated birth records registered through the
 *      HTTP API (in-process, as the API tests do) with the outbox write turned off (the baseline)
 *      and on: one at a time, off and on by turns (the time of a registration), then --concurrency
 *      at once in rounds off and on by turns (registrations per second).
 *
 *   DATABASE_URL=postgres://… node bench/outbox-bench.ts [--rate 1000] [--seconds 15]
 *     [--per-write 10] [--in-flight 16] [--workers 16] [--backlog 20000]
 *     [--registrations 200] [--rounds 4] [--concurrency 8] [--parts 1,2,3]
 *
 * DATABASE_URL names the server: the benchmark makes databases of its own there and drops them.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { outboxEvent } from '@sabt/core';
import { sql } from 'kysely';
import { type Config, loadConfig } from '../packages/server/src/config.ts';
import type { Db } from '../packages/server/src/db/connect.ts';
import { defineSubscriber } from '../packages/server/src/jobs/job.ts';
import { silentLog } from '../packages/server/src/jobs/log.ts';
import { type JobsRuntime, startJobs } from '../packages/server/src/jobs/runtime.ts';
import { testActor } from '../packages/server/src/jobs/testing/helpers.ts';
import { outboxWrites } from '../packages/server/src/outbox/append-outbox.ts';
import { runWrite } from '../packages/server/src/unit-of-work/write.ts';
import { demoDesk } from './support/demo-desk.ts';
import { ms, percentile } from './support/figures.ts';
import { postgresServerOrExit, scratchPostgres } from './support/scratch-postgres.ts';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '15' },
    'per-write': { type: 'string', default: '10' },
    'in-flight': { type: 'string', default: '16' },
    workers: { type: 'string', default: '16' },
    backlog: { type: 'string', default: '20000' },
    registrations: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '4' },
    concurrency: { type: 'string', default: '8' },
    parts: { type: 'string', default: '1,2,3' },
  },
});
const num = (name: keyof typeof args) => Number(args[name]);
const parts = new Set(String(args.parts).split(','));
const server = postgresServerOrExit();

const median = (v: number[]) =>
  percentile(
    [...v].sort((x, y) => x - y),
    50,
  );
const sleep = (n: number) => new Promise((r) => setTimeout(r, n));

const scratchDatabase = () => scratchPostgres(server, 'sabt_outbox_bench');

/** One write (one transaction, with its audit entry) carrying an event per id. */
async function writeEvents(dbx: Db, config: Config, ids: string[]) {
  await runWrite(dbx, testActor, config, { key: undefined, fingerprint: ids[0] }, async (ctx) => {
    ctx.audit.push({ event: 'bench.write', detail: { events: ids.length } });
    for (const recordId of ids)
      ctx.events.push(
        outboxEvent('record.annulled', {
          recordId,
          kind: 'BIRTH',
          officeId: 'DU-03-00',
          nationalId: null,
          basis: 'DUPLICATE',
        }),
      );
    return { status: 200, body: {} };
  });
}

/** A database with the job runtime and one subscriber noting when each event's job starts. */
async function withRuntime<T>(
  run: (ctx: {
    dbx: Db;
    config: Config;
    deliveredAt: Map<string, number>;
    start(): Promise<void>;
  }) => Promise<T>,
) {
  const { dbx, drop } = await scratchDatabase();
  const config = loadConfig({ SABT_DATA_DIR: 'memory://' });
  const deliveredAt = new Map<string, number>();
  const subscriber = defineSubscriber({
    name: 'bench-delivery',
    events: ['record.annulled'],
    concurrency: num('workers'),
    handler: async (e) => {
      deliveredAt.set(e.recordId!, performance.now());
    },
  });
  let runtime = null as JobsRuntime | null;
  const start = async () => {
    runtime = await startJobs({
      dbx,
      config,
      registry: { jobs: [], subscribers: [subscriber] },
      log: silentLog,
      pollIntervalSeconds: 0.5,
    });
  };
  try {
    return await run({ dbx, config, deliveredAt, start });
  } finally {
    await runtime?.stop();
    await drop();
  }
}

async function waitDelivered(deliveredAt: Map<string, number>, total: number) {
  const until = performance.now() + 300_000;
  while (deliveredAt.size < total && performance.now() < until) await sleep(10);
}

function delivery() {
  return withRuntime(async ({ dbx, config, deliveredAt, start }) => {
    await start();
    const rate = num('rate');
    const perWrite = num('per-write');
    const writesTotal = Math.round((rate * num('seconds')) / perWrite);
    const committedAt = new Map<string, number>();
    const began = performance.now();
    let launched = 0;
    let inFlight = 0;
    let behind = 0;
    const writes: Promise<void>[] = [];
    // each write is due at began + i / (rate / perWrite); at most --in-flight run at once
    while (launched < writesTotal) {
      const due = Math.min(
        writesTotal,
        Math.floor(((performance.now() - began) / 1000) * (rate / perWrite)) + 1,
      );
      behind = Math.max(behind, due - launched);
      for (; launched < due && inFlight < num('in-flight'); launched++) {
        const ids = Array.from({ length: perWrite }, () => randomUUID());
        inFlight += 1;
        writes.push(
          writeEvents(dbx, config, ids).then(() => {
            const now = performance.now();
            for (const id of ids) committedAt.set(id, now);
            inFlight -= 1;
          }),
        );
      }
      await sleep(1);
    }
    await Promise.all(writes);
    const offeredSeconds = (performance.now() - began) / 1000;
    const total = committedAt.size;
    await waitDelivered(deliveredAt, total);
    const done = performance.now();
    const latencies = [...committedAt]
      .map(([id, at]) => (deliveredAt.get(id) ?? Number.NaN) - at)
      .filter((v) => !Number.isNaN(v))
      .sort((a, b) => a - b);
    const span = await sql<{ seconds: number }>`
      SELECT extract(epoch FROM max(dispatched_at) - min(created_at))::float8 AS seconds FROM outbox`.execute(
      dbx.db,
    );
    return {
      events: total,
      committedPerSecond: total / offeredSeconds,
      behind,
      delivered: deliveredAt.size,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? Number.NaN,
      dispatchedPerSecond: total / span.rows[0]!.seconds,
      deliveredPerSecond: deliveredAt.size / ((done - began) / 1000),
    };
  });
}

function drain() {
  return withRuntime(async ({ dbx, config, deliveredAt, start }) => {
    const total = num('backlog');
    for (let i = 0; i < total; i += 500)
      await writeEvents(
        dbx,
        config,
        Array.from({ length: Math.min(500, total - i) }, () => randomUUID()),
      );
    const startedAt = new Date();
    const began = performance.now();
    await start();
    await waitDelivered(deliveredAt, total);
    const done = performance.now();
    const span = await sql<{ seconds: number }>`
      SELECT extract(epoch FROM max(dispatched_at) - ${startedAt}::timestamptz)::float8 AS seconds FROM outbox`.execute(
      dbx.db,
    );
    return {
      events: total,
      dispatchedPerSecond: total / span.rows[0]!.seconds,
      deliveredPerSecond: deliveredAt.size / ((done - began) / 1000),
    };
  });
}

async function registrationCost() {
  const perRound = num('registrations');
  const concurrency = num('concurrency');
  const { dbx, drop } = await scratchDatabase();
  const desk = await demoDesk(dbx, { logger: process.env.BENCH_LOG === '1' });
  try {
    const post = (login: 'front' | 'back' | 'registrar', url: string, body?: unknown) =>
      desk.post(login, url, body, { idempotent: false });
    const validated = async (n: number) => {
      const ids: string[] = [];
      const one = async () => {
        ids.push(await desk.validatedBirth());
      };
      for (let i = 0; i < n; i += concurrency)
        await Promise.all(Array.from({ length: Math.min(concurrency, n - i) }, one));
      return ids;
    };
    const register = async (ids: string[], latencies: number[]) => {
      // concurrency requests at a time, each taking the next id
      const queue = [...ids];
      const began = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let id = queue.pop(); id; id = queue.pop()) {
            const t = performance.now();
            await post('registrar', `/api/v1/records/${id}/register`);
            latencies.push(performance.now() - t);
          }
        }),
      );
      return ids.length / ((performance.now() - began) / 1000);
    };
    // a round to warm up (plans, caches), not counted
    await register(await validated(Math.min(50, perRound)), []);

    // one at a time, the outbox on and off by turns: a drift of the machine's load falls on both alike
    const one = { without: [] as number[], with: [] as number[] };
    const alone = await validated(perRound * 2);
    for (const [i, id] of alone.entries()) {
      outboxWrites.enabled = i % 2 === 1;
      const t = performance.now();
      await post('registrar', `/api/v1/records/${id}/register`);
      (outboxWrites.enabled ? one.with : one.without).push(performance.now() - t);
      outboxWrites.enabled = true;
    }

    // concurrently: rounds with the outbox off and on, in turns
    const rates = { without: [] as number[], with: [] as number[] };
    for (let r = 0; r < num('rounds'); r++) {
      for (const on of r % 2 === 0 ? [false, true] : [true, false]) {
        const ids = await validated(perRound);
        outboxWrites.enabled = on;
        const rate = await register(ids, []);
        outboxWrites.enabled = true;
        (on ? rates.with : rates.without).push(rate);
        process.stderr.write(
          `   round ${r + 1}, outbox ${on ? 'on ' : 'off'}: ${rate.toFixed(1)} registrations/s\n`,
        );
      }
    }
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const written = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM outbox WHERE type = 'record.registered'`.execute(dbx.db);
    return {
      alone: {
        without: median(one.without),
        with: median(one.with),
        meanWithout: mean(one.without),
        meanWith: mean(one.with),
        n: one.with.length,
      },
      without: median(rates.without),
      with: median(rates.with),
      events: written.rows[0]!.n,
    };
  } finally {
    outboxWrites.enabled = true;
    await desk.app.close();
    await drop();
  }
}

if (parts.has('1')) {
  console.log(
    `1. delivery at ${args.rate} events/s offered for ${args.seconds} s (${args['per-write']} events a write, ` +
      `at most ${args['in-flight']} writes at once; ${args.workers} workers)`,
  );
  const d = await delivery();
  console.log(
    [
      `   committed:  ${d.committedPerSecond.toFixed(0)} events/s (${d.events} events; the writer fell ${d.behind} writes behind at most)`,
      `   latency:    p50 ${ms(d.p50)}, p95 ${ms(d.p95)}, p99 ${ms(d.p99)}, max ${ms(d.max)} (commit → its subscriber's job starts)`,
      `   dispatched: ${d.dispatchedPerSecond.toFixed(0)} events/s (first event written → last dispatched)`,
      `   delivered:  ${d.deliveredPerSecond.toFixed(0)} events/s (${d.delivered} of ${d.events})`,
    ].join('\n'),
  );
}
if (parts.has('2')) {
  console.log(`\n2. a backlog of ${args.backlog} events, then the runtime started`);
  const b = await drain();
  console.log(
    [
      `   dispatched: ${b.dispatchedPerSecond.toFixed(0)} events/s (outbox → queue)`,
      `   delivered:  ${b.deliveredPerSecond.toFixed(0)} events/s (until the last subscriber job started)`,
    ].join('\n'),
  );
}
if (parts.has('3')) {
  console.log(
    `\n3. registration with and without its outbox write (${args.rounds} rounds of ${args.registrations} each way, ${args.concurrency} at once)`,
  );
  const r = await registrationCost();
  const pct = (a: number, b: number) => `${((a / b - 1) * 100).toFixed(1)} %`;
  console.log(
    [
      `   one at a time (${r.alone.n} each way, by turns): a registration takes ${ms(r.alone.without)} without, ${ms(r.alone.with)} with the outbox (medians; means ${ms(r.alone.meanWithout)}, ${ms(r.alone.meanWith)})`,
      `     cost: ${pct(r.alone.with, r.alone.without)} of a registration's time (median), ${pct(r.alone.meanWith, r.alone.meanWithout)} (mean)`,
      `   ${args.concurrency} at once (median of ${args.rounds} rounds each way): ${r.without.toFixed(1)} registrations/s without, ${r.with.toFixed(1)} with`,
      `     cost: ${((1 - r.with / r.without) * 100).toFixed(1)} % of the rate (${r.events} record.registered events written in all)`,
    ].join('\n'),
  );
}
