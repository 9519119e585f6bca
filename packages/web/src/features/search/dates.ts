import { formatDate, isPlainDate } from '@sabt/core';

/**
 * Dates as staff type them: dd.mm.yyyy. The mask puts the dots in while digits are typed
 * (`14032025` → `14.03.2025`), pads a one-digit day or month when a separator follows
 * (`4.3.2025` → `04.03.2025`) and takes a pasted ISO date (`2025-03-14`) as it is meant.
 */

const DISPLAY = /^(\d{2})\.(\d{2})\.(\d{4})$/u;

// The mask and the caret are the same for every date input of the app.
export { digitsBefore, maskFullDate as maskDate, positionAfterDigits } from '../../lib/date-mask.ts';

import { maskFullDate as maskDate } from '../../lib/date-mask.ts';

export type DateCheck =
  | { ok: true; iso: string | null }
  | { ok: false; error: 'dateIncomplete' | 'dateInvalid' };

/** dd.mm.yyyy → YYYY-MM-DD; an empty field is fine (null), a partial or impossible date is not. */
export function parseDisplayDate(value: string): DateCheck {
  const text = value.trim();
  if (!text) return { ok: true, iso: null };
  const m = DISPLAY.exec(maskDate(text));
  if (!m) return { ok: false, error: 'dateIncomplete' };
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return isPlainDate(iso) ? { ok: true, iso } : { ok: false, error: 'dateInvalid' };
}

/** YYYY-MM-DD (as kept in the address) → dd.mm.yyyy for the field; anything else is shown as it is. */
export function displayDate(iso: string | null | undefined): string {
  return iso ? formatDate(iso) : '';
}
