import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthData } from '../../test/fixtures.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { registerThrough, type Workflow } from '../../test/workflow.ts';

const TOKEN = 'metrics-token-of-the-tests-0123456789abcdef';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A metric's value in the text exposition, or undefined when the series is not there. */
function seriesValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/health, /ready and /metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SABT_METRICS_TOKEN: TOKEN, SABT_READY_TIMEOUT_MS: '500' });
  });
  afterAll(() => t?.close());

  it('/health answers that the process is alive, with a request id', async () => {
    const res = await t.anonymous().get('/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.headers['x-request-id']).toMatch(UUID);
    // a problem carries one too
    expect((await t.anonymous().get('/api/v1/records')).headers['x-request-id']).toMatch(UUID);
  });

  it('/ready checks the database, the job queue and the file store', async () => {
    const res = await t.anonymous().get('/ready');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.checks.map((c: { name: string; ok: boolean }) => [c.name, c.ok])).toEqual([
      ['database', true],
      ['jobs', true],
      ['files', true],
    ]);
  });

  it('/ready answers 503 within its timeout when no database connection is to be had, and ready again after', async () => {
    // every connection of the pool held: the check's query waits for one
    const held = await Promise.all(
      Array.from({ length: t.dbx.pool.options.max ?? 1 }, () => t.dbx.pool.connect()),
    );
    try {
      const start = performance.now();
      const res = await t.anonymous().get('/ready', { 'accept-language': 'ru' });
      expect(performance.now() - start).toBeLessThan(3000);
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.title).toContain('база данных');
      const database = res.body.checks.find((c: { name: string }) => c.name === 'database');
      expect(database).toMatchObject({ ok: false, problem: expect.stringContaining('500 ms') });
      // alive all the same
      expect((await t.anonymous().get('/health')).status).toBe(200);
    } finally {
      for (const c of held) c.release();
    }
    expect((await t.anonymous().get('/ready')).status).toBe(200);
  });

  it('/metrics needs the bearer token', async () => {
    expect((await t.anonymous().get('/metrics')).status).toBe(401);
    expect((await t.anonymous().get('/metrics', { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await t.anonymous().get('/metrics', { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it('metrics show a registration made through the API, requests by route pattern, the pool, the outbox and the audit sequencer', async () => {
    const scrape = async () => {
      const res = await t.anonymous().get('/metrics', { authorization: `Bearer ${TOKEN}` });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      return res.body as string;
    };
    const before = seriesValue(await scrape(), 'sabt_acts_registered_total{kind="BIRTH"}') ?? 0;
    const [front, back, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
    const w: Workflow = { front, back, registrar };
    const rec = await registerThrough(w, 'BIRTH', birthData());
    const text = await scrape();
    expect(seriesValue(text, 'sabt_acts_registered_total{kind="BIRTH"}')).toBe(before + 1);
    expect(seriesValue(text, 'sabt_domain_events_total{type="record.registered"}')).toBeGreaterThanOrEqual(1);
    // by the route's pattern, never the record's id
    expect(text).toMatch(
      /sabt_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/records\/:id\/:action",status="200"\} [1-9]/,
    );
    expect(text).not.toContain(rec.id);
    expect(seriesValue(text, 'sabt_database_up')).toBe(1);
    expect(seriesValue(text, 'sabt_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(seriesValue(text, 'sabt_db_pool_max')).toBe(t.dbx.pool.options.max);
    expect(seriesValue(text, 'sabt_outbox_pending_events')).toBeGreaterThanOrEqual(1); // no dispatcher runs here
    expect(seriesValue(text, 'sabt_outbox_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(seriesValue(text, 'sabt_audit_unsequenced_entries')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });
});

describe('load shedding', () => {
  let t: TestApp;
  // a heap limit of 1 MB: always past it
  beforeAll(async () => {
    t = await startTestApp({
      SABT_OVERLOAD_HEAP_MB: '1',
      SABT_OVERLOAD_RETRY_AFTER: '7',
      SABT_TRUSTED_PROXIES: '127.0.0.1',
    });
  });
  afterAll(() => t?.close());

  it('refuses with 503, Retry-After and a problem in the user language past a limit; /health is still served', async () => {
    let res = await t.anonymous().get('/api/v1/act-kinds', { 'accept-language': 'tg' });
    for (let i = 0; i < 30 && res.status !== 503; i++) {
      await new Promise((r) => setTimeout(r, 100)); // the first sample is taken within a second
      res = await t.anonymous().get('/api/v1/act-kinds', { 'accept-language': 'tg' });
    }
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 503, key: 'problem.overloaded' });
    expect(res.body.title).toBe('Система ҳоло аз ҳад зиёд банд аст. Баъд аз 7 сония дубора кӯшиш кунед.');
    const en = await t.anonymous().get('/api/v1/act-kinds', { 'accept-language': 'en' });
    expect(en.body.title).toBe('The system is overloaded right now. Try again in 7 seconds.');
    expect((await t.anonymous().get('/health')).status).toBe(200);
  });

  it('request ids are made here, unless a trusted proxy gives one', async () => {
    const health = (remoteAddress: string, id: string) =>
      t.app.inject({ method: 'GET', url: '/health', remoteAddress, headers: { 'x-request-id': id } });
    expect((await health('127.0.0.1', 'proxy-req-42')).headers['x-request-id']).toBe('proxy-req-42');
    expect((await health('10.1.2.3', 'proxy-req-42')).headers['x-request-id']).toMatch(UUID);
    expect((await health('127.0.0.1', 'a b;c')).headers['x-request-id']).toMatch(UUID);
  });
});
