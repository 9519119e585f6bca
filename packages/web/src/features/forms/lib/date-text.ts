/**
 * Dates are typed as dd.mm.yyyy (no picker): the mask puts the dots in as digits are typed and the
 * value kept is the plain `YYYY-MM-DD` string. Where the law allows a partial date, mm.yyyy and
 * yyyy are accepted too (`YYYY-MM`, `YYYY`). Text that is not a date yet is kept as typed, so the
 * schema's own check says what is wrong with it.
 */

const SEPARATORS = /[./\-\s,]/;
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;

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

/** Formats what was typed into a partial-date field: `1950`, `06.1950`, `21.06.1950`. */
export function maskPartialDate(input: string): string {
  const iso = ISO.exec(input);
  if (iso) return `${iso[3]}.${iso[2]}.${iso[1]}`;
  const cleaned = input.replace(/[^\d./\-\s,]/g, '');
  if (!SEPARATORS.test(cleaned)) {
    const d = cleaned.slice(0, 8);
    if (d.length <= 4) return d;
    if (d.length <= 6) return `${d.slice(0, 2)}.${d.slice(2)}`;
    return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4)}`;
  }
  const parts = cleaned.split(SEPARATORS).slice(0, 3);
  return parts
    .map((p, i) => {
      const last = i === parts.length - 1;
      if (last) return p.slice(0, 4);
      return p.length === 1 ? `0${p}` : p.slice(0, 2);
    })
    .join('.');
}

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
