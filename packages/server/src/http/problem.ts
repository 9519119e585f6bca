import { type FieldIssue, type Locale, localizeParams, t } from '@sabt/core';
import type { DomainError, DomainErrorKind } from '../errors/domain-error.ts';

/** An error a user can act on: RFC 9457 problem+json, its text in the user's language. */
export class Problem extends Error {
  readonly status: number;
  readonly key: string;
  readonly params: Record<string, unknown>;
  readonly errors: FieldIssue[];
  readonly extra: Record<string, unknown>;

  constructor(
    status: number,
    key: string,
    params: Record<string, unknown> = {},
    errors: FieldIssue[] = [],
    extra: Record<string, unknown> = {},
  ) {
    super(key);
    this.status = status;
    this.key = key;
    this.params = params;
    this.errors = errors;
    this.extra = extra;
  }
}

/** A request that did not pass its route schema (where: body, querystring, params, headers). */
export class RequestValidationError extends Error {
  statusCode = 400;
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super('request validation failed');
    this.issues = issues;
  }
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; key: string; message: string; params?: Record<string, unknown> }[];
  [k: string]: unknown;
}

export function renderIssues(issues: FieldIssue[], locale: Locale, prefix: (string | number)[] = []) {
  return issues.map((i) => ({
    path: [...prefix, ...i.path].join('.'),
    key: i.key,
    message: t(i.key, locale, { field: i.path.at(-1), ...i.params }),
    ...(i.params ? { params: localizeParams(i.params, locale) } : {}),
  }));
}

export function problemBody(p: Problem, locale: Locale): ProblemBody {
  const body: ProblemBody = {
    type: `https://sabt.tj/problems/${p.key.replace(/^problem\./, '')}`,
    title: t(p.key, locale, p.params),
    status: p.status,
    key: p.key,
    ...p.extra,
  };
  if (p.errors.length > 0) body.errors = renderIssues(p.errors, locale);
  return body;
}

/** The one mapping from what went wrong in the domain to the HTTP status that answers it. */
export const STATUS_OF: Record<DomainErrorKind, number> = {
  malformed: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  'too-large': 413,
  unsupported: 415,
  invalid: 422,
  'precondition-required': 428,
  throttled: 429,
  internal: 500,
  unavailable: 503,
};

/** A domain error as the problem that answers it. */
export function problemOf(err: DomainError): Problem {
  return new Problem(STATUS_OF[err.kind], err.key, err.params, err.errors, err.extra);
}
