import { addMonths, isPlainDate } from '../dates/plain-date.ts';

/**
 * Family Code (handbook §2.3): a marriage is registered a month after the joint application. The
 * month runs from the application date and ends on the same day of the next month (the month's last
 * day when it has no such day): applied 15 March → registered from 15 April; 31 January → 28/29
 * February. The head of office may shorten it, or waive it, for a valid reason.
 */
export const MARRIAGE_WAITING_MONTHS = 1;

/** Why the head shortens the month: the handbook names pregnancy, a child's birth and a threat to life. */
export const WAITING_GROUNDS = ['PREGNANCY', 'CHILD_BORN', 'THREAT_TO_LIFE', 'OTHER'] as const;
export type WaitingGround = (typeof WAITING_GROUNDS)[number];

/** The head of office's decision, as the record's action log keeps it (with the reason beside it). */
export interface WaitingShortening {
  /** The application the decision was made for: a later change of the date voids it. */
  applicationDate: string;
  /** The first day the marriage may now be registered (the application day itself: waived). */
  allowedFrom: string;
  ground: WaitingGround;
  /** The document the decision rests on (a medical certificate of pregnancy, a child's birth certificate …). */
  basis?: { type?: string; number?: string; date?: string; issuer?: string } | undefined;
}

/** The first day a marriage applied for on `applicationDate` may be registered without a decision. */
export function marriageEarliestDate(applicationDate: string): string {
  return addMonths(applicationDate, MARRIAGE_WAITING_MONTHS);
}

export interface WaitingPeriod {
  applicationDate: string;
  /** The end of the month: registration from this day needs no decision. */
  earliest: string;
  /** The first day registration is allowed now: `earliest`, or earlier by the head's decision. */
  allowedFrom: string;
  /** The decision that shortened it, if one stands for this application date. */
  shortening: WaitingShortening | null;
}

/**
 * A marriage's waiting period: the month from its application date, shortened by the latest of
 * the head's decisions made for that same application date. Null while the date is not known.
 */
export function waitingPeriod(
  applicationDate: unknown,
  decisions: readonly WaitingShortening[],
): WaitingPeriod | null {
  if (typeof applicationDate !== 'string' || !isPlainDate(applicationDate)) return null;
  const earliest = marriageEarliestDate(applicationDate);
  const shortening = [...decisions].reverse().find((d) => d.applicationDate === applicationDate) ?? null;
  const allowedFrom = shortening && shortening.allowedFrom < earliest ? shortening.allowedFrom : earliest;
  return { applicationDate, earliest, allowedFrom, shortening };
}

/** The day a marriage counts as registered on: the ceremony day when it is set and not later than today. */
export function marriageRegistrationDay(registrationDate: unknown, today: string): string {
  return typeof registrationDate === 'string' && isPlainDate(registrationDate) && registrationDate < today
    ? registrationDate
    : today;
}
