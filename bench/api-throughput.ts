/**
 * Registrations per second through the API, beside the same rows written straight into the database.
 *
 * For each database (PostgreSQL and/or PGlite):
 *   1. a real Sabt server process, as the CLI runs it: `sabt migrate`, `sabt users create` (a front
 *      office clerk, a back office clerk and a registrar of one district office; the password on
 *      standard input), then `sabt start --demo` (the demo registry of a few thousand records, so the
 *      duplicate checks have namesakes to look at; --no-demo for an empty registry);
 *   2. births through the HTTP API (create, submit, validate, register, each with an Idempotency-Key)
 *      by 1, 8 and 32 concurrent clients, each birth a new family of the demo generator
 *      (packages/server/src/demo/generator): names, dates and places vary as in the registry;
 *   3. the raw equivalent on the same database: per step one transaction writing what the step writes
 *      at its core (the record row inserted or updated, an action row, an audit row chained to the
 *      previous one under the head's lock; the register step takes its act number from a counter row),
 *      with the same numbers of clients.
 * It prints registrations/s, requests/s, p50/p95/p99 of each step, the server's CPU per request (the
 * server process's utime + stime from /proc/PID/stat before and after), the ratio to the raw
 * equivalent, and the load average before and after each run.
 *
 *   node bench/api-throughput.ts [--db postgres,pglite] [--clients 1,8,32] [--births 160]
 *     [--raw-births 400] [--no-demo] [--keep] [--server-args="--cpu-prof --cpu-prof-dir=bench/.data/prof"]
 *
 * PostgreSQL: DATABASE_URL names the server (default: bench/pg.sh's); the benchmark creates a database
 * of its own there (sabt_tp_<random>) and drops it at the end unless --keep. PGlite: a data directory
 * under the system's temporary directory, removed at the end unless --keep.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { birthKind, checkRecordData, todayIn } from '@sabt/core';
import { sql } from 'kysely';
import { generate } from 'otplib';
import pg from 'pg';
import { connect, type Db } from '../packages/server/src/db/connect.ts';
import { addDays } from '../packages/server/src/demo/generator/dates.ts';
import { type Office, Registry } from '../packages/server/src/demo/generator/registry.ts';
import { Rng } from '../packages/server/src/demo/generator/rng.ts';
import { loadAverage as load, percentile } from './support/figures.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'packages/server/src/cli/main.ts');
const DATA = join(ROOT, 'bench/.data');

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres,pglite' },
    clients: { type: 'string', default: '1,8,32' },
    births: { type: 'string', default: '160' },
    'raw-births': { type: 'string', default: '400' },
    warmup: { type: 'string', default: '16' },
    'no-demo': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    seed: { type: 'string', default: '16' },
    'server-args': { type: 'string', default: '' },
    json: { type: 'string' },
  },
});
const CLIENTS = String(args.clients).split(',').map(Number);
const BIRTHS = Number(args.births);
const RAW_BIRTHS = Number(args['raw-births']);
const WARMUP = Number(args.warmup);
const DEMO = !args['no-demo'];
const PG_SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:54329/postgres';
const OFFICE = 'DU-03-00';
const UNIT = 'DU-03';
const PASSWORD = 'throughput-bench-2026';
const USERS = [
  { login: 'tp-front', role: 'front_office' },
  { login: 'tp-back', role: 'back_office' },
  { login: 'tp-registrar', role: 'registrar' },
] as const;
const STEPS = ['create', 'submit', 'validate', 'register'] as const;
type Step = (typeof STEPS)[number];

// ---------------------------------------------------------------------------------------------------
// Figures

const CLK_TCK = 100; // Linux's USER_HZ

/** CPU time (ms) the process has used so far: utime + stime of /proc/PID/stat. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

interface RunFigures {
  clients: number;
  births: number;
  registered: number;
  seconds: number;
  registrationsPerSecond: number;
  requestsPerSecond: number;
  steps: Record<Step, { n: number; p50: number; p95: number; p99: number }>;
  failures: Record<string, number>;
  cpuMsPerRequest?: number;
  loadBefore: string;
  loadAfter: string;
}

function figures(
  clients: number,
  births: number,
  seconds: number,
  lat: Record<Step, number[]>,
  failures: Record<string, number>,
  loadBefore: string,
): RunFigures {
  const steps = {} as RunFigures['steps'];
  let requests = 0;
  for (const s of STEPS) {
    const v = [...lat[s]].sort((a, b) => a - b);
    requests += v.length;
    steps[s] = { n: v.length, p50: percentile(v, 50), p95: percentile(v, 95), p99: percentile(v, 99) };
  }
  return {
    clients,
    births,
    registered: lat.register.length,
    seconds,
    registrationsPerSecond: lat.register.length / seconds,
    requestsPerSecond: requests / seconds,
    steps,
    failures,
    loadBefore,
    loadAfter: load(),
  };
}

/** `clients` workers taking births from one queue until it is empty. */
async function drive(clients: number, births: number, one: (i: number) => Promise<void>) {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < births; i = next++) await one(i);
    }),
  );
  return (performance.now() - t0) / 1000;
}

// ---------------------------------------------------------------------------------------------------
// Births of the demo generator: a newborn of the last weeks, its parents born 1980–2004

/** Valid births of new families over `offices` (places of birth and residence), each checked as the API will. */
function births(seed: number, today: string, offices: Office[]): () => unknown {
  const rng = new Rng(seed);
  const reg = new Registry(rng, offices);
  return () => {
    for (;;) {
      const father = reg.newPerson(
        'M',
        addDays(`${1980 + rng.int(23)}-01-01`, rng.int(365)),
        reg.randomUnit(),
      );
      const mother = reg.newPerson(
        'F',
        addDays(`${1982 + rng.int(23)}-01-01`, rng.int(365)),
        reg.randomUnit(),
      );
      const child = reg.newPerson(rng.chance(0.51) ? 'M' : 'F', addDays(today, -1 - rng.int(25)), UNIT, {
        fatherName: father.name,
        root: father.root,
      });
      const data = reg.birth(child, mother, rng.chance(0.85) ? father : undefined, undefined, false).data;
      if (checkRecordData(birthKind, data, 'complete', { today }).ok) return data;
    }
  };
}

// ---------------------------------------------------------------------------------------------------
// The server process

interface Target {
  name: 'postgres' | 'pglite';
  env: Record<string, string>;
  /** For the raw equivalent, opened after the server stopped on PGlite (one process at a time). */
  open(): Promise<Db>;
  drop(): Promise<void>;
}

async function postgresTarget(): Promise<Target> {
  const name = `sabt_tp_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_SERVER);
  url.pathname = `/${name}`;
  return {
    name: 'postgres',
    env: { DATABASE_URL: url.toString() },
    open: () => connect({ databaseUrl: url.toString(), dataDir: '', poolSize: 40 }),
    async drop() {
      if (args.keep) return console.log(`kept: ${url}`);
      const a = new pg.Client({ connectionString: PG_SERVER });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

function pgliteTarget(): Target {
  const dir = mkdtempSync(join(tmpdir(), 'sabt-tp-'));
  return {
    name: 'pglite',
    env: { SABT_DATA_DIR: join(dir, 'db'), SABT_FILES_DIR: join(dir, 'files') },
    open: () => connect({ dataDir: join(dir, 'db') }),
    async drop() {
      if (args.keep) return console.log(`kept: ${dir}`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function serverEnv(target: Target, port: number): NodeJS.ProcessEnv {
  const { DATABASE_URL: _d, SABT_DATA_DIR: _s, ...rest } = process.env;
  return { ...rest, ...target.env, PORT: String(port), HOST: '127.0.0.1', SABT_DEMO: 'false' };
}

async function cli(target: Target, argv: string[], stdin?: string): Promise<void> {
  const child = spawn(process.execPath, [CLI, ...argv], {
    cwd: ROOT,
    env: serverEnv(target, 0),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  child.stdin.end(stdin ?? '');
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  if (code !== 0) throw new Error(`sabt ${argv.join(' ')}: exit ${code}\n${out}`);
}

async function freePort(): Promise<number> {
  const srv = http.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

async function startServer(
  target: Target,
): Promise<{ child: ChildProcess; port: number; stop(): Promise<void> }> {
  const port = await freePort();
  mkdirSync(DATA, { recursive: true });
  const log = createWriteStream(join(DATA, `api-throughput-server-${target.name}.log`));
  const extra = String(args['server-args']).split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, CLI, 'start', ...(DEMO ? ['--demo'] : [])], {
    cwd: ROOT,
    env: serverEnv(target, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.pipe(log);
  await new Promise<void>((ok, fail) => {
    let seen = '';
    child.stdout!.on('data', (d: Buffer) => {
      log.write(d);
      if (seen.length < 100_000) seen += d;
      if (seen.includes('Sabt is running')) ok();
    });
    child.on('exit', (code) => fail(new Error(`the server exited (${code}); see ${log.path}`)));
  });
  return {
    child,
    port,
    async stop() {
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGINT');
      await exited;
      log.end();
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// The API client

function client(port: number, sockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const request = (
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> =>
    new Promise((ok, fail) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path: `/api/v1${path}`,
          agent,
          headers: {
            ...headers,
            ...(payload
              ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
              : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (text += d));
          res.on('end', () => ok({ status: res.statusCode!, body: text, headers: res.headers }));
        },
      );
      req.on('error', fail);
      req.end(payload);
    });
  return {
    async signIn(login: string): Promise<string> {
      const res = await request('POST', '/auth/login', { login, password: PASSWORD }, {});
      if (res.status !== 200) throw new Error(`${login} cannot sign in: ${res.status} ${res.body}`);
      const set = res.headers['set-cookie'];
      const cookie = String(Array.isArray(set) ? set[0] : set).split(';')[0]!;
      // a registrar sets up two-factor sign-in at the first sign-in, as a person would
      if (JSON.parse(res.body).twoFactorEnrolmentRequired) {
        const begun = await request('POST', '/me/two-factor/enrolment', undefined, { cookie });
        const { secret } = JSON.parse(begun.body) as { secret: string };
        const confirmed = await request(
          'POST',
          '/me/two-factor/enrolment/confirm',
          { code: await generate({ secret }) },
          { cookie },
        );
        if (confirmed.status !== 200)
          throw new Error(`${login} cannot set up two-factor sign-in: ${confirmed.body}`);
      }
      return cookie;
    },
    post: (cookie: string, path: string, body: unknown) =>
      request('POST', path, body, { cookie, 'idempotency-key': randomUUID() }),
    get: (cookie: string, path: string) => request('GET', path, undefined, { cookie }),
    close: () => agent.destroy(),
  };
}

// ---------------------------------------------------------------------------------------------------
// The API workflow

async function apiRuns(target: Target): Promise<{ runs: RunFigures[]; start: number; districts: Office[] }> {
  const t0 = performance.now();
  await cli(target, ['migrate']);
  for (const u of USERS)
    await cli(
      target,
      ['users', 'create', '--login', u.login, '--role', u.role, '--office', OFFICE],
      `${PASSWORD}\n`,
    );
  const server = await startServer(target);
  const start = (performance.now() - t0) / 1000;
  const api = client(server.port, Math.max(...CLIENTS) + 4);
  try {
    const [front, back, registrar] = await Promise.all(USERS.map((u) => api.signIn(u.login)));
    const offices = await api.get(front!, '/offices');
    if (offices.status !== 200) throw new Error(`GET /offices: ${offices.status}`);
    const { items } = JSON.parse(offices.body) as {
      items: { id: string; kind: string; unit: string | null; numericCode: string; name: { tg: string } }[];
    };
    const districts: Office[] = items
      .filter((o) => o.kind === 'district' && o.unit)
      .map((o) => ({
        id: o.id,
        path: o.id,
        numeric: o.numericCode,
        unit: o.unit!,
        name: o.name.tg.replace(/^.*— /u, ''),
      }));
    const nextBirth = births(Number(args.seed), todayIn('Asia/Dushanbe'), districts);
    const as: Record<Step, string> = {
      create: front!,
      submit: front!,
      validate: back!,
      register: registrar!,
    };

    const run = async (clients: number, n: number) => {
      const data = Array.from({ length: n }, nextBirth);
      const lat: Record<Step, number[]> = { create: [], submit: [], validate: [], register: [] };
      const failures: Record<string, number> = {};
      const loadBefore = load();
      const cpu0 = cpuMs(server.child.pid!);
      const seconds = await drive(clients, n, async (i) => {
        let id = '';
        for (const step of STEPS) {
          const t = performance.now();
          const res =
            step === 'create'
              ? await api.post(as[step], '/records', { kind: 'BIRTH', data: data[i] })
              : await api.post(as[step], `/records/${id}/${step}`, {});
          const took = performance.now() - t;
          if (res.status >= 300) {
            const problem =
              (JSON.parse(res.body) as { type?: string; title?: string }).type ?? res.body.slice(0, 80);
            const k = `${step} ${res.status} ${problem}`;
            failures[k] = (failures[k] ?? 0) + 1;
            return;
          }
          lat[step].push(took);
          if (step === 'create') id = (JSON.parse(res.body) as { id: string }).id;
        }
      });
      const cpu = cpuMs(server.child.pid!) - cpu0;
      const f = figures(clients, n, seconds, lat, failures, loadBefore);
      f.cpuMsPerRequest = cpu / STEPS.reduce((a, s) => a + lat[s].length, 0);
      return f;
    };
    if (WARMUP > 0) await run(4, WARMUP);
    const runs: RunFigures[] = [];
    for (const c of CLIENTS) {
      runs.push(await run(c, BIRTHS));
      print(target.name, 'API', runs.at(-1)!);
    }
    return { runs, start, districts };
  } finally {
    api.close();
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------------
// The raw equivalent: the same rows, straight into the database

async function rawRuns(target: Target, districts: Office[]): Promise<RunFigures[]> {
  const dbx = await target.open();
  const { db } = dbx;
  try {
    await sql`
      CREATE TABLE IF NOT EXISTS raw_records (id uuid PRIMARY KEY, office_id text NOT NULL, kind text NOT NULL,
        status text NOT NULL, data jsonb NOT NULL, revision int NOT NULL, number int, year int,
        created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
      CREATE TABLE IF NOT EXISTS raw_actions (id bigserial PRIMARY KEY, record_id uuid NOT NULL REFERENCES raw_records,
        action text NOT NULL, actor text NOT NULL, at timestamptz NOT NULL, payload jsonb NOT NULL);
      CREATE TABLE IF NOT EXISTS raw_audit (seq bigint PRIMARY KEY, event text NOT NULL, record_id uuid,
        detail jsonb NOT NULL, prev_hash text NOT NULL, hash text NOT NULL, at timestamptz NOT NULL);
      CREATE TABLE IF NOT EXISTS raw_audit_head (id int PRIMARY KEY, seq bigint NOT NULL, hash text NOT NULL);
      INSERT INTO raw_audit_head VALUES (1, 0, '') ON CONFLICT DO NOTHING;
      CREATE TABLE IF NOT EXISTS raw_counters (office_id text, kind text, year int, last_number int NOT NULL,
        PRIMARY KEY (office_id, kind, year))`.execute(db);
    const nextBirth = births(Number(args.seed) + 1, todayIn('Asia/Dushanbe'), districts);
    const out: RunFigures[] = [];
    const run = async (clients: number, n: number) => {
      const data = Array.from({ length: n }, nextBirth);
      const lat: Record<Step, number[]> = { create: [], submit: [], validate: [], register: [] };
      const loadBefore = load();
      const seconds = await drive(clients, n, async (i) => {
        const id = randomUUID();
        for (const [revision, step] of STEPS.entries()) {
          const t = performance.now();
          await db.transaction().execute(async (trx) => {
            const now = new Date();
            let payload: Record<string, unknown> = {};
            if (step === 'create') {
              await sql`INSERT INTO raw_records VALUES (${id}, ${OFFICE}, 'BIRTH', 'draft', ${JSON.stringify(data[i])}, 1,
                NULL, NULL, ${now}, ${now})`.execute(trx);
            } else if (step !== 'register') {
              await sql`UPDATE raw_records SET status = ${step}, revision = ${revision + 1}, updated_at = ${now}
                WHERE id = ${id}`.execute(trx);
            }
            // the chain's head, then (register) the act number: under the head's lock the counter
            // row is never waited for, and it is held only to the commit
            const head = await sql<{ seq: number; hash: string }>`
              SELECT seq, hash FROM raw_audit_head WHERE id = 1 FOR UPDATE`.execute(trx);
            if (step === 'register') {
              const year = now.getFullYear();
              const c = await sql<{ last_number: number }>`
                INSERT INTO raw_counters VALUES (${OFFICE}, 'BIRTH', ${year}, 1)
                ON CONFLICT (office_id, kind, year) DO UPDATE SET last_number = raw_counters.last_number + 1
                RETURNING last_number`.execute(trx);
              payload = { number: c.rows[0]!.last_number, year };
              await sql`UPDATE raw_records SET status = 'registered', number = ${payload.number as number},
                year = ${year}, revision = ${revision + 1}, updated_at = ${now} WHERE id = ${id}`.execute(
                trx,
              );
            }
            await sql`INSERT INTO raw_actions (record_id, action, actor, at, payload)
              VALUES (${id}, ${step}, 'raw', ${now}, ${JSON.stringify(payload)})`.execute(trx);
            const seq = Number(head.rows[0]!.seq) + 1;
            const detail = JSON.stringify({ step, revision: revision + 1, ...payload });
            const hash = createHash('sha256')
              .update(`${head.rows[0]!.hash}|${seq}|record.${step}|${id}|${detail}|${now.toISOString()}`)
              .digest('hex');
            await sql`INSERT INTO raw_audit VALUES (${seq}, ${`record.${step}`}, ${id}, ${detail},
              ${head.rows[0]!.hash}, ${hash}, ${now})`.execute(trx);
            await sql`UPDATE raw_audit_head SET seq = ${seq}, hash = ${hash} WHERE id = 1`.execute(trx);
          });
          lat[step].push(performance.now() - t);
        }
      });
      return figures(clients, n, seconds, lat, {}, loadBefore);
    };
    await run(4, WARMUP);
    for (const c of CLIENTS) {
      out.push(await run(c, RAW_BIRTHS));
      print(target.name, 'raw', out.at(-1)!);
    }
    return out;
  } finally {
    await dbx.close();
  }
}

// ---------------------------------------------------------------------------------------------------

const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');

function print(db: string, what: string, r: RunFigures) {
  const steps = STEPS.map(
    (s) => `${s} ${f1(r.steps[s].p50)}/${f1(r.steps[s].p95)}/${f1(r.steps[s].p99)}`,
  ).join(', ');
  const cpu =
    r.cpuMsPerRequest === undefined ? '' : `, server CPU ${r.cpuMsPerRequest.toFixed(2)} ms/request`;
  console.log(
    `${db} ${what.padEnd(3)} ${String(r.clients).padStart(2)} clients: ${f1(r.registrationsPerSecond)} registrations/s, ` +
      `${f1(r.requestsPerSecond)} requests/s${cpu} (${r.registered}/${r.births} registered in ${r.seconds.toFixed(1)} s; load ${r.loadBefore} → ${r.loadAfter})`,
  );
  console.log(`   p50/p95/p99 ms: ${steps}`);
  const failed = Object.entries(r.failures);
  if (failed.length) console.log(`   not through: ${failed.map(([k, n]) => `${k} ×${n}`).join('; ')}`);
}

const results: Record<string, { start?: number; api: RunFigures[]; raw: RunFigures[] }> = {};
for (const name of String(args.db).split(',')) {
  if (name !== 'postgres' && name !== 'pglite') throw new Error(`--db: postgres or pglite, not ${name}`);
  const target = name === 'postgres' ? await postgresTarget() : pgliteTarget();
  try {
    console.log(`\n${name}: ${BIRTHS} births per run through the API, ${RAW_BIRTHS} raw; load ${load()}`);
    const api = await apiRuns(target);
    console.log(`   (server ready in ${api.start.toFixed(1)} s, migrations and users included)`);
    const raw = await rawRuns(target, api.districts);
    results[name] = { start: api.start, api: api.runs, raw };
  } finally {
    await target.drop();
  }
}

console.log('\nregistrations/s: API vs raw (ratio)');
for (const [name, r] of Object.entries(results)) {
  for (const [i, a] of r.api.entries()) {
    const raw = r.raw[i]!;
    console.log(
      `  ${name.padEnd(8)} ${String(a.clients).padStart(2)} clients: ${f1(a.registrationsPerSecond)} vs ${f1(raw.registrationsPerSecond)}` +
        ` (${(raw.registrationsPerSecond / a.registrationsPerSecond).toFixed(1)}× slower through the API);` +
        ` register p95 ${f1(a.steps.register.p95)} ms; CPU ${a.cpuMsPerRequest?.toFixed(2)} ms/request`,
    );
  }
}
if (args.json) {
  mkdirSync(dirname(resolve(args.json)), { recursive: true });
  const { writeFileSync } = await import('node:fs');
  writeFileSync(args.json, JSON.stringify(results, null, 2));
}
