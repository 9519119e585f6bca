/** The demo users at work: the showcase of the demo registry goes through the real API as they would. */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { generate } from 'otplib';
import { appendAudit } from '../audit/audit-log.ts';
import { forgetTwoFactor } from '../auth/two-factor.ts';
import type { Database } from '../db/schema.ts';
import { DEMO_PASSWORD } from './demo-data.ts';

/** The demo users whose two-factor sign-in the showcase set up to work as them, per server. */
const enrolledForShowcase = new WeakMap<FastifyInstance, Map<string, string>>();

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON as it comes
  body: any;
}

export interface Clerk {
  post(url: string, body?: unknown): Promise<Answer>;
  get(url: string): Promise<Answer>;
}

/**
 * Signs a demo user in. A user whose role requires two-factor sign-in sets it up first, as at a first
 * sign-in (the secret kept for the showcase only: handOverDesks forgets it).
 */
export async function signIn(app: FastifyInstance, login: string): Promise<Clerk> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200 || res.json().challenge)
    throw new Error(
      `demo: ${login} cannot sign in (${res.statusCode}${res.json().challenge ? ', asked a code' : ''})`,
    );
  const set = res.headers['set-cookie'];
  const cookie = (Array.isArray(set) ? set[0] : set)?.split(';')[0] ?? '';
  if (res.json().twoFactorEnrolmentRequired) {
    const headers = { cookie };
    const begun = await app.inject({ method: 'POST', url: '/api/v1/me/two-factor/enrolment', headers });
    if (begun.statusCode !== 200) throw new Error(`demo: ${login} cannot set up two-factor sign-in`);
    const { secret } = begun.json() as { secret: string };
    const confirmed = await app.inject({
      method: 'POST',
      url: '/api/v1/me/two-factor/enrolment/confirm',
      headers,
      payload: { code: await generate({ secret }) },
    });
    if (confirmed.statusCode !== 200) throw new Error(`demo: ${login} cannot set up two-factor sign-in`);
    const kept = enrolledForShowcase.get(app) ?? new Map<string, string>();
    kept.set(login, res.json().id);
    enrolledForShowcase.set(app, kept);
  }
  const send = async (method: 'GET' | 'POST', url: string, body?: unknown): Promise<Answer> => {
    const r = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : undefined };
  };
  return { post: (url, body) => send('POST', url, body), get: (url) => send('GET', url) };
}

/** A call that must succeed: the demo stops with what the API said otherwise. */
export async function ok(what: string, call: Promise<Answer>): Promise<Answer['body']> {
  const res = await call;
  if (res.status >= 300) throw new Error(`demo: ${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * The showcase done, the desks are handed over to whoever tries the demo: the two-factor sign-in
 * the showcase set up for the demo users is forgotten (their sessions too), so that each sets it up
 * with their own authenticator app at their first sign-in. Audited.
 */
export async function handOverDesks(app: FastifyInstance, db: Kysely<Database>): Promise<void> {
  const kept = enrolledForShowcase.get(app);
  if (!kept || kept.size === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const userId of kept.values()) {
      await forgetTwoFactor(trx, userId);
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    }
    await appendAudit(trx, [
      {
        event: 'demo.two-factor-handed-over',
        actorId: null,
        actorLogin: null,
        detail: { logins: [...kept.keys()] },
      },
    ]);
  });
  enrolledForShowcase.delete(app);
}
