import { ACT_KINDS, STATUSES } from '@sabt/core';
import { displayDate, parseDisplayDate } from './dates.ts';

/**
 * The search lives in the address (`/search?q=…&birthDate=2025-03-14&mode=broad`), with the very
 * names and formats GET /api/v1/search takes: Back, Forward, reload and a shared link all work,
 * and the address is the request.
 */

export const FIELDS = [
  'q',
  'surname',
  'name',
  'patronymic',
  'birthDate',
  'birthYear',
  'mother',
  'father',
  'kind',
  'status',
  'place',
  'from',
  'to',
  'actNumber',
  'year',
  'nationalId',
  'document',
] as const;
export type Field = (typeof FIELDS)[number];

/** Everything but the free-text box sits in the advanced panel. */
export const ADVANCED_FIELDS = FIELDS.filter((f) => f !== 'q');

/** Typed as dd.mm.yyyy, kept and sent as YYYY-MM-DD. */
export const DATE_FIELDS = ['birthDate', 'from', 'to'] as const satisfies readonly Field[];

/** A search needs one of these; the rest only narrow it (the server finds nothing from them alone). */
export const CRITERIA = ['q', 'surname', 'name', 'actNumber', 'nationalId', 'document'] as const;

/** Result counts offered by "more results", up to the API's maximum. */
export const LIMITS = [20, 50, 100] as const;
export const DEFAULT_LIMIT = LIMITS[0];

/** What the form holds: every field as typed, plus the broad switch. */
export type Draft = Record<Field, string> & { broad: boolean };

export type FieldError =
  | 'dateIncomplete'
  | 'dateInvalid'
  | 'year'
  | 'number'
  | 'period'
  | 'yearNeedsNumber'
  | 'nothing';

export const EMPTY_DRAFT: Draft = {
  ...(Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<Field, string>),
  broad: false,
};

const isDateField = (f: Field): f is (typeof DATE_FIELDS)[number] =>
  (DATE_FIELDS as readonly Field[]).includes(f);

/** The form as the address describes it. */
export function draftFromSearch(search: URLSearchParams): Draft {
  const draft: Draft = { ...EMPTY_DRAFT, broad: search.get('mode') === 'broad' };
  for (const f of FIELDS) {
    const v = search.get(f) ?? '';
    draft[f] = isDateField(f) ? displayDate(v) : v;
  }
  return draft;
}

/** How many advanced conditions are set (shown on the closed panel's button). */
export function countAdvanced(draft: Draft): number {
  return ADVANCED_FIELDS.filter((f) => draft[f].trim() !== '').length;
}

const YEAR = /^\d{4}$/u;
const DIGITS = /^\d+$/u;

/**
 * Checks the form and turns it into the address of the search. `search` is null when something
 * must be fixed first; `errors` says what, per field (`nothing` sits on the free-text box).
 */
export function searchFromDraft(draft: Draft): {
  errors: Partial<Record<Field, FieldError>>;
  search: URLSearchParams | null;
} {
  const errors: Partial<Record<Field, FieldError>> = {};
  const out = new URLSearchParams();
  const iso: Partial<Record<Field, string>> = {};
  for (const f of FIELDS) {
    const value = draft[f].trim();
    if (!value) continue;
    if (isDateField(f)) {
      const check = parseDisplayDate(value);
      if (!check.ok) errors[f] = check.error;
      else if (check.iso) iso[f] = check.iso;
      continue;
    }
    if ((f === 'birthYear' || f === 'year') && !(YEAR.test(value) && +value >= 1800 && +value <= 2200))
      errors[f] = 'year';
    if (f === 'actNumber' && !(DIGITS.test(value) && +value >= 1 && +value <= 999_999)) errors[f] = 'number';
  }
  if (iso.from && iso.to && iso.to < iso.from) errors.to = 'period';
  if (draft.year.trim() && !draft.actNumber.trim() && !errors.year) errors.year = 'yearNeedsNumber';
  const hasCriterion = CRITERIA.some((f) => draft[f].trim() !== '');
  if (!hasCriterion) errors.q = 'nothing';
  if (Object.keys(errors).length > 0) return { errors, search: null };

  for (const f of FIELDS) {
    const value = isDateField(f) ? iso[f] : draft[f].trim();
    if (value) out.set(f, value);
  }
  if (draft.broad) out.set('mode', 'broad');
  return { errors, search: out };
}

/** How many results the address asks for. */
export function limitOf(search: URLSearchParams): number {
  const n = Number(search.get('limit'));
  return (LIMITS as readonly number[]).includes(n) ? n : DEFAULT_LIMIT;
}

/** The query for GET /api/v1/search from the address; null when there is nothing to search for. */
export function apiQueryFromSearch(search: URLSearchParams): Record<string, string> | null {
  if (!CRITERIA.some((f) => search.get(f)?.trim())) return null;
  const query: Record<string, string> = {};
  for (const f of FIELDS) {
    const value = search.get(f)?.trim();
    if (!value) continue;
    if (f === 'kind' && !(ACT_KINDS as readonly string[]).includes(value)) continue;
    if (f === 'status' && !(STATUSES as readonly string[]).includes(value)) continue;
    query[f] = value;
  }
  if (search.get('mode') === 'broad') query.mode = 'broad';
  const limit = limitOf(search);
  if (limit !== DEFAULT_LIMIT) query.limit = String(limit);
  return query;
}
