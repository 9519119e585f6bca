import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/locale.ts';
import { isMessageKey, MESSAGES } from '../i18n/messages.ts';
import {
  basisDocument,
  basisDocumentIssues,
  courtDecision,
  courtDecisionIssues,
  documentDateIssues,
} from './basis-documents.ts';
import type { FieldIssue } from './validation.ts';

const today = '2025-06-01';
const decision = { court: 'Суди ноҳияи Фирдавсӣ', caseNumber: '2-114/25', date: '2025-05-20' };

/** Each issue's message key exists with a text in Tajik, Russian and English. */
function translated(issues: FieldIssue[]): FieldIssue[] {
  for (const { key } of issues) {
    expect(isMessageKey(key), key).toBe(true);
    const entry = MESSAGES[key as keyof typeof MESSAGES];
    for (const locale of LOCALES) expect(entry[locale].trim(), `${key} ${locale}`).not.toBe('');
  }
  return issues;
}

describe('the court decision shape', () => {
  it('reads a stored decision, with or without the day it came into force', () => {
    expect(courtDecision.parse({ ...decision, inForceDate: '2025-05-31' })).toEqual({
      ...decision,
      inForceDate: '2025-05-31',
    });
    expect(courtDecision.parse(decision)).toEqual(decision);
  });

  it('refuses a decision without its court, case number or date, and an unknown field', () => {
    for (const field of ['court', 'caseNumber', 'date'] as const) {
      const { [field]: _, ...rest } = decision;
      expect(courtDecision.safeParse(rest).success, field).toBe(false);
    }
    expect(courtDecision.safeParse({ ...decision, judge: 'Саидов' }).success).toBe(false);
    expect(courtDecision.safeParse({ ...decision, date: '2025-02-30' }).success).toBe(false);
  });
});

describe('a court decision’s dates', () => {
  it('accepts a decision made and in force by today, after the event it decides on', () => {
    expect(courtDecisionIssues({ ...decision, inForceDate: today }, ['court'], today, '2025-05-20')).toEqual(
      [],
    );
  });

  it('refuses a decision made after today', () => {
    expect(translated(courtDecisionIssues({ ...decision, date: '2025-06-02' }, ['court'], today))).toEqual([
      { path: ['court', 'date'], key: 'error.date.future' },
    ]);
  });

  it('refuses a decision made before the event it decides on, a partial date counting from its first day', () => {
    expect(translated(courtDecisionIssues(decision, ['basis', 'court'], today, '2025-05-21'))).toEqual([
      { path: ['basis', 'court', 'date'], key: 'error.date.beforeEvent' },
    ]);
    expect(courtDecisionIssues(decision, ['court'], today, '2025-05')).toEqual([]);
    expect(courtDecisionIssues(decision, ['court'], today, '2025-06')).toEqual([
      { path: ['court', 'date'], key: 'error.date.beforeEvent' },
    ]);
  });

  it('refuses a decision in force after today', () => {
    const court = { ...decision, inForceDate: '2025-06-02' };
    expect(translated(courtDecisionIssues(court, ['court'], today))).toEqual([
      { path: ['court', 'inForceDate'], key: 'error.date.future' },
    ]);
  });

  it('refuses a decision in force before the day it was made', () => {
    const court = { ...decision, inForceDate: '2025-05-19' };
    expect(translated(courtDecisionIssues(court, ['court'], today))).toEqual([
      { path: ['court', 'inForceDate'], key: 'error.court.inForceBeforeDecision' },
    ]);
  });

  it('leaves a missing or mistyped decision in a draft to the shape', () => {
    expect(courtDecisionIssues(undefined, ['court'], today)).toEqual([]);
    expect(courtDecisionIssues({ date: '20.05.2025', inForceDate: 7 }, ['court'], today, 'soon')).toEqual([]);
  });
});

describe('a basis document’s date', () => {
  const application = { type: 'APPLICATION' as const, number: '45', date: '2025-05-12' };

  it('reads the basis documents amendments have stored', () => {
    expect(basisDocument.parse(application)).toEqual(application);
    expect(basisDocument.parse({ type: 'OTHER_DOCUMENT' })).toEqual({ type: 'OTHER_DOCUMENT' });
  });

  it('accepts a document of today, or without a date', () => {
    expect(basisDocumentIssues({ ...application, date: today }, ['basis'], today, '2020-01-01')).toEqual([]);
    expect(basisDocumentIssues({ type: 'APPLICATION' }, ['basis'], today, '2020-01-01')).toEqual([]);
  });

  it('refuses a document dated after today', () => {
    expect(translated(basisDocumentIssues({ ...application, date: '2025-06-02' }, ['basis'], today))).toEqual(
      [{ path: ['basis', 'date'], key: 'error.date.future' }],
    );
  });

  it('refuses an application or decision about the record dated before the record’s event', () => {
    for (const type of ['APPLICATION', 'COURT_DECISION', 'GUARDIANSHIP_DECISION', 'CONCLUSION']) {
      expect(translated(basisDocumentIssues({ type, date: '2019-12-31' }, ['basis'], today, '2020'))).toEqual(
        [{ path: ['basis', 'date'], key: 'error.date.beforeEvent' }],
      );
    }
  });

  it('accepts an older proving document (a passport, a certificate)', () => {
    expect(
      basisDocumentIssues({ type: 'OTHER_DOCUMENT', date: '2015-03-01' }, ['basis'], today, '2020'),
    ).toEqual([]);
  });

  it('refuses an original record dated after today', () => {
    expect(translated(documentDateIssues('2025-06-02', ['original', 'date'], today))).toEqual([
      { path: ['original', 'date'], key: 'error.date.future' },
    ]);
    expect(documentDateIssues(today, ['original', 'date'], today)).toEqual([]);
  });
});
