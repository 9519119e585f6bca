import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequenceAudit } from '../../audit/sequencer.ts';
import { createUser } from '../../auth/users.ts';
import { type Response, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Response['body'];
  cookie: string | undefined;
  setCookie: string | undefined;
}

async function login(
  loginName: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login: loginName, password },
    headers,
  });
  const raw = res.headers['set-cookie'];
  const setCookie = Array.isArray(raw) ? raw[0] : raw;
  return {
    status: res.statusCode,
    headers: res.headers,
    body: res.body ? JSON.parse(res.body) : undefined,
    setCookie,
    cookie: setCookie?.split(';')[0],
  };
}

async function call(
  method: 'GET' | 'POST',
  url: string,
  cookie: string | undefined,
  headers: Record<string, string> = {},
) {
  const res = await t.app.inject({ method, url, headers: { ...(cookie ? { cookie } : {}), ...headers } });
  return { status: res.statusCode, headers: res.headers, body: res.body ? JSON.parse(res.body) : undefined };
}

const tokenHash = (cookie: string) =>
  createHash('sha256')
    .update(decodeURIComponent(cookie.split('=')[1]!))
    .digest('hex');

let n = 0;
/** A fresh user of the demo office, so throttling does not touch the demo users. */
async function freshUser(role: 'front_office' | 'registrar' = 'front_office'): Promise<string> {
  n += 1;
  const name = `auth-user-${n}`;
  await createUser(
    t.dbx.db,
    {
      login: name,
      password: 'sabt-demo',
      fullName: `Корбар ${n}`,
      role,
      officeId: 'DU-03-00',
    },
    { demoPassword: true },
  );
  return name;
}

async function auditOf(loginName: string) {
  await sequenceAudit(t.dbx.db);
  return t.dbx.db
    .selectFrom('audit_log')
    .select(['seq', 'event', 'actor_login', 'actor_id', 'office_id', 'detail'])
    .where('actor_login', '=', loginName)
    .where('event', 'like', 'auth.%')
    .orderBy('seq')
    .execute();
}

describe('signing in', () => {
  it('sets an HttpOnly, SameSite session cookie and returns the user', async () => {
    const res = await login('front', 'sabt-demo');
    expect(res.status).toBe(200);
    expect(res.setCookie).toBeDefined();
    const attrs = res.setCookie!.split(';').map((a) => a.trim().toLowerCase());
    expect(res.cookie).toMatch(/^sabt_session=.{20,}$/);
    expect(attrs).toContain('httponly');
    expect(attrs.some((a) => /^samesite=(lax|strict)$/.test(a))).toBe(true);
    expect(attrs).toContain('path=/');
    expect(attrs.some((a) => a.startsWith('max-age=') && Number(a.slice(8)) > 0)).toBe(true);
    expect(res.body).toMatchObject({ login: 'front', role: 'front_office', office: { id: 'DU-03-00' } });
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash/i);
  });

  it('GET /me returns the name, role and office of the signed-in user', async () => {
    const { cookie } = await login('registrar', 'sabt-demo');
    const me = await call('GET', '/api/v1/me', cookie);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      login: 'registrar',
      name: 'Шералӣ Қодиров',
      role: 'registrar',
      roleLabel: { tg: 'Бақайдгиранда', ru: 'Регистратор', en: 'Registrar' },
      office: { id: 'DU-03-00', kind: 'district' },
    });
    expect(me.body.office.name.tg).toContain('Фирдавсӣ');
    expect(me.body.office.name.ru).toContain('Фирдавси');
    expect(me.body.office.name.en).toContain('Firdavsi');
    const jamoat = await call('GET', '/api/v1/me', (await login('jamoat', 'sabt-demo')).cookie);
    expect(jamoat.body.office).toMatchObject({ id: 'RA-13-01', kind: 'jamoat' });
  });

  it('GET /auth/session answers 200 whether or not someone is signed in, naming the user when so', async () => {
    const nobody = await call('GET', '/api/v1/auth/session', undefined);
    expect(nobody.status).toBe(200);
    expect(nobody.body).toEqual({ user: null });
    const stale = await call('GET', '/api/v1/auth/session', 'sabt_session=not-a-session');
    expect(stale).toMatchObject({ status: 200, body: { user: null } });
    const { cookie } = await login('registrar', 'sabt-demo');
    const signedIn = await call('GET', '/api/v1/auth/session', cookie);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toEqual((await call('GET', '/api/v1/me', cookie)).body);
  });

  it('accepts the login in any letter case and with surrounding spaces', async () => {
    const res = await login('  Back ', 'sabt-demo');
    expect(res.status).toBe(200);
    expect(res.body.login).toBe('back');
  });

  it('gives each sign-in its own session', async () => {
    const a = await login('back', 'sabt-demo');
    const b = await login('back', 'sabt-demo');
    expect(a.cookie).not.toBe(b.cookie);
    expect((await call('GET', '/api/v1/me', a.cookie)).status).toBe(200);
    expect((await call('GET', '/api/v1/me', b.cookie)).status).toBe(200);
  });

  it('refuses a malformed login request with a 400 problem', async () => {
    for (const payload of [
      {},
      { login: 'front' },
      { login: '', password: 'x' },
      { login: 'front', password: 'sabt-demo', role: 'central_admin' },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });
});

describe('wrong credentials', () => {
  it('a wrong password is a 401 with a generic message and no cookie', async () => {
    const res = await login('front', 'wrong-password', { 'accept-language': 'en' });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.key).toBe('problem.badCredentials');
    expect(res.body.title).toBe('Wrong login or password.');
    expect(res.setCookie).toBeUndefined();
  });

  it('an unknown login gets exactly the same answer as a wrong password', async () => {
    for (const lang of ['tg', 'ru', 'en']) {
      const wrongPassword = await login('back', 'not-the-password', { 'accept-language': lang });
      const unknown = await login('no-such-user', 'not-the-password', { 'accept-language': lang });
      expect(unknown.status).toBe(401);
      expect(unknown.body).toEqual(wrongPassword.body);
      expect(unknown.headers['content-type']).toBe(wrongPassword.headers['content-type']);
      expect(unknown.setCookie).toBeUndefined();
    }
  });

  it('a deactivated user cannot sign in, and their open sessions end', async () => {
    const name = await freshUser();
    const { cookie } = await login(name, 'sabt-demo');
    expect((await call('GET', '/api/v1/me', cookie)).status).toBe(200);
    await t.dbx.db.updateTable('users').set({ active: false }).where('login', '=', name).execute();
    const res = await login(name, 'sabt-demo');
    expect(res.status).toBe(401);
    expect(res.body.key).toBe('problem.badCredentials');
    expect((await call('GET', '/api/v1/me', cookie)).status).toBe(401);
  });

  it('a login with a NUL character is refused as invalid characters, not a 500', async () => {
    const res = await login('front\u0000', 'sabt-demo');
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'login', key: 'error.invalidCharacters' });
  });
});

describe('throttling wrong sign-ins', () => {
  /** Ends every wait now running, as if its time had passed. */
  const waitsPass = () =>
    t.dbx.db
      .updateTable('login_throttle')
      .set({ blocked_until: new Date(Date.now() - 1000) })
      .where('blocked_until', 'is not', null)
      .execute();

  it('after the threshold each further attempt waits (429, Retry-After), the right password too; then it works', async () => {
    const { perLogin } = t.config.loginThrottle;
    expect(perLogin).toBe(5);
    const name = await freshUser();
    for (let i = 1; i <= perLogin; i++) {
      const res = await login(name, `wrong-${i}`);
      expect({ attempt: i, status: res.status }).toEqual({ attempt: i, status: 401 });
    }
    const waiting = await login(name, 'sabt-demo', { 'accept-language': 'en' });
    expect(waiting.status).toBe(429);
    expect(waiting.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(['29', '30']).toContain(waiting.headers['retry-after']);
    expect(waiting.body).toMatchObject({ key: 'problem.loginThrottled', status: 429 });
    expect(waiting.body.title).toMatch(/Try again in 1 minutes/);
    expect(waiting.setCookie).toBeUndefined();

    await waitsPass();
    expect((await login(name, 'sabt-demo')).status).toBe(200);
    // the sign-in cleared the count: one wrong password is only a wrong password again
    expect((await login(name, 'wrong')).status).toBe(401);
    expect((await login(name, 'sabt-demo')).status).toBe(200);
  });

  it('the wait doubles with each further wrong password, up to the maximum', async () => {
    const name = await freshUser();
    for (let i = 0; i < t.config.loginThrottle.perLogin; i++) await login(name, 'wrong');
    const waits: unknown[] = [];
    for (let i = 0; i < 7; i++) {
      // whole 30 s steps: a second may pass between the wait set and the answer that tells it
      waits.push(Math.ceil(Number((await login(name, 'wrong')).headers['retry-after']) / 30) * 30);
      await waitsPass();
      expect((await login(name, 'wrong')).status).toBe(401);
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900]);
  });

  it('attempts while waiting are not checked nor counted: the real user waits at most the maximum', async () => {
    const name = await freshUser();
    for (let i = 0; i < t.config.loginThrottle.perLogin; i++) await login(name, 'wrong');
    for (let i = 0; i < 20; i++) expect((await login(name, 'wrong')).status).toBe(429);
    const row = await t.dbx.db
      .selectFrom('login_throttle')
      .selectAll()
      .where('key', '=', `login:${name}`)
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(t.config.loginThrottle.perLogin);
    await waitsPass();
    expect((await login(name, 'sabt-demo')).status).toBe(200);
  });

  it('an unknown login and an existing one get the same answers at every step, in every language', async () => {
    for (const lang of ['tg', 'ru', 'en']) {
      const known = await freshUser();
      const unknown = `nobody-${lang}-${n}`;
      for (let i = 1; i <= t.config.loginThrottle.perLogin + 2; i++) {
        const a = await login(known, 'wrong', { 'accept-language': lang });
        const b = await login(unknown, 'wrong', { 'accept-language': lang });
        expect({ lang, i, status: b.status }).toEqual({ lang, i, status: a.status });
        expect(b.body).toEqual(a.body);
        // the same wait, but for the moment between the two attempts
        expect(
          Math.abs(Number(b.headers['retry-after'] ?? 0) - Number(a.headers['retry-after'] ?? 0)),
        ).toBeLessThanOrEqual(1);
      }
      expect((await login(known, 'sabt-demo')).status).toBe(429);
      await waitsPass();
      expect((await login(known, 'sabt-demo')).status).toBe(200);
    }
  });

  it('the wait of one login does not touch another', async () => {
    const waiting = await freshUser();
    const other = await freshUser();
    for (let i = 0; i < t.config.loginThrottle.perLogin; i++) await login(waiting, 'wrong');
    expect((await login(waiting, 'sabt-demo')).status).toBe(429);
    expect((await login(other, 'sabt-demo')).status).toBe(200);
  });

  it('throttles an address trying many logins, not the others (SABT_LOGIN_THROTTLE_PER_ADDRESS)', async () => {
    const t2 = await startTestApp({ SABT_LOGIN_THROTTLE_PER_ADDRESS: '3' });
    try {
      const send = (who: string, password: string, remoteAddress: string) =>
        t2.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { login: who, password },
          remoteAddress,
        });
      for (const who of ['front', 'back', 'someone'])
        expect((await send(who, 'wrong', '203.0.113.7')).statusCode).toBe(401);
      const refused = await send('registrar', 'sabt-demo', '203.0.113.7');
      expect(refused.statusCode).toBe(429);
      expect(['29', '30']).toContain(refused.headers['retry-after']);
      expect((await send('registrar', 'sabt-demo', '198.51.100.2')).statusCode).toBe(200);
    } finally {
      await t2.close();
    }
  });

  it('honours SABT_LOGIN_THROTTLE_PER_LOGIN and SABT_LOGIN_THROTTLE_MAX_MINUTES', async () => {
    const t2 = await startTestApp({
      SABT_LOGIN_THROTTLE_PER_LOGIN: '2',
      SABT_LOGIN_THROTTLE_MAX_MINUTES: '1',
    });
    try {
      const send = (password: string) =>
        t2.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { login: 'front', password },
          headers: { 'accept-language': 'en' },
        });
      expect((await send('wrong')).statusCode).toBe(401);
      expect((await send('wrong')).statusCode).toBe(401);
      const res = await send('sabt-demo');
      expect(res.statusCode).toBe(429);
      expect(['29', '30']).toContain(res.headers['retry-after']);
      const waits = [];
      for (let i = 0; i < 3; i++) {
        await t2.dbx.db
          .updateTable('login_throttle')
          .set({ blocked_until: new Date(Date.now() - 1000) })
          .execute();
        expect((await send('wrong')).statusCode).toBe(401);
        waits.push(Math.ceil(Number((await send('wrong')).headers['retry-after']) / 30) * 30);
      }
      expect(waits).toEqual([60, 60, 60]);
    } finally {
      await t2.close();
    }
  });

  it('one maximum password length: 128 characters are checked, 129 are refused before any check', async () => {
    const name = await freshUser();
    expect((await login(name, 'x'.repeat(128))).status).toBe(401);
    const long = await login(name, 'x'.repeat(129), { 'accept-language': 'en' });
    expect(long.status).toBe(400);
    expect(long.body.errors[0]).toMatchObject({
      path: 'password',
      key: 'error.tooLong',
      params: { max: 128 },
    });
  });
});

describe('sessions', () => {
  it('logout ends the session: the cookie is cleared and /me is then a 401', async () => {
    const { cookie } = await login('back', 'sabt-demo');
    expect((await call('GET', '/api/v1/me', cookie)).status).toBe(200);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: cookie! },
    });
    expect(out.statusCode).toBe(204);
    const cleared = String(out.headers['set-cookie']);
    expect(cleared).toMatch(/^sabt_session=;/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
    const me = await call('GET', '/api/v1/me', cookie, { 'accept-language': 'en' });
    expect(me.status).toBe(401);
    expect(me.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(me.body.key).toBe('problem.unauthenticated');
    const row = await t.dbx.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('token_hash', '=', tokenHash(cookie!))
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('logout of one session leaves the user’s other sessions alone', async () => {
    const a = await login('head', 'sabt-demo');
    const b = await login('head', 'sabt-demo');
    expect((await call('POST', '/api/v1/auth/logout', a.cookie)).status).toBe(204);
    expect((await call('GET', '/api/v1/me', a.cookie)).status).toBe(401);
    expect((await call('GET', '/api/v1/me', b.cookie)).status).toBe(200);
  });

  it('an idle session expires', async () => {
    const { cookie } = await login('archivist', 'sabt-demo');
    const hash = tokenHash(cookie!);
    const idle = t.config.sessionIdleMinutes;
    await t.dbx.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - (idle + 1) * 60_000) })
      .where('token_hash', '=', hash)
      .execute();
    const me = await call('GET', '/api/v1/me', cookie);
    expect(me.status).toBe(401);
    expect(me.body.key).toBe('problem.unauthenticated');
    expect(
      await t.dbx.db
        .selectFrom('sessions')
        .select('token_hash')
        .where('token_hash', '=', hash)
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('an active session is kept alive: use within the idle time moves last_seen_at forward', async () => {
    const { cookie } = await login('verifier', 'sabt-demo');
    const hash = tokenHash(cookie!);
    const earlier = new Date(Date.now() - (t.config.sessionIdleMinutes - 5) * 60_000);
    await t.dbx.db
      .updateTable('sessions')
      .set({ last_seen_at: earlier })
      .where('token_hash', '=', hash)
      .execute();
    expect((await call('GET', '/api/v1/me', cookie)).status).toBe(200);
    const row = await t.dbx.db
      .selectFrom('sessions')
      .select('last_seen_at')
      .where('token_hash', '=', hash)
      .executeTakeFirstOrThrow();
    expect(new Date(row.last_seen_at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('a session past its maximum lifetime expires even while in use', async () => {
    const { cookie } = await login('auditor', 'sabt-demo');
    const hash = tokenHash(cookie!);
    await t.dbx.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', hash)
      .execute();
    expect((await call('GET', '/api/v1/me', cookie)).status).toBe(401);
  });

  it('SABT_SESSION_IDLE_MINUTES=0 ends a session as soon as it is idle at all', async () => {
    const t2 = await startTestApp({ SABT_SESSION_IDLE_MINUTES: '0' });
    try {
      const res = await t2.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: 'front', password: 'sabt-demo' },
      });
      expect(res.statusCode).toBe(200);
      const raw = res.headers['set-cookie'];
      const cookie = (Array.isArray(raw) ? raw[0]! : raw!).split(';')[0]!;
      await new Promise((r) => setTimeout(r, 20));
      const me = await t2.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
      expect(me.statusCode).toBe(401);
    } finally {
      await t2.close();
    }
  });

  it('a made-up or oversized session token is a 401', async () => {
    expect((await call('GET', '/api/v1/me', 'sabt_session=abc')).status).toBe(401);
    expect((await call('GET', '/api/v1/me', `sabt_session=${'a'.repeat(5000)}`)).status).toBe(401);
    expect((await call('GET', '/api/v1/me', undefined)).status).toBe(401);
  });
});

describe('the audit trail of sign-ins', () => {
  it('records every attempt: success, wrong password, unknown login, the wait and attempts while waiting', async () => {
    const name = await freshUser();
    const userId = (
      await t.dbx.db.selectFrom('users').select('id').where('login', '=', name).executeTakeFirstOrThrow()
    ).id;

    expect((await login(name, 'sabt-demo')).status).toBe(200);
    expect((await login(name, 'wrong')).status).toBe(401);
    let entries = await auditOf(name);
    expect(entries.map((e) => e.event)).toEqual(['auth.login', 'auth.login-failed']);
    expect(entries[0]).toMatchObject({ actor_id: userId, office_id: 'DU-03-00' });
    expect(entries[1]!.detail).toMatchObject({ reason: 'wrong-password' });
    expect((entries[1]!.detail as { ip?: string }).ip).toBeTruthy();

    const ghost = `ghost-${n}`;
    expect((await login(ghost, 'whatever')).status).toBe(401);
    const ghostEntries = await auditOf(ghost);
    expect(ghostEntries.map((e) => e.event)).toEqual(['auth.login-failed']);
    expect(ghostEntries[0]!.detail).toMatchObject({ reason: 'unknown-login' });
    expect(ghostEntries[0]!.actor_id).toBeNull();

    const { perLogin } = t.config.loginThrottle;
    for (let i = 1; i < perLogin; i++) await login(name, 'wrong');
    expect((await login(name, 'sabt-demo')).status).toBe(429);
    expect((await login(name, 'wrong')).status).toBe(429);
    entries = await auditOf(name);
    expect(entries.map((e) => e.event)).toEqual([
      'auth.login',
      ...Array.from({ length: perLogin }, () => 'auth.login-failed'),
      'auth.login-refused',
      'auth.login-refused',
    ]);
    expect(entries.at(-3)!.detail).toMatchObject({ reason: 'wrong-password', waitSeconds: 30 });
    expect(entries.at(-1)!.detail).toMatchObject({ reason: 'throttled' });
  });

  it('records logins of all users, chained in one gapless sequence', async () => {
    await sequenceAudit(t.dbx.db);
    const head = await t.dbx.db.selectFrom('audit_head').select(['seq']).executeTakeFirstOrThrow();
    await login('statistician', 'sabt-demo');
    await login('statistician', 'nope');
    await sequenceAudit(t.dbx.db);
    const rows = await t.dbx.db
      .selectFrom('audit_log')
      .select(['seq', 'event', 'actor_login'])
      .where('seq', '>', head.seq)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [r.event, r.actor_login])).toEqual([
      ['auth.login', 'statistician'],
      ['auth.login-failed', 'statistician'],
    ]);
    expect(rows.map((r) => Number(r.seq))).toEqual([Number(head.seq) + 1, Number(head.seq) + 2]);
  });
});
