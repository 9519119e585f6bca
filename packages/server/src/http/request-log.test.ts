import { Writable } from 'node:stream';
import { birthKind } from '@sabt/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo-data.ts';
import { birthData } from '../test/fixtures.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { createRecord, R } from '../test/workflow.ts';

/** The request log carries a request id on every line and nothing personal from any request. */

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { logStream: sink });
});
afterAll(() => t?.close());

const SURNAME = 'Зарринтоҷзода';
const GIVEN = 'Мехрангез';
const PASSPORT = '407771234';

it('never shows a name, a document number, a password, a session or a body sent to the API', async () => {
  const front = await t.as('front');
  const mother = {
    ...birthKind.example.mother,
    idDocument: { type: 'PASSPORT' as const, series: 'A', number: PASSPORT },
  };
  const data = birthData({ child: { ...birthKind.example.child, surname: SURNAME, name: GIVEN }, mother });
  const id = await createRecord(front, 'BIRTH', data);
  await front.patch(`${R}/${id}`, { child: { name: `${GIVEN}а` } }, { 'if-match': '"1"' });
  await front.get(`/api/v1/search?surname=${encodeURIComponent(SURNAME)}&name=${encodeURIComponent(GIVEN)}`);
  await front.get(`/api/v1/search?q=${PASSPORT}`);
  // refused requests too: a body that does not fit, a URL that is no route, a wrong password
  await front.post(R, { kind: 'BIRTH', data: { child: { surname: SURNAME, birthDate: 'soon' } } });
  await front.get(`/api/v1/nowhere?surname=${encodeURIComponent(SURNAME)}`);
  await t.anonymous().post('/api/v1/auth/login', { login: 'front', password: `${DEMO_PASSWORD}-${SURNAME}` });

  const session = (
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'back', password: DEMO_PASSWORD },
    })
  ).headers['set-cookie'];
  const cookieValue = String(Array.isArray(session) ? session[0] : session)
    .split(';')[0]!
    .split('=')[1]!;

  const log = lines.join('\n');
  expect(lines.length).toBeGreaterThanOrEqual(8);
  for (const secret of [
    SURNAME,
    encodeURIComponent(SURNAME),
    GIVEN,
    encodeURIComponent(GIVEN),
    PASSPORT,
    DEMO_PASSWORD,
    cookieValue,
  ])
    expect(log, `the log shows ${secret}`).not.toContain(secret);

  // one JSON line per request, each with its request id and the route's pattern
  const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request completed');
  expect(requests.length).toBeGreaterThanOrEqual(8);
  for (const r of requests) {
    expect(r.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.req.route).toMatch(/^\//);
    expect(r.res.statusCode).toBeGreaterThanOrEqual(200);
  }
  expect(requests.map((r) => r.req.route)).toEqual(
    expect.arrayContaining(['/api/v1/records/:id', '/api/v1/search', '/api/v1/nowhere']),
  );
  expect(requests.find((r) => r.req.route === '/api/v1/records/:id')?.req.params).toEqual({ id });
});
