import {
  appointmentDayQuerySchema,
  appointmentDaySchema,
  closeSlotResultSchema,
  slotSeriesResultSchema,
  slotSeriesSchema,
  todayIn,
} from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf, answerWrite, type RouteDeps } from '../../http/context.ts';
import { documentedRoutes, readAnswers, writeAnswers } from '../../http/responses.ts';
import { appointmentDay, closeSlot, publishSlotSeries } from '../../portal/appointments.ts';
import { auditRead, readEvent } from '../../unit-of-work/write.ts';

const officeParams = z.strictObject({ id: z.string().min(2).max(20) });
const slotParams = z.strictObject({ id: z.uuid({ error: 'error.uuid' }) });
const none = z.strictObject({}).nullish();

/**
 * Appointments in the workspace: a head of office (the central administrator anywhere) publishes
 * an office's slots in series and closes one; the office's front office and head read the day's
 * appointments (audited: it names citizens' contacts). Commands in portal/appointments.ts.
 */
export async function appointmentRoutes(app: FastifyInstance, { config, dbx }: RouteDeps) {
  const { r, doc } = documentedRoutes(app, 'appointments');
  const write = answerWrite.bind(null, { dbx, config });

  r.post(
    '/offices/:id/slot-series',
    doc(
      'Publish a series of appointment slots for an office: days of the week, hours, slot length, places, dates',
      {
        params: officeParams,
        body: slotSeriesSchema,
        response: writeAnswers(slotSeriesResultSchema, 201),
      },
    ),
    async (req, reply) =>
      write(req, reply, ['POST slot-series', req.params.id, req.body], async (ctx) => ({
        status: 201,
        body: await publishSlotSeries(ctx, req.params.id, req.body),
      })),
  );

  r.post(
    '/slots/:id/close',
    doc('Close one slot: no one books it any more; its bookings are cancelled and their citizens told', {
      params: slotParams,
      body: none,
      response: writeAnswers(closeSlotResultSchema),
    }),
    async (req, reply) =>
      write(req, reply, ['POST close slot', req.params.id], async (ctx) => ({
        status: 200,
        body: await closeSlot(ctx, req.params.id),
      })),
  );

  r.get(
    '/appointments/day',
    doc('An office’s appointments of a day with its slots (one’s own office and today when not asked)', {
      querystring: appointmentDayQuerySchema,
      response: readAnswers(appointmentDaySchema),
    }),
    async (req) => {
      const actor = actorOf(req);
      const q = {
        office: req.query.office ?? actor.officeId,
        date: req.query.date ?? todayIn(config.timeZone),
      };
      const day = await appointmentDay(dbx.db, actor, q);
      if (day.items.length > 0)
        await auditRead(dbx, [
          readEvent(actor, 'appointment.day-read', null, { ...q, appointments: day.items.length }),
        ]);
      return day;
    },
  );
}
