import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmsGateway } from '../../notifications/testing/sms-gateway.ts';
import type { SmtpSink } from '../../notifications/testing/smtp-sink.ts';
import { waitFor } from '../../notifications/testing/wait.ts';
import { type NotifyingApp, startNotifyingApp } from '../../portal/testing/notifying-app.ts';
import type { TestApp } from '../../test/harness.ts';

/**
 * Citizens' questions to staff through the API, with the notifier really sending: a citizen asks
 * the Firdavsi office (DU-03-00, the demo desks' office), its staff answer from the inbox, in free
 * text and with canned answers in the citizen's language, and the citizen hears of it by e-mail
 * (a real SMTP server) or SMS (a stand-in gateway) without the answer's text. Another citizen and
 * another office's staff find nothing.
 */

let t: TestApp;
let smtp: SmtpSink;
let sms: SmsGateway;
let app: NotifyingApp;

beforeAll(async () => {
  app = await startNotifyingApp({ SABT_PUBLIC_URL: 'https://sabt.example.tj' });
  ({ t, smtp, sms } = app);
});

afterAll(async () => {
  await app?.close();
});

const OFFICE = 'DU-03-00';
const codeIn = (text: string | undefined) => /\b(\d{6})\b/.exec(text ?? '')?.[1];
const seenMail = new Set<string>();
const mailTo = (address: string) =>
  waitFor(`a mail to ${address}`, () =>
    smtp.received.find((m) => m.envelopeTo.includes(address) && !seenMail.has(m.raw) && seenMail.add(m.raw)),
  );
const seenSms = new Set<unknown>();
const smsTo = (phone: string) =>
  waitFor(`an SMS to ${phone}`, () => {
    const r = sms.requests.find((q) => (q.body as { to: string }).to === phone && !seenSms.has(q));
    if (r) seenSms.add(r);
    return r?.body as { to: string; text: string } | undefined;
  });

/** A citizen signed in with the code that arrives by e-mail or SMS: their portal client. */
async function citizen(to: { email: string } | { phone: string }, language: 'tg' | 'ru' | 'en' = 'tg') {
  const asked = await t.anonymous().post('/api/v1/portal/sign-in/code', { to, language });
  expect(asked.status, JSON.stringify(asked.body)).toBe(202);
  const text = 'email' in to ? (await mailTo(to.email)).text : (await smsTo(to.phone)).text;
  const res = await t
    .anonymous()
    .post('/api/v1/portal/sign-in', { challenge: asked.body.challenge, code: codeIn(text) });
  expect(res.status).toBe(200);
  const cookie = String(
    [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('sabt_citizen=')),
  ).split(';')[0]!;
  const c = t.anonymous();
  return {
    get: (url: string, headers: Record<string, string> = {}) => c.get(url, { cookie, ...headers }),
    post: (url: string, body: unknown, headers: Record<string, string> = {}) =>
      c.post(url, body, { cookie, ...headers }),
  };
}

let key = 0;
const k = () => ({ 'idempotency-key': `question-test-${++key}` });

describe('a citizen’s question and its answers', () => {
  it('opens a thread, is answered in it, and hears of the answer by e-mail without its text', async () => {
    const nigora = await citizen({ email: 'nigora.q@example.tj' }, 'ru');
    const asked = await nigora.post(
      '/api/v1/portal/questions',
      {
        office: OFFICE,
        subject: 'Свидетельство о рождении',
        text: 'Какие документы нужны?\nРебёнку 2 месяца.',
        language: 'ru',
      },
      k(),
    );
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const id = asked.body.id as string;
    expect(asked.body).toMatchObject({
      status: 'open',
      language: 'ru',
      office: { id: OFFICE },
      application: null,
      messages: [{ from: 'citizen', text: 'Какие документы нужны?\nРебёнку 2 месяца.', staff: null }],
    });

    // the office's inbox shows it among the open ones
    const front = await t.as('front');
    const box = await front.get('/api/v1/questions?status=open');
    expect(box.status).toBe(200);
    expect(box.body.items.map((q: { id: string }) => q.id)).toContain(id);
    expect(box.body.counts.open).toBeGreaterThanOrEqual(1);

    const answer = 'Свидетельство о рождении из роддома и паспорта родителей.';
    const answered = await front.post(`/api/v1/questions/${id}/answers`, { text: answer }, k());
    expect(answered.status, JSON.stringify(answered.body)).toBe(201);
    expect(answered.body.thread.status).toBe('answered');
    expect(answered.body.thread.messages[1]).toMatchObject({
      from: 'staff',
      text: answer,
      staff: { name: 'Мадина Раҳимова' },
    });

    // the citizen reads it in the same thread, the office answering (no staff name)
    const read = await nigora.get(`/api/v1/portal/questions/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('answered');
    expect(read.body.messages.map((m: { from: string }) => m.from)).toEqual(['citizen', 'staff']);
    expect(read.body.messages[1]).toMatchObject({ text: answer, staff: null });

    // and is told by e-mail in Russian: a link, never the answer
    const mail = await mailTo('nigora.q@example.tj');
    expect(mail.subject).toBe('На ваш вопрос ответили');
    expect(mail.text).toContain(`https://sabt.example.tj/portal/questions/${id}`);
    expect(mail.text).not.toContain('роддома');

    // a further message makes it wait for the office again
    const more = await nigora.post(
      `/api/v1/portal/questions/${id}/messages`,
      { text: 'А копии нужны?' },
      k(),
    );
    expect(more.status).toBe(201);
    expect(more.body.status).toBe('open');
    expect(more.body.messages).toHaveLength(3);

    const mine = await nigora.get('/api/v1/portal/questions');
    expect(mine.body.items).toEqual([expect.objectContaining({ id, status: 'open', messages: 3 })]);

    // closed by staff: the citizen can write no more
    const closed = await front.post(`/api/v1/questions/${id}/close`, undefined, k());
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ thread: { status: 'closed' }, canAnswer: false });
    const late = await nigora.post(
      `/api/v1/portal/questions/${id}/messages`,
      { text: 'Ещё вопрос' },
      { ...k(), 'accept-language': 'en' },
    );
    expect(late.status).toBe(409);
    expect(late.body.title).toBe('This question is closed. Ask a new one.');
  });

  it('tells an SMS citizen in Tajik that there is an answer, with a link and nothing of the text', async () => {
    const phone = '+992935550101';
    const karim = await citizen({ phone });
    const asked = await karim.post(
      '/api/v1/portal/questions',
      { office: OFFICE, subject: 'Ақди никоҳ', text: 'Кай омада метавонам?' },
      { ...k(), 'accept-language': 'tg' },
    );
    expect(asked.status).toBe(201);
    expect(asked.body.language).toBe('tg');
    const registrar = await t.as('registrar');
    const answered = await registrar.post(
      `/api/v1/questions/${asked.body.id}/answers`,
      { text: 'Душанбе то ҷумъа, соати 8 то 17.' },
      k(),
    );
    expect(answered.status).toBe(201);
    const message = await smsTo(phone);
    expect(message.text).toBe(
      `Сабт: ба саволи шумо ҷавоб доданд. https://sabt.example.tj/portal/questions/${asked.body.id}`,
    );
    expect(message.text).not.toContain('ҷумъа');
  });

  it('keeps the same answer for a retried write, and a retried question opens one thread', async () => {
    const c = await citizen({ email: 'retry.q@example.tj' });
    const body = { office: OFFICE, subject: 'Такрор', text: 'Як савол' };
    const first = await c.post('/api/v1/portal/questions', body, { 'idempotency-key': 'ask-once' });
    const again = await c.post('/api/v1/portal/questions', body, { 'idempotency-key': 'ask-once' });
    expect(again.status).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect((await c.get('/api/v1/portal/questions')).body.items).toHaveLength(1);
    const other = await c.post(
      '/api/v1/portal/questions',
      { ...body, text: 'Дигар' },
      { 'idempotency-key': 'ask-once' },
    );
    expect(other.status).toBe(422);

    const back = await t.as('back');
    const once = { 'idempotency-key': 'answer-once' };
    const a1 = await back.post(`/api/v1/questions/${first.body.id}/answers`, { text: 'Ҷавоб' }, once);
    const a2 = await back.post(`/api/v1/questions/${first.body.id}/answers`, { text: 'Ҷавоб' }, once);
    expect(a2.status).toBe(201);
    expect(a2.headers['idempotency-replayed']).toBe('true');
    expect(a2.body.thread.messages).toHaveLength(a1.body.thread.messages.length);
    await mailTo('retry.q@example.tj'); // the sign-in code came first; one answer, one mail
    const mine = await c.get(`/api/v1/portal/questions/${first.body.id}`);
    expect(mine.body.messages).toHaveLength(2);
  });

  it('refuses bad text and an office citizens do not apply at, in the asked language, keeping nothing', async () => {
    const c = await citizen({ email: 'bad.q@example.tj' });
    const bidi = await c.post(
      '/api/v1/portal/questions',
      { office: OFFICE, subject: 'Салом\u202Eабв', text: 'Матн' },
      { ...k(), 'accept-language': 'en' },
    );
    expect(bidi.status).toBe(400);
    expect(bidi.body.errors).toEqual([
      expect.objectContaining({ path: 'subject', key: 'error.invalidCharacters' }),
    ]);
    const long = await c.post(
      '/api/v1/portal/questions',
      { office: OFFICE, subject: 'С', text: 'x'.repeat(4001) },
      k(),
    );
    expect(long.status).toBe(400);
    expect(long.body.errors[0]).toMatchObject({ path: 'text', key: 'error.tooLong' });
    const empty = await c.post(
      '/api/v1/portal/questions',
      { office: OFFICE, subject: '   ', text: 'Матн' },
      k(),
    );
    expect(empty.status).toBe(400);
    const centre = await c.post(
      '/api/v1/portal/questions',
      { office: 'HQ-00-00', subject: 'Савол', text: 'Матн' },
      { ...k(), 'accept-language': 'ru' },
    );
    expect(centre.status).toBe(422);
    expect(centre.body.errors[0]).toMatchObject({ path: 'office' });
    expect(centre.body.errors[0].message).toBe('Выберите учреждение, которое принимает заявления граждан.');
    expect((await c.get('/api/v1/portal/questions')).body.items).toEqual([]);
  });
});

describe('nothing of one citizen for another, nor of one office for another', () => {
  let id: string;
  beforeAll(async () => {
    const owner = await citizen({ email: 'owner.q@example.tj' });
    const asked = await owner.post(
      '/api/v1/portal/questions',
      { office: OFFICE, subject: 'Шахсӣ', text: 'Рақами шиносномаи ман A1234567' },
      k(),
    );
    id = asked.body.id;
  });

  it('answers another citizen 404 for the thread, as for a missing one, and lists none of it', async () => {
    const other = await citizen({ email: 'other.q@example.tj' });
    const read = await other.get(`/api/v1/portal/questions/${id}`, { 'accept-language': 'en' });
    const missing = await other.get('/api/v1/portal/questions/00000000-0000-4000-8000-000000000000', {
      'accept-language': 'en',
    });
    expect(read.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(read.body.title).toBe(missing.body.title);
    expect(JSON.stringify(read.body)).not.toContain('A1234567');
    const write = await other.post(`/api/v1/portal/questions/${id}/messages`, { text: 'Салом' }, k());
    expect(write.status).toBe(404);
    expect((await other.get('/api/v1/portal/questions')).body.items).toEqual([]);
    // without a portal session at all
    expect((await t.anonymous().get(`/api/v1/portal/questions/${id}`)).status).toBe(401);
  });

  it('takes a question about one’s own application, and answers another’s application as missing', async () => {
    const owner = await citizen({ email: 'owner.q@example.tj' });
    const draft = await owner.post('/api/v1/portal/applications', { kind: 'BIRTH', office: OFFICE }, k());
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const about = {
      office: OFFICE,
      subject: 'Ариза',
      text: 'Кай омада метавонам?',
      application: draft.body.id,
    };
    const own = await owner.post('/api/v1/portal/questions', about, k());
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body.application).toBe(draft.body.id);
    const stranger = await citizen({ email: 'stranger.q@example.tj' });
    const theirs = await stranger.post('/api/v1/portal/questions', about, k());
    expect(theirs.status).toBe(404);
    expect((await stranger.get('/api/v1/portal/questions')).body.items).toEqual([]);
  });

  it('shows another office’s staff neither the thread nor the inbox, and the centre both', async () => {
    const jamoat = await t.as('jamoat'); // a registrar of a jamoat
    expect((await jamoat.get(`/api/v1/questions/${id}`)).status).toBe(404);
    expect((await jamoat.post(`/api/v1/questions/${id}/answers`, { text: 'Ҷавоб' }, k())).status).toBe(404);
    expect((await jamoat.post(`/api/v1/questions/${id}/close`, undefined, k())).status).toBe(404);
    const theirs = await jamoat.get('/api/v1/questions');
    expect(theirs.status).toBe(200);
    expect(theirs.body.items.map((q: { id: string }) => q.id)).not.toContain(id);
    const ours = await jamoat.get(`/api/v1/questions?office=${OFFICE}`, { 'accept-language': 'en' });
    expect(ours.status).toBe(403);
    expect(ours.body.title).toBe('You see only your own office’s questions.');

    // roles that answer no questions
    for (const login of ['archivist', 'auditor']) {
      const u = await t.as(login);
      expect((await u.get('/api/v1/questions')).status).toBe(403);
      expect((await u.get(`/api/v1/questions/${id}`)).status).toBe(403);
    }

    const admin = await t.as('admin');
    const seen = await admin.get(`/api/v1/questions/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.thread.messages[0].text).toContain('A1234567');
  });

  it('lists the open ones oldest waiting first', async () => {
    const c = await citizen({ email: 'order.q@example.tj' });
    const later = await c.post(
      '/api/v1/portal/questions',
      { office: OFFICE, subject: 'Дуюм', text: 'Матн' },
      k(),
    );
    const head = await t.as('head');
    const box = await head.get('/api/v1/questions');
    const ids = box.body.items.map((q: { id: string }) => q.id);
    expect(ids.indexOf(id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(id)).toBeLessThan(ids.indexOf(later.body.id));
    const waits = box.body.items.map((q: { waitingSince: string }) => q.waitingSince);
    expect([...waits].sort()).toEqual(waits);
  });
});

describe('canned answers in three languages', () => {
  it('are kept by the head of office and sent in the citizen’s language', async () => {
    const head = await t.as('head');
    const made = await head.post(
      '/api/v1/canned-answers',
      {
        title: 'Ҳуҷҷатҳои таваллуд',
        text: {
          tg: 'Маълумотномаи таваллуд ва шиносномаҳои волидонро биёред.',
          ru: 'Принесите справку о рождении и паспорта родителей.',
          en: 'Bring the medical birth certificate and the parents’ passports.',
        },
      },
      k(),
    );
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.office).toMatchObject({ id: OFFICE });

    // a clerk may send it but not keep it
    const front = await t.as('front');
    const list = await front.get('/api/v1/canned-answers');
    expect(list.body.canManage).toBe(false);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(made.body.id);
    const refused = await front.post(
      '/api/v1/canned-answers',
      { title: 'Не', text: { tg: 'а', ru: 'б', en: 'c' } },
      { ...k(), 'accept-language': 'en' },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.title).toBe(
      'Canned answers are kept by the head of office or the central administrator.',
    );

    for (const [email, language, expected] of [
      ['en.q@example.tj', 'en', 'Bring the medical birth certificate and the parents’ passports.'],
      ['ru.q@example.tj', 'ru', 'Принесите справку о рождении и паспорта родителей.'],
      ['tg.q@example.tj', 'tg', 'Маълумотномаи таваллуд ва шиносномаҳои волидонро биёред.'],
    ] as const) {
      const c = await citizen({ email }, language);
      const asked = await c.post(
        '/api/v1/portal/questions',
        { office: OFFICE, subject: 'Birth', text: 'What do I bring?', language },
        k(),
      );
      const answered = await front.post(
        `/api/v1/questions/${asked.body.id}/answers`,
        { cannedAnswer: made.body.id },
        k(),
      );
      expect(answered.status).toBe(201);
      expect(answered.body.thread.messages[1]).toMatchObject({ text: expected, cannedAnswer: made.body.id });
      const read = await c.get(`/api/v1/portal/questions/${asked.body.id}`);
      expect(read.body.messages[1].text).toBe(expected);
      const mail = await mailTo(email);
      expect(mail.text).not.toContain(expected);
    }

    // withdrawn: offered no more, and refused when sent
    const withdrawn = await head.put(
      `/api/v1/canned-answers/${made.body.id}`,
      { title: made.body.title, text: made.body.text, active: false },
      k(),
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.active).toBe(false);
    expect(
      (await front.get('/api/v1/canned-answers')).body.items.map((c: { id: string }) => c.id),
    ).not.toContain(made.body.id);
    const c = await citizen({ email: 'late.q@example.tj' });
    const asked = await c.post('/api/v1/portal/questions', { office: OFFICE, subject: 'S', text: 'T' }, k());
    const sent = await front.post(
      `/api/v1/questions/${asked.body.id}/answers`,
      { cannedAnswer: made.body.id },
      k(),
    );
    expect(sent.status).toBe(422);
  });

  it('needs all three texts, and another office’s head neither sees nor changes them', async () => {
    const head = await t.as('head');
    const missing = await head.post(
      '/api/v1/canned-answers',
      { title: 'Нопурра', text: { tg: 'Матн', ru: 'Текст' } },
      k(),
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe('text.en');

    const made = await head.post(
      '/api/v1/canned-answers',
      { title: 'Соатҳо', text: { tg: 'Соати 8 то 17', ru: 'С 8 до 17', en: '8 to 17' } },
      k(),
    );
    const rudaki = await t.as('rudaki'); // the head of another office
    const theirs = await rudaki.get('/api/v1/canned-answers');
    expect(theirs.body.items.map((c: { id: string }) => c.id)).not.toContain(made.body.id);
    const change = await rudaki.put(
      `/api/v1/canned-answers/${made.body.id}`,
      { title: 'Ман', text: { tg: 'а', ru: 'б', en: 'c' } },
      k(),
    );
    expect(change.status).toBe(404);

    // the centre keeps answers for every office
    const admin = await t.as('admin');
    const national = await admin.post(
      '/api/v1/canned-answers',
      {
        title: 'Портал',
        text: { tg: 'Ба портал ворид шавед', ru: 'Войдите на портал', en: 'Sign in to the portal' },
        office: null,
      },
      k(),
    );
    expect(national.status).toBe(201);
    expect(national.body.office).toBeNull();
    expect(
      (await rudaki.get('/api/v1/canned-answers')).body.items.map((c: { id: string }) => c.id),
    ).toContain(national.body.id);
    const headChange = await head.put(
      `/api/v1/canned-answers/${national.body.id}`,
      { title: 'Ман', text: { tg: 'а', ru: 'б', en: 'c' } },
      k(),
    );
    expect(headChange.status).toBe(404);
  });
});
