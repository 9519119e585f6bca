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

/**
 * POST to the API (same origin; the portal's cookie goes along). `key`: the write's Idempotency-Key,
 * the same for a retry of the same action, so that it is done once.
 */
export async function postJson<T>(url: string, body: unknown, locale: Locale, key?: string): Promise<T> {
  return answer<T>(
    await fetch(url, {
      method: 'POST',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        accept: 'application/json',
        'accept-language': locale,
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}
