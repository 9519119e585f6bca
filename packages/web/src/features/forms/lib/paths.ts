/** Reading and writing nested values by dotted path, comparing them and diffing them as JSON merge patches. */

export type Json = unknown;

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export function splitPath(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

export function getAt(root: unknown, path: string | readonly string[]): unknown {
  const parts = typeof path === 'string' ? splitPath(path) : path;
  let cur: unknown = root;
  for (const p of parts) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

/** A copy of `root` with `value` at `path` (undefined removes it); untouched branches are shared. */
export function setAt<T>(root: T, path: string | readonly string[], value: unknown): T {
  const parts = typeof path === 'string' ? splitPath(path) : path;
  if (parts.length === 0) return value as T;
  const [head, ...rest] = parts as [string, ...string[]];
  const base: Record<string, unknown> | unknown[] = Array.isArray(root)
    ? [...root]
    : isObject(root)
      ? { ...root }
      : /^\d+$/.test(head)
        ? []
        : {};
  const next = setAt((base as Record<string, unknown>)[head], rest, value);
  if (next === undefined && !Array.isArray(base)) delete (base as Record<string, unknown>)[head];
  else (base as Record<string, unknown>)[head] = next;
  return base as T;
}

/** Objects merge (the patch wins), anything else is replaced. */
export function deepMerge(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) out[k] = v === undefined ? out[k] : deepMerge(out[k], v);
  return out;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
}

/**
 * The RFC 7386 merge patch that turns `from` into `to`: changed leaves, `null` for removed keys.
 * Arrays are replaced whole. Returns undefined when nothing changed.
 */
export function mergePatchDiff(from: unknown, to: unknown): Record<string, unknown> | undefined {
  if (!isObject(to)) return undefined;
  const base = isObject(from) ? from : {};
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(base)) if (base[k] !== undefined && to[k] === undefined) out[k] = null;
  for (const [k, v] of Object.entries(to)) {
    if (v === undefined) continue;
    const before = base[k];
    if (deepEqual(before, v)) continue;
    if (isObject(v) && isObject(before)) {
      const inner = mergePatchDiff(before, v);
      if (inner) out[k] = inner;
    } else out[k] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Joins a path prefix and a relative path. */
export const join = (...parts: (string | number | undefined)[]) =>
  parts.filter((p) => p !== undefined && p !== '').join('.');
