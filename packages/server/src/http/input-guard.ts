import type { FieldIssue } from '@sabt/core';

/** Deeper than any act's data will ever be; deeper input is refused before anything recurses over it. */
export const MAX_DEPTH = 32;

// U+0000 cannot be stored in PostgreSQL text, and a lone surrogate is not valid UTF-8.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL character is what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Finds the first part of a request that no field may hold: a string with characters the
 * database cannot store, or nesting deeper than MAX_DEPTH. Returns it as a field issue.
 */
export function unstorableInput(value: unknown, path: (string | number)[] = []): FieldIssue | undefined {
  if (path.length > MAX_DEPTH)
    return { path: path.slice(0, MAX_DEPTH), key: 'error.tooDeep', params: { max: MAX_DEPTH } };
  if (typeof value === 'string') {
    return UNSTORABLE.test(value) ? { path, key: 'error.invalidCharacters' } : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableInput(value[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    if (UNSTORABLE.test(k)) return { path: [...path, k], key: 'error.invalidCharacters' };
    const found = unstorableInput(v, [...path, k]);
    if (found) return found;
  }
  return undefined;
}
