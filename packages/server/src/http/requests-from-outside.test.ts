import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, productionProblems } from '../config.ts';
import { birthData } from '../test/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../test/harness.ts';

/** Requests from outside Sabt's own pages and proxies (issue 15: items 3, 4 and 7). */

let t: TestApp;
let front: Client;

beforeAll(async () => {
  t = await startTestApp({ SABT_LOGIN_RATE_LIMIT: '30', SABT_TRUSTED_PROXIES: '10.0.0.0/8' });
  front = await t.as('front');
});
afterAll(() => t.close());

const loginFrom = (remoteAddress: string, forwardedFor: string, login = 'nobody-here') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login, password: 'not-the-password' },
    headers: { 'x-forwarded-for': forwardedFor },
    remoteAddress,
  });

/** The addresses the audit log recorded for failed sign-ins of logins starting so. */
const failedIps = async (prefix: string) =>
  (
    await t.dbx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('actor_login', 'like', `${prefix}%`)
      .where('event', '=', 'auth.login-failed')
      .execute()
  ).map((r) => (r.detail as { ip: string }).ip);

describe('X-Forwarded-For is believed only from the configured proxies', () => {
  it('a client forging a new X-Forwarded-For on each of 40 logins is still limited, and audited as itself', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 40; i++)
      statuses.push((await loginFrom('203.0.113.9', `198.51.100.${i}`, `forger-${i}`)).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual(Array(10).fill(429));
    const ips = await failedIps('forger-');
    expect(new Set(ips)).toEqual(new Set(['203.0.113.9']));
  });

  it('from a configured proxy the forwarded address is the client: limited per client and audited as such', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 40; i++)
      statuses.push((await loginFrom('10.1.2.3', `198.51.100.${i}`, `proxied-${i}`)).statusCode);
    expect(statuses).toEqual(Array(40).fill(401));
    const ips = await failedIps('proxied-');
    expect(ips.sort()).toEqual(Array.from({ length: 40 }, (_, i) => `198.51.100.${i + 1}`).sort());
  });

  it('SABT_TRUSTED_PROXIES takes addresses and CIDR ranges, v4 and v6, and refuses anything else', () => {
    const base = { SABT_DATA_DIR: 'memory://' };
    expect(loadConfig(base).trustedProxies).toEqual([]);
    expect(
      loadConfig({ ...base, SABT_TRUSTED_PROXIES: ' 10.0.0.5, 192.168.1.0/24,fd00::/8 ,::1' }).trustedProxies,
    ).toEqual(['10.0.0.5', '192.168.1.0/24', 'fd00::/8', '::1']);
    for (const bad of ['*', 'proxy.local', '10.0.0.0/33', '10.0.0.1/8/2', '300.1.1.1', 'true'])
      expect(() => loadConfig({ ...base, SABT_TRUSTED_PROXIES: bad }), bad).toThrow(/SABT_TRUSTED_PROXIES/);
  });
});

describe('a signed-in write from another site is refused', () => {
  const countRecords = async () =>
    Number(
      (
        await t.dbx.db
          .selectFrom('records')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const draft = () => ({ kind: 'BIRTH', data: birthData() });

  it('Origin of another site: 403 problem+json in the user’s language, nothing created', async () => {
    const before = await countRecords();
    const res = await front.post('/api/v1/records', draft(), {
      origin: 'https://evil.example',
      'accept-language': 'ru',
    });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ key: 'problem.crossSite', status: 403 });
    expect(res.body.title).toBe(
      'Запрос пришёл с другого сайта и отклонён. Выполните действие в самом Сабте.',
    );
    expect(await countRecords()).toBe(before);
  });

  it('Sec-Fetch-Site cross-site or same-site is refused, whatever Origin claims', async () => {
    const before = await countRecords();
    for (const site of ['cross-site', 'same-site']) {
      const res = await front.post('/api/v1/records', draft(), {
        'sec-fetch-site': site,
        origin: 'http://localhost:80',
      });
      expect({ site, status: res.status }).toEqual({ site, status: 403 });
    }
    expect(await countRecords()).toBe(before);
  });

  it('a body-less POST (sign out) from another site does nothing: the session lives on', async () => {
    const me = await t.as('back');
    const out = await me.post('/api/v1/auth/logout', undefined, { origin: 'https://evil.example' });
    expect(out.status).toBe(403);
    expect((await me.get('/api/v1/me')).status).toBe(200);
    expect((await me.post('/api/v1/auth/logout', undefined, { origin: 'null' })).status).toBe(403);
    expect((await me.get('/api/v1/me')).status).toBe(200);
  });

  it('Sabt’s own pages write: same origin, the configured public address, or a non-browser client', async () => {
    const asked: Record<string, string>[] = [
      { 'sec-fetch-site': 'same-origin', origin: 'http://sabt.example:8443' },
      { host: 'sabt.example:8443', origin: 'http://sabt.example:8443' },
      { host: 'sabt.example:8443', origin: 'https://sabt.example:8443' },
      { host: 'internal:9000', origin: t.config.publicUrl },
      {},
    ];
    for (const headers of asked) {
      const res = await front.post('/api/v1/records', draft(), headers);
      expect({ headers, status: res.status }).toEqual({ headers, status: 201 });
    }
  });

  it('a request without the session cookie acts for nobody and is left to its route', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'front', password: 'sabt-demo' },
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      remoteAddress: '203.0.113.50',
    });
    expect(res.statusCode).toBe(200);
  });

  it('reads are not writes: a GET from another site is answered as usual', async () => {
    expect((await front.get('/api/v1/me', { origin: 'https://evil.example' })).status).toBe(200);
  });
});

describe('production defaults', () => {
  it('every API answer to a signed-in user says Cache-Control: no-store; static assets keep caching', async () => {
    for (const url of ['/api/v1/me', '/api/v1/records', '/api/v1/offices', '/api/v1/no-such-thing']) {
      const res = await front.get(url);
      expect({ url, cache: res.headers['cache-control'] }).toEqual({ url, cache: 'no-store' });
    }
    const created = await front.post('/api/v1/records', { kind: 'BIRTH', data: birthData() });
    expect(created.headers['cache-control']).toBe('no-store');
    expect((await t.anonymous().get('/api/v1/me')).headers['cache-control']).toBe('no-store');
  });

  it('the apps and the API docs carry a Content-Security-Policy: own scripts only, no framing by others', async () => {
    for (const url of ['/', '/records/x', '/api/docs/', '/api/docs/static/index.html', '/api/v1/me']) {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self';");
      expect(csp, url).toContain("frame-ancestors 'self'");
      expect(csp, url).not.toContain('unsafe-eval');
    }
  });

  it('in production the session cookie is Secure by default, and the server refuses to start without what it needs', () => {
    const base = { SABT_DATA_DIR: 'memory://' };
    expect(loadConfig(base).secureCookies).toBe(false);
    const prod = { ...base, NODE_ENV: 'production', SABT_KEY_PASSPHRASE: 'a long secret phrase' };
    expect(loadConfig(prod).secureCookies).toBe(true);
    expect(productionProblems(loadConfig(prod), prod)).toEqual([]);
    const insecure = { ...prod, SABT_SECURE_COOKIES: 'false' };
    expect(productionProblems(loadConfig(insecure), insecure)).toEqual([
      expect.stringMatching(/SABT_SECURE_COOKIES/),
    ]);
    const noKey = { ...base, NODE_ENV: 'production' };
    expect(productionProblems(loadConfig(noKey), noKey)).toEqual([
      expect.stringMatching(/SABT_KEY_PASSPHRASE/),
    ]);
    // a demo, or a laptop without NODE_ENV=production, starts as before
    expect(productionProblems(loadConfig({ ...insecure, SABT_DEMO: 'true' }), insecure)).toEqual([]);
    expect(productionProblems(loadConfig(base), base)).toEqual([]);
  });

  it('a production server’s sign-in sets a Secure cookie', async () => {
    const t2 = await startTestApp({ NODE_ENV: 'production', SABT_KEY_PASSPHRASE: 'a long secret phrase' });
    try {
      const res = await t2.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: 'front', password: 'sabt-demo' },
      });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    } finally {
      await t2.close();
    }
  });
});
