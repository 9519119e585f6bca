import { z } from 'zod';
import { addDays, isPlainDate } from '../dates/plain-date.ts';
import { PORTAL_SERVICES } from '../portal/services.ts';
import type { Role } from '../workflow/roles.ts';
import { ACT_KINDS } from '../workflow/statuses.ts';
import { localizedSchema } from './auth.ts';
import { iso } from './shapes.ts';

/**
 * Appointments at an office (/api/v1/portal/appointments…, /api/v1/appointments…): the slots an
 * office publishes in series, a citizen's booking of one, and the office's list of the day.
 */

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'error.time' });
const plainDate = z.string().refine(isPlainDate, { error: 'error.date.invalid' });
const officeId = z.string().min(2).max(20);

/** The longest a series runs (first to last day), and the widest range of free slots asked at once. */
export const SLOT_SERIES_MAX_DAYS = 184;
export const FREE_SLOTS_MAX_DAYS = 31;
/** A slot's length in minutes, and how many citizens one slot takes. */
export const SLOT_MINUTES = { min: 5, max: 240 } as const;
export const SLOT_CAPACITY = { min: 1, max: 20 } as const;

/** Who sees an office's appointments of a day: its front office and its head (the publishers too, in reach). */
export const APPOINTMENT_DAY_READERS: readonly Role[] = ['front_office', 'head_of_office'];
export function mayReadAppointmentDay(role: Role): boolean {
  return APPOINTMENT_DAY_READERS.includes(role) || role === 'central_admin';
}

/** A series of slots an office publishes: the same hours on some days of the week between two dates. */
export const slotSeriesSchema = z
  .strictObject({
    days: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .max(7)
      .refine((d) => new Set(d).size === d.length, { error: 'error.appointments.days' })
      .describe('days of the week, 1 = Monday … 7 = Sunday'),
    from: time.describe('the first slot begins'),
    to: time.describe('the last slot ends by'),
    minutes: z.number().int().min(SLOT_MINUTES.min).max(SLOT_MINUTES.max).describe('a slot’s length'),
    capacity: z
      .number()
      .int()
      .min(SLOT_CAPACITY.min)
      .max(SLOT_CAPACITY.max)
      .describe('citizens one slot takes (one per desk)'),
    firstDay: plainDate,
    lastDay: plainDate,
  })
  .refine((s) => s.from < s.to, { error: 'error.admin.visitTimes', path: ['to'] })
  .refine((s) => s.firstDay <= s.lastDay, { error: 'error.appointments.lastDay', path: ['lastDay'] })
  .refine((s) => !isPlainDate(s.firstDay) || s.lastDay <= addDays(s.firstDay, SLOT_SERIES_MAX_DAYS - 1), {
    error: 'error.appointments.seriesTooLong',
    path: ['lastDay'],
  });
export type SlotSeries = z.infer<typeof slotSeriesSchema>;

export const slotSeriesResultSchema = z
  .object({
    id: z.string(),
    office: z.string(),
    created: z.number().int().describe('slots made'),
    skipped: z.number().int().describe('slots already published at the same time, kept as they were'),
  })
  .describe('A series published');

/** A slot as staff see it. */
export const slotSchema = z
  .object({
    id: z.string(),
    office: z.string(),
    date: z.string(),
    start: z.string().describe('HH:MM in the office’s time zone'),
    end: z.string(),
    capacity: z.number().int(),
    booked: z.number().int(),
    closed: z.boolean(),
  })
  .describe('A time slot of an office');
export type Slot = z.infer<typeof slotSchema>;

/** A free slot as the public sees it. */
export const freeSlotSchema = z
  .object({
    id: z.string(),
    date: z.string(),
    start: z.string(),
    end: z.string(),
    free: z.number().int().describe('places left'),
  })
  .describe('A time slot with a place left');
export type FreeSlot = z.infer<typeof freeSlotSchema>;
export const freeSlotListSchema = z
  .object({ items: z.array(freeSlotSchema) })
  .describe('The free slots of an office, by time');

export const freeSlotQuerySchema = z
  .strictObject({
    office: officeId,
    from: plainDate.optional().describe('today when not asked'),
    to: plainDate
      .optional()
      .describe(`two weeks from the first day when not asked; at most ${FREE_SLOTS_MAX_DAYS} days`),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'error.appointments.lastDay', path: ['to'] })
  .refine(
    (q) => !q.from || !q.to || !isPlainDate(q.from) || q.to <= addDays(q.from, FREE_SLOTS_MAX_DAYS - 1),
    {
      error: 'error.appointments.rangeTooLong',
      path: ['to'],
    },
  );

export const slotQuerySchema = z.strictObject({ office: officeId, date: plainDate });
export const slotListSchema = z
  .object({ items: z.array(slotSchema) })
  .describe('An office’s slots of a day, by time');

/**
 * A citizen's booking: a slot, what they come for (a portal service), if they say, and the online
 * application the visit is for, if any: their own, submitted to the slot's office. An application
 * has one coming visit at a time: a second booking for it is refused (the first is moved instead).
 */
export const bookingSchema = z.strictObject({
  slot: z.uuid({ error: 'error.uuid' }),
  purpose: z.enum(PORTAL_SERVICES).nullish().describe('a portal service'),
  application: z
    .uuid({ error: 'error.uuid' })
    .nullish()
    .describe('the citizen’s own submitted online application to the slot’s office'),
});
export const moveBookingSchema = z.strictObject({ slot: z.uuid({ error: 'error.uuid' }) });

export const APPOINTMENT_STATUSES = ['booked', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** The online application an appointment is for. */
export const appointmentApplicationSchema = z
  .object({ id: z.string(), kind: z.enum(ACT_KINDS), trackingCode: z.string() })
  .describe('The online application the visit is for');
export type AppointmentApplication = z.infer<typeof appointmentApplicationSchema>;

/** An application's coming visit, as its application shows it (the citizen's and the office's screens). */
export const applicationVisitSchema = z
  .object({
    id: z.string().describe('the appointment'),
    office: z.object({ id: z.string(), name: localizedSchema }),
    date: z.string(),
    start: z.string().describe('HH:MM in the office’s time zone'),
    end: z.string(),
  })
  .describe('The coming visit booked for an application');
export type ApplicationVisit = z.infer<typeof applicationVisitSchema>;

/** An appointment as the citizen sees it. */
export const appointmentSchema = z
  .object({
    id: z.string(),
    office: z.object({ id: z.string(), name: localizedSchema }),
    slot: z.string(),
    date: z.string(),
    start: z.string(),
    end: z.string(),
    purpose: z.enum(PORTAL_SERVICES).nullable(),
    application: appointmentApplicationSchema.nullable().describe('the online application it is for, if any'),
    status: z.enum(APPOINTMENT_STATUSES),
    cancelledBy: z.enum(['citizen', 'office']).nullable(),
    createdAt: iso,
  })
  .describe('An appointment at an office');
export type Appointment = z.infer<typeof appointmentSchema>;
export const appointmentListSchema = z
  .object({ items: z.array(appointmentSchema) })
  .describe('The citizen’s appointments: coming ones first by time, then past and cancelled');

/** An appointment in the office's list of the day. */
export const dayAppointmentSchema = z
  .object({
    id: z.string(),
    slot: z.string(),
    start: z.string(),
    end: z.string(),
    contact: z.string().describe('the phone number or e-mail address the citizen signed in with'),
    purpose: z.enum(PORTAL_SERVICES).nullable(),
    application: appointmentApplicationSchema.nullable(),
    status: z.enum(APPOINTMENT_STATUSES),
    cancelledBy: z.enum(['citizen', 'office']).nullable(),
  })
  .describe('An appointment as the office sees it');
export type DayAppointment = z.infer<typeof dayAppointmentSchema>;
export const appointmentDaySchema = z
  .object({
    office: z.object({ id: z.string(), name: localizedSchema }),
    date: z.string(),
    slots: z.array(slotSchema),
    items: z.array(dayAppointmentSchema),
  })
  .describe('An office’s appointments of a day, by time, with its slots');
export type AppointmentDay = z.infer<typeof appointmentDaySchema>;
export const appointmentDayQuerySchema = z.strictObject({
  office: officeId.optional().describe('one’s own office when not asked'),
  date: plainDate.optional().describe('today when not asked'),
});

export const closeSlotResultSchema = z
  .object({
    slot: slotSchema,
    cancelled: z.number().int().describe('bookings cancelled, their citizens told'),
  })
  .describe('A slot closed');
