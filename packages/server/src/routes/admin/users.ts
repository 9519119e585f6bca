import {
  adminUserDetailSchema,
  adminUserPageSchema,
  adminUserQuerySchema,
  adminUserSchema,
  newUserSchema,
  passwordChangeSchema,
  revokedSchema,
  revokeSessionsSchema,
  temporaryPasswordSchema,
  userChangeSchema,
} from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  changeOwnPassword,
  changeUser,
  createUserAsAdmin,
  listUsers,
  resetPassword,
  resetTwoFactor,
  revokeSessions,
  setUserActive,
  unlockUser,
  userDetail,
} from '../../admin/users.ts';
import { actorOf, answerWrite, type RouteDeps } from '../../http/context.ts';
import { documentedRoutes, readAnswers, writeAnswers } from '../../http/responses.ts';

const userParams = z.strictObject({ id: z.uuid({ error: 'error.uuid' }) });
const none = z.strictObject({}).nullish();

/**
 * Users administered in the workspace: by the central administrator (all) and the heads of office
 * (their office and the offices below); never one's own account. Each write is an idempotent,
 * audited command (admin/users.ts); who may do what is core's ADMIN_MATRIX, checked by
 * policies/administration.ts.
 */
export async function adminUserRoutes(app: FastifyInstance, { config, dbx }: RouteDeps) {
  const { r, doc } = documentedRoutes(app, 'administration');

  r.get(
    '/admin/users',
    doc('A page of the users in your jurisdiction, by login, filtered by name, role, office, status', {
      querystring: adminUserQuerySchema,
      response: readAnswers(adminUserPageSchema),
    }),
    async (req) => listUsers(dbx.db, actorOf(req), req.query),
  );

  r.get(
    '/admin/users/:id',
    doc('A user, their active sessions and what you may do to them', {
      params: userParams,
      response: readAnswers(adminUserDetailSchema),
    }),
    async (req) => userDetail(dbx.db, config, actorOf(req), req.params.id),
  );

  r.post(
    '/admin/users',
    doc(
      'Create a user with a role you may give, in an office of your jurisdiction; answers a temporary password',
      {
        body: newUserSchema,
        response: writeAnswers(temporaryPasswordSchema, 201),
      },
    ),
    async (req, reply) =>
      answerWrite({ dbx, config }, req, reply, ['POST /admin/users', req.body], async (ctx) => ({
        status: 201,
        body: await createUserAsAdmin(ctx, req.body),
      })),
  );

  r.patch(
    '/admin/users/:id',
    doc("Change a user's name, role or office", {
      params: userParams,
      body: userChangeSchema,
      response: writeAnswers(adminUserSchema),
    }),
    async (req, reply) =>
      answerWrite(
        { dbx, config },
        req,
        reply,
        ['PATCH /admin/users', req.params.id, req.body],
        async (ctx) => ({
          status: 200,
          body: await changeUser(ctx, req.params.id, req.body),
        }),
      ),
  );

  const step = (
    path: string,
    summary: string,
    run: (ctx: Parameters<Parameters<typeof answerWrite>[4]>[0], id: string) => Promise<unknown>,
    schema: unknown = adminUserSchema,
  ) =>
    r.post(
      `/admin/users/:id/${path}`,
      doc(summary, { params: userParams, body: none, response: writeAnswers(schema) }),
      async (req, reply) =>
        answerWrite(
          { dbx, config },
          req,
          reply,
          [`POST /admin/users/${path}`, req.params.id],
          async (ctx) => ({
            status: 200,
            body: await run(ctx, req.params.id),
          }),
        ),
    );
  step('disable', 'Disable a user: no more sign-ins, every session ended at once', (ctx, id) =>
    setUserActive(ctx, id, false),
  );
  step('enable', 'Enable a disabled user again', (ctx, id) => setUserActive(ctx, id, true));
  step('unlock', "Forget a user's wrong sign-ins: they may sign in again at once", unlockUser);
  step(
    'reset-password',
    'Reset a password: a temporary one, to be changed at the next sign-in; every session ended',
    resetPassword,
    temporaryPasswordSchema,
  );
  step(
    'reset-two-factor',
    'Reset two-factor sign-in (a lost device): enrolment and recovery codes forgotten, every session ended; the user sets it up again',
    resetTwoFactor,
  );

  r.post(
    '/admin/users/:id/sessions/revoke',
    doc("End one of a user's sessions, or all of them: the next request with it is signed out", {
      params: userParams,
      body: revokeSessionsSchema,
      response: writeAnswers(revokedSchema),
    }),
    async (req, reply) =>
      answerWrite(
        { dbx, config },
        req,
        reply,
        ['POST /admin/users/sessions/revoke', req.params.id, req.body],
        async (ctx) => ({ status: 200, body: await revokeSessions(ctx, req.params.id, req.body.session) }),
      ),
  );

  r.post(
    '/me/password',
    doc('Change your own password: the current one, then a new one (not breached, not one of your last)', {
      body: passwordChangeSchema,
      response: writeAnswers(z.object({ changed: z.boolean() }).describe('The password is changed')),
    }),
    async (req, reply) =>
      answerWrite({ dbx, config }, req, reply, ['POST /me/password'], async (ctx) => ({
        status: 200,
        body: await changeOwnPassword(ctx, req.body),
      })),
  );
}
