import { randomUUID } from 'node:crypto';
import { addDays, type Locale, todayIn } from '@sabt/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNotification } from '../../notifications/render.ts';
import { notifyDb } from '../../notifications/tables.ts';
import { createCitizenSession } from '../../portal/sessions.ts';
import { portalDb } from '../../portal/tables.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';

/**
 * Appointments through the API: offices publish slots (who may, where), the public sees the free
 * ones, citizens book, move and cancel their own (never another's), the last place of a slot goes
 * to exactly one of many citizens booking it at once, and the office reads its day.
 */

let t: TestApp;
let today: string;
let head: Client;

beforeAll(async () => {
  t = await startTestApp();
  today = todayIn(t.config.timeZone);
  head = await t.as('head');
});

afterAll(async () => {
  await t?.close();
});

/** A citizen of the portal with a session of their own (as signing in with a code makes one). */
async function citizen(language: Locale = 'tg', contact = `${randomUUID()}@mail.example.tj`) {
  const id = randomUUID();
  const token = await t.dbx.db.transaction().execute(async (trx) => {
    await portalDb(trx)
      .insertInto('citizens')
      .values({ id, channel: 'email', contact, language, last_sign_in_at: new Date() })
      .execute();
    return createCitizenSession(trx, t.config, id);
  });
  const headers = (h: Record<string, string> = {}) => ({
    cookie: `sabt_citizen=${token}`,
    'accept-language': language,
    ...h,
  });
  const c = t.anonymous();
  return {
    id,
    contact,
    get: (url: string, h?: Record<string, string>) => c.get(url, headers(h)),
    post: (url: string, body?: unknown, h?: Record<string, string>) => c.post(url, body ?? {}, headers(h)),
  };
}

/** The next weekday (Monday to Friday) at least `ahead` days from today. */
function weekdayAfter(ahead: number): string {
  let d = addDays(today, ahead);
  while ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
}
const isoDay = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay() || 7;

let keys = 0;
const key = () => ({ 'idempotency-key': `k-${++keys}` });

async function publish(client: Client, office: string, series: Record<string, unknown>, headers = {}) {
  return client.post(`/api/v1/offices/${office}/slot-series`, series, { ...key(), ...headers });
}

async function freeSlots(office: string, from: string, to = from) {
  const res = await t.anonymous().get(`/api/v1/portal/slots?office=${office}&from=${from}&to=${to}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as { id: string; date: string; start: string; end: string; free: number }[];
}

async function notificationsOf(appointment: string) {
  return notifyDb(t.dbx.db)
    .selectFrom('notifications')
    .select(['template', 'language', 'params', 'recipient'])
    .where('related_kind', '=', 'appointment')
    .where('related_id', '=', appointment)
    .orderBy('created_at')
    .execute();
}

async function slotRow(id: string) {
  const { rows } = await sql<{ booked: number; capacity: number; closed_at: Date | null }>`
    SELECT booked, capacity, closed_at FROM appointment_slots WHERE id = ${id}`.execute(t.dbx.db);
  return rows[0]!;
}

describe('publishing slots', () => {
  const day = () => weekdayAfter(1);

  it('the head of office publishes a series for their office: slots by day and time in the office’s zone', async () => {
    const d = day();
    const res = await publish(head, 'DU-03-00', {
      days: [isoDay(d)],
      from: '09:00',
      to: '10:30',
      minutes: 30,
      capacity: 2,
      firstDay: d,
      lastDay: d,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ office: 'DU-03-00', created: 3, skipped: 0 });
    const slots = await freeSlots('DU-03-00', d);
    expect(slots.map((s) => [s.start, s.end, s.free])).toEqual([
      ['09:00', '09:30', 2],
      ['09:30', '10:00', 2],
      ['10:00', '10:30', 2],
    ]);
    // the moment a slot begins is the office's wall-clock time in its zone
    const { rows } = await sql<{ local: string }>`
      SELECT to_char(starts_at AT TIME ZONE ${t.config.timeZone}, 'YYYY-MM-DD HH24:MI') AS local
      FROM appointment_slots WHERE id = ${slots[0]!.id}`.execute(t.dbx.db);
    expect(rows[0]!.local).toBe(`${d} 09:00`);

    // the same series again makes no second slot at the same time
    const again = await publish(head, 'DU-03-00', {
      days: [isoDay(d)],
      from: '09:00',
      to: '10:00',
      minutes: 30,
      capacity: 5,
      firstDay: d,
      lastDay: d,
    });
    expect(again.body).toMatchObject({ created: 0, skipped: 2 });
    expect(await freeSlots('DU-03-00', d)).toHaveLength(3);
  });

  it('is refused to other roles, outside the head’s reach, in the past, outside opening hours', async () => {
    const d = day();
    const series = {
      days: [isoDay(d)],
      from: '14:00',
      to: '15:00',
      minutes: 20,
      capacity: 1,
      firstDay: d,
      lastDay: d,
    };
    const front = await t.as('front');
    const byFront = await publish(front, 'DU-03-00', series, { 'accept-language': 'en' });
    expect(byFront.status).toBe(403);
    expect(byFront.headers['content-type']).toContain('application/problem+json');
    // the Firdavsi head does not reach the Rudaki jamoats; the Rudaki head does; the centre everywhere
    expect((await publish(head, 'RA-13-01', series)).status).toBe(403);
    const rudaki = await t.as('rudaki');
    expect((await publish(rudaki, 'RA-13-01', series)).status).toBe(201);
    const admin = await t.as('admin');
    expect((await publish(admin, 'SU-01-00', series)).status).toBe(201);
    // the central department takes no citizens
    expect((await publish(admin, 'HQ-00-00', series)).status).toBe(409);

    const past = await publish(
      head,
      'DU-03-00',
      { ...series, firstDay: addDays(today, -1) },
      { 'accept-language': 'ru' },
    );
    expect(past.status).toBe(422);
    expect(past.body.title).toBe('Нельзя публиковать время приёма на прошедшие дни.');
    // Firdavsi publishes 08:00–17:00 on weekdays
    const late = await publish(
      head,
      'DU-03-00',
      { ...series, from: '16:00', to: '18:00' },
      { 'accept-language': 'en' },
    );
    expect(late.status).toBe(422);
    expect(late.body.title).toMatch(
      /^On (Monday|Tuesday|Wednesday|Thursday|Friday) the office is open from 08:00 to 17:00/,
    );
    const bad = await publish(head, 'DU-03-00', { ...series, from: '15:00', to: '14:00', capacity: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['capacity', 'to']);
  });
});

/** One slot of `capacity` at an office of the Rudaki district on a weekday `ahead` days on. */
async function oneSlot(office: string, start: string, capacity: number, ahead = 2) {
  const rudaki = await t.as('rudaki');
  const d = weekdayAfter(ahead);
  const end = `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}${start.slice(2)}`;
  const res = await publish(rudaki, office, {
    days: [isoDay(d)],
    from: start,
    to: end,
    minutes: 60,
    capacity,
    firstDay: d,
    lastDay: d,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const slot = (await freeSlots(office, d)).find((s) => s.start === start)!;
  return { ...slot, date: d };
}

describe('booking', () => {
  it('50 citizens booking the one place of a slot at once: exactly one gets it, the others a 409 in their language', async () => {
    const slot = await oneSlot('RA-13-02', '10:00', 1);
    const languages: Locale[] = ['tg', 'ru', 'en'];
    const citizens = await Promise.all(Array.from({ length: 50 }, (_, i) => citizen(languages[i % 3])));
    const answers = await Promise.all(
      citizens.map((c) => c.post('/api/v1/portal/appointments', { slot: slot.id }, key())),
    );
    const won = answers.filter((a) => a.status === 201);
    const lost = answers.filter((a) => a.status === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    const titles = new Set(lost.map((a) => a.body.title));
    expect(titles).toEqual(
      new Set([
        'Ин вақт аллакай банд шуд. Вақти дигарро интихоб кунед.',
        'Это время уже занято. Выберите другое время.',
        'This time has just been taken. Choose another time.',
      ]),
    );
    for (const a of lost) expect(a.headers['content-type']).toContain('application/problem+json');
    expect(await slotRow(slot.id)).toMatchObject({ booked: 1, capacity: 1 });
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM appointments WHERE slot_id = ${slot.id} AND status = 'booked'`.execute(
      t.dbx.db,
    );
    expect(rows[0]!.n).toBe(1);
    expect(await freeSlots('RA-13-02', slot.date)).not.toContainEqual(
      expect.objectContaining({ id: slot.id }),
    );
  });

  it('is told to the citizen in their language, once however often the request is sent again', async () => {
    const slot = await oneSlot('RA-13-03', '09:00', 3);
    const c = await citizen('ru');
    const k = key();
    const first = await c.post('/api/v1/portal/appointments', { slot: slot.id, purpose: 'birth' }, k);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      status: 'booked',
      date: slot.date,
      start: '09:00',
      end: '10:00',
      purpose: 'birth',
      application: null,
      office: { id: 'RA-13-03' },
    });
    const again = await c.post('/api/v1/portal/appointments', { slot: slot.id, purpose: 'birth' }, k);
    expect(again.status).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(await slotRow(slot.id)).toMatchObject({ booked: 1 });

    const sent = await notificationsOf(first.body.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ template: 'appointment.booked', language: 'ru', recipient: c.contact });
    const text = renderNotification(sent[0]!.template, sent[0]!.language, sent[0]!.params);
    expect(text.subject).toContain('Запись на приём');
    expect(text.text).toContain('09:00');

    // one live appointment per office and day
    const second = await oneSlot('RA-13-03', '11:00', 1);
    expect(second.date).toBe(slot.date);
    const twice = await c.post('/api/v1/portal/appointments', { slot: second.id }, key());
    expect(twice.status).toBe(409);
    expect(twice.body.title).toBe(
      'У вас уже есть запись в это учреждение на этот день. Перенесите или отмените её.',
    );
    expect(await slotRow(second.id)).toMatchObject({ booked: 0 });

    const mine = await c.get('/api/v1/portal/appointments');
    expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([first.body.id]);
  });

  it('one citizen booking several times of one day at once keeps one: the others refused in their language', async () => {
    const morning = await oneSlot('RA-13-03', '13:00', 5, 7);
    const afternoon = await oneSlot('RA-13-03', '15:00', 5, 7);
    const c = await citizen('en');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        c.post('/api/v1/portal/appointments', { slot: (i % 2 ? morning : afternoon).id }, key()),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    const refused = answers.filter((a) => a.status !== 201);
    expect(new Set(refused.map((a) => `${a.status} ${a.body.title}`))).toEqual(
      new Set(['409 You already have an appointment at this office on this day. Move or cancel it instead.']),
    );
    const booked = (await slotRow(morning.id)).booked + (await slotRow(afternoon.id)).booked;
    expect(booked).toBe(1);
  });

  it('needs a signed-in citizen, and a slot that exists', async () => {
    const res = await t.anonymous().post('/api/v1/portal/appointments', { slot: randomUUID() }, key());
    expect(res.status).toBe(401);
    const c = await citizen('en');
    const none = await c.post('/api/v1/portal/appointments', { slot: randomUUID() }, key());
    expect(none.status).toBe(404);
    expect(none.body.title).toBe('There is no such slot.');
    const bad = await c.post('/api/v1/portal/appointments', { slot: 'x', purpose: 'NOPE' }, key());
    expect(bad.status).toBe(400);
  });
});

describe('moving and cancelling', () => {
  it('moves in one step (the new place taken, the old freed), refuses a full slot, cancels', async () => {
    const a = await oneSlot('RA-13-01', '08:00', 1, 3);
    const b = await oneSlot('RA-13-01', '09:00', 1, 3);
    const full = await oneSlot('RA-13-01', '10:00', 1, 3);
    const c = await citizen('en');
    const other = await citizen('tg');
    const booked = await c.post('/api/v1/portal/appointments', { slot: a.id }, key());
    expect(booked.status).toBe(201);
    const id = booked.body.id;
    expect((await other.post('/api/v1/portal/appointments', { slot: full.id }, key())).status).toBe(201);

    const moved = await c.post(`/api/v1/portal/appointments/${id}/move`, { slot: b.id }, key());
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ id, slot: b.id, start: '09:00', status: 'booked' });
    expect(await slotRow(a.id)).toMatchObject({ booked: 0 });
    expect(await slotRow(b.id)).toMatchObject({ booked: 1 });

    // to a full slot: refused, nothing changed
    const toFull = await c.post(`/api/v1/portal/appointments/${id}/move`, { slot: full.id }, key());
    expect(toFull.status).toBe(409);
    expect(toFull.body.title).toBe('This time has just been taken. Choose another time.');
    expect(await slotRow(b.id)).toMatchObject({ booked: 1 });
    expect(await slotRow(full.id)).toMatchObject({ booked: 1 });

    const cancelled = await c.post(`/api/v1/portal/appointments/${id}/cancel`, undefined, key());
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledBy: 'citizen' });
    expect(await slotRow(b.id)).toMatchObject({ booked: 0 });
    const again = await c.post(`/api/v1/portal/appointments/${id}/cancel`, undefined, key());
    expect(again.status).toBe(409);
    expect(again.body.title).toBe('This appointment has been cancelled or has passed.');

    const sent = await notificationsOf(id);
    expect(sent.map((n) => [n.template, n.language])).toEqual([
      ['appointment.booked', 'en'],
      ['appointment.moved', 'en'],
      ['appointment.cancelled', 'en'],
    ]);
    expect(renderNotification('appointment.moved', 'en', sent[1]!.params).text).toContain('from');

    // the freed place is free for others again
    expect((await freeSlots('RA-13-01', a.date)).map((s) => s.id)).toEqual(
      expect.arrayContaining([a.id, b.id]),
    );
  });

  it('refuses another citizen’s appointment as not found, and never lists it', async () => {
    const slot = await oneSlot('RA-13-01', '11:00', 2, 4);
    const owner = await citizen('tg');
    const intruder = await citizen('ru');
    const booked = await owner.post('/api/v1/portal/appointments', { slot: slot.id }, key());
    expect(booked.status).toBe(201);
    const id = booked.body.id;
    const cancel = await intruder.post(`/api/v1/portal/appointments/${id}/cancel`, undefined, key());
    expect(cancel.status).toBe(404);
    expect(cancel.body.title).toBe('Такой записи нет.');
    const move = await intruder.post(`/api/v1/portal/appointments/${id}/move`, { slot: slot.id }, key());
    expect(move.status).toBe(404);
    expect((await intruder.get('/api/v1/portal/appointments')).body.items).toEqual([]);
    expect((await owner.get('/api/v1/portal/appointments')).body.items[0]).toMatchObject({
      id,
      status: 'booked',
    });
  });
});

describe("the office's day", () => {
  it('its front office and head read it with the citizens’ contacts; other roles and offices are refused', async () => {
    const d = weekdayAfter(5);
    const pub = await publish(head, 'DU-03-00', {
      days: [isoDay(d)],
      from: '11:00',
      to: '12:00',
      minutes: 30,
      capacity: 1,
      firstDay: d,
      lastDay: d,
    });
    expect(pub.status).toBe(201);
    const [first] = await freeSlots('DU-03-00', d);
    const c = await citizen('tg');
    const booked = await c.post(
      '/api/v1/portal/appointments',
      { slot: first!.id, purpose: 'marriage' },
      key(),
    );
    expect(booked.status).toBe(201);

    const front = await t.as('front');
    const day = await front.get(`/api/v1/appointments/day?date=${d}`);
    expect(day.status, JSON.stringify(day.body)).toBe(200);
    expect(day.body.office.id).toBe('DU-03-00');
    expect(day.body.slots.map((s: { start: string; booked: number }) => [s.start, s.booked])).toEqual([
      ['11:00', 1],
      ['11:30', 0],
    ]);
    expect(day.body.items).toEqual([
      expect.objectContaining({ start: '11:00', contact: c.contact, purpose: 'marriage', status: 'booked' }),
    ]);
    expect((await head.get(`/api/v1/appointments/day?date=${d}`)).body.items).toHaveLength(1);
    expect((await (await t.as('back')).get(`/api/v1/appointments/day?date=${d}`)).status).toBe(403);
    expect((await front.get(`/api/v1/appointments/day?office=RA-13-01&date=${d}`)).status).toBe(403);
    // the reading is audited: it names citizens
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_log WHERE event = 'appointment.day-read'`.execute(t.dbx.db);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('the head closes a slot: its bookings are cancelled and the citizens told; no one books it again', async () => {
    const slot = await oneSlot('RA-13-02', '14:00', 2, 6);
    const c = await citizen('ru');
    const booked = await c.post('/api/v1/portal/appointments', { slot: slot.id }, key());
    expect(booked.status).toBe(201);
    const front = await t.as('front');
    expect((await front.post(`/api/v1/slots/${slot.id}/close`, undefined, key())).status).toBe(403);
    const rudaki = await t.as('rudaki');
    const closed = await rudaki.post(`/api/v1/slots/${slot.id}/close`, undefined, key());
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ cancelled: 1, slot: { closed: true, booked: 0 } });
    const mine = await c.get('/api/v1/portal/appointments');
    expect(mine.body.items[0]).toMatchObject({ status: 'cancelled', cancelledBy: 'office' });
    const sent = await notificationsOf(booked.body.id);
    expect(sent.at(-1)).toMatchObject({ template: 'appointment.cancelled', language: 'ru' });
    expect(renderNotification('appointment.cancelled', 'ru', sent.at(-1)!.params).text).toContain(
      'Учреждение закрыло это время приёма',
    );
    const late = await (await citizen('ru')).post('/api/v1/portal/appointments', { slot: slot.id }, key());
    expect(late.status).toBe(409);
    expect(late.body.title).toBe('Учреждение закрыло это время приёма. Выберите другое время.');
  });
});
