import { formatDate, parseShownDate } from '@sabt/core';

/** dd.mm.yyyy as typed → YYYY-MM-DD, or null while it is not a whole valid date. */
export const isoOf = (typed: string): string | null => parseShownDate(typed);

/** YYYY-MM-DD → dd.mm.yyyy. */
export const shown = (iso: string) => formatDate(iso);
