import { randomUUID } from 'node:crypto';
import {
  type ActKindCode,
  APPOINTMENT_DAY_READERS,
  type ApplicationVisit,
  type Appointment,
  type AppointmentApplication,
  type AppointmentDay,
  addDays,
  adminReach,
  type FreeSlot,
  isPortalService,
  type LocalizedText,
  OFFICE_ACT_KINDS,
  type OfficeKind,
  type PortalService,
  type Slot,
  type SlotSeries,
  todayIn,
  WEEKDAY_LABELS,
} from '@sabt/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { NotificationCause } from '../notifications/record.ts';
import { queueNotification } from '../notifications/send-job.ts';
import { assertOfficeInReach, withinReach } from '../policies/administration.ts';
import type { WriteContext } from '../unit-of-work/write.ts';
import { scheduleReminder, withdrawReminders } from './appointment-reminders.ts';
import { type AppointmentsDatabase, appointmentsDb } from './appointment-tables.ts';
import type { CitizenWriteContext } from './citizen-write.ts';

/**
 * Appointments at an office. Slots are rows (appointment_slots, migration 040), made when a series
 * is published, rather than computed from the series when asked: a slot must be a row for the
 * database to hold its bookings to its capacity (one conditional UPDATE of its counter, serialised
 * by PostgreSQL on the row, below), for one slot to be closed alone, and for two series that
 * overlap to make one slot, not two. Times are the office's wall clock in config.timeZone; each
 * slot also keeps the moment it begins (`starts_at`), computed by the database in that zone.
 */

type Adb = Kysely<AppointmentsDatabase> | Transaction<AppointmentsDatabase>;

const hhmm = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'HH24:MI')`;
const isoDay = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

interface OfficeRow {
  id: string;
  kind: string;
  path: string;
  active: boolean;
  hours: unknown;
  names: LocalizedText;
}

async function officeOf(db: Adb, id: string): Promise<OfficeRow> {
  const o = await db
    .selectFrom('offices')
    .select(['id', 'kind', 'path', 'active', 'hours', 'name_tg', 'name_ru', 'name_en'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!o) throw new DomainError('not-found', 'problem.admin.unknownOffice');
  return { ...o, names: { tg: o.name_tg, ru: o.name_ru, en: o.name_en } };
}

/** An office citizens book at: open, and of a kind that registers acts. */
function assertServing(office: OfficeRow): void {
  if (!office.active || OFFICE_ACT_KINDS[office.kind as OfficeKind].length === 0)
    throw new DomainError('conflict', 'problem.portal.noPublicOffice', { office: office.names });
}

/** Each day of the series within the office's published hours for that day (none published: no check). */
function assertWithinHours(office: OfficeRow, series: SlotSeries): void {
  const parsed = Array.isArray(office.hours)
    ? (office.hours as { days: number[]; opens: string; closes: string }[])
    : null;
  if (!parsed) return;
  for (const day of series.days) {
    const open = parsed.find((h) => h.days.includes(day));
    if (!open)
      throw new DomainError('invalid', 'problem.appointments.closedDay', { day: WEEKDAY_LABELS[day - 1] });
    if (series.from < open.opens || series.to > open.closes)
      throw new DomainError('invalid', 'problem.appointments.outsideHours', {
        day: WEEKDAY_LABELS[day - 1],
        opens: open.opens,
        closes: open.closes,
      });
  }
}

/** How many slots of `minutes` fit between two wall-clock times. */
function slotsPerDay(from: string, to: string, minutes: number): number {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return Math.floor((m(to) - m(from)) / minutes);
}

/**
 * Publishes a series of slots for an office: the head of office for theirs and those below, the
 * central administrator anywhere (core ADMIN_MATRIX `publish-appointment-slots`); from today on,
 * within the office's published hours. Slots at a time already published stay as they were (the
 * answer counts them as skipped). Audited `appointment.series-published`.
 */
export async function publishSlotSeries(ctx: WriteContext, officeId: string, input: SlotSeries) {
  const db = appointmentsDb(ctx.trx);
  const office = await officeOf(db, officeId);
  assertOfficeInReach(ctx.actor, 'publish-appointment-slots', office);
  assertServing(office);
  if (input.firstDay < ctx.today) throw new DomainError('invalid', 'problem.appointments.pastSeries');
  assertWithinHours(office, input);
  const perDay = slotsPerDay(input.from, input.to, input.minutes);
  let days = 0;
  for (let d = input.firstDay; d <= input.lastDay; d = addDays(d, 1))
    if (input.days.includes(isoDay(d))) days++;
  if (perDay === 0 || days === 0) throw new DomainError('invalid', 'problem.appointments.noSlots');

  const id = randomUUID();
  const dayList = `{${[...input.days].sort().join(',')}}`;
  await sql`INSERT INTO appointment_series
      (id, office_id, days, from_time, to_time, slot_minutes, capacity, first_day, last_day, created_by)
    VALUES (${id}, ${officeId}, ${dayList}::int[], ${input.from}::time, ${input.to}::time, ${input.minutes},
      ${input.capacity}, ${input.firstDay}::date, ${input.lastDay}::date, ${ctx.actor.id})`.execute(ctx.trx);
  const made = await sql<{ id: string }>`INSERT INTO appointment_slots
      (id, office_id, series_id, day, start_time, end_time, starts_at, capacity)
    SELECT gen_random_uuid(), ${officeId}, ${id}, d.day, t.start, t.start + make_interval(mins => ${input.minutes}),
      (d.day + t.start) AT TIME ZONE ${ctx.config.timeZone}, ${input.capacity}
    FROM (SELECT g::date AS day FROM generate_series(${input.firstDay}::date, ${input.lastDay}::date, interval '1 day') AS g) AS d
    CROSS JOIN (SELECT ${input.from}::time + make_interval(mins => ${input.minutes} * i) AS start
                FROM generate_series(0, ${perDay - 1}) AS i) AS t
    WHERE extract(isodow FROM d.day)::int = ANY(${dayList}::int[])
    ON CONFLICT (office_id, starts_at) DO NOTHING
    RETURNING id`.execute(ctx.trx);
  const created = made.rows.length;
  const skipped = days * perDay - created;
  ctx.audit.push({
    event: 'appointment.series-published',
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: ctx.actor.officeId,
    detail: { series: id, office: officeId, ...input, created, skipped },
  });
  return { id, office: officeId, created, skipped };
}

const SLOT_COLUMNS = (db: Adb) =>
  db
    .selectFrom('appointment_slots as s')
    .select([
      's.id',
      's.office_id',
      's.day',
      hhmm('s.start_time').as('start'),
      hhmm('s.end_time').as('end'),
      's.capacity',
      's.booked',
      's.closed_at',
      's.starts_at',
    ]);
type SlotRow = Awaited<ReturnType<ReturnType<typeof SLOT_COLUMNS>['executeTakeFirstOrThrow']>>;

const presentSlot = (s: SlotRow): Slot => ({
  id: s.id,
  office: s.office_id,
  date: s.day,
  start: s.start,
  end: s.end,
  capacity: s.capacity,
  booked: s.booked,
  closed: s.closed_at !== null,
});

/**
 * Closes one slot (a holiday, an absent clerk): no one books it any more, and the bookings it held
 * are cancelled, each citizen told in their language. Closing a closed slot changes nothing.
 * Audited `appointment.slot-closed`.
 */
export async function closeSlot(ctx: WriteContext, slotId: string) {
  const db = appointmentsDb(ctx.trx);
  const slot = await SLOT_COLUMNS(db).where('s.id', '=', slotId).forUpdate().executeTakeFirst();
  if (!slot) throw new DomainError('not-found', 'problem.appointments.unknownSlot');
  const office = await officeOf(db, slot.office_id);
  assertOfficeInReach(ctx.actor, 'publish-appointment-slots', office);
  if (slot.closed_at) return { slot: presentSlot(slot), cancelled: 0 };
  const cancelled = await db
    .updateTable('appointments')
    .set({ status: 'cancelled', cancelled_by: 'office', cancelled_at: ctx.now, updated_at: ctx.now })
    .where('slot_id', '=', slotId)
    .where('status', '=', 'booked')
    .returning(['id', 'citizen_id'])
    .execute();
  await db
    .updateTable('appointment_slots')
    .set({ closed_at: ctx.now, closed_by: ctx.actor.id, booked: sql<number>`booked - ${cancelled.length}` })
    .where('id', '=', slotId)
    .execute();
  for (const a of cancelled)
    await notifyCitizen(
      ctx.trx,
      ctx.config,
      a.citizen_id,
      'appointment.cancelled',
      a.id,
      { kind: 'user', userId: ctx.actor.id },
      {
        date: slot.day,
        time: slot.start,
        office: office.names,
        byOffice: true,
      },
    );
  await withdrawReminders(
    ctx.trx,
    cancelled.map((a) => a.id),
  );
  ctx.audit.push({
    event: 'appointment.slot-closed',
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: ctx.actor.officeId,
    detail: {
      slot: slotId,
      office: slot.office_id,
      date: slot.day,
      start: slot.start,
      cancelled: cancelled.map((a) => a.id),
    },
  });
  const after = await SLOT_COLUMNS(db).where('s.id', '=', slotId).executeTakeFirstOrThrow();
  return { slot: presentSlot(after), cancelled: cancelled.length };
}

/** The slots of an office with a place left between two days, from now on (the public's view). */
export async function freeSlots(
  db: Kysely<Database>,
  config: Config,
  q: { office: string; from?: string | undefined; to?: string | undefined },
): Promise<FreeSlot[]> {
  const adb = appointmentsDb(db);
  const office = await officeOf(adb, q.office);
  assertServing(office);
  const from = q.from ?? todayIn(config.timeZone);
  const to = q.to ?? addDays(from, 13);
  const rows = await SLOT_COLUMNS(adb)
    .where('s.office_id', '=', q.office)
    .where('s.day', '>=', from)
    .where('s.day', '<=', to)
    .where('s.closed_at', 'is', null)
    .where(sql<boolean>`s.booked < s.capacity`)
    .where('s.starts_at', '>', new Date())
    .orderBy('s.starts_at')
    .execute();
  return rows.map((s) => ({
    id: s.id,
    date: s.day,
    start: s.start,
    end: s.end,
    free: s.capacity - s.booked,
  }));
}

/**
 * Takes a place in a slot: one UPDATE whose condition is the rule (open, not begun, a place
 * left), so that of any number of citizens booking the last place at once exactly one gets it —
 * PostgreSQL makes the others wait for the row and evaluate the condition again on the new count.
 * The table's CHECK (booked <= capacity) holds even so. Refused: why, in the citizen's language.
 */
async function takePlace(db: Adb, slotId: string, now: Date, officeId?: string): Promise<SlotRow> {
  const taken = await db
    .updateTable('appointment_slots')
    .set({ booked: sql<number>`booked + 1` })
    .where('id', '=', slotId)
    .where('closed_at', 'is', null)
    .where('starts_at', '>', now)
    .where(sql<boolean>`booked < capacity`)
    .$if(officeId !== undefined, (q) => q.where('office_id', '=', officeId!))
    .returning('id')
    .executeTakeFirst();
  const slot = await SLOT_COLUMNS(db).where('s.id', '=', slotId).executeTakeFirst();
  if (taken && slot) return slot;
  if (!slot) throw new DomainError('not-found', 'problem.appointments.unknownSlot');
  if (officeId !== undefined && slot.office_id !== officeId)
    throw new DomainError('conflict', 'problem.appointments.otherOffice');
  if (slot.closed_at) throw new DomainError('conflict', 'problem.appointments.slotClosed');
  if (new Date(slot.starts_at) <= now) throw new DomainError('conflict', 'problem.appointments.slotPast');
  throw new DomainError('conflict', 'problem.appointments.slotFull');
}

async function freePlace(db: Adb, slotId: string): Promise<void> {
  await db
    .updateTable('appointment_slots')
    .set({ booked: sql<number>`booked - 1` })
    .where('id', '=', slotId)
    .where('closed_at', 'is', null)
    .execute();
}

async function notifyCitizen<T extends 'appointment.booked' | 'appointment.moved' | 'appointment.cancelled'>(
  trx: Transaction<Database>,
  config: Config,
  citizenId: string,
  template: T,
  appointmentId: string,
  cause: NotificationCause,
  params: Parameters<typeof queueNotification<T>>[2]['params'],
) {
  const c = await appointmentsDb(trx)
    .selectFrom('citizens')
    .select(['channel', 'contact', 'language'])
    .where('id', '=', citizenId)
    .executeTakeFirstOrThrow();
  await queueNotification(trx, config, {
    template,
    params,
    to: c.channel === 'email' ? { email: c.contact } : { phone: c.contact },
    language: c.language as 'tg' | 'ru' | 'en',
    cause,
    related: { kind: 'appointment', id: appointmentId },
  });
}

const citizenAudit = (
  ctx: CitizenWriteContext,
  event: string,
  officeId: string,
  detail: Record<string, unknown>,
) => ctx.audit.push({ event, officeId, detail: { citizen: ctx.citizen.id, ...detail } });

/** The database's refusal of a second live booking the same day at one office, as the citizen reads it. */
export function onePerDayRefusal(err: unknown): DomainError | undefined {
  const e = err as { code?: string; constraint?: string; message?: string };
  if (
    e?.code === '23505' &&
    (e.constraint === 'appointments_one_per_day' || e.message?.includes('appointments_one_per_day'))
  )
    return new DomainError('conflict', 'problem.appointments.onePerDay');
  return undefined;
}

async function assertNoOtherThatDay(
  db: Adb,
  citizenId: string,
  officeId: string,
  day: string,
  except?: string,
) {
  const other = await db
    .selectFrom('appointments')
    .select('id')
    .where('citizen_id', '=', citizenId)
    .where('office_id', '=', officeId)
    .where('day', '=', day)
    .where('status', '=', 'booked')
    .$if(except !== undefined, (q) => q.where('id', '<>', except!))
    .executeTakeFirst();
  if (other) throw new DomainError('conflict', 'problem.appointments.onePerDay');
}

/** An appointment that still counts: booked, and its slot not yet begun. */
const comingVisits = (db: Adb, now: Date) =>
  db
    .selectFrom('appointments as a')
    .innerJoin('appointment_slots as s', 's.id', 'a.slot_id')
    .where('a.status', '=', 'booked')
    .where('s.starts_at', '>', now);

/**
 * A visit may be booked for an application that is the citizen's own (another's is not found),
 * submitted (not a draft), to the slot's office, and without another coming visit: an
 * application has one at a time, and a citizen who wants another time moves that one (refused
 * here rather than moved silently, so that no booking changes without the citizen asking). The
 * application is locked, so two bookings for it at once are decided one after the other.
 */
async function assertBookableFor(ctx: CitizenWriteContext, applicationId: string, officeId: string) {
  const db = appointmentsDb(ctx.trx);
  const app = await db
    .selectFrom('citizen_applications')
    .select(['id', 'status', 'office_id'])
    .where('id', '=', applicationId)
    .where('citizen_id', '=', ctx.citizen.id)
    .forUpdate()
    .executeTakeFirst();
  const field = (key: string) => [{ path: ['application'], key }];
  if (!app)
    throw new DomainError(
      'not-found',
      'problem.appointments.unknownApplication',
      {},
      field('problem.appointments.unknownApplication'),
    );
  if (app.status === 'draft')
    throw new DomainError(
      'conflict',
      'problem.appointments.applicationDraft',
      {},
      field('problem.appointments.applicationDraft'),
    );
  if (app.office_id !== officeId)
    throw new DomainError(
      'conflict',
      'problem.appointments.applicationOtherOffice',
      {},
      field('problem.appointments.applicationOtherOffice'),
    );
  const other = await comingVisits(db, ctx.now)
    .select(['a.day', hhmm('s.start_time').as('start')])
    .where('a.application_id', '=', applicationId)
    .executeTakeFirst();
  if (other)
    throw new DomainError('conflict', 'problem.appointments.applicationBooked', {
      date: other.day,
      time: other.start,
    });
}

/**
 * Books a slot for the signed-in citizen: a place taken (takePlace), at most one live booking per
 * citizen, office and day (checked here, and held by the database's unique index when two
 * bookings race), the citizen told. Audited `appointment.booked`.
 */
export async function bookAppointment(
  ctx: CitizenWriteContext,
  input: {
    slot: string;
    purpose?: PortalService | null | undefined;
    application?: string | null | undefined;
  },
): Promise<Appointment> {
  const db = appointmentsDb(ctx.trx);
  const slot = await takePlace(db, input.slot, ctx.now);
  const office = await officeOf(db, slot.office_id);
  assertServing(office);
  await assertNoOtherThatDay(db, ctx.citizen.id, slot.office_id, slot.day);
  if (input.application) await assertBookableFor(ctx, input.application, slot.office_id);
  const id = randomUUID();
  await db
    .insertInto('appointments')
    .values({
      id,
      citizen_id: ctx.citizen.id,
      office_id: slot.office_id,
      slot_id: slot.id,
      day: slot.day,
      purpose: input.purpose ?? null,
      application_id: input.application ?? null,
      status: 'booked',
      cancelled_by: null,
      cancelled_at: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute();
  await notifyCitizen(
    ctx.trx,
    ctx.config,
    ctx.citizen.id,
    'appointment.booked',
    id,
    { kind: 'citizen', citizenId: ctx.citizen.id },
    {
      date: slot.day,
      time: slot.start,
      office: office.names,
    },
  );
  await scheduleReminder(ctx.trx, ctx.config, {
    citizenId: ctx.citizen.id,
    appointmentId: id,
    slot,
    office: office.names,
    now: ctx.now,
  });
  citizenAudit(ctx, 'appointment.booked', slot.office_id, {
    appointment: id,
    slot: slot.id,
    date: slot.day,
    start: slot.start,
    purpose: input.purpose ?? null,
    application: input.application ?? null,
  });
  return citizenAppointment(db, ctx.citizen.id, id);
}

/** The citizen's own live appointment, locked; another citizen's is not found. */
async function ownLiveAppointment(ctx: CitizenWriteContext, id: string) {
  const db = appointmentsDb(ctx.trx);
  const a = await db
    .selectFrom('appointments')
    .selectAll()
    .where('id', '=', id)
    .where('citizen_id', '=', ctx.citizen.id)
    .forUpdate()
    .executeTakeFirst();
  if (!a) throw new DomainError('not-found', 'problem.appointments.unknown');
  const slot = await SLOT_COLUMNS(db).where('s.id', '=', a.slot_id).executeTakeFirstOrThrow();
  if (a.status !== 'booked' || new Date(slot.starts_at) <= ctx.now)
    throw new DomainError('conflict', 'problem.appointments.notActive');
  return { a, slot };
}

/**
 * Moves the citizen's appointment to another slot of the same office, in one transaction: the new
 * place taken first (refused: nothing changes), then the old one freed. Audited `appointment.moved`.
 */
export async function moveAppointment(
  ctx: CitizenWriteContext,
  id: string,
  slotId: string,
): Promise<Appointment> {
  const db = appointmentsDb(ctx.trx);
  const { a, slot: old } = await ownLiveAppointment(ctx, id);
  if (old.id === slotId) throw new DomainError('conflict', 'problem.appointments.sameSlot');
  const slot = await takePlace(db, slotId, ctx.now, a.office_id);
  await freePlace(db, old.id);
  if (slot.day !== old.day) await assertNoOtherThatDay(db, ctx.citizen.id, a.office_id, slot.day, id);
  await db
    .updateTable('appointments')
    .set({ slot_id: slot.id, day: slot.day, updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
  const office = await officeOf(db, a.office_id);
  await notifyCitizen(
    ctx.trx,
    ctx.config,
    ctx.citizen.id,
    'appointment.moved',
    id,
    { kind: 'citizen', citizenId: ctx.citizen.id },
    {
      date: slot.day,
      time: slot.start,
      fromDate: old.day,
      fromTime: old.start,
      office: office.names,
    },
  );
  await withdrawReminders(ctx.trx, [id]);
  await scheduleReminder(ctx.trx, ctx.config, {
    citizenId: ctx.citizen.id,
    appointmentId: id,
    slot,
    office: office.names,
    now: ctx.now,
  });
  citizenAudit(ctx, 'appointment.moved', a.office_id, {
    appointment: id,
    from: { slot: old.id, date: old.day, start: old.start },
    to: { slot: slot.id, date: slot.day, start: slot.start },
  });
  return citizenAppointment(db, ctx.citizen.id, id);
}

/** Cancels the citizen's appointment: its place freed for others. Audited `appointment.cancelled`. */
export async function cancelAppointment(ctx: CitizenWriteContext, id: string): Promise<Appointment> {
  const db = appointmentsDb(ctx.trx);
  const { a, slot } = await ownLiveAppointment(ctx, id);
  await db
    .updateTable('appointments')
    .set({ status: 'cancelled', cancelled_by: 'citizen', cancelled_at: ctx.now, updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
  await freePlace(db, slot.id);
  const office = await officeOf(db, a.office_id);
  await notifyCitizen(
    ctx.trx,
    ctx.config,
    ctx.citizen.id,
    'appointment.cancelled',
    id,
    { kind: 'citizen', citizenId: ctx.citizen.id },
    {
      date: slot.day,
      time: slot.start,
      office: office.names,
      byOffice: false,
    },
  );
  await withdrawReminders(ctx.trx, [id]);
  citizenAudit(ctx, 'appointment.cancelled', a.office_id, {
    appointment: id,
    slot: slot.id,
    date: slot.day,
    start: slot.start,
  });
  return citizenAppointment(db, ctx.citizen.id, id);
}

const APPOINTMENT_ROWS = (db: Adb) =>
  db
    .selectFrom('appointments as a')
    .innerJoin('appointment_slots as s', 's.id', 'a.slot_id')
    .innerJoin('offices as o', 'o.id', 'a.office_id')
    .leftJoin('citizen_applications as ap', 'ap.id', 'a.application_id')
    .select([
      'a.id',
      'a.office_id',
      'a.slot_id',
      'a.day',
      'a.purpose',
      'a.application_id',
      'ap.kind as application_kind',
      'ap.tracking_code',
      'a.status',
      'a.cancelled_by',
      'a.created_at',
      's.starts_at',
      hhmm('s.start_time').as('start'),
      hhmm('s.end_time').as('end'),
      'o.name_tg',
      'o.name_ru',
      'o.name_en',
    ]);
type AppointmentRow = Awaited<ReturnType<ReturnType<typeof APPOINTMENT_ROWS>['executeTakeFirstOrThrow']>>;

const purposeOf = (p: string | null): PortalService | null => (p && isPortalService(p) ? p : null);

const applicationOf = (r: {
  application_id: string | null;
  application_kind: string | null;
  tracking_code: string | null;
}): AppointmentApplication | null =>
  r.application_id && r.application_kind && r.tracking_code
    ? { id: r.application_id, kind: r.application_kind as ActKindCode, trackingCode: r.tracking_code }
    : null;

const presentAppointment = (r: AppointmentRow): Appointment => ({
  id: r.id,
  office: { id: r.office_id, name: { tg: r.name_tg, ru: r.name_ru, en: r.name_en } },
  slot: r.slot_id,
  date: r.day,
  start: r.start,
  end: r.end,
  purpose: purposeOf(r.purpose),
  application: applicationOf(r),
  status: r.status,
  cancelledBy: r.cancelled_by,
  createdAt: new Date(r.created_at).toISOString(),
});

async function citizenAppointment(db: Adb, citizenId: string, id: string): Promise<Appointment> {
  const row = await APPOINTMENT_ROWS(db)
    .where('a.id', '=', id)
    .where('a.citizen_id', '=', citizenId)
    .executeTakeFirstOrThrow();
  return presentAppointment(row);
}

/** The citizen's appointments: the coming live ones first, soonest first; then the rest, latest first. */
export async function citizenAppointments(db: Kysely<Database>, citizenId: string): Promise<Appointment[]> {
  const rows = await APPOINTMENT_ROWS(appointmentsDb(db))
    .where('a.citizen_id', '=', citizenId)
    .orderBy('s.starts_at', 'desc')
    .limit(200)
    .execute();
  const now = Date.now();
  const coming = rows.filter((r) => r.status === 'booked' && new Date(r.starts_at).getTime() > now).reverse();
  const rest = rows.filter((r) => !coming.includes(r));
  return [...coming, ...rest].map(presentAppointment);
}

/**
 * An office's day as its staff see it: the slots and the appointments (with the contact the
 * citizen signed in with). Its front office and head read their own office's; whoever publishes
 * the office's slots (a head above, the central administrator) reads it too.
 */
export async function appointmentDay(
  db: Kysely<Database>,
  actor: Actor,
  q: { office: string; date: string },
): Promise<AppointmentDay> {
  const adb = appointmentsDb(db);
  const office = await officeOf(adb, q.office);
  const own = office.id === actor.officeId && APPOINTMENT_DAY_READERS.includes(actor.role);
  const reach = adminReach('publish-appointment-slots', actor.role);
  if (!own && !(reach && withinReach(actor, reach, office.path)))
    throw new DomainError('forbidden', 'problem.appointments.forbidden');
  const slots = await SLOT_COLUMNS(adb)
    .where('s.office_id', '=', q.office)
    .where('s.day', '=', q.date)
    .orderBy('s.start_time')
    .execute();
  const items = await APPOINTMENT_ROWS(adb)
    .innerJoin('citizens as c', 'c.id', 'a.citizen_id')
    .select('c.contact')
    .where('a.office_id', '=', q.office)
    .where('a.day', '=', q.date)
    .orderBy('s.start_time')
    .orderBy('a.created_at')
    .execute();
  return {
    office: { id: office.id, name: office.names },
    date: q.date,
    slots: slots.map(presentSlot),
    items: items.map((r) => ({
      id: r.id,
      slot: r.slot_id,
      start: r.start,
      end: r.end,
      contact: r.contact,
      purpose: purposeOf(r.purpose),
      application: applicationOf(r),
      status: r.status,
      cancelledBy: r.cancelled_by,
    })),
  };
}

/**
 * An application's coming visit (at most one: bookAppointment), as the citizen's application page
 * and the office's screen of it show it; none when nothing is booked or the visit has begun.
 */
export async function applicationVisit(
  db: Kysely<Database>,
  applicationId: string,
  now = new Date(),
): Promise<ApplicationVisit | null> {
  const adb = appointmentsDb(db);
  const r = await comingVisits(adb, now)
    .innerJoin('offices as o', 'o.id', 'a.office_id')
    .select([
      'a.id',
      'a.office_id',
      'a.day',
      hhmm('s.start_time').as('start'),
      hhmm('s.end_time').as('end'),
      'o.name_tg',
      'o.name_ru',
      'o.name_en',
    ])
    .where('a.application_id', '=', applicationId)
    .orderBy('s.starts_at')
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    office: { id: r.office_id, name: { tg: r.name_tg, ru: r.name_ru, en: r.name_en } },
    date: r.day,
    start: r.start,
    end: r.end,
  };
}
