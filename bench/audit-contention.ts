/**
 * Reads beside writes, on PostgreSQL (never part of the test suite): --writers clients register
 * births through the HTTP API (in-process, as the API tests do: create, submit, validate, register,
 * each with an Idempotency-Key) while --readers clients read registered records (GET /records/:id,
 * an audited read), for --seconds; then the readers alone. Prints registrations and write requests
 * per second, the p50/p95 of reads and writes, the audit chain verified at the end, and the
 * machine's load average. Then the same without HTTP (--raw-clients at once, half writing through
 * runWrite an audit entry and a row, half appending a read's audit entry), where the database's own
 * queueing shows rather than the server's CPU.
 *
 *   DATABASE_URL=postgres://… node bench/audit-contention.ts [--writers 8] [--readers 4] [--seconds 10]
 *     [--raw-clients 32]
 *
 * DATABASE_URL names the server: the benchmark makes a database of its own there and drops it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { addDays } from '@sabt/core';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../packages/server/src/app.ts';
import { verifyAudit } from '../packages/server/src/audit/audit-log.ts';
import { sequenceAudit } from '../packages/server/src/audit/sequencer.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { connect } from '../packages/server/src/db/connect.ts';
import { DEMO_PASSWORD, loadDemoData } from '../packages/server/src/demo/demo-data.ts';
import { testActor } from '../packages/server/src/jobs/testing/helpers.ts';
import { prepareDatabase } from '../packages/server/src/prepare.ts';
import { birthData } from '../packages/server/src/test/fixtures.ts';
import { auditRead, readEvent, runWrite } from '../packages/server/src/unit-of-work/write.ts';

const { values: args } = parseArgs({
  options: {
    writers: { type: 'string', default: '8' },
    readers: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '10' },
    'raw-clients': { type: 'string', default: '32' },
  },
});
const server = process.env.DATABASE_URL;
if (!server?.startsWith('postgres')) {
  console.error('DATABASE_URL=postgres://… is required (the benchmark measures PostgreSQL)');
  process.exit(2);
}

const pct = (v: number[], p: number) => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** A birth unlike the others of the run (surname from the number, a day apart), as bench/outbox-bench.ts makes them. */
const base = birthData();
const GIVEN = ['Фирдавс', 'Сомон', 'Меҳрона', 'Шаҳзода', 'Рустам', 'Парвина', 'Амир', 'Зарина'];
let births = 0;
function birth() {
  const i = births++;
  const letters = 'бвгдзклмнпрстфхш';
  const surname = `Ка${[...i.toString(16)].map((d) => letters[Number.parseInt(d, 16)]).join('')}ов`;
  const birthDate = addDays(base.child.birthDate, -(i % 1500));
  return {
    ...base,
    child: { ...base.child, surname, name: GIVEN[i % GIVEN.length]!, birthDate },
    birthBasis: { ...base.birthBasis, date: birthDate },
    mother: { ...base.mother, surname: `${surname}а` },
    ...(base.father ? { father: { ...base.father, surname } } : {}),
  };
}

const name = `sabt_audit_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(server);
url.pathname = `/${name}`;
const dbx = await connect({ databaseUrl: url.toString(), dataDir: '', poolSize: 40 });
try {
  await prepareDatabase(dbx.db);
  await loadDemoData(dbx.db);
  const config = loadConfig({ SABT_LOGIN_RATE_LIMIT: '100000', SABT_DATA_DIR: 'memory://' });
  const app = await buildApp({ config, dbx });
  await app.ready();
  const cookies: Record<string, string> = {};
  for (const login of ['front', 'back', 'registrar']) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login, password: DEMO_PASSWORD },
    });
    const set = res.headers['set-cookie'];
    cookies[login] = String(Array.isArray(set) ? set[0] : set).split(';')[0]!;
  }
  const post = async (login: string, path: string, body?: unknown) => {
    const res = await app.inject({
      method: 'POST',
      url: path,
      headers: {
        cookie: cookies[login]!,
        'idempotency-key': randomUUID(),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });
    if (res.statusCode >= 300) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body);
  };
  const registerOne = async (writes: number[]) => {
    const timed = async (login: string, path: string, body?: unknown) => {
      const t = performance.now();
      const answer = await post(login, path, body);
      writes.push(performance.now() - t);
      return answer;
    };
    const rec = await timed('front', '/api/v1/records', { kind: 'BIRTH', data: birth() });
    await timed('front', `/api/v1/records/${rec.id}/submit`);
    await timed('back', `/api/v1/records/${rec.id}/validate`);
    await timed('registrar', `/api/v1/records/${rec.id}/register`);
    return rec.id as string;
  };
  const read = async (id: string, reads: number[]) => {
    const t = performance.now();
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/records/${id}`,
      headers: { cookie: cookies.back! },
    });
    if (res.statusCode !== 200) throw new Error(`read: ${res.statusCode} ${res.body}`);
    reads.push(performance.now() - t);
  };

  const ids: string[] = [];
  for (let i = 0; i < 20; i++) ids.push(await registerOne([]));
  const seconds = Number(args.seconds);
  const run = async (writers: number, readers: number) => {
    const writes: number[] = [];
    const reads: number[] = [];
    let registered = 0;
    const until = performance.now() + seconds * 1000;
    const began = performance.now();
    await Promise.all([
      ...Array.from({ length: writers }, async () => {
        while (performance.now() < until) {
          ids.push(await registerOne(writes));
          registered += 1;
        }
      }),
      ...Array.from({ length: readers }, async (_, r) => {
        for (let i = r; performance.now() < until; i += readers) await read(ids[i % ids.length]!, reads);
      }),
    ]);
    const took = (performance.now() - began) / 1000;
    const f = (v: number) => `${v.toFixed(1)} ms`;
    console.log(
      `${writers} writers, ${readers} readers, ${took.toFixed(1)} s: ` +
        (writers
          ? `${(registered / took).toFixed(1)} registrations/s, ${(writes.length / took).toFixed(0)} writes/s (p50 ${f(pct(writes, 50))}, p95 ${f(pct(writes, 95))}); `
          : '') +
        `${(reads.length / took).toFixed(0)} reads/s (p50 ${f(pct(reads, 50))}, p95 ${f(pct(reads, 95))}); load ${load()}`,
    );
  };
  console.log(`load at start: ${load()}`);
  await run(0, Number(args.readers));
  await run(Number(args.writers), Number(args.readers));
  await run(Number(args.writers), 0);
  await app.close();

  // without HTTP: the unit of work's writes and audited reads alone
  await sql`CREATE TABLE bench_rows (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())`.execute(
    dbx.db,
  );
  const raw = async (clients: number) => {
    const writes: number[] = [];
    const reads: number[] = [];
    const until = performance.now() + seconds * 1000;
    const began = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        while (performance.now() < until) {
          const t = performance.now();
          if (c % 2 === 0) {
            await runWrite(dbx, testActor, config, { key: undefined, fingerprint: c }, async (ctx) => {
              await sql`INSERT INTO bench_rows DEFAULT VALUES`.execute(ctx.trx);
              ctx.audit.push({ event: 'bench.write', detail: { c } });
              return { status: 200, body: {} };
            });
            writes.push(performance.now() - t);
          } else {
            await auditRead(dbx, [readEvent(testActor, 'bench.read', null, { c })]);
            reads.push(performance.now() - t);
          }
        }
      }),
    );
    const took = (performance.now() - began) / 1000;
    const f = (v: number) => `${v.toFixed(1)} ms`;
    console.log(
      `raw, ${clients} clients, ${took.toFixed(1)} s: ${(writes.length / took).toFixed(0)} writes/s (p50 ${f(pct(writes, 50))}, p95 ${f(pct(writes, 95))}); ` +
        `${(reads.length / took).toFixed(0)} audited reads/s (p50 ${f(pct(reads, 50))}, p95 ${f(pct(reads, 95))}); load ${load()}`,
    );
  };
  await raw(Number(args['raw-clients']));
  await sequenceAudit(dbx.db);
  const audit = await verifyAudit(dbx.db);
  console.log(
    `audit chain: ${audit.ok ? 'intact' : 'BROKEN'}, ${audit.entries} entries verified, ${audit.findings.length} findings`,
  );
} finally {
  await dbx.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
