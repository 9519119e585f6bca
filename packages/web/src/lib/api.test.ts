import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  api,
  apiBlob,
  etagOf,
  etagOfAnswer,
  isProblem,
  ProblemError,
  request,
  setUnauthorizedHandler,
} from './api.ts';
import { i18n } from './i18n.ts';

function answer(status: number, body?: unknown, headers: Record<string, string> = {}) {
  return vi.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: {
          'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
          ...headers,
        },
      }),
  );
}
const sent = (fetch: ReturnType<typeof answer>) => {
  const [input, init] = fetch.mock.calls[0] ?? [];
  return { url: String(input), init: init ?? {}, headers: new Headers(init?.headers) };
};

afterEach(async () => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(null);
  await i18n.changeLanguage('tg');
});

describe('api client', () => {
  it('reads with cookies and the interface language, without an idempotency key', async () => {
    const fetch = answer(200, { total: 0, items: [] });
    vi.stubGlobal('fetch', fetch);
    await i18n.changeLanguage('ru');
    const body = await api('/records', { query: { status: 'draft', flag: undefined, limit: 1 } });
    expect(body).toEqual({ total: 0, items: [] });
    const { url, init, headers } = sent(fetch);
    expect(url).toBe('/api/v1/records?status=draft&limit=1');
    expect(init.credentials).toBe('include');
    expect(headers.get('accept-language')).toBe('ru');
    expect(headers.get('idempotency-key')).toBeNull();
  });

  it('sends JSON, a fresh Idempotency-Key and If-Match on writes, and returns the ETag', async () => {
    const fetch = answer(200, { id: 'r1' }, { etag: '"3"' });
    vi.stubGlobal('fetch', fetch);
    const res = await request('/records/r1', { method: 'PATCH', body: { data: {} }, ifMatch: '"2"' });
    expect(res.etag).toBe('"3"');
    const { headers, init } = sent(fetch);
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('if-match')).toBe('"2"');
    expect(headers.get('idempotency-key')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    expect(init.body).toBe('{"data":{}}');
  });

  it("reads a record's ETag from the header, else from the body's revision", async () => {
    vi.stubGlobal('fetch', answer(200, { id: 'r1', revision: 4 }, { etag: '"5"' }));
    expect(etagOfAnswer(await request<{ revision: number }>('/records/r1'))).toBe('"5"');
    vi.stubGlobal('fetch', answer(200, { id: 'r1', revision: 4 }));
    expect(etagOfAnswer(await request<{ revision: number }>('/records/r1'))).toBe('"4"');
    expect(etagOf(12)).toBe('"12"');
  });

  it('keeps a given Idempotency-Key for a retry', async () => {
    const fetch = answer(201, { id: 'r1' });
    vi.stubGlobal('fetch', fetch);
    await api('/records', { method: 'POST', body: {}, idempotencyKey: 'k-1' });
    expect(sent(fetch).headers.get('idempotency-key')).toBe('k-1');
  });

  it('throws a ProblemError carrying the problem+json body', async () => {
    const problem = {
      type: 'https://sabt.tj/problems/validation',
      title: 'Маълумот нодуруст аст',
      status: 400,
      errors: [{ path: 'child.birthDate', key: 'error.date.future', message: 'Сана дар оянда аст' }],
    };
    vi.stubGlobal('fetch', answer(400, problem));
    const error = await api('/records', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect(isProblem(error, 400)).toBe(true);
    const p = error as ProblemError;
    expect(p.message).toBe('Маълумот нодуруст аст');
    expect(p.problem.errors?.[0]?.key).toBe('error.date.future');
    expect(p.fieldErrors).toEqual({ 'child.birthDate': 'Сана дар оянда аст' });
  });

  it('tells the app when the session is gone, unless the caller expects a 401', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    vi.stubGlobal('fetch', answer(401, { type: 'x', title: 'Ворид шавед', status: 401 }));
    await expect(api('/records')).rejects.toBeInstanceOf(ProblemError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await expect(api('/me', { expectUnauthenticated: true })).rejects.toBeInstanceOf(ProblemError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('turns a dead server or a non-JSON error page into a problem in the user language', async () => {
    await i18n.changeLanguage('en');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('fetch failed');
      }),
    );
    const offline = (await api('/me').catch((e: unknown) => e)) as ProblemError;
    expect(offline.status).toBe(0);
    expect(offline.message).toMatch(/server does not answer/);

    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
      ),
    );
    const gateway = (await api('/me').catch((e: unknown) => e)) as ProblemError;
    expect(gateway.status).toBe(502);
    expect(gateway.message).toMatch(/unexpected/);
  });

  it('fetches a PDF as bytes, and its refusal as a problem in the user language', async () => {
    const pdf = vi.fn(
      async (_input: RequestInfo | URL, _init?: RequestInit) =>
        new Response('%PDF-1.7 …', { status: 200, headers: { 'content-type': 'application/pdf' } }),
    );
    vi.stubGlobal('fetch', pdf);
    const blob = await apiBlob('/certificates/c1/pdf');
    expect(blob.type).toBe('application/pdf');
    expect((await blob.text()).slice(0, 5)).toBe('%PDF-');
    const { url, headers } = sent(pdf as unknown as ReturnType<typeof answer>);
    expect(url).toBe('/api/v1/certificates/c1/pdf');
    expect(headers.get('accept')).toContain('application/pdf');

    vi.stubGlobal('fetch', answer(403, { type: 'x', title: 'Дастрасӣ нест', status: 403 }));
    const refused = (await apiBlob('/certificates/c1/pdf').catch((e: unknown) => e)) as ProblemError;
    expect(isProblem(refused, 403)).toBe(true);
    expect(refused.message).toBe('Дастрасӣ нест');
  });
});
