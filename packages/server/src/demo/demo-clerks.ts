/** The demo users at work: the showcase of the demo registry goes through the real API as they would. */
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from './demo-data.ts';

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON as it comes
  body: any;
}

export interface Clerk {
  post(url: string, body?: unknown): Promise<Answer>;
  get(url: string): Promise<Answer>;
}

export async function signIn(app: FastifyInstance, login: string): Promise<Clerk> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`demo: ${login} cannot sign in (${res.statusCode})`);
  const set = res.headers['set-cookie'];
  const cookie = (Array.isArray(set) ? set[0] : set)?.split(';')[0] ?? '';
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
