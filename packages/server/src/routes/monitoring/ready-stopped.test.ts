import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';

/**
 * /ready when the database is gone for real: on PostgreSQL the test's database stops taking
 * connections and its sessions are ended (then it takes them again, and Sabt is ready again); on
 * PGlite the embedded database is closed.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ SABT_READY_TIMEOUT_MS: '3000' });
});
// closed twice on PGlite (the test closed the database): the second close has nothing left to do
afterAll(() => t?.close().catch(() => {}));

it('/ready answers 503 naming the database once it is stopped; /health is still served', async () => {
  const server = process.env.SABT_TEST_DATABASE_URL;
  const ready = () => t.anonymous().get('/ready', { 'accept-language': 'en' });
  // what /ready answered, its checks' problems with it, when it is not what the test waits for
  const readyState = async () => {
    const res = await ready();
    return { status: res.status, body: res.body };
  };
  // a loaded machine may answer a check late: the test waits for the state, it does not time it
  await expect.poll(readyState).toMatchObject({ status: 200 });
  // no SABT_METRICS_TOKEN: no metrics
  expect((await t.anonymous().get('/metrics')).status).toBe(404);
  const name = (await t.dbx.pool.query('SELECT current_database() AS name')).rows[0].name as string;
  const admin = server ? new pg.Client({ connectionString: server }) : null;
  if (admin) {
    await admin.connect();
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    // pg_terminate_backend only signals: the sessions end a moment later
    const sessions = async () =>
      (await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]))
        .rows[0].n;
    await expect.poll(sessions).toBe(0);
  } else {
    await t.dbx.close();
  }
  const res = await ready();
  expect(res.status, JSON.stringify(res.body)).toBe(503);
  expect(res.headers['retry-after']).toBeDefined();
  expect(res.body).toMatchObject({ status: 503, key: 'problem.notReady' });
  expect(res.body.title).toContain('database');
  expect(res.body.checks.find((c: { name: string }) => c.name === 'database')).toMatchObject({ ok: false });
  expect((await t.anonymous().get('/health')).status).toBe(200);
  if (admin) {
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    await admin.end();
    // the connections the database ended are replaced: Sabt is ready again without a restart
    await expect.poll(readyState).toMatchObject({ status: 200 });
  }
});
