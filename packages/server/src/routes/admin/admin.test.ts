import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_JAMOAT_DISTRICT_ID, DEMO_JAMOAT_ID, DEMO_OFFICE_ID } from '../../demo/demo-data.ts';
import { birthData } from '../../test/fixtures.ts';
import { type Client, type Response, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let admin: Client;
let rudaki: Client;
let head: Client;

beforeAll(async () => {
  t = await startTestApp();
  [admin, rudaki, head] = await Promise.all([t.as('admin'), t.as('rudaki'), t.as('head')]);
});
afterAll(async () => {
  await t?.close();
});

const U = '/api/v1/admin/users';
const show = (res: Response) => JSON.stringify(res.body);

/**
 * Signs in with a password (and, for a user who set up two-factor sign-in, the code of the tests'
 * authenticator app); a client with the session, or the refusal.
 */
async function signIn(login: string, password: string) {
  let res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
  if (res.statusCode === 200 && res.json().challenge)
    res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login/code',
      payload: { challenge: res.json().challenge, code: await t.authenticator.code(login) },
    });
  const setCookie = res.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(';')[0];
  const send = async (method: 'GET' | 'POST', url: string, body?: unknown): Promise<Response> => {
    const r = await t.app.inject({
      method,
      url,
      ...(body !== undefined ? { payload: body as object } : {}),
      headers: cookie ? { cookie } : {},
    });
    return { status: r.statusCode, headers: r.headers, body: r.body ? JSON.parse(r.body) : undefined };
  };
  return {
    status: res.statusCode,
    get: (url: string) => send('GET', url),
    post: (url: string, body?: unknown) => send('POST', url, body ?? {}),
  };
}

/** Sets up two-factor sign-in as the user would, the secret going to the tests' authenticator app. */
async function enrol(user: Awaited<ReturnType<typeof signIn>>, login: string) {
  const begun = await user.post('/api/v1/me/two-factor/enrolment');
  expect(begun.status, show(begun)).toBe(200);
  t.authenticator.add(login, begun.body.secret);
  const confirmed = await user.post('/api/v1/me/two-factor/enrolment/confirm', {
    code: await t.authenticator.code(login),
  });
  expect(confirmed.status, show(confirmed)).toBe(200);
}

const idOf = async (login: string) =>
  (await t.dbx.db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id;

let seq = 0;
/** A new user made by `by` (a fresh login each time); its id and temporary password. */
async function newUser(by: Client, role: string, officeId: string) {
  const login = `user${++seq}`;
  const res = await by.post(U, { login, fullName: 'Корманди нав', role, officeId });
  expect(res.status, show(res)).toBe(201);
  return { id: res.body.user.id as string, login, password: res.body.temporaryPassword as string };
}

describe('administration permissions by role and jurisdiction', () => {
  it('lets the central administrator create a user anywhere, with any role', async () => {
    const u = await newUser(admin, 'central_admin', 'HQ-00-00');
    expect(u.password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const detail = await admin.get(`${U}/${u.id}`);
    expect(detail.body).toMatchObject({ role: 'central_admin', mustChangePassword: true, active: true });
  });

  it('lets the head of a district create a user in a jamoat below it and disable one there', async () => {
    const u = await newUser(rudaki, 'registrar', DEMO_JAMOAT_ID);
    expect((await rudaki.get(`${U}/${u.id}`)).body.office.id).toBe(DEMO_JAMOAT_ID);
    const list = await rudaki.get(`${U}?office=${DEMO_JAMOAT_ID}`);
    expect(list.body.items.map((x: { login: string }) => x.login)).toEqual(
      expect.arrayContaining(['jamoat', u.login]),
    );
    // every user listed is within the district
    const all = await rudaki.get(`${U}?limit=100`);
    expect(all.body.items.every((x: { office: { id: string } }) => x.office.id.startsWith('RA-13-'))).toBe(
      true,
    );

    const jamoat = await t.as('jamoat');
    expect((await jamoat.get('/api/v1/me')).status).toBe(200);
    const disabled = await rudaki.post(`${U}/${await idOf('jamoat')}/disable`);
    expect(disabled.status, show(disabled)).toBe(200);
    expect(disabled.body.active).toBe(false);
    // the disabled user's session stops at once, and no sign-in works
    expect((await jamoat.get('/api/v1/me')).status).toBe(401);
    await expect(t.as('jamoat')).rejects.toThrow(/401/);
    const enabled = await rudaki.post(`${U}/${await idOf('jamoat')}/enable`);
    expect(enabled.body.active).toBe(true);
    expect((await (await t.as('jamoat')).get('/api/v1/me')).status).toBe(200);
  });

  it('refuses the head of a district over another district', async () => {
    const elsewhere = await rudaki.post(U, {
      login: 'outsider',
      fullName: 'Корманди дигар',
      role: 'registrar',
      officeId: DEMO_OFFICE_ID,
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.key).toBe('problem.admin.outsideJurisdiction');
    const front = await idOf('front');
    for (const res of [
      await rudaki.get(`${U}/${front}`),
      await rudaki.post(`${U}/${front}/disable`),
      await rudaki.post(`${U}/${front}/reset-password`),
      await rudaki.post(`${U}/${front}/sessions/revoke`, {}),
    ]) {
      expect(res.status, show(res)).toBe(404);
    }
    expect((await t.as('front')).login).toBe('front');
  });

  it('refuses a role the head may not give, and a head over another head', async () => {
    const res = await rudaki.post(U, {
      login: 'promoted',
      fullName: 'Корманди нав',
      role: 'central_admin',
      officeId: DEMO_JAMOAT_ID,
    });
    expect(res.status).toBe(403);
    expect(res.body.key).toBe('problem.admin.roleNotGrantable');
    const u = await newUser(rudaki, 'registrar', DEMO_JAMOAT_ID);
    const up = await rudaki.patch(`${U}/${u.id}`, { role: 'head_of_office' });
    expect(up.status).toBe(403);
    // the head of the Firdavsi office is a head: the central administrator administers them, not a head
    const other = await admin.post(U, {
      login: 'head2',
      fullName: 'Роҳбари дуюм',
      role: 'head_of_office',
      officeId: DEMO_JAMOAT_DISTRICT_ID,
    });
    expect(other.status).toBe(201);
    expect((await rudaki.post(`${U}/${other.body.user.id}/disable`)).status).toBe(403);
  });

  it('refuses everyone on their own account', async () => {
    for (const [who, login] of [
      [rudaki, 'rudaki'],
      [admin, 'admin'],
    ] as const) {
      const me = await idOf(login);
      for (const res of [
        await who.post(`${U}/${me}/disable`),
        await who.patch(`${U}/${me}`, { role: 'central_admin' }),
        await who.post(`${U}/${me}/sessions/revoke`, {}),
        await who.post(`${U}/${me}/reset-password`),
      ]) {
        expect(res.status, show(res)).toBe(403);
        expect(res.body.key).toBe('problem.admin.ownAccount');
      }
      expect((await who.get(`${U}/${me}`)).body.allowed).toEqual([]);
    }
  });

  it('refuses roles that administer nothing', async () => {
    const front = await t.as('front');
    const res = await front.get(U, { 'accept-language': 'ru' });
    expect(res.status).toBe(403);
    expect(res.body.title).toBe('Ваша роль этим не управляет.');
    expect(
      (await front.post(U, { login: 'x1', fullName: 'Кто-то', role: 'registrar', officeId: DEMO_OFFICE_ID }))
        .status,
    ).toBe(403);
  });

  it('answers a retried create with the first answer, and audits each change once', async () => {
    const body = { login: 'retried', fullName: 'Корманди нав', role: 'verifier', officeId: DEMO_JAMOAT_ID };
    const first = await rudaki.post(U, body, { 'idempotency-key': 'create-retried' });
    const again = await rudaki.post(U, body, { 'idempotency-key': 'create-retried' });
    expect(again.status).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const id = first.body.user.id;
    await rudaki.post(`${U}/${id}/disable`);
    await rudaki.post(`${U}/${id}/disable`);
    const entries = await t.dbx.db
      .selectFrom('audit_log')
      .select('event')
      .where(({ eb, ref }) => eb(ref('detail', '->>').key('userId' as never), '=', id))
      .execute();
    expect(entries.map((e) => e.event).sort()).toEqual(['user.created', 'user.disabled']);
    const taken = await rudaki.post(U, body);
    expect(taken.status).toBe(409);
  });
});

describe('sessions', () => {
  it('lists a user’s sessions; revoked, a session stops working at once', async () => {
    const u = await newUser(admin, 'back_office', DEMO_OFFICE_ID);
    const first = await signIn(u.login, u.password);
    const second = await signIn(u.login, u.password);
    const detail = await admin.get(`${U}/${u.id}`);
    expect(detail.body.sessions).toHaveLength(2);
    expect(detail.body.allowed).toContain('revoke-sessions');
    const one = await admin.post(`${U}/${u.id}/sessions/revoke`, { session: detail.body.sessions[0].id });
    expect(one.body.revoked).toBe(1);
    const statuses = [(await first.get('/api/v1/me')).status, (await second.get('/api/v1/me')).status].sort();
    expect(statuses).toEqual([200, 401]);
    expect((await admin.post(`${U}/${u.id}/sessions/revoke`, {})).body.revoked).toBe(1);
    expect((await first.get('/api/v1/me')).status).toBe(401);
    expect((await second.get('/api/v1/me')).status).toBe(401);
  });

  it('lists no session left idle past the limit, and offers no revoking when none is active', async () => {
    const u = await newUser(admin, 'verifier', DEMO_OFFICE_ID);
    const idle = await signIn(u.login, u.password);
    const live = await signIn(u.login, u.password);
    const [oldest] = await t.dbx.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', u.id)
      .orderBy('created_at')
      .execute();
    // untouched for one minute more than the idle limit
    const lastSeen = new Date(Date.now() - (t.config.sessionIdleMinutes + 1) * 60_000);
    await t.dbx.db
      .updateTable('sessions')
      .set({ last_seen_at: lastSeen })
      .where('token_hash', '=', oldest!.token_hash)
      .execute();
    const detail = await admin.get(`${U}/${u.id}`);
    expect(detail.body.sessions).toHaveLength(1);
    expect(detail.body.sessions[0].id).not.toBe(oldest!.token_hash.slice(0, 16));
    // the listing agrees with what the sessions themselves do
    expect((await idle.get('/api/v1/me')).status).toBe(401);
    expect((await live.get('/api/v1/me')).status).toBe(200);
    await t.dbx.db
      .updateTable('sessions')
      .set({ last_seen_at: lastSeen })
      .where('user_id', '=', u.id)
      .execute();
    const none = await admin.get(`${U}/${u.id}`);
    expect(none.body.sessions).toEqual([]);
    expect(none.body.allowed).not.toContain('revoke-sessions');
  });

  it('unlocks a login that wrong passwords made wait', async () => {
    const u = await newUser(admin, 'archivist', DEMO_OFFICE_ID);
    for (let i = 0; i < 5; i++) await signIn(u.login, 'wrong-password-here');
    expect((await signIn(u.login, u.password)).status).toBe(429);
    expect((await admin.get(`${U}?status=locked`)).body.items.map((x: { id: string }) => x.id)).toContain(
      u.id,
    );
    const unlocked = await admin.post(`${U}/${u.id}/unlock`);
    expect(unlocked.body.locked).toBe(false);
    expect((await signIn(u.login, u.password)).status).toBe(200);
  });
});

describe('passwords', () => {
  it('makes a temporary password be changed first, refusing breached and reused ones', async () => {
    const u = await newUser(rudaki, 'registrar', DEMO_JAMOAT_ID);
    const me = await signIn(u.login, u.password);
    expect(me.status).toBe(200);
    expect((await me.get('/api/v1/me')).body.temporaryCredentials).toBe(true);
    const blocked = await me.get('/api/v1/records?limit=1');
    expect(blocked.status).toBe(403);
    expect(blocked.body.key).toBe('problem.passwordChangeRequired');

    const change = (current: string, password: string) =>
      me.post('/api/v1/me/password', { current, password });
    const wrong = await change('not-my-password', 'Kuhi-Tojik-2026-bahor');
    expect(wrong.body.errors[0]).toMatchObject({
      path: 'current',
      key: 'problem.admin.wrongCurrentPassword',
    });
    const breached = await change(u.password, 'manchesterunited');
    expect(breached.status).toBe(422);
    expect(breached.body.errors[0].key).toBe('password.breached');
    const same = await change(u.password, u.password);
    expect(same.body.errors[0].key).toBe('password.reused');

    const a = 'Kuhi-Tojik-2026-bahor';
    const b = 'Daryoi-Vakhsh-tobiston';
    expect((await change(u.password, a)).status).toBe(200);
    // a registrar: two-factor sign-in is set up next, before anything else
    const unenrolled = await me.get('/api/v1/records?limit=1');
    expect(unenrolled.status).toBe(403);
    expect(unenrolled.body.key).toBe('problem.twoFactor.enrolmentRequired');
    await enrol(me, u.login);
    expect((await me.get('/api/v1/records?limit=1')).status).toBe(200);
    expect((await change(a, b)).status).toBe(200);
    const back = await change(b, a);
    expect(back.status).toBe(422);
    expect(back.body.errors[0]).toMatchObject({ key: 'password.reused', params: { count: 5 } });

    // an administrator's reset: a new temporary password, every session ended
    const reset = await rudaki.post(`${U}/${u.id}/reset-password`);
    expect(reset.status).toBe(200);
    expect((await me.get('/api/v1/me')).status).toBe(401);
    expect((await signIn(u.login, b)).status).toBe(401);
    // the reset leaves two-factor sign-in as it was: the temporary password, then the code
    const again = await signIn(u.login, reset.body.temporaryPassword);
    expect((await again.get('/api/v1/me')).body).toMatchObject({
      temporaryCredentials: true,
      twoFactorEnrolmentRequired: false,
    });
  });
});

describe('offices', () => {
  const O = '/api/v1/admin/offices';
  const names = { tg: 'Ҷамоати деҳоти Лоиқ', ru: 'Джамоат Лоик', en: 'Loiq jamoat' };

  it('opens a jamoat under a district (central department only), renames and closes it', async () => {
    expect(
      (await rudaki.post(O, { kind: 'jamoat', parent: DEMO_JAMOAT_DISTRICT_ID, name: names })).status,
    ).toBe(403);
    expect((await admin.post(O, { kind: 'jamoat', parent: 'RA', name: names })).body.key).toBe(
      'problem.admin.wrongParent',
    );
    const opened = await admin.post(O, { kind: 'jamoat', parent: DEMO_JAMOAT_DISTRICT_ID, name: names });
    expect(opened.status, show(opened)).toBe(201);
    expect(opened.body).toMatchObject({ id: 'RA-13-04', parent: DEMO_JAMOAT_DISTRICT_ID, kind: 'jamoat' });
    const renamed = await admin.patch(`${O}/RA-13-04`, {
      name: { ...names, tg: 'Ҷамоати деҳоти Лоиқ Шералӣ' },
      officialName: 'Ҷамоати деҳоти ба номи Лоиқ Шералӣ, ноҳияи Рӯдакӣ',
    });
    expect(renamed.body.officialName).toBe('Ҷамоати деҳоти ба номи Лоиқ Шералӣ, ноҳияи Рӯдакӣ');
    const user = await newUser(rudaki, 'registrar', 'RA-13-04');
    const closed = await admin.post(`${O}/RA-13-04/close`);
    expect(closed.body.active).toBe(false);
    expect(
      (await rudaki.post(U, { login: 'late1', fullName: 'Дер', role: 'registrar', officeId: 'RA-13-04' }))
        .status,
    ).toBe(409);
    // its registrar makes no new record there
    const registrar = await signIn(user.login, user.password);
    await registrar.post('/api/v1/me/password', {
      current: user.password,
      password: 'Kuhi-Tojik-2026-bahor',
    });
    await enrol(registrar, user.login);
    const draft = await registrar.post('/api/v1/records', { kind: 'BIRTH', data: birthData() });
    expect(draft.status).toBe(409);
    expect(draft.body.key).toBe('problem.officeClosedForRecords');
    expect((await admin.post(`${O}/RA-13-04/reopen`)).body.active).toBe(true);
    expect((await registrar.post('/api/v1/records', { kind: 'BIRTH', data: birthData() })).status).toBe(201);
  });

  it('moves a jamoat to another district, its records with it', async () => {
    const jamoat = await t.as('jamoat');
    const made = await jamoat.post('/api/v1/records', { kind: 'BIRTH', data: birthData() });
    expect(made.status, show(made)).toBe(201);
    const ids = async (c: Client) =>
      ((await c.get('/api/v1/records?limit=100&status=draft')).body.items ?? []).map(
        (r: { id: string }) => r.id,
      );
    expect(await ids(rudaki)).toContain(made.body.id);
    expect(await ids(head)).not.toContain(made.body.id);
    expect((await rudaki.post(`${O}/${DEMO_JAMOAT_ID}/move`, { parent: DEMO_OFFICE_ID })).status).toBe(403);
    const moved = await admin.post(`${O}/${DEMO_JAMOAT_ID}/move`, { parent: DEMO_OFFICE_ID });
    expect(moved.status, show(moved)).toBe(200);
    expect(moved.body.parent).toBe(DEMO_OFFICE_ID);
    expect(await ids(head)).toContain(made.body.id);
    expect(await ids(rudaki)).not.toContain(made.body.id);
    const counts = await head.get('/api/v1/records/counts');
    expect(counts.status).toBe(200);
    // the head of the old district administers its users no more, the new one does
    expect((await rudaki.get(`${U}/${await idOf('jamoat')}`)).status).toBe(404);
    expect(
      (await admin.post(`${O}/${DEMO_OFFICE_ID}/move`, { parent: DEMO_JAMOAT_DISTRICT_ID })).body.key,
    ).toBe('problem.admin.notMovable');
    expect(
      (await admin.post(`${O}/${DEMO_JAMOAT_ID}/move`, { parent: DEMO_JAMOAT_DISTRICT_ID })).status,
    ).toBe(200);
  });

  it("plans a mobile office's visits (its head of office), in the future only", async () => {
    const V = `${O}/DU-03-90/visits`;
    const visit = {
      date: '2099-05-04',
      from: '09:00',
      to: '13:00',
      place: 'Маркази деҳа, назди мактаби № 5',
    };
    expect((await rudaki.post(V, visit)).status).toBe(403);
    const planned = await head.post(V, visit);
    expect(planned.status, show(planned)).toBe(201);
    expect((await head.post(V, { ...visit, date: '2020-01-01' })).body.errors[0].key).toBe(
      'error.admin.visitPast',
    );
    expect((await head.post(V, { ...visit, to: '08:00' })).status).toBe(400);
    expect((await head.post(`${O}/${DEMO_OFFICE_ID}/visits`, visit)).body.key).toBe(
      'problem.admin.notMobile',
    );
    // from a day past the demo's own visits of the coming weeks
    const list = await head.get(`${V}?from=2099-01-01`);
    expect(list.body.items).toEqual([expect.objectContaining({ date: '2099-05-04', place: visit.place })]);
    const cancelled = await head.post(`${V}/${planned.body.id}/cancel`);
    expect(cancelled.body.cancelled).toBe(true);
  });
});
