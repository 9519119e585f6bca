import { describe, expect, it } from 'vitest';
import { draftTests, exampleTests, keysAt, kindTestKit } from '../../test/kind-test-kit.ts';

/** The kind's example (a complete, valid death of 2 April 2025, born 1948). */
const kit = kindTestKit('DEATH');
const { example, check } = kit;

describe('death record: the example', () => {
  exampleTests(kit, 'the deceased and the date of death', {
    surname: 'Қурбонов',
    name: 'Абдулло',
    patronymic: 'Саидович',
    birthDate: '1948-05-11',
    eventDate: '2025-04-02',
    placeUnit: 'DU-03',
  });
});

describe('death record: drafts and complete records', () => {
  const partial = { deceased: { surname: 'Қурбонов', name: 'Абдулло' }, death: { date: '2025-04-02' } };

  // The birth date is optional: the deceased's may be unknown.
  draftTests(
    kit,
    partial,
    ['deceased.identityEstablished', 'death.place', 'cause', 'basis', 'applicant'],
    ['deceased.birthDate'],
  );
});

describe('death record: dates that may be partial', () => {
  it('accepts a year, or a month and year, for the birth and the death', () => {
    for (const birthDate of ['1948', '1948-05', '1948-05-11']) {
      const data = example();
      data.deceased.birthDate = birthDate;
      expect(check(data).ok, birthDate).toBe(true);
    }
    const data = example();
    data.death.date = '2025-04';
    expect(check(data).ok).toBe(true);
  });

  it('refuses a month that does not exist, or a day that does not exist', () => {
    for (const bad of ['1948-13', '1948-00', '1948-02-30', '48', '1948/05']) {
      const data = example();
      data.deceased.birthDate = bad;
      expect(keysAt(check(data, 'draft').errors, 'deceased.birthDate'), bad).toEqual([
        'error.date.partialInvalid',
      ]);
    }
  });

  it('refuses a death before the birth', () => {
    const data = example();
    data.deceased.birthDate = '1950-01-01';
    data.death.date = '1949-12-31';
    expect(keysAt(check(data).errors, 'death.date')).toEqual(['error.date.beforeBirth']);
  });

  it('accepts a death in the same year or month as a partial birth date', () => {
    const data = example();
    data.deceased.birthDate = '2025';
    expect(check(data).ok).toBe(true);
    data.deceased.birthDate = '2025-04';
    expect(check(data).ok).toBe(true);
    data.deceased.birthDate = '2025-05';
    expect(keysAt(check(data).errors, 'death.date')).toEqual(['error.date.beforeBirth']);
  });

  it('accepts a death known only by month in the month of a later-in-the-month birth', () => {
    const data = example();
    data.deceased.birthDate = '2025-04-15';
    data.death.date = '2025-04';
    expect(check(data).ok).toBe(true);
  });

  it('refuses a death in the future, but not one known only by the current year', () => {
    const data = example();
    data.death.date = '2025-06-02';
    expect(keysAt(check(data).errors, 'death.date')).toContain('error.date.future');
    data.death.date = '2025';
    data.basis.date = '2025-06-01';
    expect(check(data).ok).toBe(true);
  });

  it('refuses an age over 125 at death', () => {
    const data = example();
    data.deceased.birthDate = '1890';
    expect(check(data).errors).toEqual([
      {
        path: ['deceased', 'birthDate'],
        key: 'error.age.implausible',
        params: { age: 134, min: 0, max: 125 },
      },
    ]);
  });

  it('refuses a death certificate dated before the death', () => {
    const data = example();
    data.basis.date = '2025-04-01';
    expect(keysAt(check(data).errors, 'basis.date')).toEqual(['error.date.beforeEvent']);
  });
});

describe('death record: late registration', () => {
  it('flags a death registered more than a year later and warns the clerk', () => {
    const data = example();
    data.death.date = '2024-05-31';
    const result = check(data);
    expect(result.ok).toBe(true);
    expect(result.flags).toEqual(['late-registration']);
    expect(result.warnings).toEqual([{ path: ['death', 'date'], key: 'warning.lateDeath' }]);
  });

  it('does not treat a registration exactly one year after the death as late', () => {
    const data = example();
    data.death.date = '2024-06-01';
    expect(check(data).flags).toEqual([]);
    expect(check(data).warnings).toEqual([]);
  });

  it('counts a partial date of death from its last possible day', () => {
    const data = example();
    data.death.date = '2024-05';
    expect(check(data).flags).toEqual(['late-registration']);
    data.death.date = '2024-06';
    expect(check(data).flags).toEqual([]);
    data.death.date = '2024';
    expect(check(data).flags).toEqual([]);
    data.death.date = '2023';
    expect(check(data).flags).toEqual(['late-registration']);
  });
});

describe('death record: the cause of death', () => {
  it('refuses an ICD-10 code that is not one', () => {
    for (const bad of ['XYZ', 'i21.9', 'I2', 'I21.123']) {
      const data = example();
      data.cause.lines[0].icd10 = bad;
      expect(check(data, 'draft').errors, bad).toEqual([
        { path: ['cause', 'lines', 0, 'icd10'], key: 'error.icd10' },
      ]);
    }
  });

  it('accepts ICD-10 codes with and without a subcategory', () => {
    const data = example();
    data.cause.lines[0].icd10 = 'I21';
    data.cause.lines[1].icd10 = 'U07.1';
    expect(check(data).ok).toBe(true);
  });

  it('requires at least one cause line in a complete record', () => {
    const data = example();
    data.cause.lines = [];
    expect(check(data).errors).toEqual([{ path: ['cause', 'lines'], key: 'error.required' }]);
  });

  it('requires the text of each cause line in a complete record', () => {
    const data = example();
    data.cause.lines[1].text = '';
    expect(check(data, 'draft').ok).toBe(true);
    expect(check(data).errors).toEqual([{ path: ['cause', 'lines', 1, 'text'], key: 'error.required' }]);
  });

  // BUG (acts/validation.ts, toFieldIssues): an empty array is not treated as a missing value, so in
  // draft mode `too_small` on an array still yields error.required and the draft cannot be saved,
  // while drafts are documented never to fail for missing values.
  it('saves a draft whose list of cause lines is still empty', () => {
    const data = example();
    data.cause.lines = [];
    expect(check(data, 'draft').errors).toEqual([]);
  });

  it('refuses more than 8 cause lines', () => {
    const data = example();
    data.cause.lines = Array.from({ length: 9 }, () => ({ line: 'a', text: 'Сабаб' }));
    expect(check(data, 'draft').errors).toEqual([
      { path: ['cause', 'lines'], key: 'error.tooMany', params: { max: 8 } },
    ]);
  });

  it('refuses a cause line that is not one of a–d or II', () => {
    const data = example();
    data.cause.lines[0].line = 'e';
    expect(keysAt(check(data, 'draft').errors, 'cause.lines.0.line')).toEqual(['error.choice']);
  });
});

describe('death record: the basis document and the applicant', () => {
  it('requires the court decision when the death is established or declared by a court', () => {
    for (const type of ['COURT_DECISION_DEATH_ESTABLISHED', 'COURT_DECISION_DECLARED_DEAD']) {
      const data = example();
      data.basis = { type, number: '2-77/2025', date: '2025-05-05', issuer: 'Суди ноҳияи Шоҳмансур' };
      expect(check(data, 'draft').ok, type).toBe(true);
      expect(check(data).errors, type).toEqual([{ path: ['basis', 'court'], key: 'error.required' }]);
      data.basis.court = { court: 'Суди ноҳияи Шоҳмансур', caseNumber: '2-77/2025', date: '2025-05-05' };
      expect(check(data).ok, type).toBe(true);
    }
  });

  it('does not require a court decision for a medical certificate', () => {
    expect(keysAt(check(example()).errors, 'basis.court')).toEqual([]);
  });

  it('refuses a decision establishing the death made before it, not one declaring a person dead', () => {
    // The example's death was on 2025-04-02; a person declared dead dies the day the decision takes effect.
    const court = { court: 'Суди ноҳияи Шоҳмансур', caseNumber: '2-77/2025', date: '2025-04-01' };
    const data = example();
    data.basis = {
      type: 'COURT_DECISION_DEATH_ESTABLISHED',
      number: '2-77/2025',
      date: '2025-05-05',
      issuer: court.court,
      court,
    };
    expect(check(data).errors).toEqual([{ path: ['basis', 'court', 'date'], key: 'error.date.beforeEvent' }]);
    data.basis.type = 'COURT_DECISION_DECLARED_DEAD';
    expect(check(data).ok).toBe(true);
    data.basis.court.inForceDate = '2025-06-02';
    expect(check(data).errors).toEqual([
      { path: ['basis', 'court', 'inForceDate'], key: 'error.date.future' },
    ]);
  });

  it('requires the name of a police department that applies', () => {
    const data = example();
    data.applicant = { type: 'POLICE' };
    expect(check(data).errors).toEqual([{ path: ['applicant', 'organisation'], key: 'error.required' }]);
  });

  // BUG (acts/death.ts, rules: `basisType?.startsWith(...)`): optional chaining does not protect
  // against a non-string type, so a number sent as the basis type throws a TypeError instead of being
  // reported as a wrong value.
  it('reports a number sent as the basis type as a wrong value instead of failing', () => {
    const data = example();
    data.basis.type = 5;
    expect(keysAt(check(data, 'draft').errors, 'basis.type')).toEqual(['error.choice']);
  });
});

describe('death record: wrong data is refused even in a draft', () => {
  it('refuses wrong types, unknown fields and over-long text', () => {
    const data = example();
    data.deceased.identityEstablished = 'yes';
    data.deceased.shoeSize = 42;
    data.cause.lines[0].text = 'х'.repeat(100_000);
    const result = check(data, 'draft');
    expect(result.errors).toContainEqual({
      path: ['deceased', 'identityEstablished'],
      key: 'error.type',
      params: { expected: 'boolean' },
    });
    expect(result.errors).toContainEqual({
      path: ['deceased', 'shoeSize'],
      key: 'error.unknownField',
      params: { field: 'shoeSize' },
    });
    expect(result.errors).toContainEqual({
      path: ['cause', 'lines', 0, 'text'],
      key: 'error.tooLong',
      params: { max: 1000 },
    });
    expect(result.errors).toHaveLength(3);
  });

  it('refuses a birth record link that is not a UUID', () => {
    const data = example();
    data.deceased.birthRecordId = '12345';
    expect(keysAt(check(data, 'draft').errors, 'deceased.birthRecordId')).toEqual(['error.uuid']);
  });
});
