import { describe, expect, it } from 'vitest';
import { draftTests, exampleTests, keysAt, kindTestKit } from '../../test/kind-test-kit.ts';
import { actKindJsonSchema } from './registry.ts';

/**
 * The kind's example: applied for on 18 April 2025, registered on 24 May 2025;
 * the husband (born 1997, divorced) and the wife (born 2001, never married).
 */
const kit = kindTestKit('MARRIAGE');
const { kind: marriage, example, check } = kit;

const COURT = { court: 'Суди ноҳияи Ҳисор', caseNumber: '2-211/2025', date: '2025-04-02' };

describe('marriage record: the example', () => {
  exampleTests(kit, 'the husband’s surname before the marriage and the registration date', {
    surname: 'Шарипов',
    name: 'Далер',
    patronymic: 'Рустамович',
    birthDate: '1997-11-03',
    eventDate: '2025-05-24',
  });

  it('has a JSON Schema with both spouses, the application date and the medical examination required', () => {
    // biome-ignore lint/suspicious/noExplicitAny: reading an untyped JSON Schema
    const schema = actKindJsonSchema(marriage) as any;
    expect(schema.type).toBe('object');
    expect([...schema.required].sort()).toEqual(['applicationDate', 'husband', 'medicalExamination', 'wife']);
    expect(schema.properties.husband.required).toEqual(
      expect.arrayContaining(['surnameBefore', 'surnameAfter', 'name', 'birthDate', 'previousMaritalStatus']),
    );
    expect(schema.properties.wife.properties.previousMaritalStatus.enum).toEqual([
      'NEVER_MARRIED',
      'DIVORCED',
      'WIDOWED',
    ]);
  });
});

describe('marriage record: drafts and complete records', () => {
  const partial = { husband: { surnameBefore: 'Шарипов', name: 'Далер' } };

  // The ceremony date, the marriage contract and the applicant are optional.
  draftTests(
    kit,
    partial,
    [
      'husband.surnameAfter',
      'husband.birthDate',
      'husband.citizenship',
      'husband.residence',
      'wife',
      'applicationDate',
      'medicalExamination',
    ],
    ['registrationDate', 'marriageContract', 'applicant'],
  );

  it('names an unknown field, even in a draft', () => {
    const data = example();
    data.husband.age = 27;
    expect(check(data, 'draft').errors).toEqual([
      { path: ['husband', 'age'], key: 'error.unknownField', params: { field: 'age' } },
    ]);
  });
});

describe('marriage record: the marriage age (18, or 17 with a court decision)', () => {
  it('accepts a spouse who turns 18 on the registration day', () => {
    const data = example(); // registered on 2025-05-24
    data.wife.birthDate = '2007-05-24';
    expect(check(data).ok).toBe(true);
  });

  it('refuses a spouse of 17 without a court decision, even in a draft', () => {
    const data = example();
    data.wife.birthDate = '2007-05-25';
    const expected = [{ path: ['wife', 'birthDate'], key: 'error.marriage.underAge', params: { age: 17 } }];
    expect(check(data).errors).toEqual(expected);
    expect(check(data, 'draft').errors).toEqual(expected);
  });

  it('accepts a spouse of 17 with the court decision lowering the marriage age', () => {
    const data = example();
    data.wife.birthDate = '2008-01-10';
    data.wife.courtAgeReduction = COURT;
    expect(check(data).ok).toBe(true);
  });

  it('refuses a court decision lowering the marriage age dated in the future, or in force before it was made', () => {
    const data = example();
    data.wife.birthDate = '2008-01-10';
    data.wife.courtAgeReduction = { ...COURT, date: '2025-06-02' };
    expect(check(data).errors).toEqual([
      { path: ['wife', 'courtAgeReduction', 'date'], key: 'error.date.future' },
    ]);
    data.wife.courtAgeReduction = { ...COURT, inForceDate: '2025-04-01' };
    expect(check(data).errors).toEqual([
      { path: ['wife', 'courtAgeReduction', 'inForceDate'], key: 'error.court.inForceBeforeDecision' },
    ]);
  });

  it('refuses a spouse of 16 even with a court decision: a court lowers the age by one year at most', () => {
    const data = example();
    data.husband.birthDate = '2008-05-25';
    data.husband.courtAgeReduction = COURT;
    expect(check(data).errors).toEqual([
      { path: ['husband', 'birthDate'], key: 'error.marriage.underAge', params: { age: 16 } },
    ]);
  });

  it('counts the age on the registration day, not on the application day', () => {
    const data = example(); // applied on 2025-04-18, registered on 2025-05-24
    data.wife.birthDate = '2007-05-01';
    expect(check(data).ok).toBe(true);
  });

  it('counts the age on today’s date while the ceremony date is not set', () => {
    const data = example();
    delete data.registrationDate;
    data.wife.birthDate = '2007-06-01';
    expect(check(data).ok).toBe(true);
    data.wife.birthDate = '2007-06-02';
    expect(keysAt(check(data).errors, 'wife.birthDate')).toEqual(['error.marriage.underAge']);
  });

  it('checks each spouse on their own', () => {
    const data = example();
    data.husband.birthDate = '2010-01-01';
    data.wife.birthDate = '2009-01-01';
    expect(check(data).errors).toEqual([
      { path: ['husband', 'birthDate'], key: 'error.marriage.underAge', params: { age: 15 } },
      { path: ['wife', 'birthDate'], key: 'error.marriage.underAge', params: { age: 16 } },
    ]);
  });
});

describe('marriage record: an earlier marriage', () => {
  it('requires the document that ended the earlier marriage of a divorced spouse', () => {
    const data = example(); // the husband is divorced
    delete data.husband.previousMarriageEnd;
    expect(check(data, 'draft').ok).toBe(true);
    expect(check(data).errors).toEqual([{ path: ['husband', 'previousMarriageEnd'], key: 'error.required' }]);
  });

  it('requires it of a widowed spouse, and accepts a death record', () => {
    const data = example();
    data.wife.previousMaritalStatus = 'WIDOWED';
    expect(check(data).errors).toEqual([{ path: ['wife', 'previousMarriageEnd'], key: 'error.required' }]);
    data.wife.previousMarriageEnd = {
      type: 'DEATH_RECORD',
      number: '88',
      date: '2023-01-10',
      office: 'RA-04-00',
    };
    expect(check(data).ok).toBe(true);
  });

  it('does not ask for it when the spouse was never married', () => {
    const data = example();
    expect(data.wife.previousMaritalStatus).toBe('NEVER_MARRIED');
    expect(data.wife.previousMarriageEnd).toBeUndefined();
    expect(check(data).ok).toBe(true);
  });

  it('refuses an unknown marital status, a wrong kind of document and a malformed record id', () => {
    const data = example();
    data.wife.previousMaritalStatus = 'SEPARATED';
    data.husband.previousMarriageEnd = { type: 'RUMOUR', recordId: 'record-57' };
    const result = check(data, 'draft');
    expect(keysAt(result.errors, 'wife.previousMaritalStatus')).toEqual(['error.choice']);
    expect(keysAt(result.errors, 'husband.previousMarriageEnd.type')).toEqual(['error.choice']);
    expect(keysAt(result.errors, 'husband.previousMarriageEnd.recordId')).toEqual(['error.uuid']);
  });

  it('accepts links to the divorce record and to the spouses’ birth records', () => {
    const data = example();
    data.husband.previousMarriageEnd.recordId = '5f0c2d4e-8a1b-4c3d-9e7f-1a2b3c4d5e6f';
    data.husband.birthRecordId = '0e4a7c1b-2d3f-4a5b-8c6d-7e8f9a0b1c2d';
    data.wife.birthRecordId = '9b8a7c6d-5e4f-4a3b-b2c1-d0e9f8a7b6c5';
    expect(check(data).ok).toBe(true);
  });
});

describe('marriage record: dates', () => {
  it('refuses an application dated in the future', () => {
    const data = example();
    data.applicationDate = '2025-06-02';
    delete data.registrationDate;
    expect(check(data).errors).toEqual([{ path: ['applicationDate'], key: 'error.date.future' }]);
    data.applicationDate = '2025-06-01';
    expect(check(data).ok).toBe(true);
  });

  it('refuses a registration before the application', () => {
    const data = example();
    data.registrationDate = '2025-04-17';
    expect(check(data).errors).toEqual([
      { path: ['registrationDate'], key: 'error.marriage.beforeApplication' },
    ]);
    expect(check(data, 'draft').ok).toBe(false);
  });

  it('accepts a registration on the day of the application (the waiting period may be shortened), with a warning', () => {
    const data = example();
    data.registrationDate = data.applicationDate;
    const result = check(data);
    expect(result.ok).toBe(true);
    // applied 18 April: a ceremony before 18 May needs the head of office's decision
    expect(result.warnings).toEqual([
      {
        path: ['registrationDate'],
        key: 'warning.marriage.waitingPeriod',
        params: { earliest: '18.05.2025' },
      },
    ]);
    data.registrationDate = '2025-05-18';
    expect(check(data).warnings).toEqual([]);
  });

  it('accepts a ceremony set for a later day', () => {
    const data = example();
    data.registrationDate = '2025-06-20';
    expect(check(data).ok).toBe(true);
  });

  it('does not compare the medical examination’s date with the registration', () => {
    const data = example();
    data.medicalExamination.date = '2024-01-15';
    expect(check(data).ok).toBe(true);
  });

  it('refuses dates that do not exist', () => {
    const data = example();
    data.registrationDate = '2025-02-29';
    expect(keysAt(check(data, 'draft').errors, 'registrationDate')).toEqual(['error.date.invalid']);
  });
});

describe('marriage record: the marriage contract and the applicant', () => {
  it('accepts a notarised marriage contract', () => {
    const data = example();
    data.marriageContract = {
      number: '3-1187',
      date: '2025-05-02',
      notary: 'Идораи давлатии нотариалии ш. Душанбе',
    };
    expect(check(data).ok).toBe(true);
  });

  it('requires the name of a spouse who applies', () => {
    const data = example();
    data.applicant = { type: 'SPOUSE' };
    expect(check(data, 'draft').ok).toBe(true);
    expect(check(data).errors).toEqual([
      { path: ['applicant', 'surname'], key: 'error.required' },
      { path: ['applicant', 'name'], key: 'error.required' },
    ]);
  });
});
