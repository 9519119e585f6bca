import { randomUUID } from 'node:crypto';
import { addDays, type Locale, todayIn } from '@sabt/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_JAMOAT_ID, DEMO_OFFICE_ID } from '../../demo/demo-data.ts';
import { createCitizenSession } from '../../portal/sessions.ts';
import { portalDb } from '../../portal/tables.ts';
import { samplePdf } from '../../storage/testing/samples.ts';
import { birthData } from '../../test/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';
import { show } from '../../test/workflow.ts';

/**
 * An appointment booked for an online application: only the citizen's own submitted application
 * to the slot's office, one coming visit per application, kept when moved; the citizen's
 * application and the office's screen of it show the visit, and the office's day names the
 * application by its tracking code.
 */

let t: TestApp;
let today: string;
let head: Client;
let front: Client;

beforeAll(async () => {
  t = await startTestApp();
  today = todayIn(t.config.timeZone);
  head = await t.as('head');
  front = await t.as('front');
});
afterAll(async () => {
  await t?.close();
});

async function citizen(language: Locale = 'en') {
  const id = randomUUID();
  const token = await t.dbx.db.transaction().execute(async (trx) => {
    await portalDb(trx)
      .insertInto('citizens')
      .values({
        id,
        channel: 'email',
        contact: `${id}@mail.example.tj`,
        language,
        last_sign_in_at: new Date(),
      })
      .execute();
    return createCitizenSession(trx, t.config, id);
  });
  const c = t.anonymous();
  const h = (extra: Record<string, string> = {}) => ({
    cookie: `sabt_citizen=${token}`,
    'accept-language': language,
    ...extra,
  });
  return {
    get: (url: string) => c.get(url, h()),
    post: (url: string, body?: unknown) => c.post(url, body ?? {}, h(key())),
  };
}
type Citizen = Awaited<ReturnType<typeof citizen>>;

let keys = 0;
const key = () => ({ 'idempotency-key': `k-${++keys}` });
const A = '/api/v1/portal/applications';
const P = '/api/v1/portal/appointments';

/** A birth application to the district office: a draft, or submitted with its scan. */
async function application(c: Citizen, submit = true): Promise<{ id: string; trackingCode: string }> {
  const draft = await c.post(A, { kind: 'BIRTH', office: DEMO_OFFICE_ID, data: birthData() });
  expect(draft.status, show(draft)).toBe(201);
  if (!submit) return draft.body;
  const file = await c.post(`${A}/${draft.body.id}/attachments`, {
    fileName: 'medical.pdf',
    content: samplePdf().toString('base64'),
  });
  expect(file.status, show(file)).toBe(201);
  const sent = await c.post(`${A}/${draft.body.id}/submit`, { birthDate: '1990-04-12' });
  expect(sent.status, show(sent)).toBe(200);
  return sent.body;
}

/** The next weekday at least `ahead` days from today. */
function weekdayAfter(ahead: number): string {
  let d = addDays(today, ahead);
  while ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
}

/** Two one-hour slots of an office on a weekday, 13:00 and 14:00. */
async function slots(office: string, ahead: number) {
  const d = weekdayAfter(ahead);
  const publisher = office === DEMO_OFFICE_ID ? head : await t.as('rudaki');
  const res = await publisher.post(
    `/api/v1/offices/${office}/slot-series`,
    {
      days: [new Date(`${d}T00:00:00Z`).getUTCDay() || 7],
      from: '13:00',
      to: '15:00',
      minutes: 60,
      capacity: 3,
      firstDay: d,
      lastDay: d,
    },
    key(),
  );
  expect(res.status, show(res)).toBe(201);
  const free = await t.anonymous().get(`/api/v1/portal/slots?office=${office}&from=${d}&to=${d}`);
  const [first, second] = free.body.items as { id: string; date: string; start: string }[];
  return { first: first!, second: second! };
}

const booked = async (slot: string) => {
  const { rows } = await sql<{ booked: number }>`
    SELECT booked FROM appointment_slots WHERE id = ${slot}`.execute(t.dbx.db);
  return rows[0]!.booked;
};

describe('an appointment for an online application', () => {
  it('is booked for one’s own submitted application, shown on it and on the office’s screens, kept when moved', async () => {
    const c = await citizen('en');
    const app = await application(c);
    const day1 = await slots(DEMO_OFFICE_ID, 3);

    const made = await c.post(P, { slot: day1.first.id, application: app.id });
    expect(made.status, show(made)).toBe(201);
    expect(made.body.application).toEqual({ id: app.id, kind: 'BIRTH', trackingCode: app.trackingCode });
    expect((await c.get(P)).body.items[0].application).toMatchObject({ trackingCode: app.trackingCode });

    // the citizen's application shows its visit
    const mine = await c.get(`${A}/${app.id}`);
    expect(mine.body.appointment).toMatchObject({
      id: made.body.id,
      date: day1.first.date,
      start: '13:00',
      end: '14:00',
      office: { id: DEMO_OFFICE_ID },
    });

    // the office's day names it by its tracking code, and its screen of the application shows the visit
    const day = await front.get(`/api/v1/appointments/day?date=${day1.first.date}`);
    expect(day.body.items).toEqual([
      expect.objectContaining({
        id: made.body.id,
        application: { id: app.id, kind: 'BIRTH', trackingCode: app.trackingCode },
      }),
    ]);
    const screen = await front.get(`/api/v1/online-applications/${app.id}`);
    expect(screen.status, show(screen)).toBe(200);
    expect(screen.body.appointment).toMatchObject({ id: made.body.id, start: '13:00' });

    // a second visit for the same application, another day: refused, naming the first; nothing booked
    const day2 = await slots(DEMO_OFFICE_ID, 5);
    const again = await c.post(P, { slot: day2.first.id, application: app.id });
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.body.title).toBe(
      `This application already has a visit booked (${day1.first.date} at 13:00). Move or cancel that one instead.`,
    );
    expect(await booked(day2.first.id)).toBe(0);

    // moved: still for the application
    const moved = await c.post(`${P}/${made.body.id}/move`, { slot: day2.second.id });
    expect(moved.status, show(moved)).toBe(200);
    expect(moved.body.application).toMatchObject({ id: app.id });
    expect((await c.get(`${A}/${app.id}`)).body.appointment).toMatchObject({
      date: day2.second.date,
      start: '14:00',
    });

    // cancelled: the application has no visit, and a new one may be booked for it
    expect((await c.post(`${P}/${made.body.id}/cancel`)).status).toBe(200);
    expect((await c.get(`${A}/${app.id}`)).body.appointment).toBeNull();
    expect((await front.get(`/api/v1/online-applications/${app.id}`)).body.appointment).toBeNull();
    const anew = await c.post(P, { slot: day1.second.id, application: app.id });
    expect(anew.status, show(anew)).toBe(201);
  });

  it('refuses another citizen’s application, a draft and another office’s slot, in the citizen’s language, changing nothing', async () => {
    const owner = await citizen('en');
    const theirs = await application(owner);
    const draft = await application(owner, false);
    const intruder = await citizen('tg');
    const district = await slots(DEMO_OFFICE_ID, 7);
    const jamoat = await slots(DEMO_JAMOAT_ID, 7);

    const others = await intruder.post(P, { slot: district.first.id, application: theirs.id });
    expect(others.status).toBe(404);
    expect(others.headers['content-type']).toContain('application/problem+json');
    expect(others.body.title).toBe('Шумо чунин аризаи онлайн надоред.');
    expect(others.body.errors).toEqual([expect.objectContaining({ path: 'application' })]);

    const ru = await citizen('ru');
    const unknown = await ru.post(P, { slot: district.first.id, application: randomUUID() });
    expect(unknown.status).toBe(404);
    expect(unknown.body.title).toBe('У вас нет такого онлайн-заявления.');

    const ofDraft = await owner.post(P, { slot: district.first.id, application: draft.id });
    expect(ofDraft.status).toBe(409);
    expect(ofDraft.body.title).toBe(
      'This application has not been submitted yet: submit it first, then book a visit for it.',
    );

    const elsewhere = await owner.post(P, { slot: jamoat.first.id, application: theirs.id });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.title).toBe(
      'The application was submitted to another office: choose a time at that office.',
    );

    // nothing was booked by any of them
    expect(await booked(district.first.id)).toBe(0);
    expect(await booked(jamoat.first.id)).toBe(0);
    expect((await intruder.get(P)).body.items).toEqual([]);
    expect((await owner.get(P)).body.items).toEqual([]);
    expect((await owner.get(`${A}/${theirs.id}`)).body.appointment).toBeNull();
  });

  it('two bookings for one application at once: one is made, the other refused', async () => {
    const c = await citizen('en');
    const app = await application(c);
    const a = await slots(DEMO_OFFICE_ID, 9);
    const b = await slots(DEMO_OFFICE_ID, 11);
    const answers = await Promise.all([
      c.post(P, { slot: a.first.id, application: app.id }),
      c.post(P, { slot: b.first.id, application: app.id }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await booked(a.first.id)) + (await booked(b.first.id))).toBe(1);
  });
});
