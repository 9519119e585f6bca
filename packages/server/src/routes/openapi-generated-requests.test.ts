import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { MESSAGES } from '@sabt/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { certificateDesk, registeredBirth } from '../certificates/testing/fixtures.ts';
import { DEMO_PASSWORD } from '../demo/demo-data.ts';
import { birthData } from '../test/fixtures.ts';
import { signInWithCode, startTestApp } from '../test/harness.ts';
import {
  type Answer,
  answerFaults,
  type DocumentedOperation,
  drawsFor,
  type GeneratedRequest,
  type OpenApiDocument,
  operationsOf,
  type RequestContext,
  realize,
  retriable,
} from '../test/openapi-requests.ts';

/**
 * Property-based testing from the OpenAPI document: for every operation it serves, requests made from
 * the document's schemas (and, half of them, broken in one place) are sent to one real server as
 * several users, and every answer must be one the document describes (see test/openapi-requests.ts):
 * never a 5xx; a listed status; an error as problem+json titled in the asked language; a success
 * that fits its schema; a request that breaks the document refused; a write retried with the same
 * Idempotency-Key answered as the first time.
 *
 * SABT_API_PROPERTY_RUNS (default 12) requests per operation; SABT_API_PROPERTY_SEED changes the
 * fixed seed, for a deeper run than the suite's.
 */

const RUNS = Number(process.env.SABT_API_PROPERTY_RUNS ?? 12);
const SEED = Number(process.env.SABT_API_PROPERTY_SEED ?? 20261207);
const USERS = ['front', 'back', 'registrar', 'head', 'admin', 'anonymous'];

const t = await startTestApp({ SABT_VERIFY_RATE_LIMIT: '1000000' });
afterAll(() => t.close());
const doc: OpenApiDocument = (await t.anonymous().get('/api/openapi.json')).body;
const operations = operationsOf(doc);

// who signs in: a session cookie per user, renewed when an answer ends it (a sign-out)
const cookies = new Map<string, string>();
async function signIn(login: string) {
  cookies.set(login, (await signInWithCode(t.app, t.authenticator, login, DEMO_PASSWORD)).cookie);
}
for (const login of USERS.filter((u) => u !== 'anonymous')) await signIn(login);

// real things to name in paths: records in several states, a certificate, blanks
const { staff, head } = await certificateDesk(t);
const births = [await registeredBirth(staff), await registeredBirth(staff)];
const draft = (await staff.front.post('/api/v1/records', { kind: 'BIRTH', data: birthData() })).body;
const submitted = (await staff.front.post('/api/v1/records', { kind: 'BIRTH', data: birthData() })).body;
await staff.front.post(`/api/v1/records/${submitted.id}/submit`);
const certificate = (await staff.front.post(`/api/v1/records/${births[0].id}/certificates`, { mode: 'full' }))
  .body;
const blanks = (await head.get('/api/v1/blanks?limit=20')).body.items as { id: number }[];
const pools: Record<string, string[]> = {
  records: [...births.map((b) => b.id), draft.id, submitted.id],
  certificates: [certificate.id],
  blanks: blanks.map((b) => String(b.id)),
  verify: [certificate.qr, certificate.verifyCode],
};

async function send(req: GeneratedRequest): Promise<Answer> {
  const cookie = cookies.get(req.user);
  const res = await t.app.inject({
    method: req.method,
    url: req.url,
    headers: { ...req.headers, ...(cookie ? { cookie } : {}) },
    ...(req.payload !== undefined ? { payload: req.payload } : {}),
  });
  const set = [res.headers['set-cookie']].flat()[0];
  if (cookie && set?.startsWith(`${SESSION_COOKIE}=`)) {
    const value = set.split(';')[0]!;
    if (value === `${SESSION_COOKIE}=`) await signIn(req.user);
    else cookies.set(req.user, value);
  }
  return { status: res.statusCode, headers: res.headers, body: res.body };
}

const context: RequestContext = {
  pool(path, param) {
    const segment = path.split('/').at(path.split('/').indexOf(`{${param}}`) - 1) ?? '';
    return pools[segment === 'duplicates' ? 'records' : segment] ?? [];
  },
  async etag(user, url) {
    const record = /^\/api\/v1\/records\/[^/]+/.exec(url)?.[0];
    if (!record) return undefined;
    const cookie = cookies.get(user);
    const res = await t.app.inject({ method: 'GET', url: record, headers: cookie ? { cookie } : {} });
    return res.statusCode === 200 ? String(res.headers.etag) : undefined;
  },
};

/** New records join the pool, so that later requests act on them too. */
function learn({ path, method }: DocumentedOperation, res: Answer) {
  if (method !== 'POST' || res.status !== 201) return;
  const id = (JSON.parse(res.body) as { id?: unknown }).id;
  if (typeof id !== 'string') return;
  if (path === '/api/v1/records' || path === '/api/v1/records/restorations') pools.records!.push(id);
  if (path.endsWith('/certificates')) pools.certificates!.push(id);
}

const parsed = (a: Answer) => {
  try {
    return JSON.parse(a.body);
  } catch {
    return a.body;
  }
};
const shown = (req: GeneratedRequest, res: Answer) =>
  `${req.method} ${req.url} as ${req.user} ${JSON.stringify(req.headers)} ${req.payload?.slice(0, 400) ?? ''}` +
  ` → ${res.status} ${res.body.slice(0, 400)}`;

const statuses = new Map<string, number>();
let sent = 0;
afterAll(() => {
  const byStatus = [...statuses].sort().map(([s, n]) => `${s}: ${n}`);
  console.info(`${operations.length} operations, ${sent} requests (${byStatus.join(', ')})`);
});

describe('requests generated from the OpenAPI document', () => {
  it('covers every operation the document lists, and finds the faults it looks for', () => {
    expect(operations.length).toBeGreaterThan(40);
    const me = operations.find((o) => o.method === 'GET' && o.path === '/api/v1/me')!;
    const req: GeneratedRequest = { user: 'anonymous', method: 'GET', url: '/api/v1/me', headers: {} };
    const problem = (status: number, title: string) => ({
      status,
      headers: { 'content-type': 'application/problem+json' },
      body: JSON.stringify({ type: 't', title, status, key: 'problem.unauthenticated' }),
    });
    const tajik = MESSAGES['problem.unauthenticated'].tg;
    expect(answerFaults(me, req, problem(401, tajik))).toEqual([]);
    expect(answerFaults(me, { ...req, headers: { 'accept-language': 'ru' } }, problem(401, tajik))).toEqual([
      expect.stringMatching(/not the catalogue's ru text/),
    ]);
    expect(answerFaults(me, req, problem(502, tajik))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/server error/),
        expect.stringMatching(/not documented/),
      ]),
    );
    expect(
      answerFaults(me, req, { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' }),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/without a session/),
        expect.stringMatching(/does not fit its schema/),
      ]),
    );
    const broken = { ...req, user: 'front', violates: 'query x' };
    expect(answerFaults(me, broken, { status: 200, headers: {}, body: '' })).toEqual(
      expect.arrayContaining([expect.stringMatching(/accepted a request that breaks the document/)]),
    );
  });

  it('answers a method a path does not take with 405 and the ones it takes in Allow', async () => {
    const wrong: string[] = [];
    // an answer as any problem of the document is described
    const problem = doc.paths['/api/v1/records']!.get!.responses['400']!;
    for (const [path, methods] of Object.entries(doc.paths)) {
      const taken = Object.keys(methods).map((m) => m.toUpperCase());
      const method = (['DELETE', 'PUT', 'PATCH', 'POST'] as const).find((m) => !taken.includes(m))!;
      const url = path.replace(/\{[^}]+\}/g, '1');
      const res = await send({ user: 'front', method, url, headers: { 'accept-language': 'en' } });
      const allow = String(res.headers.allow ?? '').split(', ');
      const faults = answerFaults(
        {
          method,
          path,
          op: { responses: { 405: problem } },
          signedIn: true,
        },
        { user: 'front', method, url, headers: { 'accept-language': 'en' } },
        res,
      );
      if (res.status !== 405 || !taken.every((m) => allow.includes(m)) || faults.length > 0)
        wrong.push(
          `${method} ${url} → ${res.status} allow ${allow}: ${faults.join('; ')} ${res.body.slice(0, 200)}`,
        );
    }
    expect(wrong).toEqual([]);
  });

  for (const operation of operations) {
    const name = `${operation.method} ${operation.path}`;
    const seed = SEED ^ createHash('sha256').update(name).digest().readUInt32BE(0);
    it(`${name} answers as its document says`, { timeout: 60_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(drawsFor(operation, USERS), async (draw) => {
          const req = await realize(operation, draw, context);
          const res = await send(req);
          sent++;
          statuses.set(String(res.status), (statuses.get(String(res.status)) ?? 0) + 1);
          const faults = answerFaults(operation, req, res);
          if (retriable(req)) {
            const again = await send(req);
            sent++;
            if (again.status !== res.status || !isDeepStrictEqual(parsed(again), parsed(res)))
              faults.push(`the retry with the same Idempotency-Key answered ${again.status} ${again.body}`);
          }
          learn(operation, res);
          if (faults.length > 0) throw new Error(`${shown(req, res)}\n${faults.join('\n')}`);
        }),
        { seed, numRuns: RUNS, endOnFailure: true },
      );
    });
  }
});
