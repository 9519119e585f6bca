import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../test/harness.ts';

/** A number in a query string is read strictly (core's queryNumber): only its digits count. */

let t: TestApp;
let front: Client;

beforeAll(async () => {
  t = await startTestApp();
  front = await t.as('front');
});
afterAll(() => t?.close());

const LOOSE = ['', '%20', '%2031', '0x1F', '%2B31', '1e1', '31n', 'Infinity', 'NaN'];

describe('a loose number in a query', () => {
  it.each([
    ['/api/v1/records', 'limit'],
    ['/api/v1/records', 'untouchedDays'],
    ['/api/v1/search?q=Фарзона', 'birthYear'],
    ['/api/v1/search?q=Фарзона', 'limit'],
    ['/api/v1/blanks', 'offset'],
    ['/api/v1/certificates/calibration-page?document=BIRTH_CERTIFICATE', 'dyMm'],
  ])('%s %s: a 400 problem naming the parameter, in the user’s language', async (path, param) => {
    for (const form of LOOSE) {
      const url = `${path}${path.includes('?') ? '&' : '?'}${param}=${form}`;
      const res = await front.get(url, { 'accept-language': 'en' });
      expect(res.status, `${url}: ${JSON.stringify(res.body)?.slice(0, 200)}`).toBe(400);
      expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([`querystring.${param}`]);
    }
  });

  it('is read when written plainly, a minus and a fraction included', async () => {
    expect((await front.get('/api/v1/records?limit=31&untouchedDays=2')).status).toBe(200);
    expect((await front.get('/api/v1/search?q=Фарзона&birthYear=2020')).status).toBe(200);
    const page = await front.get(
      '/api/v1/certificates/calibration-page?document=BIRTH_CERTIFICATE&dxMm=-2.5',
    );
    expect(page.status).toBe(200);
    expect(String(page.headers['content-type'])).toMatch(/^application\/pdf/);
  });
});
