import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequenceAudit } from '../../audit/sequencer.ts';
import { isTwoFactorRequired } from '../../auth/two-factor.ts';
import { createUser } from '../../auth/users.ts';
import { loadConfig } from '../../config.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';

/**
 * Two-factor sign-in through the API, on the server's own tolerance of one 30-second step either
 * way (SABT_2FA_TOLERANCE_SECONDS' default): enrolment, the code step, replays, recovery codes,
 * the roles that must use it and the administrators' reset.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ SABT_2FA_TOLERANCE_SECONDS: '30', SABT_LOGIN_THROTTLE_PER_LOGIN: '4' });
});
afterAll(() => t.close());

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON as it comes
type Json = any;
interface Answer {
  status: number;
  body: Json;
  cookie: string | undefined;
}

async function send(
  method: 'GET' | 'POST',
  url: string,
  cookie?: string,
  payload?: unknown,
  lang = 'tg',
): Promise<Answer> {
  const res = await t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { 'accept-language': lang, ...(cookie ? { cookie } : {}) },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  const set = [res.headers['set-cookie']].flat()[0];
  return {
    status: res.statusCode,
    body: res.body ? JSON.parse(res.body) : undefined,
    cookie: set?.split(';')[0],
  };
}

const step = (offset = 0) => Math.floor(Date.now() / 30_000) + offset;
const codeAt = (secret: string, s: number) => generate({ secret, epoch: s * 30 });

let n = 0;
async function freshUser(
  role: 'registrar' | 'front_office' | 'head_of_office' = 'registrar',
  officeId = 'DU-03-00',
) {
  n += 1;
  const login = `tf-user-${n}`;
  await createUser(
    t.dbx.db,
    { login, password: 'sabt-demo', fullName: `Корбар ${n}`, role, officeId },
    { demoPassword: true },
  );
  return login;
}

/** A user enrolled through the API; their secret, recovery codes and the step their first code took. */
async function enrolled(role: 'registrar' | 'front_office' = 'registrar') {
  const login = await freshUser(role);
  const { cookie } = await send('POST', '/auth/login', undefined, { login, password: 'sabt-demo' });
  const { body } = await send('POST', '/me/two-factor/enrolment', cookie);
  const confirmed = await send('POST', '/me/two-factor/enrolment/confirm', cookie, {
    code: await codeAt(body.secret, step(-1)),
  });
  expect(confirmed.status).toBe(200);
  return { login, secret: body.secret as string, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

const password = (login: string) => send('POST', '/auth/login', undefined, { login, password: 'sabt-demo' });
const withCode = (challenge: string, code: string, lang = 'tg') =>
  send('POST', '/auth/login/code', undefined, { challenge, code }, lang);

async function auditOf(login: string, prefix: string) {
  await sequenceAudit(t.dbx.db);
  const rows = await t.dbx.db
    .selectFrom('audit_log')
    .select(['event', 'actor_login', 'detail'])
    .where('event', 'like', `${prefix}%`)
    .orderBy('seq')
    .execute();
  // a user.* entry names the user it is about in its detail; the others are the user's own
  return rows.filter((r) =>
    prefix.startsWith('user.')
      ? (r.detail as { login?: string } | null)?.login === login
      : r.actor_login === login,
  );
}

describe('enrolment', () => {
  it('keeps a registrar on enrolment until set up: QR code and secret, a first code, then the recovery codes once', async () => {
    const login = await freshUser('registrar');
    const signedIn = await password(login);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ login, twoFactorEnrolmentRequired: true });
    const cookie = signedIn.cookie!;

    const blocked = await send('GET', '/records?limit=5', cookie);
    expect(blocked.status).toBe(403);
    expect(blocked.body.title).toBe('Аввал воридшавии дуқадамаро танзим кунед.');
    expect((await send('GET', '/me/two-factor', cookie)).body).toEqual({
      enrolled: false,
      required: true,
      enrolledAt: null,
      recoveryCodesLeft: 0,
    });

    const begun = await send('POST', '/me/two-factor/enrolment', cookie);
    expect(begun.status).toBe(200);
    expect(begun.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(begun.body.uri).toBe(`otpauth://totp/Sabt:${login}?secret=${begun.body.secret}&issuer=Sabt`);
    expect(begun.body.qrSvg).toMatch(/^<svg/);
    // a reload of the screen shows the same secret
    expect((await send('POST', '/me/two-factor/enrolment', cookie)).body.secret).toBe(begun.body.secret);

    const wrong = await send('POST', '/me/two-factor/enrolment/confirm', cookie, { code: '000000' }, 'en');
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]).toMatchObject({
      path: 'code',
      message: expect.stringMatching(/wrong or has already been used/),
    });

    const confirmed = await send('POST', '/me/two-factor/enrolment/confirm', cookie, {
      code: await codeAt(begun.body.secret, step()),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    for (const c of confirmed.body.recoveryCodes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    // the same session now reaches the workspace; the secret is never shown again
    expect((await send('GET', '/records?limit=5', cookie)).status).toBe(200);
    expect((await send('GET', '/me/two-factor', cookie)).body).toMatchObject({
      enrolled: true,
      recoveryCodesLeft: 10,
    });
    const again = await send('POST', '/me/two-factor/enrolment', cookie, undefined, 'ru');
    expect(again.status).toBe(409);
    expect(again.body.title).toBe('Двухфакторный вход уже настроен.');

    // at rest: the secret sealed, the recovery codes as hashes
    const row = await t.dbx.db
      .withTables<{ user_two_factor: { user_id: string; secret_box: Buffer } }>()
      .selectFrom('user_two_factor')
      .select('secret_box')
      .where('user_id', '=', signedIn.body.id)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(row.secret_box).toString('latin1')).not.toContain(begun.body.secret);
    const hashes = await t.dbx.db
      .withTables<{ two_factor_recovery_codes: { user_id: string; code_hash: string } }>()
      .selectFrom('two_factor_recovery_codes')
      .select('code_hash')
      .where('user_id', '=', signedIn.body.id)
      .execute();
    expect(hashes).toHaveLength(10);
    for (const h of hashes) expect(confirmed.body.recoveryCodes).not.toContain(h.code_hash);

    expect((await auditOf(login, 'user.two-factor')).map((e) => e.event)).toEqual([
      'user.two-factor-enrolment-started',
      'user.two-factor-enrolled',
    ]);
  });

  it('lets a role that does not require it work without, and enrol from the account screen if they choose', async () => {
    const login = await freshUser('front_office');
    const signedIn = await password(login);
    expect(signedIn.body.twoFactorEnrolmentRequired).toBe(false);
    expect((await send('GET', '/records?limit=5', signedIn.cookie)).status).toBe(200);
    expect((await send('GET', '/me/two-factor', signedIn.cookie)).body).toMatchObject({
      enrolled: false,
      required: false,
    });
    const begun = await send('POST', '/me/two-factor/enrolment', signedIn.cookie);
    await send('POST', '/me/two-factor/enrolment/confirm', signedIn.cookie, {
      code: await codeAt(begun.body.secret, step()),
    });
    const next = await password(login);
    expect(next.body.challenge).toBeDefined();
  });

  it('follows SABT_2FA_ROLES: the roles that must use it, none, or a refusal of an unknown role', () => {
    expect(t.config.twoFactor.requiredRoles).toEqual([
      'registrar',
      'head_of_office',
      'central_admin',
      'auditor',
    ]);
    const only = loadConfig({ SABT_2FA_ROLES: 'auditor, statistician' });
    expect(isTwoFactorRequired(only, 'auditor')).toBe(true);
    expect(isTwoFactorRequired(only, 'statistician')).toBe(true);
    expect(isTwoFactorRequired(only, 'registrar')).toBe(false);
    expect(loadConfig({ SABT_2FA_ROLES: 'none' }).twoFactor.requiredRoles).toEqual([]);
    expect(() => loadConfig({ SABT_2FA_ROLES: 'registrar,clerk' })).toThrow(/unknown role "clerk"/);
    expect(() => loadConfig({ SABT_2FA_TOLERANCE_SECONDS: '3000' })).toThrow(/at most 1440/);
  });
});

describe('signing in with the code', () => {
  it('asks for the code after the password: no session without it, a session with it', async () => {
    const { login, secret } = await enrolled();
    const first = await password(login);
    expect(first.status).toBe(200);
    expect(first.cookie).toBeUndefined();
    expect(first.body).toEqual({ challenge: expect.any(String), expiresAt: expect.any(String) });
    expect((await send('GET', '/auth/session')).body).toEqual({ user: null });

    const done = await withCode(first.body.challenge, await codeAt(secret, step()));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ login, twoFactorEnrolmentRequired: false });
    expect(done.cookie).toMatch(/^sabt_session=/);
    expect((await send('GET', '/records?limit=5', done.cookie)).status).toBe(200);
    // the challenge is used once
    expect((await withCode(first.body.challenge, await codeAt(secret, step(1)))).status).toBe(401);

    const events = (await auditOf(login, 'auth.')).map((e) => [e.event, (e.detail as Json).secondFactor]);
    expect(events.slice(-2)).toEqual([
      ['auth.password-accepted', undefined],
      ['auth.login', 'totp'],
    ]);
  });

  it('refuses a wrong code (audited), then a code already used (replay), in the asked language', async () => {
    const { login, secret } = await enrolled();
    const { body } = await password(login);
    const wrong = await withCode(body.challenge, '123456', 'en');
    expect(wrong.status).toBe(401);
    expect(wrong.body.title).toBe('The code is wrong or has already been used.');
    expect(wrong.cookie).toBeUndefined();

    const code = await codeAt(secret, step());
    expect((await withCode(body.challenge, code)).status).toBe(200);
    const replay = await withCode((await password(login)).body.challenge, code, 'ru');
    expect(replay.status).toBe(401);
    expect(replay.body.title).toBe('Код неверен или уже использован.');
    // nor an earlier step's code once a later one was taken
    const earlier = await withCode((await password(login)).body.challenge, await codeAt(secret, step(-1)));
    expect(earlier.status).toBe(401);

    const failed = (await auditOf(login, 'auth.login-failed')).map((e) => (e.detail as Json).reason);
    expect(failed).toEqual(['wrong-code', 'wrong-code', 'wrong-code']);
  });

  it('ends a challenge after five wrong codes, and counts wrong codes as wrong sign-ins (throttled)', async () => {
    const { login, secret } = await enrolled();
    const { body } = await password(login);
    const answers: number[] = [];
    for (let i = 0; i < 4; i++) answers.push((await withCode(body.challenge, `00000${i}`)).status);
    expect(answers).toEqual([401, 401, 401, 401]);
    // SABT_LOGIN_THROTTLE_PER_LOGIN=4: the login now waits, the right code too
    const waiting = await withCode(body.challenge, await codeAt(secret, step()));
    expect(waiting.status).toBe(429);
    await t.dbx.db.deleteFrom('login_throttle').execute();
    expect((await withCode(body.challenge, '000009', 'en')).body.title).toBe(
      'Too many wrong codes. Sign in again with your password.',
    );
    const over = await withCode(body.challenge, await codeAt(secret, step()), 'en');
    expect(over.status).toBe(401);
    expect(over.body.title).toBe('The sign-in has expired. Sign in again with your password.');
    await t.dbx.db.deleteFrom('login_throttle').execute();
  });

  it('takes a recovery code once, whatever its case and dashes; new codes (with a current code) replace the old', async () => {
    const { login, secret, recoveryCodes } = await enrolled();
    const [first, second] = recoveryCodes as [string, string];
    const used = await withCode(
      (await password(login)).body.challenge,
      first.toUpperCase().replace('-', ' '),
    );
    expect(used.status).toBe(200);
    expect((await send('GET', '/me/two-factor', used.cookie)).body.recoveryCodesLeft).toBe(9);
    expect((await withCode((await password(login)).body.challenge, first)).status).toBe(401);
    const last = (await auditOf(login, 'auth.login')).filter((e) => e.event === 'auth.login').at(-1);
    expect(last?.detail).toMatchObject({ secondFactor: 'recovery-code', recoveryCodesLeft: 9 });

    const refused = await send('POST', '/me/two-factor/recovery-codes', used.cookie, { code: '000000' });
    expect(refused.status).toBe(422);
    const renewed = await send('POST', '/me/two-factor/recovery-codes', used.cookie, {
      code: await codeAt(secret, step()),
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    expect((await withCode((await password(login)).body.challenge, second)).status).toBe(401);
    expect(
      (await withCode((await password(login)).body.challenge, renewed.body.recoveryCodes[0])).status,
    ).toBe(200);
    expect((await auditOf(login, 'user.recovery-codes')).map((e) => e.event)).toEqual([
      'user.recovery-codes-regenerated',
    ]);
  });
});

describe("an administrator's reset of a lost device", () => {
  it('lets the head of the office reset a registrar: sessions end, enrolment is asked again at sign-in; audited', async () => {
    const { login, secret } = await enrolled();
    const session = await withCode((await password(login)).body.challenge, await codeAt(secret, step()));
    const id = session.body.id;
    const head = await t.as('head');
    const detail = await head.get(`/api/v1/admin/users/${id}`);
    expect(detail.body).toMatchObject({ twoFactorEnrolled: true });
    expect(detail.body.allowed).toContain('reset-two-factor');

    const reset = await head.post(`/api/v1/admin/users/${id}/reset-two-factor`, undefined, {
      'idempotency-key': `reset-${id}`,
    });
    expect(reset.status).toBe(200);
    expect(reset.body.twoFactorEnrolled).toBe(false);
    expect((await send('GET', '/auth/session', session.cookie)).body).toEqual({ user: null });

    const again = await password(login);
    expect(again.body).toMatchObject({ login, twoFactorEnrolmentRequired: true });
    expect((await send('GET', '/records?limit=5', again.cookie)).status).toBe(403);

    const entries = await auditOf(login, 'user.two-factor-reset');
    expect(entries).toEqual([
      {
        event: 'user.two-factor-reset',
        actor_login: 'head',
        detail: expect.objectContaining({ userId: id, sessionsEnded: 2 }),
      },
    ]);
  });

  it('refuses the head of another district, a head over another head, anyone on their own account, and staff', async () => {
    const { login } = await enrolled();
    const id = (
      await t.dbx.db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow()
    ).id;
    const key = () => ({ 'idempotency-key': crypto.randomUUID() });

    const rudaki = await t.as('rudaki');
    expect((await rudaki.post(`/api/v1/admin/users/${id}/reset-two-factor`, undefined, key())).status).toBe(
      404,
    );

    const head = await t.as('head');
    const headId = (await head.get('/api/v1/me')).body.id;
    const own = await head.post(`/api/v1/admin/users/${headId}/reset-two-factor`, undefined, key());
    expect(own.status).toBe(403);
    const otherHead = await freshUser('head_of_office');
    await password(otherHead);
    const otherHeadId = (
      await t.dbx.db.selectFrom('users').select('id').where('login', '=', otherHead).executeTakeFirstOrThrow()
    ).id;
    expect(
      (await head.post(`/api/v1/admin/users/${otherHeadId}/reset-two-factor`, undefined, key())).status,
    ).toBe(403);

    const registrar = await t.as('registrar');
    expect(
      (await registrar.post(`/api/v1/admin/users/${id}/reset-two-factor`, undefined, key())).status,
    ).toBe(403);

    const admin = await t.as('admin');
    expect(
      (await admin.post(`/api/v1/admin/users/${headId}/reset-two-factor`, undefined, key())).status,
    ).toBe(200);
    expect((await auditOf('head', 'user.two-factor-reset')).map((e) => e.actor_login)).toEqual(['admin']);
    // nothing else was reset
    expect(await auditOf(login, 'user.two-factor-reset')).toEqual([]);
  });
});
