import { type FieldIssue, foldSeries } from '@sabt/core';
import { DomainError } from '../../errors/domain-error.ts';
import type { WriteContext } from '../../unit-of-work/write.ts';

/**
 * Strict-accountability blanks: an office receives numbered batches (blank-receiving.ts), hands
 * unused ones over to the offices below it (blank-transfers.ts), each print takes the next free
 * blank or the one the clerk has in the printer (blank-taking.ts), and a spoiled or lost blank is
 * written off only when a second person confirms the clerk's report (blank-write-offs.ts); what
 * is read of them is blank-queries.ts. This file: how a blank's series and numbers are read and written.
 */

/** The most blanks one batch may hold (one box of forms is far fewer). */
export const MAX_BATCH = 10_000;

export const formatBlankNumber = (n: number, digits: number) => String(n).padStart(digits, '0');

const isBlankNumber = (value: string, digits: number) => new RegExp(`^\\d{${digits}}$`).test(value);

/** A blank number as printed (exactly the configured digits) → its integer. */
export function parseBlankNumber(value: string, digits: number, path = 'number'): number {
  if (!isBlankNumber(value, digits)) {
    throw new DomainError('invalid', 'problem.validation', {}, [
      { path: [path], key: 'error.blank.number', params: { digits } },
    ]);
  }
  return Number(value);
}

/**
 * What is wrong with a range as typed (a batch received, blanks handed over): the series against
 * the set format (look-alike letters of the other keyboard read as the format wants them), both
 * numbers, the range. The series as it is kept.
 */
export function rangeIssues(
  input: { series: string; from: string; to: string },
  config: WriteContext['config'],
): { issues: FieldIssue[]; series: string } {
  const digits = config.blankNumberDigits;
  const issues: FieldIssue[] = [];
  const series = foldSeries(input.series, new RegExp(config.blankSeriesPattern, 'u'));
  if (series === null) {
    issues.push({
      path: ['series'],
      key: 'error.blank.series',
      params: { example: config.blankSeriesExample },
    });
  }
  for (const path of ['from', 'to'] as const) {
    if (!isBlankNumber(input[path], digits))
      issues.push({ path: [path], key: 'error.blank.number', params: { digits } });
  }
  if (issues.length === 0) {
    const from = Number(input.from);
    const to = Number(input.to);
    if (to < from || to - from + 1 > MAX_BATCH) {
      issues.push({ path: ['to'], key: 'error.blank.range', params: { max: MAX_BATCH } });
    }
  }
  return { issues, series: series ?? input.series };
}

/** A blank series as kept (the format's letters), for finding blanks by a series typed on either keyboard. */
export function keptSeries(series: string, config: WriteContext['config']): string {
  return foldSeries(series, new RegExp(config.blankSeriesPattern, 'u')) ?? series;
}
