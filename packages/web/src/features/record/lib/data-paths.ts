import { isPartialDate, isPlainDate } from '@sabt/core';

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The value at a path of record data, or undefined. */
export function getAt(data: unknown, path: readonly string[]): unknown {
  let here: unknown = data;
  for (const key of path) {
    if (Array.isArray(here) && /^\d+$/.test(key)) here = here[Number(key)];
    else if (isObject(here)) here = here[key];
    else return undefined;
  }
  return here;
}

/** Sets a value in a JSON merge patch, creating the objects on the way. */
export function setAt(patch: Json, path: readonly string[], value: unknown): Json {
  const [head, ...rest] = path;
  if (head === undefined) return patch;
  if (rest.length === 0) return { ...patch, [head]: value };
  const inner = isObject(patch[head]) ? (patch[head] as Json) : {};
  return { ...patch, [head]: setAt(inner, rest, value) };
}

/** The leaves of a merge patch: each path with the value it sets (null removes). */
export function patchLeaves(patch: unknown, path: string[] = []): { path: string[]; value: unknown }[] {
  if (isObject(patch)) return Object.entries(patch).flatMap(([k, v]) => patchLeaves(v, [...path, k]));
  return [{ path, value: patch }];
}

/** `dd.mm.yyyy` (or, where allowed, `mm.yyyy` / `yyyy`) as typed by people → `YYYY-MM-DD` (`YYYY-MM`, `YYYY`). */
export function parseDisplayDate(text: string, partial = false): string | null {
  const s = text.trim().replace(/[/-]/g, '.');
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) {
    const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    return isPlainDate(iso) ? iso : null;
  }
  if (!partial) return null;
  m = /^(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) {
    const iso = `${m[2]}-${m[1]!.padStart(2, '0')}`;
    return isPartialDate(iso) ? iso : null;
  }
  m = /^(\d{4})$/.exec(s);
  if (m && isPartialDate(m[1]!)) return m[1]!;
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s.trim());

/** The person a record is about, for titles: child, deceased, person, or the spouses. */
export function subjectName(data: Json | null | undefined): string {
  if (!data) return '';
  const full = (p: unknown, surnameKey = 'surname') =>
    isObject(p)
      ? [p[surnameKey], p.name, p.patronymic].filter((x) => typeof x === 'string' && x).join(' ')
      : '';
  if (data.child) return full(data.child);
  if (data.deceased) return full(data.deceased);
  if (data.childAfter) return full(data.childAfter);
  if (isObject(data.person))
    return [data.person.surnameAfter, data.person.nameAfter, data.person.patronymicAfter]
      .filter((x) => typeof x === 'string' && x)
      .join(' ');
  if (data.husband || data.wife) {
    const h = full(data.husband, 'surnameBefore');
    const w = full(data.wife, 'surnameBefore');
    return [h, w].filter(Boolean).join(' — ');
  }
  return '';
}

/** What a merge patch would change in the data: each leaf it sets, before → after (null: removed). */
export function patchChanges(
  data: unknown,
  patch: unknown,
): { path: string; before: unknown; after: unknown }[] {
  return patchLeaves(patch).map((leaf) => ({
    path: leaf.path.join('.'),
    before: getAt(data, leaf.path) ?? null,
    after: leaf.value,
  }));
}
