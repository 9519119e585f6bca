import { z } from 'zod';
import { dateRange, isPartialDate } from '../dates/plain-date.ts';
import { plainDate, shortText, text } from './common.ts';
import { isDate } from './family-common.ts';
import type { FieldIssue, Path, RuleReport } from './validation.ts';

/**
 * The documents an act or an operation on a record rests on, and their date rules: a court decision
 * (an act's court fields, a restoration, an annulment) and the basis document of an amendment.
 * The rules take what a draft may hold (anything), and return field issues with message keys.
 */

/** A court decision: the court, the case number, the day it was made and the day it came into force. */
export const courtDecision = z.strictObject({
  court: shortText,
  caseNumber: text(50, { min: 1 }),
  date: plainDate,
  inForceDate: plainDate.optional(),
});

export type CourtDecision = z.infer<typeof courtDecision>;

export const BASIS_DOCUMENT_TYPES = [
  'APPLICATION',
  'COURT_DECISION',
  'GUARDIANSHIP_DECISION',
  'CONCLUSION',
  'OTHER_DOCUMENT',
] as const;

/** The document an amendment (or another decision on a record) rests on, as its number, date and issuer cite it. */
export const basisDocument = z.strictObject({
  type: z.enum(BASIS_DOCUMENT_TYPES),
  number: text(50).optional(),
  date: plainDate.optional(),
  issuer: text(200).optional(),
});

export type BasisDocument = z.infer<typeof basisDocument>;

/**
 * The earliest day of an event given as a full or partial date (a death may be known by its year),
 * or undefined while it is missing or wrong.
 */
function earliestDay(event: unknown): string | undefined {
  return typeof event === 'string' && isPartialDate(event) ? dateRange(event).earliest : undefined;
}

/**
 * A document's date: not after today and, where the document is about an event (a birth, a
 * marriage, the record a decision annuls), not before that event. An original record a restoration
 * names is such a document too.
 */
export function documentDateIssues(date: unknown, path: Path, today: string, event?: unknown): FieldIssue[] {
  if (!isDate(date)) return [];
  if (date > today) return [{ path, key: 'error.date.future' }];
  const from = earliestDay(event);
  return from !== undefined && date < from ? [{ path, key: 'error.date.beforeEvent' }] : [];
}

/**
 * A court decision's dates: made no later than today and not before the event it decides on (when
 * `event` is given), in force no later than today and no earlier than the day it was made.
 */
export function courtDecisionIssues(
  court: unknown,
  path: Path,
  today: string,
  event?: unknown,
): FieldIssue[] {
  if (court === null || typeof court !== 'object') return [];
  const { date, inForceDate } = court as { date?: unknown; inForceDate?: unknown };
  const issues = documentDateIssues(date, [...path, 'date'], today, event);
  const inForce = documentDateIssues(inForceDate, [...path, 'inForceDate'], today);
  if (inForce.length > 0) issues.push(...inForce);
  else if (isDate(inForceDate) && isDate(date) && inForceDate < date)
    issues.push({ path: [...path, 'inForceDate'], key: 'error.court.inForceBeforeDecision' });
  return issues;
}

/**
 * The rules of an act's court decision at `path`: present when the act rests on it (`required`), and
 * its dates as courtDecisionIssues checks them against the event it decides on.
 */
export function checkCourtDecision(
  report: RuleReport,
  court: unknown,
  path: Path,
  today: string,
  { required = false, event }: { required?: boolean; event?: unknown } = {},
): void {
  if (required && !court) report.error(path, 'error.required');
  report.addErrors(courtDecisionIssues(court, path, today, event));
}

/**
 * A basis document's date: not after today. A document about the record (an application, a decision,
 * a conclusion) is not dated before the record's event either; an other document (a passport, a
 * certificate) proves a fact and may be older.
 */
export function basisDocumentIssues(
  doc: { type?: unknown; date?: unknown } | undefined,
  path: Path,
  today: string,
  recordEvent?: unknown,
): FieldIssue[] {
  if (!doc) return [];
  return documentDateIssues(
    doc.date,
    [...path, 'date'],
    today,
    doc.type === 'OTHER_DOCUMENT' ? undefined : recordEvent,
  );
}
