import type { z } from 'zod';
import { isMessageKey } from '../i18n/messages.ts';

export type Path = (string | number)[];

/** A problem with one field: a message key and its parameters, rendered in the user's language later. */
export interface FieldIssue {
  path: Path;
  key: string;
  params?: Record<string, unknown>;
}

export type Mode = 'draft' | 'complete';

export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p as string];
  }
  return cur;
}

const isMissing = (v: unknown) => v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * Turns zod issues into field issues with message keys. In draft mode a missing value is not
 * an error (a draft is saved as it is typed); a wrong value always is.
 */
export function toFieldIssues(error: z.ZodError, input: unknown, mode: Mode): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const value = valueAt(input, path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: [...path, key], key: 'error.unknownField', params: { field: key } });
      continue;
    }
    if (mode === 'draft' && isMissing(value)) continue;
    if (isMessageKey(issue.message)) {
      out.push({ path, key: issue.message });
      continue;
    }
    switch (issue.code) {
      case 'invalid_type':
        out.push(
          isMissing(value)
            ? { path, key: 'error.required' }
            : { path, key: 'error.type', params: { expected: issue.expected } },
        );
        break;
      case 'too_big':
        if (issue.origin === 'string')
          out.push({ path, key: 'error.tooLong', params: { max: issue.maximum } });
        else if (issue.origin === 'array')
          out.push({ path, key: 'error.tooMany', params: { max: issue.maximum } });
        else out.push({ path, key: 'error.tooBig', params: { max: issue.maximum } });
        break;
      case 'too_small':
        if (issue.origin === 'string')
          out.push(
            isMissing(value)
              ? { path, key: 'error.required' }
              : { path, key: 'error.tooShort', params: { min: issue.minimum } },
          );
        else if (issue.origin === 'array') {
          if (mode === 'complete') out.push({ path, key: 'error.required' });
        } else out.push({ path, key: 'error.tooSmall', params: { min: issue.minimum } });
        break;
      case 'invalid_value':
        out.push(
          isMissing(value)
            ? { path, key: 'error.required' }
            : { path, key: 'error.choice', params: { options: issue.values.map(String) } },
        );
        break;
      case 'invalid_format':
        out.push({ path, key: issue.format === 'uuid' ? 'error.uuid' : 'error.format' });
        break;
      default:
        out.push({ path, key: 'error.type', params: { expected: 'valid value' } });
    }
  }
  return dedupe(out);
}

function dedupe(issues: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.path.join('.')}|${i.key}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Collects errors, warnings and flags while an act kind's rules run. */
export class RuleReport {
  readonly errors: FieldIssue[] = [];
  readonly warnings: FieldIssue[] = [];
  readonly flags = new Set<string>();

  error(path: Path, key: string, params?: Record<string, unknown>): void {
    this.errors.push(params ? { path, key, params } : { path, key });
  }

  /** Errors found by a rule shared among act kinds (see basis-documents.ts). */
  addErrors(issues: FieldIssue[]): void {
    this.errors.push(...issues);
  }

  warn(path: Path, key: string, params?: Record<string, unknown>): void {
    this.warnings.push(params ? { path, key, params } : { path, key });
  }

  flag(flag: string): void {
    this.flags.add(flag);
  }
}
