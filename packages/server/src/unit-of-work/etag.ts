import { DomainError } from '../errors/domain-error.ts';

/**
 * ETags and If-Match, in one place. A record's ETag is its revision in quotes (`"3"`); a stored
 * file's is its SHA-256. A write names the revision it changes with If-Match (`"3"`, `W/"3"`, or
 * `*` for any); a stale one is refused with the current revision (412), a missing one where it is
 * required with 428.
 */
export function etag(value: number | string): string {
  return `"${value}"`;
}

/** What an If-Match header asks: a revision, any (`*`), nothing (no header), or -1 for one that names none. */
export type ExpectedRevision = number | '*' | undefined;

export function parseIfMatch(header: string | undefined): ExpectedRevision {
  if (header === undefined) return undefined;
  if (header.trim() === '*') return '*';
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  return m ? Number(m[1]) : -1;
}

/** The If-Match of a write that may not go without one (a draft's edit): 428 when missing. */
export function requireIfMatch(header: string | undefined): Exclude<ExpectedRevision, undefined> {
  const expected = parseIfMatch(header);
  if (expected === undefined) throw new DomainError('precondition-required', 'problem.preconditionRequired');
  return expected;
}

/**
 * Refuses a write whose If-Match names another revision than the current one (412, with the
 * current revision). No header passes; `*` passes unless the write needs the revision itself.
 */
export function assertRevision(
  expected: ExpectedRevision,
  current: number,
  { exact = false }: { exact?: boolean } = {},
): void {
  if (expected === undefined || expected === current) return;
  if (expected === '*' && !exact) return;
  throw new DomainError('precondition-failed', 'problem.preconditionFailed', {}, [], { revision: current });
}
