export interface Change {
  path: string;
  before: unknown;
  after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Field-by-field differences between two versions of a record's data (leaf values; arrays as wholes). */
export function diffData(before: unknown, after: unknown, path: string[] = []): Change[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffData(before[k], after[k], [...path, k]));
  }
  if (isObject(before) || isObject(after)) {
    const b = isObject(before) ? before : {};
    const a = isObject(after) ? after : {};
    const leaves = diffData(b, a, path);
    return leaves.length > 0 ? leaves : [{ path: path.join('.'), before, after }];
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path: path.join('.'), before: before ?? null, after: after ?? null }];
}
