import type { z } from 'zod';
import type { Path } from './validation.ts';

/**
 * Walking an act kind's zod schema: its leaves (the fields a form has), and its leaves beside the
 * values a record's data holds at them. Wrappers (optional, nullable, default, pipe) are looked
 * through; an array's items are one leaf, at index 0 in `schemaLeaves`.
 */

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
}

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

/** The schema under its wrappers (`plainDate.optional()` is `plainDate`). */
export function unwrapSchema(s: z.ZodType): z.ZodType {
  let cur = s;
  for (;;) {
    const def = defOf(cur);
    if (WRAPPERS.has(def.type) && def.innerType) cur = def.innerType;
    else if (def.type === 'pipe' && def.in) cur = def.in;
    else return cur;
  }
}

/** Every leaf of a schema with its path (array items at index 0). */
export function schemaLeaves(schema: z.ZodType, path: Path = []): { path: Path; schema: z.ZodType }[] {
  const s = unwrapSchema(schema);
  const def = defOf(s);
  if (def.type === 'object' && def.shape)
    return Object.entries(def.shape).flatMap(([k, v]) => schemaLeaves(v, [...path, k]));
  if (def.type === 'array' && def.element) return schemaLeaves(def.element, [...path, 0]);
  if (def.type === 'union' && def.options) return def.options.flatMap((o) => schemaLeaves(o, path));
  return [{ path, schema: s }];
}

/**
 * The codes a coded field may take at `path` (dotted; `#` or an index for a list's item): an enum's
 * values, or the literals of a union's branches, in the schema's order. Undefined where the field
 * is not coded.
 */
export function codedValuesAt(schema: z.ZodType, path: string): string[] | undefined {
  const want = path
    .split('.')
    .map((k) => (k === '#' ? '0' : k))
    .join('.');
  const values: string[] = [];
  for (const leaf of schemaLeaves(schema)) {
    if (leaf.path.join('.') !== want) continue;
    const def = defOf(leaf.schema);
    if (def.type === 'enum' && def.entries) values.push(...Object.values(def.entries));
    else if (def.type === 'literal' && def.values) values.push(...def.values.map(String));
    else return undefined;
  }
  return values.length > 0 ? [...new Set(values)] : undefined;
}

/** Calls `visit` for every leaf of the schema that `data` holds a value at, with that value and its path. */
export function walkData(
  schema: z.ZodType,
  data: unknown,
  visit: (leaf: z.ZodType, value: unknown, path: Path) => void,
  path: Path = [],
): void {
  if (data === undefined || data === null) return;
  const s = unwrapSchema(schema);
  const def = defOf(s);
  if (def.type === 'object' && def.shape) {
    if (typeof data !== 'object' || Array.isArray(data)) return;
    for (const [k, v] of Object.entries(def.shape))
      walkData(v, (data as Record<string, unknown>)[k], visit, [...path, k]);
  } else if (def.type === 'array' && def.element) {
    if (!Array.isArray(data)) return;
    for (const [i, item] of data.entries()) walkData(def.element, item, visit, [...path, i]);
  } else if (def.type === 'union' && def.options) {
    for (const o of def.options) walkData(o, data, visit, path);
  } else visit(s, data, path);
}
