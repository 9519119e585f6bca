import {
  citizenSchema,
  citizenSessionSchema,
  publicOfficeListSchema,
  publicVisitListSchema,
  signInBodySchema,
  signInCodeRequestSchema,
  signInCodeSentSchema,
  todayIn,
  visitQuerySchema,
} from '@sabt/core';
import type { FastifyInstance } from 'fastify';
import { citizenOf, localeOf, type RouteDeps } from '../../http/context.ts';
import { documentedRoutes, noContent, problems, responses } from '../../http/responses.ts';
import { publicOffices, publicVisits } from '../../portal/public-info.ts';
import {
  CITIZEN_COOKIE,
  CITIZEN_COOKIE_PATH,
  endCitizenSession,
  resolveCitizenSession,
} from '../../portal/sessions.ts';
import { requestSignInCode, signInWithCode } from '../../portal/sign-in.ts';
import { applicationRoutes } from './applications.ts';
import { portalAppointmentRoutes } from './appointments.ts';
import { portalQuestionRoutes } from './questions.ts';

/** The citizen's own routes carry the portal's cookie (never the staff's session). */
const CITIZEN = [{ citizen: [] }];

/**
 * The citizen portal's API: public information (offices, the mobile offices' visits; no sign-in,
 * rate-limited), a citizen's sign-in with a one-time code sent by SMS or e-mail, and their account.
 * Every route here is reached without a staff session, and app.ts reads only the portal's cookie
 * for them: a staff session is nobody here.
 */
export async function portalRoutes(app: FastifyInstance, { config, dbx, files }: RouteDeps) {
  const { r, doc } = documentedRoutes(app, 'portal');
  const limited = (max: number) => ({ config: { public: true, rateLimit: { max, timeWindow: '1 minute' } } });
  const open = limited(config.verifyRateLimitPerMinute);
  const signIn = limited(config.loginRateLimitPerMinute);
  await portalAppointmentRoutes(app, { config, dbx });

  r.get(
    '/portal/offices',
    doc(
      'The offices where citizens apply: names, addresses, telephones, opening hours and the acts each registers (no sign-in)',
      { security: [], response: responses({ 200: publicOfficeListSchema, ...problems(429, 500) }) },
      open,
    ),
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { items: await publicOffices(dbx.db) };
    },
  );

  r.get(
    '/portal/visits',
    doc(
      'Where and when the mobile offices stand, from a day on (today when not asked), for the next two months (no sign-in)',
      {
        security: [],
        querystring: visitQuerySchema,
        response: responses({ 200: publicVisitListSchema, ...problems(400, 429, 500) }),
      },
      open,
    ),
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { items: await publicVisits(dbx.db, req.query.from ?? todayIn(config.timeZone)) };
    },
  );

  r.post(
    '/portal/sign-in/code',
    doc(
      'Send a one-time sign-in code to a phone number (SMS) or an e-mail address; answers the challenge to send back with it',
      {
        security: [],
        body: signInCodeRequestSchema,
        response: responses({ 202: signInCodeSentSchema, ...problems(400, 413, 415, 422, 429, 500) }),
      },
      signIn,
    ),
    async (req, reply) => {
      const sent = await requestSignInCode(dbx, config, {
        to: req.body.to,
        language: req.body.language ?? localeOf(req),
        ip: req.ip,
      });
      return reply.code(202).send(sent);
    },
  );

  r.post(
    '/portal/sign-in',
    doc(
      'Sign in with the code received: sets the portal’s own session cookie (a code works once, for ten minutes, five tries)',
      {
        security: [],
        body: signInBodySchema,
        response: responses({ 200: citizenSchema, ...problems(400, 401, 413, 415, 429, 500) }),
      },
      signIn,
    ),
    async (req, reply) => {
      const { token } = await signInWithCode(dbx, config, {
        ...req.body,
        language: localeOf(req),
        ip: req.ip,
      });
      reply.setCookie(CITIZEN_COOKIE, token, {
        path: CITIZEN_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        maxAge: config.sessionMaxHours * 3600,
      });
      const citizen = await resolveCitizenSession(dbx.db, config, token);
      if (!citizen) throw new Error('a session just made is not found');
      const { sessionHash: _, ...me } = citizen;
      return reply.code(200).send(me);
    },
  );

  r.get(
    '/portal/session',
    {
      config: { public: true },
      schema: {
        tags: ['portal'],
        summary: 'Who is signed in to the portal, if anyone: { citizen } or { citizen: null }',
        security: [],
        response: responses({ 200: citizenSessionSchema, ...problems(500) }),
      },
    },
    async (req) => {
      if (!req.citizen) return { citizen: null };
      const { sessionHash: _, ...me } = req.citizen;
      return { citizen: me };
    },
  );

  r.post(
    '/portal/sign-out',
    doc(
      'Sign out of the portal: ends the citizen’s session',
      { security: CITIZEN, response: responses({ 204: noContent('Signed out'), ...problems(401, 500) }) },
      { config: { public: true } },
    ),
    async (req, reply) => {
      await endCitizenSession(dbx.db, citizenOf(req).sessionHash);
      reply.clearCookie(CITIZEN_COOKIE, { path: CITIZEN_COOKIE_PATH });
      return reply.code(204).send();
    },
  );

  await applicationRoutes(app, { config, dbx, files });
  await portalQuestionRoutes(app, { config, dbx });
}
