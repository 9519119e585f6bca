import { codeSignInSchema, loginAnswerSchema, meSchema, ROLE_LABELS, sessionSchema } from '@sabt/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { completeLogin, login } from '../../auth/login.ts';
import { PASSWORD_MAX_LENGTH } from '../../auth/password-policy.ts';
import { endSession, SESSION_COOKIE } from '../../auth/sessions.ts';
import { isTwoFactorRequired, twoFactorState } from '../../auth/two-factor.ts';
import type { Config } from '../../config.ts';
import { actorOf, type RouteDeps } from '../../http/context.ts';
import { documentedRoutes, noContent, problems, responses } from '../../http/responses.ts';
import { twoFactorRoutes } from './two-factor.ts';

const loginBody = z.strictObject({
  login: z.string().trim().min(1).max(60),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export async function authRoutes(app: FastifyInstance, { config, dbx, files }: RouteDeps) {
  const { r, doc } = documentedRoutes(app, 'auth');

  r.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary:
          'Sign in; sets the session cookie, or (two-factor sign-in) answers the challenge the code is sent with',
        body: loginBody,
        response: responses({ 200: loginAnswerSchema, ...problems(400, 401, 413, 415, 429, 500) }),
      },
    },
    async (req, reply) => {
      const signedIn = await login(dbx, config, { ...req.body, ip: req.ip });
      if ('challenge' in signedIn)
        return reply
          .code(200)
          .send({ challenge: signedIn.challenge, expiresAt: signedIn.expiresAt.toISOString() });
      setSessionCookie(reply, signedIn.token);
      return reply.code(200).send(await loadMe(dbx, config, req.body.login));
    },
  );

  r.post(
    '/auth/login/code',
    {
      config: { public: true, rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary:
          'Two-factor sign-in, second step: the code of the authenticator app or a recovery code; sets the session cookie',
        body: codeSignInSchema,
        response: responses({ 200: meSchema, ...problems(400, 401, 413, 415, 429, 500) }),
      },
    },
    async (req, reply) => {
      const { token, login: who } = await completeLogin(dbx, config, { ...req.body, ip: req.ip });
      setSessionCookie(reply, token);
      return reply.code(200).send(await loadMe(dbx, config, who));
    },
  );

  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      maxAge: config.sessionMaxHours * 3600,
    });

  r.post(
    '/auth/logout',
    doc('Sign out: ends the session', {
      response: responses({ 204: noContent('Signed out'), ...problems(401, 403, 500) }),
    }),
    async (req, reply) => {
      const actor = actorOf(req);
      await endSession(dbx.db, actor.sessionHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  // The web app asks this on every load: "nobody signed in" is an answer, not an error, so the
  // browser's console stays clean on the sign-in page.
  r.get(
    '/auth/session',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in, if anyone: { user } or { user: null }',
        response: responses({ 200: sessionSchema, ...problems(500) }),
      },
    },
    async (req) => ({ user: req.actor ? await loadMe(dbx, config, req.actor.login) : null }),
  );

  await twoFactorRoutes(app, { config, dbx, files });

  r.get(
    '/me',
    doc('The signed-in user, their role and office', {
      response: responses({ 200: meSchema, ...problems(401, 500) }),
    }),
    async (req) => {
      return loadMe(dbx, config, actorOf(req).login);
    },
  );
}

async function loadMe({ db }: RouteDeps['dbx'], config: Config, loginName: string) {
  const u = await db
    .selectFrom('users as u')
    .innerJoin('offices as o', 'o.id', 'u.office_id')
    .select([
      'u.id',
      'u.login',
      'u.full_name',
      'u.role',
      'u.must_change_password',
      'o.id as office_id',
      'o.kind',
      'o.name_tg',
      'o.name_ru',
      'o.name_en',
    ])
    .where('u.login', '=', loginName.toLowerCase())
    .executeTakeFirstOrThrow();
  return {
    id: u.id,
    login: u.login,
    name: u.full_name,
    role: u.role,
    roleLabel: ROLE_LABELS[u.role as keyof typeof ROLE_LABELS],
    office: { id: u.office_id, kind: u.kind, name: { tg: u.name_tg, ru: u.name_ru, en: u.name_en } },
    temporaryCredentials: u.must_change_password,
    twoFactorEnrolmentRequired:
      isTwoFactorRequired(config, u.role) && !(await twoFactorState(db, u.id)).enrolled,
  };
}
