import type { FieldIssue } from '@sabt/core';

/**
 * What went wrong, in the domain's words: http/problem.ts answers each kind with its status.
 * - malformed: the request cannot be read as asked (an unknown act kind, an empty file)
 * - unauthenticated: nobody, or wrong credentials
 * - forbidden: this user may not
 * - not-found: no such thing, or not for this user to see
 * - conflict: the thing is not in a state that allows it
 * - precondition-failed: the client's copy is stale (its revision is not the current one)
 * - precondition-required: the client must say which revision it changes
 * - too-large: more than the limit allows (a file over its purpose's size limit)
 * - unsupported: a file of a kind this purpose does not accept
 * - invalid: the data break a rule (field issues in `errors`)
 * - throttled: too many attempts: wait (a sign-in after wrong passwords)
 * - internal: our own fault the user is told about (a damaged stored file, keys unavailable)
 * - unavailable: a service this needs is switched off
 */
export type DomainErrorKind =
  | 'malformed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'too-large'
  | 'unsupported'
  | 'invalid'
  | 'throttled'
  | 'precondition-required'
  | 'internal'
  | 'unavailable';

/**
 * An error a user can act on, thrown by commands, policies and the other modules: a kind, a
 * message key of core/i18n with its parameters, field issues, and extra members for the answer.
 */
export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly key: string;
  readonly params: Record<string, unknown>;
  readonly errors: FieldIssue[];
  readonly extra: Record<string, unknown>;

  constructor(
    kind: DomainErrorKind,
    key: string,
    params: Record<string, unknown> = {},
    errors: FieldIssue[] = [],
    extra: Record<string, unknown> = {},
  ) {
    super(key);
    this.kind = kind;
    this.key = key;
    this.params = params;
    this.errors = errors;
    this.extra = extra;
  }
}

export const forbidden = () => new DomainError('forbidden', 'problem.forbidden');
export const notFound = () => new DomainError('not-found', 'problem.notFound');

/** Refuses the request, changing nothing, when any of the issues stands. */
export function refuseIssues(issues: FieldIssue[]): void {
  if (issues.length > 0) throw new DomainError('invalid', 'problem.validation', {}, issues);
}
