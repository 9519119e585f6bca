import type { FieldProblem } from '@sabt/core';
import { currentLanguage, i18n } from './i18n.ts';

/** One field error of a problem: the field path, the message key and the message in the user's language. */
export type { FieldProblem } from '@sabt/core';

/** An RFC 9457 problem+json body as the Sabt API sends it (title already in the user's language). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  key?: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

/**
 * Every failed request throws this. `status` is the HTTP status (0 when the server could not be
 * reached); `problem` is the body the server sent, or one made up here in the user's language.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.title);
    this.name = 'ProblemError';
    this.status = problem.status;
    this.problem = problem;
  }
  /** Field errors by path (`child.birthDate` → message). */
  get fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((e) => [e.path, e.message]));
  }
}

export function isProblem(error: unknown, status?: number): error is ProblemError {
  return error instanceof ProblemError && (status === undefined || error.status === status);
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  query?: Query;
  /** The ETag read earlier, for optimistic concurrency on edits. */
  ifMatch?: string;
  /** Reuse a key to retry the same write safely; by default every write gets a fresh one. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** An answer the server lets browsers keep (public data) asked of the server again, not the cache. */
  fresh?: boolean;
  /**
   * A 401 normally means the session has ended: the app is told (and sends the user to sign-in).
   * Sign-in itself and the first "who am I" check handle a 401 themselves.
   */
  expectUnauthenticated?: boolean;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  etag: string | null;
  headers: Headers;
}

export const API_BASE = '/api/v1';

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler | null = null;

/** The app decides what a lost session means (sign-in with a "session expired" notice). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null) {
  onUnauthorized = handler;
}

function url(path: string, query?: Query): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  }
  const qs = search.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function madeUpProblem(status: number, title: string): Problem {
  return { type: 'about:blank', title, status };
}

/** The 401 of "nobody is signed in", for answers that say so without failing. */
export function signedOutProblem(): Problem {
  return madeUpProblem(401, i18n.t('errors.signInNeeded'));
}

async function readProblem(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<Problem>;
      if (body && typeof body.title === 'string') {
        return { type: 'about:blank', ...body, title: body.title, status: res.status };
      }
    } catch {
      // fall through to a generic problem
    }
  }
  return madeUpProblem(res.status, i18n.t('errors.unexpected'));
}

/** Sends a request with the API's headers; a failed one throws a ProblemError in the user's language. */
async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ accept, 'accept-language': currentLanguage() });
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  if (method !== 'GET') headers.set('idempotency-key', options.idempotencyKey ?? newUuid());
  if (options.ifMatch) headers.set('if-match', options.ifMatch);

  let res: Response;
  try {
    res = await fetch(url(path, options.query), {
      method,
      headers,
      credentials: 'include',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      ...(options.fresh ? { cache: 'no-cache' as const } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ProblemError(madeUpProblem(0, i18n.t('errors.network')));
  }

  if (!res.ok) {
    const problem = await readProblem(res);
    if (res.status === 401 && !options.expectUnauthenticated) onUnauthorized?.();
    throw new ProblemError(problem);
  }
  return res;
}

/** Calls the Sabt API: cookies, JSON, Accept-Language, Idempotency-Key on writes, If-Match. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const res = await send(path, options, 'application/json');
  const text = res.status === 204 ? '' : await res.text();
  const data = (text ? JSON.parse(text) : undefined) as T;
  return { data, status: res.status, etag: res.headers.get('etag'), headers: res.headers };
}

/** A binary answer (a PDF): the bytes as a Blob; errors still come as problem+json. */
export async function apiBlob(path: string, options: RequestOptions = {}): Promise<Blob> {
  const res = await send(path, options, 'application/pdf, application/problem+json');
  return res.blob();
}

/** The ETag the server gives a record at this revision (the revision number, quoted): for If-Match. */
export const etagOf = (revision: number) => `"${revision}"`;

/** The ETag of a record the server answered with: its header, else the one of the body's revision. */
export function etagOfAnswer(res: ApiResponse<{ revision: number }>): string {
  return res.etag ?? etagOf(res.data.revision);
}

/** The body only. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await request<T>(path, options)).data;
}

/** A random UUID v4; crypto.randomUUID exists only on https or localhost, getRandomValues everywhere. */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext !== false)
    return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
