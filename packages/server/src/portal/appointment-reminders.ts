import type { Transaction } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { queueNotification } from '../notifications/send-job.ts';
import { notifyDb } from '../notifications/tables.ts';
import { appointmentsDb } from './appointment-tables.ts';

/** How long before an appointment its reminder goes out. */
export const REMINDER_BEFORE_MS = 24 * 60 * 60 * 1000;

/**
 * The reminder of a booked appointment, queued with the booking (or the move) in its transaction
 * and sent a day before the visit: never when the visit is less than a day away (the booking's own
 * message has just told the citizen), and not at all once the visit has begun (it expires then).
 */
export async function scheduleReminder(
  trx: Transaction<Database>,
  config: Config,
  input: {
    citizenId: string;
    appointmentId: string;
    slot: { day: string; start: string; starts_at: Date | string };
    office: { tg: string; ru: string; en: string };
    now: Date;
  },
): Promise<void> {
  const startsAt = new Date(input.slot.starts_at);
  const sendAt = new Date(startsAt.getTime() - REMINDER_BEFORE_MS);
  if (sendAt <= input.now) return;
  const c = await appointmentsDb(trx)
    .selectFrom('citizens')
    .select(['channel', 'contact', 'language'])
    .where('id', '=', input.citizenId)
    .executeTakeFirstOrThrow();
  await queueNotification(trx, config, {
    template: 'appointment.reminder',
    params: { date: input.slot.day, time: input.slot.start, office: input.office },
    to: c.channel === 'email' ? { email: c.contact } : { phone: c.contact },
    language: c.language as 'tg' | 'ru' | 'en',
    cause: { kind: 'system' },
    related: { kind: 'appointment', id: input.appointmentId },
    sendAt,
    expiresAt: startsAt,
  });
}

/**
 * The reminders still waiting of appointments moved or cancelled, withdrawn in the same transaction:
 * they are never sent (their job finds nothing queued). A moved appointment gets a new one.
 */
export async function withdrawReminders(trx: Transaction<Database>, appointmentIds: string[]): Promise<void> {
  if (appointmentIds.length === 0) return;
  await notifyDb(trx)
    .updateTable('notifications')
    .set({ status: 'skipped', last_error: 'the appointment was moved or cancelled', secret_params: null })
    .where('template', '=', 'appointment.reminder')
    .where('related_kind', '=', 'appointment')
    .where('related_id', 'in', appointmentIds)
    .where('status', '=', 'queued')
    .execute();
}
