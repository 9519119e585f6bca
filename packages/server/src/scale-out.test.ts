import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '@sabt/core';
import { sql } from 'kysely';
import { generate } from 'otplib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from './audit/audit-log.ts';
import { sequenceAudit } from './audit/sequencer.ts';
import { TOTP_PERIOD_SECONDS } from './auth/two-factor.ts';
import { connect, type Db } from './db/connect.ts';
import { ReadReplica } from './db/read-replica.ts';
import { DEMO_PASSWORD, loadDemoData } from './demo/demo-data.ts';
import { birthData } from './test/fixtures.ts';
import { type ReplicaPair, startReplicaPair } from './test/replica-pair.ts';

/**
 * Scaling out on PostgreSQL's own machinery: two real Sabt server processes (`sabt start`) on one
 * PostgreSQL 15 primary, the second reading search and the public check from a streaming replica of
 * it (DATABASE_READ_URL). The primary and the replica are this file's own (test/replica-pair.ts),
 * so it runs in the PostgreSQL pass only.
 */
const server = process.env.SABT_TEST_DATABASE_URL;
const CLI = join(import.meta.dirname, 'cli/main.ts');
const METRICS_TOKEN = 'scale-out-test-metrics-token-0123456789';
const REGISTRATIONS = 200;
/** The lag past which process B leaves its replica alone. */
const MAX_LAG_SECONDS = 5;

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON
  body: any;
  headers: http.IncomingHttpHeaders;
}

/** One Sabt server process as `sabt start` runs it, on a loopback port. */
interface SabtProcess {
  name: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  request(
    method: string,
    path: string,
    opts?: { cookie?: string; body?: unknown; key?: string; headers?: Record<string, string> },
  ): Promise<Answer>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = http.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startSabt(name: string, env: Record<string, string>): Promise<SabtProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SABT_DEMO: 'false',
      SABT_LOG_LEVEL: 'warn',
      SABT_METRICS_TOKEN: METRICS_TOKEN,
      SABT_LOGIN_RATE_LIMIT: '100000',
      SABT_OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + d).slice(-20_000)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-20_000)));
  await new Promise<void>((ok, fail) => {
    const seen = () => output.includes('Sabt is running') && ok();
    child.stdout!.on('data', seen);
    child.on('exit', (code) => fail(new Error(`${name} exited (${code}):\n${output}`)));
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  return {
    name,
    port,
    child,
    output: () => output,
    request(method, path, opts = {}) {
      const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
      return new Promise((ok, fail) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            method,
            path,
            agent,
            headers: {
              ...(opts.cookie ? { cookie: opts.cookie } : {}),
              ...(opts.key ? { 'idempotency-key': opts.key } : {}),
              ...(payload ? { 'content-type': 'application/json' } : {}),
              ...opts.headers,
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (d) => (text += d));
            res.on('end', () => {
              let body: unknown = text;
              try {
                body = JSON.parse(text);
              } catch {}
              ok({ status: res.statusCode!, body, headers: res.headers });
            });
          },
        );
        req.on('error', fail);
        req.end(payload);
      });
    },
    async stop() {
      agent.destroy();
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const GIVEN = ['Фирдавс', 'Сомон', 'Меҳрона', 'Шаҳзода', 'Рустам', 'Парвина', 'Амир', 'Зарина'];

/** A birth unlike every other of the run (its own surname, a day of its own), so none is a possible duplicate. */
function birth(i: number) {
  const base = birthData();
  const letters = 'бвгдзклмнпрстфхш';
  const surname = `Ка${[...i.toString(16)].map((d) => letters[Number.parseInt(d, 16)]).join('')}ов`;
  const birthDate = addDays(base.child.birthDate, -(i % 300));
  return {
    ...base,
    child: { ...base.child, surname, name: GIVEN[i % GIVEN.length]!, birthDate },
    birthBasis: { ...base.birthBasis, date: birthDate },
    mother: { ...base.mother, surname: `${surname}а` },
    ...(base.father ? { father: { ...base.father, surname } } : {}),
  };
}

describe.skipIf(!server)('several Sabt processes on one PostgreSQL, reads from a streaming replica', () => {
  let pair: ReplicaPair;
  let dbx: Db;
  let files: string;
  let a: SabtProcess;
  let b: SabtProcess;
  const cookies: Record<string, string> = {};

  const ok = (res: Answer, status = 200) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };

  beforeAll(async () => {
    pair = await startReplicaPair();
    const admin = new pg.Client({ connectionString: pair.primaryUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE sabt');
    await admin.end();
    const urls = pair.urls('sabt');
    files = mkdtempSync(join(tmpdir(), 'sabt-scale-out-'));
    // both at once on an empty database, as servers behind one address start: the migrations and
    // the job queue's schema are theirs to share
    [a, b] = await Promise.all([
      startSabt('A', { DATABASE_URL: urls.primary, SABT_FILES_DIR: files, SABT_DATA_DIR: files }),
      startSabt('B', {
        DATABASE_URL: urls.primary,
        DATABASE_READ_URL: urls.replica,
        SABT_READ_MAX_LAG_SECONDS: String(MAX_LAG_SECONDS),
        SABT_FILES_DIR: files,
        SABT_DATA_DIR: files,
      }),
    ]);
    dbx = await connect({ databaseUrl: urls.primary, dataDir: '', poolSize: 4 });
    await loadDemoData(dbx.db);
    for (const login of ['front', 'back', 'registrar']) {
      const res = await a.request('POST', '/api/v1/auth/login', { body: { login, password: DEMO_PASSWORD } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const set = res.headers['set-cookie'];
      cookies[login] = String(Array.isArray(set) ? set[0] : set).split(';')[0]!;
      // a registrar's role requires two-factor sign-in: set up as a person would, with the app's code
      if ((res.body as { twoFactorEnrolmentRequired?: boolean }).twoFactorEnrolmentRequired) {
        const begun = await a.request('POST', '/api/v1/me/two-factor/enrolment', { cookie: cookies[login] });
        expect(begun.status, JSON.stringify(begun.body)).toBe(200);
        const secret = (begun.body as { secret: string }).secret;
        const code = await generate({ secret, period: TOTP_PERIOD_SECONDS });
        const confirmed = await a.request('POST', '/api/v1/me/two-factor/enrolment/confirm', {
          cookie: cookies[login],
          body: { code },
        });
        expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
        // the session that set it up is renewed
        const renewed = confirmed.headers['set-cookie'];
        if (renewed) cookies[login] = String(Array.isArray(renewed) ? renewed[0] : renewed).split(';')[0]!;
      }
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await dbx?.close();
    await pair?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  }, 60_000);

  it(`${REGISTRATIONS} concurrent registrations spread over two Sabt processes on one PostgreSQL keep numbers unique and gapless`, async () => {
    const servers = [a, b];
    /** A write by `login` through the process of step `step`, with an Idempotency-Key. */
    const post = (i: number, step: number, login: string, path: string, body?: unknown) =>
      servers[(i + step) % 2]!.request('POST', `/api/v1${path}`, {
        cookie: cookies[login],
        key: randomUUID(),
        ...(body === undefined ? {} : { body }),
      });
    const registrations = await Promise.all(
      Array.from({ length: REGISTRATIONS }, async (_, i) => {
        const id = ok(await post(i, 0, 'front', '/records', { kind: 'BIRTH', data: birth(i) }), 201).id;
        ok(await post(i, 1, 'front', `/records/${id}/submit`));
        ok(await post(i, 2, 'back', `/records/${id}/validate`));
        // the registration's fee, paid at the front office as payFee pays it
        let fees = ok(
          await servers[(i + 3) % 2]!.request('GET', `/api/v1/records/${id}/fees`, { cookie: cookies.front }),
        );
        // biome-ignore lint/suspicious/noExplicitAny: the API's JSON
        let charge = fees.charges.find((c: any) => c.purpose === 'registration');
        if (!charge && !fees.registrationSettled) {
          fees = ok(
            await post(i, 4, 'front', `/records/${id}/fees/charges`, { purpose: 'registration' }),
            201,
          );
          // biome-ignore lint/suspicious/noExplicitAny: the API's JSON
          charge = fees.charges.find((c: any) => c.purpose === 'registration');
        }
        for (const [currency, sums] of [
          ['TJS', charge?.balance.somoni],
          ['USD', charge?.balance.dollars],
        ] as const) {
          if (!sums || sums.outstanding <= 0) continue;
          ok(
            await post(i, 5, 'front', `/records/${id}/fees/entries`, {
              chargeId: charge.id,
              kind: 'payment',
              amountMinor: sums.outstanding,
              currency,
              method: 'cash',
            }),
            201,
          );
        }
        // the registrar's click sent twice with one key, to both processes at once: one registration
        const key = randomUUID();
        const [first, second] = await Promise.all(
          servers.map((s) =>
            s.request('POST', `/api/v1/records/${id}/register`, { cookie: cookies.registrar, key }),
          ),
        );
        const registered = ok(first!);
        expect(ok(second!)).toEqual(registered);
        expect(registered.status).toBe('registered');
        return { id, number: registered.number as number, year: registered.year as number };
      }),
    );

    // numbers: unique and gapless per office, kind and year, in the answers and in the registry
    expect(new Set(registrations.map((r) => r.number)).size).toBe(REGISTRATIONS);
    const rows = await dbx.db
      .selectFrom('records')
      .select(['office_id', 'kind', 'year', 'number'])
      .where('status', '=', 'registered')
      .orderBy('number')
      .execute();
    const series = new Map<string, number[]>();
    for (const r of rows) {
      const k = `${r.office_id}/${r.kind}/${r.year}`;
      series.set(k, [...(series.get(k) ?? []), Number(r.number)]);
    }
    expect(rows).toHaveLength(REGISTRATIONS);
    for (const [, numbers] of series) expect(numbers).toEqual(numbers.map((_, n) => n + 1));
    const counters = await dbx.db.selectFrom('act_counters').select(['last_number']).execute();
    expect(counters.map((c) => Number(c.last_number)).reduce((x, y) => x + y, 0)).toBe(REGISTRATIONS);

    // one registration each: one action and one outbox event per record, even for the click sent twice
    const registeredActions = await sql<{ n: number; records: number }>`
      SELECT count(*)::int AS n, count(DISTINCT record_id)::int AS records FROM record_actions
      WHERE action = 'register'`.execute(dbx.db);
    expect(registeredActions.rows[0]).toEqual({ n: REGISTRATIONS, records: REGISTRATIONS });

    // the outbox: every event dispatched, once (both processes run a dispatcher)
    await expect
      .poll(
        async () =>
          (
            await sql<{
              n: number;
            }>`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`.execute(dbx.db)
          ).rows[0]!.n,
        { timeout: 30_000, interval: 200 },
      )
      .toBe(0);
    const events = await sql<{ n: number; records: number }>`
      SELECT count(*)::int AS n, count(DISTINCT record_id)::int AS records FROM outbox
      WHERE type = 'record.registered'`.execute(dbx.db);
    expect(events.rows[0]).toEqual({ n: REGISTRATIONS, records: REGISTRATIONS });
    // no job queued twice for one event or request (pg-boss's jobs carry the key they were queued for)
    const twice = await sql<{ name: string; key: string }>`
      SELECT name, data->>'key' AS key FROM pgboss.job GROUP BY name, data->>'key' HAVING count(*) > 1`.execute(
      dbx.db,
    );
    expect(twice.rows).toEqual([]);

    // the audit chain: chained by both processes' sequencers, it verifies
    await sequenceAudit(dbx.db);
    const audit = await verifyAudit(dbx.db);
    expect(audit.findings).toEqual([]);
    expect(audit.ok).toBe(true);
    expect(audit.pending).toBe(0);
  }, 240_000);

  const search = (s: SabtProcess, login: string, surname: string) =>
    s.request('GET', `/api/v1/search?surname=${encodeURIComponent(surname)}`, { cookie: cookies[login] });
  const found = (res: Answer) => ok(res).items.map((h: { id: string }) => h.id);
  const metric = async (s: SabtProcess, name: string) => {
    const res = await s.request('GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    const lines = String(res.body)
      .split('\n')
      .filter((l) => l.startsWith(name));
    return Object.fromEntries(
      lines.map((l) => [l.slice(0, l.lastIndexOf(' ')), Number(l.slice(l.lastIndexOf(' ') + 1))]),
    );
  };

  it('a replica serves search; a user reads their own write at once; others see it once replicated', async () => {
    const ready = ok(await b.request('GET', '/ready'));
    expect(ready.replica).toMatchObject({ state: 'ok', readsFrom: 'replica' });

    // the replica holds its replay: what is written now reaches the primary only
    await pair.caughtUp();
    await pair.pauseReplay();
    const surname = 'Репликаов';
    const data = birth(REGISTRATIONS + 1);
    const created = ok(
      await a.request('POST', '/api/v1/records', {
        cookie: cookies.front,
        key: randomUUID(),
        body: { kind: 'BIRTH', data: { ...data, child: { ...data.child, surname } } },
      }),
      201,
    );
    const before = await metric(b, 'sabt_lagging_reads_total');
    // the writer, through the process that reads from the replica, finds it at once (from the primary)
    expect(found(await search(b, 'front', surname))).toContain(created.id);
    // another user of the same office, through the same process, reads the replica: not there yet
    expect(found(await search(b, 'back', surname))).not.toContain(created.id);
    const after = await metric(b, 'sabt_lagging_reads_total');
    const inc = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
    expect(inc('sabt_lagging_reads_total{target="primary",reason="own-write"}')).toBe(1);
    expect(inc('sabt_lagging_reads_total{target="replica",reason=""}')).toBe(1);

    // replayed: the other user finds it through the replica
    await pair.resumeReplay();
    await pair.caughtUp();
    await expect
      .poll(async () => found(await search(b, 'back', surname)), { timeout: 10_000 })
      .toContain(created.id);
    // and so does the writer, once process B has seen the replica replayed past their write
    const replayed = Date.now();
    await expect
      .poll(async () => {
        const { replica } = ok(await b.request('GET', '/ready'));
        return replica.state === 'ok' && Date.parse(replica.checkedAt) > replayed;
      })
      .toBe(true);
    const writerBefore = await metric(b, 'sabt_lagging_reads_total');
    expect(found(await search(b, 'front', surname))).toContain(created.id);
    const writerAfter = await metric(b, 'sabt_lagging_reads_total');
    expect(
      (writerAfter['sabt_lagging_reads_total{target="replica",reason=""}'] ?? 0) -
        (writerBefore['sabt_lagging_reads_total{target="replica",reason=""}'] ?? 0),
    ).toBe(1);
  }, 60_000);

  it('a replica lagging past the bound: reads fall back to the primary, and /ready and /metrics say so', async () => {
    await pair.caughtUp();
    await pair.pauseReplay();
    try {
      // the primary moves on while the replica holds its replay
      ok(
        await a.request('POST', '/api/v1/records', {
          cookie: cookies.front,
          key: randomUUID(),
          body: { kind: 'BIRTH', data: birth(REGISTRATIONS + 2) },
        }),
        201,
      );
      await expect
        .poll(async () => ok(await b.request('GET', '/ready')).replica, {
          timeout: (MAX_LAG_SECONDS + 10) * 1000,
          interval: 500,
        })
        .toMatchObject({ state: 'lagging', readsFrom: 'primary' });
      const ready = ok(await b.request('GET', '/ready'));
      expect(ready.status).toBe('ready');
      expect(ready.replica.lagSeconds).toBeGreaterThan(MAX_LAG_SECONDS);
      expect((await metric(b, 'sabt_read_replica_up')).sabt_read_replica_up).toBe(0);
      expect(
        (await metric(b, 'sabt_read_replica_lag_seconds')).sabt_read_replica_lag_seconds,
      ).toBeGreaterThan(MAX_LAG_SECONDS);
      // the record the replica has not replayed is found: the primary answers
      const before = await metric(b, 'sabt_lagging_reads_total');
      expect(found(await search(b, 'back', birth(REGISTRATIONS + 2).child.surname))).toHaveLength(1);
      const after = await metric(b, 'sabt_lagging_reads_total');
      const key = 'sabt_lagging_reads_total{target="primary",reason="replica-lagging"}';
      expect((after[key] ?? 0) - (before[key] ?? 0)).toBe(1);
    } finally {
      await pair.resumeReplay();
    }
    await expect
      .poll(async () => ok(await b.request('GET', '/ready')).replica.state, { timeout: 20_000 })
      .toBe('ok');
  }, 60_000);

  it('a server given its primary as DATABASE_READ_URL reads from the primary: it is not a replica', async () => {
    const wrong = new ReadReplica(dbx, { url: pair.urls('sabt').primary, maxLagSeconds: 5 });
    try {
      expect(await wrong.probe()).toMatchObject({ state: 'not-a-replica' });
      expect(wrong.route(null)).toEqual({ target: 'primary', reason: 'replica-down' });
    } finally {
      await wrong.close();
    }
  });

  it('a replica down: reads fall back to the primary, and /ready and /metrics say so', async () => {
    await pair.stopReplica();
    try {
      // at once, before the next probe: no connection to the replica to be had, the primary answers
      expect(found(await search(b, 'back', 'Репликаов'))).toHaveLength(1);
      await expect
        .poll(async () => ok(await b.request('GET', '/ready')).replica.state, { timeout: 15_000 })
        .toBe('down');
      const ready = ok(await b.request('GET', '/ready'));
      expect(ready.status).toBe('ready');
      expect(ready.replica.readsFrom).toBe('primary');
      expect((await metric(b, 'sabt_read_replica_up')).sabt_read_replica_up).toBe(0);
      // search still answers, from the primary
      const surname = 'Репликаов';
      expect(found(await search(b, 'back', surname))).toHaveLength(1);
      const m = await metric(b, 'sabt_lagging_reads_total');
      expect(m['sabt_lagging_reads_total{target="primary",reason="replica-down"}']).toBeGreaterThanOrEqual(1);
    } finally {
      await pair.startReplica();
    }
    await expect
      .poll(async () => ok(await b.request('GET', '/ready')).replica.state, { timeout: 20_000 })
      .toBe('ok');
  }, 60_000);
});
