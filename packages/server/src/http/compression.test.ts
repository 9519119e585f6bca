import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.ts';

/** Answers travel compressed where that is safe and worth it (http/compression.ts). */

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const get = (url: string, encoding?: string) =>
  t.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('compressed answers', () => {
  it('sends the fee rules in brotli or gzip to a client that accepts it, the same JSON once unpacked', async () => {
    const plain = await get('/api/v1/fees/rules');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const rules = plain.json();
    expect(rules.versions.length).toBeGreaterThan(50);

    const br = await get('/api/v1/fees/rules', 'br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 5);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(rules);

    const gz = await get('/api/v1/fees/rules', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(rules);
  });

  it('leaves small answers and answers to writes as they are', async () => {
    const small = await get('/api/v1/auth/session', 'br, gzip');
    expect(small.headers['content-encoding']).toBeUndefined();

    // a write's answer may carry a secret beside text the caller chose: never compressed, large or not
    const admin = await t.as('admin');
    const preview = await admin.post(
      '/api/v1/fees/versions/preview',
      {
        version: {
          kind: 'line',
          key: 'MARRIAGE_REG.blank',
          value: { pdr: '0.4' },
          validFrom: '2030-02-01',
          validTo: null,
          basis: { tg: 'Қарор', ru: 'Постановление', en: 'Decree' },
          verified: false,
          note: null,
        },
      },
      { 'accept-encoding': 'br, gzip' },
    );
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(JSON.stringify(preview.body).length).toBeGreaterThan(4096);
    expect(preview.headers['content-encoding']).toBeUndefined();
  });

  it('reads a compressed request body as sent: refused, not unpacked', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: Buffer.from([0x1f, 0x8b, 0x08, 0x00]),
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});
