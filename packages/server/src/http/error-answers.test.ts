import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../test/harness.ts';

/**
 * Every error Sabt answers is problem+json in the user's language and never repeats the URL, even
 * when the request is too broken for a route to see it (bad percent-encoding, an over-long path
 * parameter, oversized headers, a raw non-ASCII request line).
 */

let t: TestApp;
let front: Client;
let port: number;

beforeAll(async () => {
  t = await startTestApp();
  front = await t.as('front');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t?.close());

const MARKER = 'zqxmarker';

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/** Sends bytes as they are on a socket and reads the answer (what app.inject cannot send). */
function rawRequest(bytes: Buffer | string): Promise<Answer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    // the server may close while the rest of an oversized request is still on its way
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      resolve({
        status: Number(head.split(' ')[1]),
        contentType: /content-type:\s*([^\r\n]*)/i.exec(head)?.[1] ?? '',
        body: rest.join('\r\n\r\n'),
      });
    });
    socket.end(bytes);
  });
}

/** A request as a signed-in clerk (or, `anonymous`, signed out), with its answer as it came. */
async function inject(
  method: 'GET' | 'DELETE',
  url: string,
  headers: Record<string, string> = {},
  anonymous = false,
) {
  const by = anonymous ? t.anonymous() : front;
  // DELETE is no method the API has: sent as a raw request with that method
  const res =
    method === 'GET' ? await by.get(url, headers) : await by.raw(method as 'POST', url, '{}', headers);
  const body = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  return { status: res.status, contentType: String(res.headers['content-type']), body };
}

function expectProblem(a: Answer, status: number, key: string, language?: RegExp) {
  expect(a.status, a.body).toBe(status);
  expect(a.contentType).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(a.body);
  expect(body).toMatchObject({ status, key });
  expect(body.type).toMatch(/^https:\/\/sabt\.tj\/problems\//);
  expect(a.body).not.toContain(MARKER);
  if (language) expect(body.title).toMatch(language);
}

const CYRILLIC = /[А-Яа-яӢӣҚқҲҳҶҷ]/;
const ENGLISH = /^[\x20-\x7e]+$/;

describe('errors before any route: problem+json in the user’s language, the URL not repeated', () => {
  it('bad percent-encoding', async () => {
    for (const url of [`/api/v1/records/${MARKER}%E0%A4%A`, `/api/v1/${MARKER}%`, `/${MARKER}%zz`]) {
      expectProblem(await inject('GET', url, { 'accept-language': 'en' }), 400, 'problem.badUrl', ENGLISH);
      expectProblem(await inject('GET', url, { 'accept-language': 'ru' }), 400, 'problem.badUrl', CYRILLIC);
    }
  });

  it('an over-long path parameter: no such record', async () => {
    for (const url of [
      `/api/v1/records/${MARKER}${'a'.repeat(500)}`,
      `/api/v1/records/${MARKER}${'a'.repeat(500)}/history`,
      `/api/v1/blanks/${'9'.repeat(500)}${MARKER}/spoil`,
    ]) {
      expectProblem(await inject('GET', url, { 'accept-language': 'en' }), 404, 'problem.notFound', ENGLISH);
      expectProblem(await inject('GET', url), 404, 'problem.notFound', CYRILLIC);
    }
  });

  it('an unknown route, an unknown method', async () => {
    expectProblem(
      await inject('GET', `/api/v1/${MARKER}`, { 'accept-language': 'en' }),
      404,
      'problem.notFound',
    );
    expectProblem(await inject('DELETE', `/api/v1/records?${MARKER}`), 405, 'problem.methodNotAllowed');
  });

  it('oversized headers (raw socket)', async () => {
    const answer = await rawRequest(
      `GET /api/v1/records?${MARKER} HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
    );
    expectProblem(answer, 431, 'problem.headersTooLarge', ENGLISH);
  });

  it('raw non-ASCII and control bytes in the request line (raw socket)', async () => {
    for (const line of [
      Buffer.concat([
        Buffer.from(`GET /api/v1/${MARKER}/`),
        Buffer.from('ҷ', 'utf8'),
        Buffer.from(' HTTP/1.1'),
      ]),
      Buffer.from(`GET /api/v1/${MARKER}/\u0001 HTTP/1.1`, 'latin1'),
      Buffer.from(`GET /api/v1/${MARKER} HTTP/9.9`),
      Buffer.from(`G\u00c9T /${MARKER} HTTP/1.1`, 'latin1'),
    ]) {
      const answer = await rawRequest(
        Buffer.concat([line, Buffer.from('\r\nHost: x\r\nAccept-Language: ru\r\n\r\n')]),
      );
      expectProblem(answer, 400, 'problem.badRequest', CYRILLIC);
    }
  });

  it('a header that is not a header (raw socket), in Tajik when no language is asked', async () => {
    const answer = await rawRequest(
      `GET /api/v1/records?${MARKER} HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n`,
    );
    expectProblem(answer, 400, 'problem.badRequest', CYRILLIC);
  });
});

describe('errors of a route’s input', () => {
  const send = async (payload: string, headers: Record<string, string> = {}) => {
    const res = await front.raw('POST', `/api/v1/records?${MARKER}`, payload, {
      'accept-language': 'en',
      ...headers,
    });
    return {
      status: res.status,
      contentType: String(res.headers['content-type']),
      body: JSON.stringify(res.body),
    };
  };

  it('malformed JSON, a wrong content type, a body too large', async () => {
    expectProblem(await send('{"kind":'), 400, 'problem.malformedJson', ENGLISH);
    expectProblem(
      await send('a,b', { 'content-type': 'text/csv' }),
      415,
      'problem.unsupportedMediaType',
      ENGLISH,
    );
    expectProblem(
      await send(`{"x":"${'x'.repeat(2 * 1024 * 1024)}"}`),
      413,
      'problem.payloadTooLarge',
      ENGLISH,
    );
  });

  it('a signed-out request', async () => {
    expectProblem(
      await inject('GET', `/api/v1/records?${MARKER}`, { 'accept-language': 'en' }, true),
      401,
      'problem.unauthenticated',
      ENGLISH,
    );
  });
});
