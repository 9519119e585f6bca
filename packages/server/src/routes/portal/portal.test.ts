import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyDb } from '../../notifications/tables.ts';
import type { SmsGateway } from '../../notifications/testing/sms-gateway.ts';
import type { SmtpSink } from '../../notifications/testing/smtp-sink.ts';
import { waitFor } from '../../notifications/testing/wait.ts';
import { CODE_ATTEMPTS, CODES_PER_CONTACT_HOUR } from '../../portal/sign-in.ts';
import { portalDb } from '../../portal/tables.ts';
import { type NotifyingApp, startNotifyingApp } from '../../portal/testing/notifying-app.ts';
import type { TestApp } from '../../test/harness.ts';

/**
 * The citizen portal's API: public information without sign-in, and a citizen's sign-in with a
 * one-time code that really travels, by e-mail through a real SMTP server and by SMS through a
 * stand-in gateway, sent by the job runtime as the server runs it.
 */

let t: TestApp;
let smtp: SmtpSink;
let sms: SmsGateway;
let app: NotifyingApp;

beforeAll(async () => {
  app = await startNotifyingApp();
  ({ t, smtp, sms } = app);
});

afterAll(async () => {
  await app?.close();
});

const codeIn = (text: string | undefined) => /\b(\d{6})\b/.exec(text ?? '')?.[1];

/** Asks a code for an e-mail address and reads it from the mail that arrives. */
async function emailCode(address: string, language = 'tg') {
  const asked = await t.anonymous().post('/api/v1/portal/sign-in/code', { to: { email: address }, language });
  expect(asked.status, JSON.stringify(asked.body)).toBe(202);
  const mail = await waitFor(`the code's mail to ${address}`, () =>
    smtp.received.find(
      (m) => m.envelopeTo.includes(address.toLowerCase()) && !seen.has(m.raw) && seen.add(m.raw),
    ),
  );
  return { challenge: asked.body.challenge as string, code: codeIn(mail.text)!, mail };
}
const seen = new Set<string>();

async function signIn(challenge: string, code: string, headers: Record<string, string> = {}) {
  const res = await t.anonymous().post('/api/v1/portal/sign-in', { challenge, code }, headers);
  const cookie = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('sabt_citizen='));
  return { ...res, cookie: cookie ? String(cookie).split(';')[0]! : undefined, setCookie: cookie };
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('public information', () => {
  it('lists the offices citizens apply at, with what they publish and the acts each registers', async () => {
    const res = await t.anonymous().get('/api/v1/portal/offices');
    expect(res.status).toBe(200);
    const byId = new Map(res.body.items.map((o: { id: string }) => [o.id, o]));
    expect(byId.has('HQ-00-00')).toBe(false); // the central department takes no applications
    const firdavsi = byId.get('DU-03-00') as Record<string, unknown>;
    expect(firdavsi).toMatchObject({
      kind: 'district',
      address: { ru: 'г. Душанбе, р-н Фирдавси, ул. Н. Карабаева 12' },
      hours: [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' }, { days: [6] }],
    });
    expect(firdavsi.actKinds).toHaveLength(7);
    expect((byId.get('RA-13-01') as { actKinds: string[] }).actKinds).toEqual([
      'BIRTH',
      'DEATH',
      'MARRIAGE',
      'PATERNITY',
    ]);
    expect(byId.get('CN-RU-01')).toMatchObject({ kind: 'consulate' });
    // an office that has published nothing yet says so
    expect(byId.get('SU-01-00')).toMatchObject({ address: null, hours: null, phone: null });
  });

  it("shows the mobile office's planned visits, not the cancelled ones", async () => {
    const res = await t.anonymous().get('/api/v1/portal/visits');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(3);
    const first = res.body.items[0];
    expect(first).toMatchObject({ office: { id: 'DU-03-90' }, from: '09:00', to: '15:00' });
    expect(first.host.name.tg).toMatch(/Ҷамоати/);

    const head = await t.as('head');
    const cancelled = await head.post(`/api/v1/admin/offices/DU-03-90/visits/${first.id}/cancel`, undefined, {
      'idempotency-key': 'cancel-first-visit',
    });
    expect(cancelled.status).toBe(200);
    const after = await t.anonymous().get('/api/v1/portal/visits');
    expect(after.body.items.map((v: { id: string }) => v.id)).not.toContain(first.id);
    expect(after.body.items).toHaveLength(res.body.items.length - 1);
  });

  it('refuses a malformed day in the asked language', async () => {
    const res = await t.anonymous().get('/api/v1/portal/visits?from=2026-13-01', { 'accept-language': 'ru' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe("an office's published details", () => {
  const details = {
    address: { tg: 'кӯчаи Сино 1', ru: 'ул. Сино 1', en: '1 Sino St' },
    phone: '+992 37 221 00 00',
    hours: [{ days: [1, 2, 3, 4], opens: '08:30', closes: '16:30' }],
  };

  it('are set by the head of office for the offices in their reach, and the portal shows them at once', async () => {
    const rudaki = await t.as('rudaki');
    const res = await rudaki.put('/api/v1/admin/offices/RA-13-02/details', details, {
      'idempotency-key': 'z-1',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: 'RA-13-02', phone: details.phone, hours: details.hours });
    const offices = await t.anonymous().get('/api/v1/portal/offices');
    const zaynabobod = offices.body.items.find((o: { id: string }) => o.id === 'RA-13-02');
    expect(zaynabobod.address).toEqual(details.address);
    // withdrawn again
    const cleared = await rudaki.put(
      '/api/v1/admin/offices/RA-13-02/details',
      { address: null, phone: null, hours: null },
      { 'idempotency-key': 'z-2' },
    );
    expect(cleared.body).toMatchObject({ address: null, phone: null, hours: null });
    const audit = await t.dbx.db
      .selectFrom('audit_log')
      .select('event')
      .where('event', '=', 'office.details-published')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it("are refused outside one's reach, to clerks, and when they make no sense, in the asked language", async () => {
    const head = await t.as('head'); // Firdavsi district
    const outside = await head.put('/api/v1/admin/offices/RA-13-02/details', details, {
      'accept-language': 'en',
    });
    expect(outside.status).toBe(403);
    const clerk = await t.as('front');
    expect((await clerk.put('/api/v1/admin/offices/DU-03-00/details', details)).status).toBe(403);
    const late = await head.put(
      '/api/v1/admin/offices/DU-03-00/details',
      { ...details, hours: [{ days: [1], opens: '17:00', closes: '08:00' }] },
      { 'accept-language': 'ru' },
    );
    expect(late.status).toBe(400);
    expect(late.body.errors[0].message).toBe('Время окончания должно быть позже времени начала.');
    const region = await (await t.as('admin')).put('/api/v1/admin/offices/DU/details', details);
    expect(region.status).toBe(409);
    // nothing changed
    const offices = await t.anonymous().get('/api/v1/portal/offices');
    expect(offices.body.items.find((o: { id: string }) => o.id === 'DU-03-00').hours[0].opens).toBe('08:00');
  });
});

describe('signing in with a one-time code', () => {
  it('sends a code by e-mail in the chosen language, and the code signs the citizen in once', async () => {
    const { challenge, code, mail } = await emailCode('Nigora@Example.tj', 'ru');
    expect(mail.subject).toBe('Код для входа в Сабт');
    expect(code).toMatch(/^\d{6}$/);
    // the code is nowhere readable in the database, once the sender has marked the mail sent (its
    // transaction may end a moment after the mail arrives)
    const stored = await waitFor('the code’s notification marked sent', async () => {
      const row = await notifyDb(t.dbx.db)
        .selectFrom('notifications')
        .select(['params', 'secret_params', 'status'])
        .where('related_id', '=', challenge)
        .executeTakeFirstOrThrow();
      return row.status === 'sent' && row;
    });
    expect(JSON.stringify(stored.params)).not.toContain(code);
    expect(stored.secret_params).toBeNull();

    const ok = await signIn(challenge, code);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ channel: 'email', contact: 'nigora@example.tj' });
    expect(ok.setCookie).toMatch(/Path=\/api\/v1\/portal/);
    expect(ok.setCookie).toMatch(/HttpOnly/);

    const me = await t.anonymous().get('/api/v1/portal/session', { cookie: ok.cookie! });
    expect(me.body.citizen).toMatchObject({ contact: 'nigora@example.tj' });
    const apps = await t.anonymous().get('/api/v1/portal/applications', { cookie: ok.cookie! });
    expect(apps.status).toBe(200);
    expect(apps.body).toEqual({ items: [] });

    // used: the same code again signs nobody in
    const again = await signIn(challenge, code, { 'accept-language': 'en' });
    expect(again.status).toBe(401);
    expect(again.body.title).toBe('This code has already been used. Ask for a new one.');
    expect(again.cookie).toBeUndefined();
  });

  it('sends a code by SMS to a phone number', async () => {
    const asked = await t
      .anonymous()
      .post('/api/v1/portal/sign-in/code', { to: { phone: '+992 93 555 12 34' } });
    expect(asked.status).toBe(202);
    expect(asked.body.channel).toBe('sms');
    const message = await waitFor('the SMS', () =>
      sms.requests.map((r) => r.body as { to: string; text: string }).find((m) => m.to === '+992935551234'),
    );
    expect(message.text).toMatch(/^Сабт: рамзи воридшавӣ \d{6}/);
    const ok = await signIn(asked.body.challenge, codeIn(message.text)!);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ channel: 'sms', contact: '+992935551234' });
  });

  it('refuses an expired code, even the right one', async () => {
    const { challenge, code } = await emailCode('late@example.tj');
    await portalDb(t.dbx.db)
      .updateTable('citizen_sign_in_codes')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', challenge)
      .execute();
    const res = await signIn(challenge, code);
    expect(res.status).toBe(401);
    expect(res.body.title).toBe('Мӯҳлати рамз гузашт. Рамзи нав дархост кунед.');
    expect(res.cookie).toBeUndefined();
  });

  it(`locks a code out after ${CODE_ATTEMPTS} wrong tries: not even the right code works then`, async () => {
    const { challenge, code } = await emailCode('guess@example.tj');
    for (let i = 1; i < CODE_ATTEMPTS; i++) {
      const res = await signIn(challenge, wrong(code), { 'accept-language': 'en' });
      expect(res.status).toBe(401);
      expect(res.body.title).toBe(`The code is wrong. ${CODE_ATTEMPTS - i} tries left.`);
    }
    const last = await signIn(challenge, wrong(code));
    expect(last.status).toBe(429);
    const right = await signIn(challenge, code, { 'accept-language': 'en' });
    expect(right.status).toBe(429);
    expect(right.body.title).toMatch(/too many times/);
    expect(right.cookie).toBeUndefined();
  });

  it('checks no more guesses than a code allows, however many arrive at once', async () => {
    const { challenge, code } = await emailCode('burst@example.tj');
    const guesses = Array.from({ length: 40 }, (_, i) =>
      String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'),
    );
    const answers = await Promise.all(guesses.map((g) => signIn(challenge, g)));
    expect(answers.filter((a) => a.status === 401)).toHaveLength(CODE_ATTEMPTS - 1);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(guesses.length - CODE_ATTEMPTS + 1);
    const row = await portalDb(t.dbx.db)
      .selectFrom('citizen_sign_in_codes')
      .select('attempts')
      .where('id', '=', challenge)
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(CODE_ATTEMPTS);
  });

  it(`sends no more than ${CODES_PER_CONTACT_HOUR} codes an hour to one address`, async () => {
    for (let i = 0; i < CODES_PER_CONTACT_HOUR; i++) {
      const res = await t
        .anonymous()
        .post('/api/v1/portal/sign-in/code', { to: { email: 'many@example.tj' } });
      expect(res.status).toBe(202);
    }
    const res = await t
      .anonymous()
      .post('/api/v1/portal/sign-in/code', { to: { email: 'MANY@example.tj' } }, { 'accept-language': 'en' });
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.body.title).toMatch(/^Too many codes were asked for this address or number/);
  });

  it('refuses a contact that is neither an e-mail address nor a phone number, sending nothing', async () => {
    const before = await notifyDb(t.dbx.db)
      .selectFrom('notifications')
      .select(t.dbx.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    for (const to of [{ email: 'not-an-address' }, { phone: '12345678' }]) {
      const res = await t
        .anonymous()
        .post('/api/v1/portal/sign-in/code', { to }, { 'accept-language': 'ru' });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const after = await notifyDb(t.dbx.db)
      .selectFrom('notifications')
      .select(t.dbx.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('citizen sessions and staff sessions are apart', () => {
  it("a citizen's session is nobody on staff routes, a staff session nobody on the portal's", async () => {
    const { challenge, code } = await emailCode('apart@example.tj');
    const citizen = await signIn(challenge, code);
    expect(citizen.status).toBe(200);
    // the citizen's cookie presented to the staff API: not signed in
    for (const url of ['/api/v1/me', '/api/v1/records', '/api/v1/auth/session']) {
      const res = await t.anonymous().get(url, { cookie: citizen.cookie! });
      if (url === '/api/v1/auth/session') expect(res.body.user).toBeNull();
      else expect(res.status).toBe(401);
    }
    // even under the staff cookie's name, the citizen's token opens nothing
    const token = citizen.cookie!.split('=')[1]!;
    expect((await t.anonymous().get('/api/v1/me', { cookie: `sabt_session=${token}` })).status).toBe(401);

    // a signed-in clerk on the portal: nobody
    const clerk = await t.as('front');
    expect((await clerk.get('/api/v1/me')).status).toBe(200);
    expect((await clerk.get('/api/v1/portal/applications')).status).toBe(401);
    expect((await clerk.get('/api/v1/portal/session')).body).toEqual({ citizen: null });
    const staffToken = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: 'back', password: 'sabt-demo' },
      })
    ).headers['set-cookie'];
    const staffValue = String([staffToken].flat()[0]).split(';')[0]!.split('=')[1]!;
    expect(
      (await t.anonymous().get('/api/v1/portal/applications', { cookie: `sabt_citizen=${staffValue}` }))
        .status,
    ).toBe(401);
  });

  it('signing out ends the citizen’s session', async () => {
    const { challenge, code } = await emailCode('leaving@example.tj');
    const { cookie } = await signIn(challenge, code);
    const out = await t.anonymous().post('/api/v1/portal/sign-out', undefined, { cookie: cookie! });
    expect(out.status).toBe(204);
    expect((await t.anonymous().get('/api/v1/portal/applications', { cookie: cookie! })).status).toBe(401);
  });

  it('refuses a sign-in another site makes the browser send', async () => {
    const { challenge, code } = await emailCode('csrf@example.tj');
    const { cookie } = await signIn(challenge, code);
    const res = await t.anonymous().post('/api/v1/portal/sign-out', undefined, {
      cookie: cookie!,
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(res.status).toBe(403);
  });
});
