import type { Locale } from '@sabt/core';

/** A refusal as the server words it (problem+json), in the asked language. */
export class ProblemError extends Error {
  readonly status: number;
  readonly fields: { path: string; message: string }[];
  constructor(status: number, title: string, fields: { path: string; message: string }[] = []) {
    super(title);
    this.status = status;
    this.fields = fields;
  }
}

async function answer<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const body = await res.json().catch(() => null);
  if (res.ok) return body as T;
  const fields = Array.isArray(body?.errors)
    ? body.errors.map((e: { path?: unknown; message?: unknown; detail?: unknown }) => ({
        path: String(e.path ?? ''),
        message: String(e.message ?? e.detail ?? ''),
      }))
    : [];
  throw new ProblemError(res.status, String(body?.title ?? res.statusText), fields);
}

/** GET an API answer, its refusals in `locale`. */
export async function getJson<T>(url: string, locale: Locale): Promise<T> {
  return answer<T>(await fetch(url, { headers: { accept: 'application/json', 'accept-language': locale } }));
}

/** A request to the API (same origin; the portal's cookie goes along), its answer read. */
async function send<T>(
  method: 'POST' | 'PUT',
  url: string,
  body: unknown,
  locale: Locale,
  idempotencyKey: string | undefined,
): Promise<T> {
  return answer<T>(
    await fetch(url, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        accept: 'application/json',
        'accept-language': locale,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

/**
 * POST to the API. A write that keeps something sends an Idempotency-Key, the same one when it is
 * sent again after a lost answer.
 */
export function postJson<T>(url: string, body: unknown, locale: Locale, idempotencyKey?: string): Promise<T> {
  return send<T>('POST', url, body, locale, idempotencyKey);
}

/**
 * A write of the citizen's (POST, PUT) always under an Idempotency-Key: a retry of the same
 * action (the same key) gets the first answer instead of doing it twice.
 */
export function sendJson<T>(
  method: 'POST' | 'PUT',
  url: string,
  body: unknown,
  locale: Locale,
  key: string = newWriteKey(),
): Promise<T> {
  return send<T>(method, url, body, locale, key);
}

/** A fresh Idempotency-Key for a write (random bytes where randomUUID is not offered). */
export function newWriteKey(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext !== false)
    return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
