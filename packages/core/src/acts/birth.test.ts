import { describe, expect, it } from 'vitest';
import { draftTests, exampleTests, keysAt, kindTestKit } from '../../test/kind-test-kit.ts';

/** The kind's example (a complete, valid birth of 14 March 2025). */
const kit = kindTestKit('BIRTH');
const { example, check } = kit;

describe('birth record: the example', () => {
  exampleTests(kit, 'the child for lists and search', {
    surname: 'Раҳимзода',
    name: 'Фарзона',
    patronymic: 'Ҷамшед',
    birthDate: '2025-03-14',
    eventDate: '2025-03-14',
    placeUnit: 'DU-03',
  });
});

describe('birth record: drafts and complete records', () => {
  const partial = { child: { surname: 'Раҳимзода', name: 'Фарзона' } };

  // The father and the statistics are optional.
  draftTests(
    kit,
    partial,
    [
      'child.birthDate',
      'child.birthPlace',
      'child.liveBorn',
      'child.plurality',
      'birthBasis',
      'mother',
      'fatherBasis',
      'applicant',
    ],
    ['father', 'statistics'],
  );

  // BUG (validation.ts, toFieldIssues, case 'invalid_value'): zod 4 reports a missing enum value as
  // invalid_value, which is mapped to error.choice without checking whether the value is missing.
  it('marks a missing choice (the child’s sex) as required, like every other missing field', () => {
    expect(keysAt(check(partial, 'complete').errors, 'child.sex')).toEqual(['error.required']);
  });

  it('treats a blank name as missing: fine in a draft, required in a complete record', () => {
    const data = example();
    data.child.name = '   ';
    expect(check(data, 'draft').ok).toBe(true);
    expect(check(data, 'complete').errors).toEqual([{ path: ['child', 'name'], key: 'error.required' }]);
  });
});

describe('birth record: wrong data is refused even in a draft', () => {
  it('refuses values of the wrong type', () => {
    const data = example();
    data.child.liveBorn = 'yes';
    data.child.plurality = 1.5;
    data.mother = 'Каримова';
    for (const mode of ['draft', 'complete'] as const) {
      const result = check(data, mode);
      expect(result.ok).toBe(false);
      expect(keysAt(result.errors, 'child.liveBorn')).toEqual(['error.type']);
      expect(keysAt(result.errors, 'child.plurality')).toEqual(['error.type']);
      expect(keysAt(result.errors, 'mother')).toEqual(['error.type']);
    }
  });

  it('refuses a value outside the list of choices', () => {
    const data = example();
    data.child.sex = 'X';
    expect(check(data, 'draft').errors).toEqual([
      { path: ['child', 'sex'], key: 'error.choice', params: { options: ['M', 'F'] } },
    ]);
  });

  it('names each unknown field by its path', () => {
    const data = example();
    data.nickname = 'Фаря';
    data.child.eyeColour = 'brown';
    const result = check(data, 'draft');
    expect(result.errors).toContainEqual({
      path: ['nickname'],
      key: 'error.unknownField',
      params: { field: 'nickname' },
    });
    expect(result.errors).toContainEqual({
      path: ['child', 'eyeColour'],
      key: 'error.unknownField',
      params: { field: 'eyeColour' },
    });
    expect(result.errors).toHaveLength(2);
  });

  it('refuses a 100 KB name as too long', () => {
    const data = example();
    data.child.surname = 'а'.repeat(100_000);
    expect(check(data, 'draft').errors).toEqual([
      { path: ['child', 'surname'], key: 'error.tooLong', params: { max: 100 } },
    ]);
  });

  it('refuses digits and signs in a name, and keeps names joined by a hyphen or an apostrophe', () => {
    for (const bad of ['Ҷӯраев1', 'Rahimov123', 'Раҳимов!', '-Раҳимов', 'Раҳим--', '{асанов']) {
      const data = example();
      data.child.surname = bad;
      expect(keysAt(check(data, 'draft').errors, 'child.surname'), bad).toEqual(['error.name.letters']);
    }
    for (const good of [
      'Абдулло-Ҷон',
      'Саъдӣ',
      "O'Neil",
      'Ғулом Ҳайдар',
      'Раҳимзода',
      'Rakhimov',
      'Ма́рьям',
    ]) {
      const data = example();
      data.child.surname = good;
      expect(keysAt(check(data, 'draft').errors, 'child.surname'), good).toEqual([]);
    }
  });

  it('refuses dates that do not exist', () => {
    for (const bad of ['2023-02-29', '2025-04-31', '2025-13-01', '14.03.2025']) {
      const data = example();
      data.child.birthDate = bad;
      expect(keysAt(check(data, 'draft').errors, 'child.birthDate'), bad).toContain('error.date.invalid');
    }
  });

  it('refuses a time that is not HH:MM', () => {
    const data = example();
    data.child.birthTime = '24:00';
    expect(keysAt(check(data).errors, 'child.birthTime')).toEqual(['error.time']);
  });

  it('refuses a district code that does not exist', () => {
    const data = example();
    data.child.birthPlace.unit = 'XX-99';
    expect(keysAt(check(data).errors, 'child.birthPlace.unit')).toEqual(['error.unit']);
  });

  // BUG (acts/naming-rules.ts, newbornNameWarnings, `lower`): the naming rules call .trim() on the
  // child's names without checking they are strings, so a number sent as a surname throws a TypeError
  // instead of being reported as a wrong type.
  it('reports a number sent as the child’s surname as a wrong type instead of failing', () => {
    const data = example();
    data.child.surname = 12345;
    expect(keysAt(check(data, 'draft').errors, 'child.surname')).toEqual(['error.type']);
  });
});

describe('birth record: dates and ages', () => {
  it('refuses a birth date in the future, and accepts today', () => {
    const data = example();
    data.child.birthDate = '2025-06-02';
    data.birthBasis.date = '2025-06-01';
    expect(keysAt(check(data).errors, 'child.birthDate')).toEqual(['error.date.future']);
    data.child.birthDate = '2025-06-01';
    expect(check(data).ok).toBe(true);
  });

  it('refuses a medical certificate dated before the birth, or in the future', () => {
    const data = example();
    data.birthBasis.date = '2025-03-13';
    expect(keysAt(check(data).errors, 'birthBasis.date')).toEqual(['error.date.beforeEvent']);
    data.birthBasis.date = '2025-06-02';
    expect(keysAt(check(data).errors, 'birthBasis.date')).toEqual(['error.date.future']);
  });

  it('refuses a mother aged 8 or 70 at the birth', () => {
    const data = example(); // the child was born on 2025-03-14
    data.mother.birthDate = '2016-06-01';
    expect(check(data).errors).toEqual([
      { path: ['mother', 'birthDate'], key: 'error.age.implausible', params: { age: 8, min: 10, max: 65 } },
    ]);
    data.mother.birthDate = '1955-01-01';
    expect(check(data).errors).toEqual([
      { path: ['mother', 'birthDate'], key: 'error.age.implausible', params: { age: 70, min: 10, max: 65 } },
    ]);
  });

  it('accepts a mother aged exactly 10 or 65 at the birth', () => {
    const data = example();
    data.mother.birthDate = '2015-03-14';
    expect(check(data).ok).toBe(true);
    data.mother.birthDate = '1959-03-15';
    expect(check(data).ok).toBe(true);
    data.mother.birthDate = '2015-03-15';
    expect(keysAt(check(data).errors, 'mother.birthDate')).toEqual(['error.age.implausible']);
  });

  it('refuses a father aged 11 at the birth', () => {
    const data = example();
    data.father.birthDate = '2013-06-01';
    expect(keysAt(check(data).errors, 'father.birthDate')).toEqual(['error.age.implausible']);
  });
});

describe('birth record: late registration', () => {
  it('flags a birth registered more than 3 months later and warns the clerk', () => {
    const data = example();
    data.child.birthDate = '2025-02-28';
    data.birthBasis.date = '2025-02-28';
    const result = check(data);
    expect(result.ok).toBe(true);
    expect(result.flags).toEqual(['late-registration']);
    expect(result.warnings).toEqual([{ path: ['child', 'birthDate'], key: 'warning.lateBirth' }]);
  });

  it('does not treat a registration on the day the 3 months end as late', () => {
    const data = example();
    data.child.birthDate = '2025-03-01';
    data.birthBasis.date = '2025-03-01';
    const result = check(data);
    expect(result.flags).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('counts the 3 months to the end of a shorter month', () => {
    const data = example();
    data.child.birthDate = '2024-11-30';
    data.birthBasis.date = '2024-11-30';
    expect(check(data, 'complete', '2025-02-28').flags).toEqual([]);
    expect(check(data, 'complete', '2025-03-01').flags).toEqual(['late-registration']);
  });

  it('warns about a late birth in a draft too', () => {
    expect(check({ child: { birthDate: '2024-01-10' } }, 'draft').flags).toEqual(['late-registration']);
  });
});

describe('birth record: twins and other multiple births', () => {
  it('requires the birth order of twins', () => {
    const data = example();
    data.child.plurality = 2;
    expect(check(data, 'draft').ok).toBe(true);
    expect(check(data).errors).toEqual([{ path: ['child', 'birthOrder'], key: 'error.required' }]);
    data.child.birthOrder = 2;
    expect(check(data).ok).toBe(true);
  });

  it('refuses the third child of twins', () => {
    const data = example();
    data.child.plurality = 2;
    data.child.birthOrder = 3;
    expect(check(data, 'draft').errors).toEqual([
      { path: ['child', 'birthOrder'], key: 'error.birthOrder', params: { max: 2 } },
    ]);
  });
});

describe('birth record: the father and the basis of his data', () => {
  it('refuses a father when the basis of the father’s data is “none”', () => {
    const data = example();
    data.fatherBasis = { type: 'NONE' };
    expect(check(data).errors).toEqual([{ path: ['father'], key: 'error.father.notExpected' }]);
    delete data.father;
    expect(check(data).ok).toBe(true);
  });

  it('requires the father when his data rests on a marriage record', () => {
    const data = example();
    delete data.father;
    expect(check(data).errors).toEqual([{ path: ['father'], key: 'error.father.required' }]);
  });

  it('requires the court decision when the birth is established by a court', () => {
    const data = example();
    data.birthBasis = {
      type: 'COURT_DECISION',
      number: '2-114/2025',
      date: '2025-05-20',
      issuer: 'Суди ноҳияи Сино',
    };
    expect(check(data, 'draft').ok).toBe(true);
    expect(check(data).errors).toEqual([{ path: ['birthBasis', 'court'], key: 'error.required' }]);
    data.birthBasis.court = { court: 'Суди ноҳияи Сино', caseNumber: '2-114/2025', date: '2025-05-20' };
    expect(check(data).ok).toBe(true);
  });

  it('refuses a court decision on the birth made before the child was born', () => {
    const data = example(); // the child was born on 2025-03-14
    const court = { court: 'Суди ноҳияи Сино', caseNumber: '2-114/2025', date: '2025-03-13' };
    data.birthBasis = {
      type: 'COURT_DECISION',
      number: '2-114/2025',
      date: '2025-05-20',
      issuer: court.court,
      court,
    };
    expect(check(data).errors).toEqual([
      { path: ['birthBasis', 'court', 'date'], key: 'error.date.beforeEvent' },
    ]);
  });
});

describe('birth record: who applied', () => {
  it('requires the surname and name of a person who applies', () => {
    const data = example();
    data.applicant = { type: 'FATHER' };
    expect(check(data, 'draft').ok).toBe(true);
    expect(check(data).errors).toEqual([
      { path: ['applicant', 'surname'], key: 'error.required' },
      { path: ['applicant', 'name'], key: 'error.required' },
    ]);
  });

  it('requires the name of an organisation that applies, and not a person’s name', () => {
    const data = example();
    data.applicant = { type: 'MEDICAL_FACILITY' };
    expect(check(data).errors).toEqual([{ path: ['applicant', 'organisation'], key: 'error.required' }]);
    data.applicant.organisation = 'Таваллудхонаи шаҳрии №3';
    expect(check(data).ok).toBe(true);
  });
});

describe('birth record: newborn naming rules (warnings, not errors)', () => {
  function namingWarnings(child: Record<string, string>) {
    const data = example();
    Object.assign(data.child, child);
    const result = check(data);
    expect(result.ok).toBe(true);
    return result;
  }

  it('warns about a Russian surname suffix', () => {
    const result = namingWarnings({ surname: 'Раҳимов' });
    expect(result.warnings).toEqual([
      { path: ['child', 'surname'], key: 'warning.name.russianSurnameSuffix' },
    ]);
    expect(result.flags).toEqual(['naming-warning']);
  });

  it('warns about a Russian suffix written in capitals', () => {
    expect(namingWarnings({ surname: 'РАҲИМОВА' }).warnings).toEqual([
      { path: ['child', 'surname'], key: 'warning.name.russianSurnameSuffix' },
    ]);
  });

  it('warns about a Russian patronymic', () => {
    expect(namingWarnings({ patronymic: 'Ҷамшедович' }).warnings).toEqual([
      { path: ['child', 'patronymic'], key: 'warning.name.russianPatronymic' },
    ]);
  });

  it('warns about a religious title in the name', () => {
    expect(namingWarnings({ name: 'Мулло Абдулло' }).warnings).toEqual([
      { path: ['child', 'name'], key: 'warning.name.title', params: { title: 'мулло' } },
    ]);
  });

  it('does not warn about national names, nor about a title hidden inside a longer word', () => {
    const result = namingWarnings({ surname: 'Раҳимзода', name: 'Абдулло', patronymic: 'Ҷамшед' });
    expect(result.warnings).toEqual([]);
    expect(result.flags).toEqual([]);
  });

  it('does not apply newborn naming rules to the parents', () => {
    // The example's mother is Каримова Нигина Саидовна and the father's patronymic is Абдуллоевич.
    expect(check(example()).warnings).toEqual([]);
  });
});
