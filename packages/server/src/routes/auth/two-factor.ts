import {
  recoveryCodesSchema,
  twoFactorCodeSchema,
  twoFactorEnrolmentSchema,
  twoFactorStatusSchema,
} from '@sabt/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  beginEnrolment,
  confirmEnrolment,
  isTwoFactorRequired,
  regenerateRecoveryCodes,
  twoFactorState,
} from '../../auth/two-factor.ts';
import { actorOf, type RouteDeps, sendWrite } from '../../http/context.ts';
import { documentedRoutes, readAnswers, writeAnswers } from '../../http/responses.ts';
import { runWrite, type WriteContext } from '../../unit-of-work/write.ts';

const none = z.strictObject({}).nullish();

/**
 * One's own two-factor sign-in (auth/two-factor.ts): its status, enrolment (the secret as a QR code
 * and as text, confirmed with a first code; then the recovery codes, shown once) and new recovery
 * codes. A user whose role requires it reaches only these until enrolled (sessions.ts).
 */
export async function twoFactorRoutes(app: FastifyInstance, { config, dbx }: RouteDeps) {
  const { r, doc } = documentedRoutes(app, 'auth');

  r.get(
    '/me/two-factor',
    doc('Your two-factor sign-in: set up or not, required for your role or not, recovery codes left', {
      response: readAnswers(twoFactorStatusSchema),
    }),
    async (req) => {
      const actor = actorOf(req);
      const state = await twoFactorState(dbx.db, actor.id);
      return {
        enrolled: state.enrolled,
        required: isTwoFactorRequired(config, actor.role),
        enrolledAt: state.enrolledAt?.toISOString() ?? null,
        recoveryCodesLeft: state.recoveryCodesLeft,
      };
    },
  );

  // These answers carry a secret or recovery codes: they are not kept under the Idempotency-Key
  // (which keeps answers in the clear). A retry is answered by the command itself: enrolment shows
  // the same secret until confirmed; a code already accepted is refused, and new recovery codes
  // can be asked for with the next one.
  const secretWrite = <T>(
    req: FastifyRequest,
    reply: FastifyReply,
    command: (ctx: WriteContext) => Promise<T>,
  ) =>
    runWrite(dbx, actorOf(req), config, { key: undefined, fingerprint: [] }, async (ctx) => ({
      status: 200,
      body: await command(ctx),
    })).then((result) => sendWrite(reply, result));

  r.post(
    '/me/two-factor/enrolment',
    doc(
      'Begin setting up two-factor sign-in: the secret for an authenticator app, as a QR code and as text (the same until confirmed)',
      { body: none, response: writeAnswers(twoFactorEnrolmentSchema) },
    ),
    async (req, reply) => secretWrite(req, reply, beginEnrolment),
  );

  r.post(
    '/me/two-factor/enrolment/confirm',
    doc('Confirm the set-up with a first code of the app; answers the recovery codes, shown once', {
      body: twoFactorCodeSchema,
      response: writeAnswers(recoveryCodesSchema),
    }),
    async (req, reply) => secretWrite(req, reply, (ctx) => confirmEnrolment(ctx, req.body.code)),
  );

  r.post(
    '/me/two-factor/recovery-codes',
    doc('New recovery codes, against a current code of the app: the old ones stop working', {
      body: twoFactorCodeSchema,
      response: writeAnswers(recoveryCodesSchema),
    }),
    async (req, reply) => secretWrite(req, reply, (ctx) => regenerateRecoveryCodes(ctx, req.body.code)),
  );
}
