import type { FieldIssue } from '@sabt/core';
import { DomainError } from '../errors/domain-error.ts';

type Path = (string | number)[];

interface Court {
  date: string;
  inForceDate?: string | undefined;
}

/** A court decision's dates: neither after today, and in force no earlier than it was made. */
export function courtDateIssues(today: string, court: Court | undefined, path: Path): FieldIssue[] {
  if (!court) return [];
  const issues = dateIssues(today, [
    [court.date, [...path, 'date']],
    [court.inForceDate, [...path, 'inForceDate']],
  ]);
  if (court.inForceDate && court.inForceDate < court.date) {
    issues.push({ path: [...path, 'inForceDate'], key: 'error.court.inForceBeforeDecision' });
  }
  return issues;
}

/** Dates of documents already made (a decision, an application, the original record): none after today. */
export function dateIssues(today: string, dates: [string | undefined, Path][]): FieldIssue[] {
  // Plain dates compare as text; a partial date (YYYY, YYYY-MM) sorts before the days it holds.
  return dates
    .filter(([d]) => d !== undefined && d > today)
    .map(([, path]) => ({ path, key: 'error.date.future' }));
}

/** Refuses the request, changing nothing, when any of the issues stands. */
export function refuseIssues(issues: FieldIssue[]): void {
  if (issues.length > 0) throw new DomainError('invalid', 'problem.validation', {}, issues);
}
