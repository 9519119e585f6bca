/**
 * Lists and queue counts on a generated registry, through the API (Fastify's inject: routing,
 * validation, the session, the query, the presenter and the audited read, without a socket):
 * a central-office user's national list of registered records (the first page and a page 5,000
 * rows in), the queue counts, the stale-drafts queue, and the same as a district office's user.
 * Prints p50/p95/p99 per call with the machine's load average; writes bench/.data/lists-<N>-<tag>.json.
 *
 *   DATABASE_URL=postgres://… node bench/lists-bench.ts [--runs 200] [--warmup 20] [--tag after]
 *
 * The database is one `generate.ts` made; the bench applies the migrations not yet applied first
 * (not the data steps of prepare.ts, which the lists do not need).
 * Deep pages: with page tokens (`next`), the page 5,000 rows in is reached by following tokens once
 * and then asked for again and again; an API that still pages by offset is asked `offset=5000`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildApp } from '../packages/server/src/app.ts';
import { type Actor, createSession, SESSION_COOKIE } from '../packages/server/src/auth/sessions.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { connect } from '../packages/server/src/db/connect.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { queueCounts } from '../packages/server/src/queries/record-counts.ts';
import { listRecords } from '../packages/server/src/queries/records.ts';
import { percentile } from './support/figures.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    tag: { type: 'string', default: 'run' },
    depth: { type: 'string', default: '5000' },
  },
});
const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const RUNS = Number(values.runs);
const WARMUP = Number(values.warmup);
const DEPTH = Number(values.depth);
const PAGE = 50;

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL: the PostgreSQL database generate.ts made');
const dbx = await connect({ databaseUrl: url, dataDir: '' });
await migrate(dbx.db);
const config = loadConfig({ SABT_DATA_DIR: 'memory://' });
const app = await buildApp({ config, dbx });
await app.ready();

const records = Number(
  (
    await sql<{ n: string }>`SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'records'`.execute(
      dbx.db,
    )
  ).rows[0]?.n ?? 0,
);

/** A user of the benchmark at an office, with a session cookie. */
async function userAt(login: string, officeId: string): Promise<string> {
  await sql`
    INSERT INTO users (id, login, full_name, role, office_id, password_hash)
    VALUES (gen_random_uuid(), ${login}, 'Benchmark reader', 'registrar', ${officeId}, '!')
    ON CONFLICT (login) DO NOTHING`.execute(dbx.db);
  const user = await dbx.db
    .selectFrom('users')
    .select('id')
    .where('login', '=', login)
    .executeTakeFirstOrThrow();
  return `${SESSION_COOKIE}=${await createSession(dbx.db, config, user.id)}`;
}

// the district office with the most records
const busiest = await sql<{ office_id: string; n: string }>`
  SELECT office_id, count(*) AS n FROM records GROUP BY office_id ORDER BY n DESC LIMIT 1`.execute(dbx.db);
const district = busiest.rows[0]!.office_id;
const cookies = {
  central: await userAt('bench-central', 'HQ-00-00'),
  district: await userAt('bench-district', district),
};

async function get(who: keyof typeof cookies, path: string) {
  const res = await app.inject({ method: 'GET', url: `/api/v1${path}`, headers: { cookie: cookies[who] } });
  if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body);
}

/** The path of the page DEPTH rows into a list: by token when the API gives them, else by offset. */
async function deepPage(who: keyof typeof cookies, query: string): Promise<string> {
  const first = await get(who, `/records?${query}`);
  if (!('next' in first)) return `/records?${query}&offset=${DEPTH}`;
  let page = first;
  for (let rows = PAGE; rows < DEPTH && page.next; rows += PAGE) {
    page = await get(who, `/records?${query}&page=${encodeURIComponent(page.next)}`);
  }
  return `/records?${query}&page=${encodeURIComponent(page.next)}`;
}

interface Figure {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  total?: unknown;
  load: number[];
}
const figures: Figure[] = [];

async function measure(name: string, who: keyof typeof cookies, path: string) {
  for (let i = 0; i < WARMUP; i++) await get(who, path);
  const ms: number[] = [];
  let body: Record<string, unknown> = {};
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    body = await get(who, path);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const f: Figure = {
    name,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    total: 'total' in body ? `${body.total}${body.totalIs === 'atLeast' ? '+' : ''}` : undefined,
    load: loadavg().map((l) => Math.round(l * 100) / 100),
  };
  figures.push(f);
  console.log(
    `${name.padEnd(44)} p50 ${f.p50.toFixed(1).padStart(7)} ms  p95 ${f.p95.toFixed(1).padStart(7)} ms  p99 ${f.p99
      .toFixed(1)
      .padStart(7)} ms  ${f.total !== undefined ? `total ${f.total}  ` : ''}load ${f.load.join(' ')}`,
  );
}

console.log(
  `${records.toLocaleString('en')} records; district ${district}; ${RUNS} calls each after ${WARMUP}`,
);
const registered = `status=registered&limit=${PAGE}`;
await measure('central: registered, first page', 'central', `/records?${registered}`);
await measure(`central: registered, ${DEPTH} rows in`, 'central', await deepPage('central', registered));
await measure(
  'central: registered by number, first page',
  'central',
  `/records?${registered}&sort=number&order=asc`,
);
await measure('central: queue counts', 'central', '/records/counts');
await measure(
  'central: stale drafts, first page',
  'central',
  `/records?status=draft&untouchedDays=30&limit=${PAGE}`,
);
await measure(
  'central: self-registered (flag), first page',
  'central',
  `/records?flag=self-registered&limit=${PAGE}`,
);
await measure('district: registered, first page', 'district', `/records?${registered}`);
await measure(`district: registered, ${DEPTH} rows in`, 'district', await deepPage('district', registered));
await measure('district: queue counts', 'district', '/records/counts');

// The same reads without the API (no session, presenter or audited read): what the database costs.
async function measureCall(name: string, call: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await call();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await call();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const f: Figure = {
    name,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    load: loadavg().map((l) => Math.round(l * 100) / 100),
  };
  figures.push(f);
  console.log(
    `${name.padEnd(44)} p50 ${f.p50.toFixed(1).padStart(7)} ms  p95 ${f.p95.toFixed(1).padStart(7)} ms  p99 ${f.p99
      .toFixed(1)
      .padStart(7)} ms  load ${f.load.join(' ')}`,
  );
}
const centralActor = { officePath: 'HQ-00-00/' } as Actor;
// offset for an API of numbered pages, ignored by one of tokens
const firstPage = { status: 'registered', limit: PAGE, offset: 0, sort: 'updated', order: 'desc' } as const;
await measureCall('central: registered, first page (query only)', () =>
  listRecords(dbx.db, centralActor, firstPage),
);
await measureCall('central: queue counts (query only)', () => queueCounts(dbx.db, centralActor));

const out = join(BENCH_DIR, '.data', `lists-${records}-${values.tag}.json`);
mkdirSync(join(BENCH_DIR, '.data'), { recursive: true });
writeFileSync(out, JSON.stringify({ records, district, runs: RUNS, figures }, null, 2));
console.log(`→ ${out}`);
await app.close();
await dbx.close();
