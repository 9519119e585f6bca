import {
  appointmentListSchema,
  appointmentSchema,
  bookingSchema,
  freeSlotListSchema,
  freeSlotQuerySchema,
  moveBookingSchema,
} from '@sabt/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { citizenOf, idempotencyKey, type RouteDeps, sendWrite } from '../../http/context.ts';
import { documentedRoutes, problems, responses } from '../../http/responses.ts';
import {
  bookAppointment,
  cancelAppointment,
  citizenAppointments,
  freeSlots,
  moveAppointment,
  onePerDayRefusal,
} from '../../portal/appointments.ts';
import { type CitizenWriteContext, runCitizenWrite } from '../../portal/citizen-write.ts';
import type { WriteResult } from '../../unit-of-work/write.ts';

const CITIZEN = [{ citizen: [] }];
const appointmentParams = z.strictObject({ id: z.uuid({ error: 'error.uuid' }) });
const CITIZEN_WRITE_PROBLEMS = problems(400, 401, 404, 409, 413, 415, 500);

/**
 * Appointments on the citizen portal: an office's free slots (no sign-in, rate-limited like the
 * other open routes), and the signed-in citizen's bookings: book, move, cancel, each idempotent
 * under its Idempotency-Key, transactional and audited (portal/appointments.ts).
 */
export async function portalAppointmentRoutes(
  app: FastifyInstance,
  { config, dbx }: Pick<RouteDeps, 'config' | 'dbx'>,
) {
  const { r, doc } = documentedRoutes(app, 'portal');
  const open = {
    config: { public: true, rateLimit: { max: config.verifyRateLimitPerMinute, timeWindow: '1 minute' } },
  };
  const signedIn = { config: { public: true } };

  /** A citizen's write: one transaction under the Idempotency-Key; a race for the day lost as a refusal. */
  const write = async <T>(
    req: FastifyRequest,
    reply: FastifyReply,
    fingerprint: unknown[],
    command: (ctx: CitizenWriteContext) => Promise<WriteResult<T>>,
  ) => {
    const citizen = citizenOf(req);
    try {
      const result = await runCitizenWrite(
        dbx,
        citizen,
        config,
        { key: idempotencyKey(req), fingerprint },
        command,
      );
      return sendWrite(reply, result);
    } catch (err) {
      const refusal = onePerDayRefusal(err);
      if (refusal) throw refusal;
      throw err;
    }
  };

  r.get(
    '/portal/slots',
    doc(
      'An office’s free appointment slots between two days, from now on (no sign-in)',
      {
        security: [],
        querystring: freeSlotQuerySchema,
        response: responses({ 200: freeSlotListSchema, ...problems(400, 404, 409, 429, 500) }),
      },
      open,
    ),
    async (req) => ({ items: await freeSlots(dbx.db, config, req.query) }),
  );

  r.get(
    '/portal/appointments',
    doc(
      'The signed-in citizen’s appointments: the coming ones first, then past and cancelled ones',
      { security: CITIZEN, response: responses({ 200: appointmentListSchema, ...problems(401, 500) }) },
      signedIn,
    ),
    async (req) => ({ items: await citizenAppointments(dbx.db, citizenOf(req).id) }),
  );

  r.post(
    '/portal/appointments',
    doc(
      'Book a slot (one live appointment per office and day); 409 when its last place has just been taken',
      {
        security: CITIZEN,
        body: bookingSchema,
        response: responses({ 201: appointmentSchema, ...CITIZEN_WRITE_PROBLEMS }),
      },
      signedIn,
    ),
    async (req, reply) =>
      write(req, reply, ['POST /portal/appointments', req.body], async (ctx) => ({
        status: 201,
        body: await bookAppointment(ctx, req.body),
      })),
  );

  r.post(
    '/portal/appointments/:id/move',
    doc(
      'Move one’s appointment to another slot of the same office: the new place taken and the old freed at once',
      {
        security: CITIZEN,
        params: appointmentParams,
        body: moveBookingSchema,
        response: responses({ 200: appointmentSchema, ...CITIZEN_WRITE_PROBLEMS }),
      },
      signedIn,
    ),
    async (req, reply) =>
      write(req, reply, ['POST move', req.params.id, req.body], async (ctx) => ({
        status: 200,
        body: await moveAppointment(ctx, req.params.id, req.body.slot),
      })),
  );

  r.post(
    '/portal/appointments/:id/cancel',
    doc(
      'Cancel one’s appointment: its place is freed for others',
      {
        security: CITIZEN,
        params: appointmentParams,
        response: responses({ 200: appointmentSchema, ...CITIZEN_WRITE_PROBLEMS }),
      },
      signedIn,
    ),
    async (req, reply) =>
      write(req, reply, ['POST cancel', req.params.id], async (ctx) => ({
        status: 200,
        body: await cancelAppointment(ctx, req.params.id),
      })),
  );
}
