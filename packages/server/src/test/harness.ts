import { randomBytes } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { connect, type Db } from '../db/connect.ts';
import { DEMO_PASSWORD, loadDemoData } from '../demo/demo-data.ts';
import { prepareDatabase } from '../prepare.ts';
import type { FileStore } from '../storage/file-store.ts';
import { openFileStore } from '../storage/open-store.ts';
import { TestAuthenticator } from './authenticator.ts';

/**
 * A new, empty database on the PostgreSQL server `server` (a connection string), and how to drop it:
 * the drop waits for connections still closing (a pool, a child process) before it forces the rest.
 */
export async function throwawayDatabase(
  server: string,
  prefix = 'sabt_t',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      // the pool's sockets may still be closing: wait for them rather than kill them
      for (let i = 0; i < 50; i++) {
        const open = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [
          name,
        ]);
        if (open.rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A fresh database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by SABT_TEST_DATABASE_URL (dropped at the end).
 */
export async function testDatabase(): Promise<{ dbx: Db; drop: () => Promise<void> }> {
  const server = process.env.SABT_TEST_DATABASE_URL;
  if (!server) {
    const dbx = await connect({ dataDir: 'memory://' });
    return { dbx, drop: () => dbx.close() };
  }
  const { url, drop } = await throwawayDatabase(server);
  const dbx = await connect({ databaseUrl: url, dataDir: '', poolSize: 20 });
  return {
    dbx,
    drop: async () => {
      await dbx.close();
      await drop();
    },
  };
}

export interface Response {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the API returns
  body: any;
}

export interface Client {
  login: string;
  get(url: string, headers?: Record<string, string>): Promise<Response>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  patch(url: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  put(url: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Sends a raw body (for malformed input). */
  raw(
    method: 'POST' | 'PATCH',
    url: string,
    payload: string,
    headers?: Record<string, string>,
  ): Promise<Response>;
}

export interface TestApp {
  app: FastifyInstance;
  dbx: Db;
  config: Config;
  /** The file store: in memory, as the database is (or as SABT_DATA_DIR / SABT_FILES_DIR in env say). */
  files: FileStore;
  /**
   * Signs in a demo user (password sabt-demo) as they would: with the code of their authenticator
   * app when they use two-factor sign-in, and setting it up first when their role requires it;
   * returns a client carrying their session cookie.
   */
  as(login: string): Promise<Client>;
  /** The users' authenticator app: their secrets, and codes the server accepts (test/authenticator.ts). */
  authenticator: TestAuthenticator;
  anonymous(): Client;
  close(): Promise<void>;
}

export async function startTestApp(
  env: Record<string, string> = {},
  opts: { logStream?: Writable } = {},
): Promise<TestApp> {
  const { dbx, drop } = await testDatabase();
  const config = loadConfig({
    SABT_LOGIN_RATE_LIMIT: '100000',
    SABT_LOGIN_THROTTLE_PER_ADDRESS: '100000',
    SABT_DATA_DIR: 'memory://',
    // an in-process database and a shared machine stall the event loop: tests shed no load unless they ask
    SABT_OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
    // the same user signed in again at once takes the next step's code, not the next 30 seconds
    SABT_2FA_TOLERANCE_SECONDS: String(TEST_TOTP_TOLERANCE_SECONDS),
    ...env,
  });
  const files = openFileStore(config.files);
  await prepareDatabase(dbx.db, { files });
  await loadDemoData(dbx.db);
  const app = await buildApp({
    config,
    dbx,
    files,
    ...(opts.logStream ? { logger: { stream: opts.logStream } } : {}),
  });
  await app.ready();

  const client = (login: string, cookie: string | undefined): Client => {
    const send = async (
      method: string,
      url: string,
      payload: string | undefined,
      headers: Record<string, string> = {},
    ) => {
      const res = await app.inject({
        method: method as 'GET',
        url,
        payload,
        headers: {
          ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(cookie ? { cookie } : {}),
          ...headers,
        },
      });
      let body: unknown = res.body;
      try {
        body = res.body ? JSON.parse(res.body) : undefined;
      } catch {}
      return { status: res.statusCode, headers: res.headers, body };
    };
    return {
      login,
      get: (url, headers) => send('GET', url, undefined, headers),
      post: (url, body, headers) =>
        send('POST', url, body === undefined ? undefined : JSON.stringify(body), headers),
      patch: (url, body, headers) => send('PATCH', url, JSON.stringify(body), headers),
      put: (url, body, headers) => send('PUT', url, JSON.stringify(body), headers),
      raw: (method, url, payload, headers) => send(method, url, payload, headers),
    };
  };

  const authenticator = new TestAuthenticator(config.twoFactor.toleranceSeconds);
  return {
    app,
    dbx,
    config,
    files,
    authenticator,
    async as(login: string) {
      const { cookie } = await signInWithCode(app, authenticator, login, DEMO_PASSWORD);
      return client(login, cookie);
    },
    anonymous: () => client('anonymous', undefined),
    async close() {
      await app.close();
      await drop();
    },
  };
}

/** The harness's tolerance of a code's time: room for many sign-ins of one user in a test file. */
export const TEST_TOTP_TOLERANCE_SECONDS = 1440;

/**
 * Signs a user in through the API as a person would: the password; the code of their authenticator
 * app when asked; when their role requires two-factor sign-in and they have not set it up, setting
 * it up (the secret added to `authenticator`, confirmed with a first code). The session cookie and
 * the user as the last answer gave them.
 */
export async function signInWithCode(
  app: FastifyInstance,
  authenticator: TestAuthenticator,
  login: string,
  password: string,
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON as it comes
): Promise<{ cookie: string; me: any }> {
  const post = (url: string, payload: unknown, cookie?: string) =>
    app.inject({ method: 'POST', url, payload: payload as object, headers: cookie ? { cookie } : {} });
  let res = await post('/api/v1/auth/login', { login, password });
  if (res.statusCode === 200 && res.json().challenge)
    res = await post('/api/v1/auth/login/code', {
      challenge: res.json().challenge,
      code: await authenticator.code(login),
    });
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const cookie = String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]!;
  const me = res.json();
  if (me.twoFactorEnrolmentRequired && !me.temporaryCredentials) {
    const begun = await app.inject({
      method: 'POST',
      url: '/api/v1/me/two-factor/enrolment',
      headers: { cookie },
    });
    if (begun.statusCode !== 200) throw new Error(`enrolment of ${login} failed: ${begun.body}`);
    authenticator.add(login, begun.json().secret);
    const confirmed = await post(
      '/api/v1/me/two-factor/enrolment/confirm',
      { code: await authenticator.code(login) },
      cookie,
    );
    if (confirmed.statusCode !== 200) throw new Error(`enrolment of ${login} failed: ${confirmed.body}`);
    me.twoFactorEnrolmentRequired = false;
  }
  return { cookie, me };
}
