/**
 * Dates are typed as dd.mm.yyyy (no picker): the mask (`lib/date-mask.ts`) puts the dots in as
 * digits are typed and the value kept is the plain `YYYY-MM-DD` string. Where the law allows a
 * partial date, mm.yyyy and yyyy are accepted too (`YYYY-MM`, `YYYY`; typed as digits alone: 4 → a
 * year, 6 → month and year, 8 → a full date). Text that is not a date yet is kept as typed, so the
 * schema's own check says what is wrong with it.
 */

// The mask itself is shared with every other date input of the app.
export { maskFullDate, maskPartialDate } from '../../../lib/date-mask.ts';

/** The value kept for what is shown: `14.03.2025` → `2025-03-14`; empty → undefined; otherwise the text. */
export function dateTextToValue(text: string, partial = false): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const full = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(t);
  if (full) return `${full[3]}-${full[2]}-${full[1]}`;
  if (partial) {
    const month = /^(\d{2})\.(\d{4})$/.exec(t);
    if (month) return `${month[2]}-${month[1]}`;
    if (/^\d{4}$/.test(t)) return t;
  }
  return t;
}

/** What a date field shows for a value: `2025-03-14` → `14.03.2025`, `1950-06` → `06.1950`. */
export function dateValueToText(value: unknown): string {
  if (typeof value !== 'string') return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  if (m[2] === undefined) return m[1]!;
  if (m[3] === undefined) return `${m[2]}.${m[1]}`;
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/** Formats a time as typed: `1405` → `14:05`, `9:` → `09:`. */
export function maskTime(input: string): string {
  const groups: string[] = [''];
  for (const c of input) {
    const i = groups.length - 1;
    const g = groups[i]!;
    if (c >= '0' && c <= '9') {
      if (g.length < 2) groups[i] = g + c;
      else if (i === 0) groups.push(c);
    } else if (/[:.\s]/.test(c) && i === 0 && g.length > 0) {
      groups[0] = g.padStart(2, '0');
      groups.push('');
    }
  }
  return groups.join(':');
}

export function timeTextToValue(text: string): string | undefined {
  const t = text.trim();
  return t === '' ? undefined : t;
}
