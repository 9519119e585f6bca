import { formatDate, isPlainDate } from '@sabt/core';

/** dd.mm.yyyy as typed → YYYY-MM-DD, or null while it is not a whole valid date. */
export function isoOf(typed: string): string | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(typed.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return isPlainDate(iso) ? iso : null;
}

/** YYYY-MM-DD → dd.mm.yyyy. */
export const shown = (iso: string) => formatDate(iso);
