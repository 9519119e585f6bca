import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import { problemOf } from '../http/problem.ts';
import { assertRevision, etag, parseIfMatch, requireIfMatch } from './etag.ts';

const refusal = (run: () => void) => {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return problemOf(e);
    throw e;
  }
  return undefined;
};

describe('ETag and If-Match', () => {
  it('writes a revision or a hash in quotes and reads it back, weak or strong', () => {
    expect(etag(3)).toBe('"3"');
    expect(etag('ab12')).toBe('"ab12"');
    expect(parseIfMatch(etag(3))).toBe(3);
    expect(parseIfMatch(' W/"7" ')).toBe(7);
    expect(parseIfMatch('*')).toBe('*');
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('garbage')).toBe(-1);
  });

  it('refuses a stale revision with 412 and the current one; `*` passes unless the revision itself is needed', () => {
    expect(refusal(() => assertRevision(2, 2))).toBeUndefined();
    expect(refusal(() => assertRevision(undefined, 2))).toBeUndefined();
    expect(refusal(() => assertRevision('*', 2))).toBeUndefined();
    const stale = refusal(() => assertRevision(1, 2));
    expect([stale?.status, stale?.key, stale?.extra]).toEqual([
      412,
      'problem.preconditionFailed',
      { revision: 2 },
    ]);
    expect(refusal(() => assertRevision('*', 2, { exact: true }))?.status).toBe(412);
    expect(refusal(() => assertRevision(-1, 2))?.status).toBe(412);
  });

  it('answers a write that must name its revision and does not with 428', () => {
    const missing = refusal(() => requireIfMatch(undefined));
    expect([missing?.status, missing?.key]).toEqual([428, 'problem.preconditionRequired']);
    expect(requireIfMatch('"4"')).toBe(4);
  });
});
