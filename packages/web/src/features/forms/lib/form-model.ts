import type { Catalogue, Field, Values } from './catalogue-types.ts';
import { getAt, join, setAt } from './paths.ts';

/**
 * From what is typed to the record's data: the catalogue is walked, hidden fields are left out,
 * text is trimmed, defaults (country TJ, born alive …) fill empty fields, and whatever holds
 * nothing the clerk typed is dropped (a father of whom only "citizenship: TJ" is known is no
 * father at all).
 */

/** The parts a composite input is made of. */
export const COMPOSITE_PARTS: Partial<Record<Field['type'], string[]>> = {
  place: ['country', 'unit', 'settlement', 'address'],
  document: ['type', 'series', 'number', 'issuer', 'issueDate'],
  court: ['court', 'caseNumber', 'date', 'inForceDate'],
};

export const visible = (item: { when?: (v: Values) => boolean }, values: Values) =>
  !item.when || item.when(values);

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

interface Out {
  data: Record<string, unknown>;
  hard: Set<string>;
}

function put(out: Out, path: string, value: unknown, hard: boolean) {
  out.data = setAt(out.data, path, value);
  if (hard) out.hard.add(path);
}

function emitText(out: Out, values: Values, path: string, fallback?: unknown) {
  const v = str(getAt(values, path));
  if (v) put(out, path, v, true);
  else if (fallback !== undefined) put(out, path, fallback, false);
}

function emitField(out: Out, values: Values, f: Field, prefix: string, defaults: Values) {
  if (!visible(f, values)) return;
  const path = join(prefix, f.path);
  const v = getAt(values, path);
  const fallback = getAt(defaults, f.path);
  switch (f.type) {
    case 'text':
    case 'date':
    case 'partialDate':
    case 'time':
    case 'lookup':
      emitText(out, values, path, fallback);
      return;
    case 'select':
    case 'country':
      emitText(out, values, path, fallback ?? f.default);
      return;
    case 'checkbox':
      if (typeof v === 'boolean') put(out, path, v, true);
      else put(out, path, f.default, false);
      return;
    case 'yesno':
      if (typeof v === 'boolean') put(out, path, v, true);
      return;
    case 'number':
      if (typeof v === 'number') put(out, path, v, true);
      else if (str(v)) put(out, path, str(v), true);
      else if (f.default !== undefined) put(out, path, f.default, false);
      return;
    case 'place': {
      const country = str(getAt(values, `${path}.country`)) || 'TJ';
      put(out, `${path}.country`, country, country !== 'TJ');
      if (country === 'TJ') emitText(out, values, `${path}.unit`);
      emitText(out, values, `${path}.settlement`);
      emitText(out, values, `${path}.address`);
      return;
    }
    case 'document':
    case 'court':
      for (const part of COMPOSITE_PARTS[f.type]!) emitText(out, values, `${path}.${part}`);
      return;
    case 'recordList': {
      const ids = Array.isArray(v) ? v.map(str).filter(Boolean) : [];
      if (ids.length) put(out, path, ids, true);
      return;
    }
    case 'list': {
      const rows = Array.isArray(v) && v.length > 0 ? v : [{}];
      const items: { data: Record<string, unknown>; hard: boolean }[] = rows.map((_, i) => {
        const row: Out = { data: {}, hard: new Set() };
        const rowDefaults = f.newItem?.(i) ?? {};
        for (const item of f.item) emitField(row, values, item, `${path}.${i}`, rowDefaults);
        return {
          data: (getAt(row.data, `${path}.${i}`) ?? {}) as Record<string, unknown>,
          hard: row.hard.size > 0,
        };
      });
      // Trailing rows with nothing typed are not data; rows in between keep their place.
      while (items.length > 0 && !items.at(-1)!.hard) items.pop();
      if (items.length)
        put(
          out,
          path,
          items.map((x) => x.data),
          true,
        );
      return;
    }
    case 'group':
      for (const inner of f.fields) emitField(out, values, inner, prefix, defaults);
      return;
  }
}

/** Drops objects that hold no value the clerk typed (only defaults). Arrays are kept as built. */
function prune(node: unknown, path: string, hard: Set<string>): boolean {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return hard.has(path);
  const obj = node as Record<string, unknown>;
  let any = false;
  for (const key of Object.keys(obj)) {
    const child = obj[key];
    const childPath = join(path, key);
    const isObj = child !== null && typeof child === 'object' && !Array.isArray(child);
    const keep = prune(child, childPath, hard);
    if (isObj && !keep) delete obj[key];
    if (keep) any = true;
  }
  return any;
}

/** The record's data for what is typed. */
export function toData(catalogue: Catalogue, values: Values): Record<string, unknown> {
  const out: Out = { data: {}, hard: new Set() };
  for (const s of catalogue.sections) {
    if (!visible(s, values)) continue;
    for (const f of s.fields) emitField(out, values, f, '', {});
  }
  prune(out.data, '', out.hard);
  return out.data;
}

/** Every field, depth first, with its absolute path pattern (list rows as `#`). */
export function walkFields(fields: Field[], visit: (f: Field, path: string) => void, prefix = '') {
  for (const f of fields) {
    const path = join(prefix, f.path);
    visit(f, path);
    if (f.type === 'group') walkFields(f.fields, visit, prefix);
    if (f.type === 'list') walkFields(f.item, visit, `${path}.#`);
  }
}

/** The paths where a message can be shown: fields, the parts of composite inputs, sections. */
export function anchorPaths(catalogue: Catalogue): Set<string> {
  const out = new Set<string>();
  for (const s of catalogue.sections) {
    if (s.path) out.add(s.path);
    walkFields(s.fields, (f, path) => {
      out.add(path);
      for (const part of COMPOSITE_PARTS[f.type] ?? []) out.add(`${path}.${part}`);
      if (f.type === 'recordList') out.add(`${path}.#`);
    });
  }
  return out;
}

/** Where a message about `path` shows: the deepest anchor at or above it (list indexes kept). */
export function anchorFor(anchors: Set<string>, path: (string | number)[]): string | undefined {
  for (let n = path.length; n > 0; n--) {
    const prefix = path.slice(0, n);
    const pattern = prefix.map((p) => (typeof p === 'number' || /^\d+$/.test(String(p)) ? '#' : p)).join('.');
    if (anchors.has(pattern)) return prefix.join('.');
  }
  return undefined;
}

/** The order fields appear in, for listing errors top to bottom. */
export function fieldOrder(catalogue: Catalogue): string[] {
  const out: string[] = [];
  for (const s of catalogue.sections) {
    if (s.path) out.push(s.path);
    walkFields(s.fields, (f, path) => {
      out.push(path);
      for (const part of COMPOSITE_PARTS[f.type] ?? []) out.push(`${path}.${part}`);
    });
  }
  return out;
}

/** Whether nothing at all has been typed. */
export const isEmptyData = (data: Record<string, unknown>) => Object.keys(data).length === 0;

/**
 * Paths of objects the form lays out field by field (sections, groups): a "required" error on
 * one of them is shown at each required field inside. Composite inputs (place, document, court,
 * lists) show it on the whole input.
 */
export function objectPaths(catalogue: Catalogue): {
  laidOut: Set<string>;
  composite: Set<string>;
  /** Fields with a default (born alive, one child, Tajik citizen): never "missing" to the clerk. */
  defaulted: Set<string>;
} {
  const laidOut = new Set<string>();
  const composite = new Set<string>();
  const defaulted = new Set<string>();
  for (const s of catalogue.sections) {
    if (s.path) laidOut.add(s.path);
    walkFields(s.fields, (f, path) => {
      if (f.type === 'group') laidOut.add(path);
      if (COMPOSITE_PARTS[f.type] || f.type === 'list' || f.type === 'recordList') composite.add(path);
      if ('default' in f && f.default !== undefined) defaulted.add(path);
    });
  }
  return { laidOut, composite, defaulted };
}

/** A path with list indexes as `#`. */
export const patternOf = (path: (string | number)[]) =>
  path.map((p) => (typeof p === 'number' || /^\d+$/.test(String(p)) ? '#' : p)).join('.');
