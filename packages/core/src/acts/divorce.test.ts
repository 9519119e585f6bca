import { describe, expect, it } from 'vitest';
import { draftTests, exampleTests, keysAt, kindTestKit } from '../../test/kind-test-kit.ts';
import type { DivorceData } from './divorce.ts';
import { actKindJsonSchema } from './registry.ts';

/**
 * The kind's example: a marriage of 18 August 2012 ended on 28 April 2025 on
 * the spouses' joint application of 27 March 2025 (no common minor children).
 */
const kit = kindTestKit('DIVORCE');
const { kind: divorce, example, check } = kit;

const COURT = {
  court: 'Суди шаҳри Хуҷанд',
  caseNumber: '2-1045/2025',
  date: '2025-03-11',
  inForceDate: '2025-04-11',
};

describe('divorce record: the example', () => {
  exampleTests(kit, 'the husband and the date the marriage ended', {
    surname: 'Юсуфов',
    name: 'Баҳром',
    patronymic: 'Ҳакимович',
    birthDate: '1988-02-14',
    eventDate: '2025-04-28',
  });

  it('has a JSON Schema with the marriage, both spouses, the basis and the dates required', () => {
    // biome-ignore lint/suspicious/noExplicitAny: reading an untyped JSON Schema
    const schema = actKindJsonSchema(divorce) as any;
    expect([...schema.required].sort()).toEqual([
      'applicationDate',
      'basis',
      'husband',
      'marriage',
      'marriageEndDate',
      'wife',
    ]);
    expect([...schema.properties.marriage.required].sort()).toEqual(['date', 'number', 'office']);
    expect(schema.properties.basis.properties.type.enum).toEqual([
      'JOINT_APPLICATION',
      'COURT_DECISION',
      'SPOUSE_APPLICATION',
    ]);
  });
});

describe('divorce record: drafts and complete records', () => {
  const partial = { marriage: { number: '305' }, husband: { surnameBefore: 'Юсуфов' } };

  // A former spouse's citizenship and residence may be unknown (one spouse may be missing).
  draftTests(
    kit,
    partial,
    [
      'marriage.date',
      'marriage.office',
      'husband.surnameAfter',
      'husband.name',
      'husband.birthDate',
      'wife',
      'basis',
      'marriageEndDate',
      'applicationDate',
    ],
    ['husband.citizenship', 'husband.residence', 'marriageRecordId'],
  );

  it('refuses a malformed link to the marriage record, even in a draft', () => {
    const data = example();
    data.marriageRecordId = '305';
    expect(check(data, 'draft').errors).toEqual([{ path: ['marriageRecordId'], key: 'error.uuid' }]);
    data.marriageRecordId = '3c9a1e5b-7d2f-4b6a-9c8e-0f1d2e3a4b5c';
    expect(check(data).ok).toBe(true);
  });
});

describe('divorce record: a joint application at the office', () => {
  it('is refused when the spouses have common minor children, even in a draft', () => {
    const data = example();
    data.basis.commonMinorChildren = true;
    const expected = [{ path: ['basis', 'commonMinorChildren'], key: 'error.divorce.minorChildren' }];
    expect(check(data).errors).toEqual(expected);
    expect(check(data, 'draft').errors).toEqual(expected);
  });

  it('needs the answer about common minor children', () => {
    const data = example();
    delete data.basis.commonMinorChildren;
    expect(check(data, 'draft').ok).toBe(true);
    expect(check(data).errors).toEqual([{ path: ['basis', 'commonMinorChildren'], key: 'error.required' }]);
  });

  it('is accepted with no common minor children', () => {
    const data = example();
    expect(data.basis).toEqual({ type: 'JOINT_APPLICATION', commonMinorChildren: false });
    expect(check(data).ok).toBe(true);
  });
});

describe('divorce record: by court decision', () => {
  it('requires the court decision', () => {
    const data = example();
    data.basis = { type: 'COURT_DECISION', commonMinorChildren: true };
    expect(check(data, 'draft').ok).toBe(true);
    expect(check(data).errors).toEqual([{ path: ['basis', 'court'], key: 'error.required' }]);
    data.basis.court = COURT;
    expect(check(data).ok).toBe(true);
  });
});

describe('divorce record: one spouse’s application', () => {
  it('requires the special case and the court decision about the other spouse', () => {
    const data = example();
    data.basis = { type: 'SPOUSE_APPLICATION' };
    expect(check(data, 'draft').ok).toBe(true);
    expect(check(data).errors).toEqual([
      { path: ['basis', 'specialCase'], key: 'error.required' },
      { path: ['basis', 'court'], key: 'error.required' },
    ]);
  });

  it('is accepted when the other spouse is sentenced to more than 3 years', () => {
    const data = example();
    data.basis = { type: 'SPOUSE_APPLICATION', specialCase: 'IMPRISONED_OVER_3_YEARS', court: COURT };
    expect(check(data).ok).toBe(true);
  });

  it('refuses a special case the law does not know', () => {
    const data = example();
    data.basis = { type: 'SPOUSE_APPLICATION', specialCase: 'ABROAD', court: COURT };
    expect(keysAt(check(data, 'draft').errors, 'basis.specialCase')).toEqual(['error.choice']);
  });
});

describe('divorce record: dates', () => {
  it('refuses each date in the future and accepts today', () => {
    for (const [field, set] of [
      ['marriageEndDate', (d: DivorceData, v: string) => (d.marriageEndDate = v)],
      ['applicationDate', (d: DivorceData, v: string) => (d.applicationDate = v)],
      ['husband.birthDate', (d: DivorceData, v: string) => (d.husband.birthDate = v)],
    ] as const) {
      const data = example();
      set(data, '2025-06-02');
      expect(check(data).errors, field).toEqual([{ path: field.split('.'), key: 'error.date.future' }]);
      set(data, '2025-06-01');
      expect(check(data).ok, field).toBe(true);
    }
  });

  it('refuses a court decision dated in the future', () => {
    const data = example();
    data.basis = {
      type: 'COURT_DECISION',
      court: { court: COURT.court, caseNumber: COURT.caseNumber, date: '2025-06-15' },
    };
    expect(check(data).errors).toEqual([{ path: ['basis', 'court', 'date'], key: 'error.date.future' }]);
  });

  it('refuses a divorce decision made before the marriage, not an older decision about the other spouse', () => {
    const data = example();
    const court = { ...COURT, date: '2012-08-17', inForceDate: '2012-09-17' };
    data.basis = { type: 'COURT_DECISION', court };
    expect(check(data).errors).toEqual([{ path: ['basis', 'court', 'date'], key: 'error.date.beforeEvent' }]);
    data.basis = { type: 'SPOUSE_APPLICATION', specialCase: 'INCAPABLE', court };
    expect(check(data).ok).toBe(true);
  });

  it('refuses a court decision in force before it was made, or only after today', () => {
    const data = example();
    data.basis = { type: 'COURT_DECISION', court: { ...COURT, inForceDate: '2025-03-10' } };
    expect(check(data).errors).toEqual([
      { path: ['basis', 'court', 'inForceDate'], key: 'error.court.inForceBeforeDecision' },
    ]);
    data.basis.court.inForceDate = '2025-06-02';
    expect(check(data).errors).toEqual([
      { path: ['basis', 'court', 'inForceDate'], key: 'error.date.future' },
    ]);
  });

  it('refuses a marriage dated in the future', () => {
    const data = example();
    data.marriage.date = '2025-06-02';
    data.marriageEndDate = '2025-06-01';
    expect(check(data).errors).toEqual([
      { path: ['marriage', 'date'], key: 'error.date.future' },
      { path: ['marriageEndDate'], key: 'error.divorce.endBeforeMarriage' },
    ]);
  });

  it('refuses a marriage that ends before it was entered into, and accepts one that ends the same day', () => {
    const data = example();
    data.marriage.date = '2025-04-29';
    expect(check(data).errors).toEqual([
      { path: ['marriageEndDate'], key: 'error.divorce.endBeforeMarriage' },
    ]);
    data.marriage.date = '2025-04-28';
    expect(check(data).ok).toBe(true);
  });
});
