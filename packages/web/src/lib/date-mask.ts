import { isPlainDate } from '@sabt/core';

/**
 * The dd.mm.yyyy mask every date input of the app shares (application forms, record dialogs): the
 * dots come by themselves while digits are typed, a one-digit day or month is padded when a
 * separator follows, a pasted ISO date is taken as it is meant. Dates are typed, never picked.
 *
 * Where the law allows a partial date (a date of birth or death known only to the month or the
 * year), digits typed alone are read by how many there are:
 *
 *   4 digits → yyyy           `1950`     → `1950`
 *   6 digits → mm.yyyy        `061950`   → `06.1950`
 *   8 digits → dd.mm.yyyy     `01031950` → `01.03.1950`
 *
 * (5 and 7 digits are shown on their way to the next: `01031` → `01.031`, `0103195` → `01.03.195`.)
 * Typed with dots (`6.1950`, `1.3.1950`), the dots say what each part is.
 */

const SEPARATORS = /[./\-\s,]/;
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;
const ISO_MONTH = /^\s*(\d{4})-(\d{2})\s*$/;

/** Formats what was typed into a full-date field: `14032025` → `14.03.2025`, `1.3.` → `01.03.`. */
export function maskFullDate(input: string): string {
  const iso = ISO.exec(input);
  if (iso) return `${iso[3]}.${iso[2]}.${iso[1]}`;
  const groups: string[] = [''];
  const max = [2, 2, 4];
  for (const c of input) {
    const i = groups.length - 1;
    const g = groups[i]!;
    if (c >= '0' && c <= '9') {
      if (g.length < max[i]!) groups[i] = g + c;
      else if (i < 2) groups.push(c);
    } else if (SEPARATORS.test(c) && i < 2 && g.length > 0) {
      groups[i] = g.padStart(2, '0');
      groups.push('');
    }
  }
  return groups.join('.');
}

/** Digits alone, laid out by their count: yyyy, mm.yyyy, dd.mm.yyyy (and the steps between). */
function partialLayout(digits: string): string {
  const d = digits.slice(0, 8);
  if (d.length <= 4) return d;
  if (d.length <= 6) return `${d.slice(0, 2)}.${d.slice(2)}`;
  return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4)}`;
}

/**
 * Whether the dots in `text` are the ones `partialLayout` put in (then one more digit was typed at
 * the end): the digits are laid out again, so `01.0319` + `5` becomes `01.03.195`, not `01.0319`.
 */
function isOwnLayout(text: string, digits: string): boolean {
  return text === partialLayout(digits) || text === partialLayout(digits.slice(0, -1)) + digits.slice(-1);
}

/** Formats what was typed into a partial-date field: `1950`, `061950` → `06.1950`, `01031950` → `01.03.1950`. */
export function maskPartialDate(input: string): string {
  const iso = ISO.exec(input);
  if (iso) return `${iso[3]}.${iso[2]}.${iso[1]}`;
  const isoMonth = ISO_MONTH.exec(input);
  if (isoMonth) return `${isoMonth[2]}.${isoMonth[1]}`;
  const cleaned = input.replace(/[^\d./\-\s,]/g, '');
  const digits = cleaned.replace(/\D/g, '');
  if (!SEPARATORS.test(cleaned) || isOwnLayout(cleaned, digits)) return partialLayout(digits);
  // Typed with separators: each part before one is a day or a month, the last part what follows.
  const parts = cleaned.split(SEPARATORS).slice(0, 3);
  return parts
    .map((p, i) => {
      const last = i === parts.length - 1;
      if (last) return p.slice(0, 4);
      return p.length === 1 ? `0${p}` : p.slice(0, 2);
    })
    .join('.');
}

/** How many digits stand before `position` in `text` (to keep the caret in place after masking). */
export function digitsBefore(text: string, position: number): number {
  return text.slice(0, position).replace(/\D/gu, '').length;
}

/** The position in a masked value just after its `count`-th digit. */
export function positionAfterDigits(masked: string, count: number): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < masked.length; i++) {
    if (/\d/u.test(masked[i]!)) seen += 1;
    if (seen === count) {
      // step over a dot that directly follows, as typing would
      return masked[i + 1] === '.' ? i + 2 : i + 1;
    }
  }
  return masked.length;
}

/** A full date as typed (dd.mm.yyyy) → YYYY-MM-DD, or null while it is not a whole valid date. */
export function typedDateIso(typed: string): string | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(typed.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return isPlainDate(iso) ? iso : null;
}
