/**
 * Dates of events are plain calendar strings, never JS Dates at local midnight.
 * A full date is `YYYY-MM-DD`; a partial date (allowed where the law allows it) is `YYYY` or `YYYY-MM`.
 */

const FULL = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** True for a real calendar day written as YYYY-MM-DD (2023-02-29 is false). */
export function isPlainDate(value: string): boolean {
  const m = FULL.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1800 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** True for `YYYY`, `YYYY-MM` or a real `YYYY-MM-DD`. */
export function isPartialDate(value: string): boolean {
  const m = PARTIAL.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  if (y < 1800) return false;
  if (m[2] === undefined) return true;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return false;
  if (m[3] === undefined) return true;
  return isPlainDate(value);
}

/** The earliest and latest full days a (possibly partial) date can stand for. */
export function dateRange(value: string): { earliest: string; latest: string } {
  const m = PARTIAL.exec(value);
  if (!m) throw new Error(`not a date: ${value}`);
  const y = m[1]!;
  if (m[2] === undefined) return { earliest: `${y}-01-01`, latest: `${y}-12-31` };
  if (m[3] === undefined) {
    const last = String(daysInMonth(Number(y), Number(m[2]))).padStart(2, '0');
    return { earliest: `${y}-${m[2]}-01`, latest: `${y}-${m[2]}-${last}` };
  }
  return { earliest: value, latest: value };
}

function parts(date: string): [number, number, number] {
  const m = FULL.exec(date);
  if (!m) throw new Error(`not a full date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Adds whole months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = Date.UTC(y, m - 1, d) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Completed years between two full dates (age on `on` of a person born on `birth`). */
export function fullYearsBetween(birth: string, on: string): number {
  const [by, bm, bd] = parts(birth);
  const [y, m, d] = parts(on);
  let years = y - by;
  if (m < bm || (m === bm && d < bd)) years -= 1;
  return years;
}

/** Today's date in a time zone, as YYYY-MM-DD (registries work in local civil dates). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let f = DAY_FORMATS.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    DAY_FORMATS.set(timeZone, f);
  }
  return f.format(now);
}

/** One formatter per time zone: making one costs ~100 times as much as formatting with it. */
const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** dd.mm.yyyy for people; partial dates keep their precision (mm.yyyy, yyyy). */
export function formatDate(value: string): string {
  const m = PARTIAL.exec(value);
  if (!m) return value;
  if (m[2] === undefined) return m[1]!;
  if (m[3] === undefined) return `${m[2]}.${m[1]}`;
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/** A whole date typed as people write it (dd.mm.yyyy) → YYYY-MM-DD; null while it is not a valid date. */
export function parseShownDate(typed: string): string | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(typed.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return isPlainDate(iso) ? iso : null;
}
