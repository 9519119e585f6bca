/** Dates as ISO strings (YYYY-MM-DD), the registry's span (1925–2025) and the random draws of dates. */
import type { Rng } from './rng.ts';

export const FIRST_YEAR = 1925;
export const LAST_DAY = '2025-12-31';

const MS_DAY = 86_400_000;
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);
export const addDays = (date: string, days: number) => toDate(ms(date) + days * MS_DAY);
export const addYears = (date: string, years: number) =>
  `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4) === '-02-29' ? '-02-28' : date.slice(4)}`;
export const minDate = (a: string, b: string) => (a < b ? a : b);
export const yearOf = (date: string) => Number(date.slice(0, 4));

export function randomDateIn(rng: Rng, year: number): string {
  return toDate(ms(`${year}-01-01`) + rng.int(365) * MS_DAY);
}

export function randomDateBetween(rng: Rng, from: string, to: string): string {
  const a = ms(from);
  const b = ms(to);
  return b <= a ? from : toDate(a + rng.int(Math.floor((b - a) / MS_DAY) + 1) * MS_DAY);
}

/** Years of birth of the parents' generation, weighted by population growth. */
export function parentBirthYear(rng: Rng): number {
  const span = 2003 - FIRST_YEAR + 1;
  const k = 1 / 30;
  const u = rng.next();
  // inverse CDF of exp(k * x) on [0, span)
  const x = Math.log(1 + u * (Math.exp(k * span) - 1)) / k;
  return FIRST_YEAR + Math.min(span - 1, Math.floor(x));
}
