import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.ts';

/** A method a path does not take is a 405 naming the ones it does, not a 404. */

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await startTestApp();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login: 'front', password: 'sabt-demo' },
  });
  cookie = String([res.headers['set-cookie']].flat()[0]).split(';')[0]!;
});
afterAll(() => t?.close());

const send = (method: 'DELETE' | 'PUT' | 'POST' | 'GET', url: string, language = 'ru') =>
  t.app.inject({ method, url, headers: { cookie, 'accept-language': language } });

describe('a method the path does not take', () => {
  it('is 405 problem+json in the user’s language, with Allow', async () => {
    const record = await send('DELETE', '/api/v1/records/00000000-0000-4000-8000-000000000000');
    expect(record.statusCode).toBe(405);
    expect(record.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(record.headers.allow).toBe('GET, HEAD, PATCH');
    expect(record.json()).toMatchObject({ status: 405, key: 'problem.methodNotAllowed' });
    expect(record.json().title).toMatch(/не принимает такой метод/);

    const me = await send('PUT', '/api/v1/me', 'en');
    expect(me.statusCode).toBe(405);
    expect(me.headers.allow).toBe('GET, HEAD');
    expect(me.json().title).toMatch(/does not take this request method/);

    const verify = await send('DELETE', '/api/v1/verify/SABT1.abc');
    expect(verify.statusCode).toBe(405);
    expect(verify.headers.allow).toBe('GET, HEAD');
  });

  it('leaves a path that does not exist a 404', async () => {
    expect((await send('GET', '/api/v1/nowhere')).statusCode).toBe(404);
    expect((await send('DELETE', '/api/v1/nowhere/1')).statusCode).toBe(404);
  });
});
