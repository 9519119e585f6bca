import { describe, expect, it } from 'vitest';
import { draftTests, exampleTests, keysAt, kindTestKit } from '../../test/kind-test-kit.ts';
import { actKindJsonSchema } from './registry.ts';

/**
 * The kind's example: the joint application of unmarried parents for a girl
 * born on 5 November 2024; the father was born on 19 February 1996.
 */
const kit = kindTestKit('PATERNITY');
const { kind: paternity, example, check } = kit;

const COURT = {
  court: 'Суди ноҳияи Сино',
  caseNumber: '2-902/2025',
  date: '2025-04-15',
  inForceDate: '2025-05-16',
};
const CONSENT = { number: '114', date: '2025-05-12', body: 'Мақоми васоят ва парасторӣ, ноҳияи Сино' };

/** The example for a child born on `birthDate`, with a father old enough for any of these dates. */
function childBornOn(birthDate: string) {
  const data = example();
  data.childBefore.birthDate = birthDate;
  data.father.birthDate = '1975-03-02';
  return data;
}

describe('paternity record: the example', () => {
  exampleTests(kit, 'the child’s names after the record and the date of birth', {
    surname: 'Ғафурзода',
    name: 'Нилуфар',
    patronymic: 'Бахтиёр',
    birthDate: '2024-11-05',
  });

  it('has a JSON Schema with the child, the parents and the basis required', () => {
    // biome-ignore lint/suspicious/noExplicitAny: reading an untyped JSON Schema
    const schema = actKindJsonSchema(paternity) as any;
    expect([...schema.required].sort()).toEqual(['basis', 'childAfter', 'childBefore', 'father', 'mother']);
    expect(schema.properties.childConsent.type).toBe('boolean');
    expect(schema.properties.basis.properties.fatherApplicationGround.enum).toEqual([
      'MOTHER_DEAD',
      'MOTHER_INCAPABLE',
      'MOTHER_WHEREABOUTS_UNKNOWN',
      'MOTHER_DEPRIVED_OF_RIGHTS',
    ]);
  });
});

describe('paternity record: drafts and complete records', () => {
  const partial = { childBefore: { surname: 'Сафарзода', name: 'Нилуфар' }, father: { surname: 'Ғафуров' } };

  // A young child's consent is not asked for.
  draftTests(
    kit,
    partial,
    [
      'childBefore.birthDate',
      'childAfter',
      'father.name',
      'father.birthDate',
      'father.citizenship',
      'father.residence',
      'mother',
      'basis',
    ],
    ['childConsent'],
  );
});

describe('paternity record: the basis', () => {
  it('accepts the joint application of the parents', () => {
    expect(example().basis).toEqual({ type: 'JOINT_APPLICATION' });
    expect(check(example()).ok).toBe(true);
  });

  it('requires the court decision when paternity is established by a court', () => {
    const data = example();
    data.basis = { type: 'COURT_DECISION' };
    expect(check(data, 'draft').ok).toBe(true);
    expect(check(data).errors).toEqual([{ path: ['basis', 'court'], key: 'error.required' }]);
    data.basis.court = COURT;
    expect(check(data).ok).toBe(true);
  });

  it('refuses a court decision on paternity made before the child was born', () => {
    const data = example();
    data.basis = { type: 'COURT_DECISION', court: { ...COURT, date: '2024-11-04' } };
    delete data.basis.court.inForceDate;
    expect(check(data).errors).toEqual([{ path: ['basis', 'court', 'date'], key: 'error.date.beforeEvent' }]);
  });

  it('requires the ground and the guardianship body’s consent when the father applies alone', () => {
    const data = example();
    data.basis = { type: 'FATHER_APPLICATION' };
    expect(check(data, 'draft').ok).toBe(true);
    expect(check(data).errors).toEqual([
      { path: ['basis', 'fatherApplicationGround'], key: 'error.required' },
      { path: ['basis', 'guardianshipConsent'], key: 'error.required' },
    ]);
    data.basis.fatherApplicationGround = 'MOTHER_DEAD';
    expect(check(data).errors).toEqual([{ path: ['basis', 'guardianshipConsent'], key: 'error.required' }]);
    data.basis.guardianshipConsent = CONSENT;
    expect(check(data).ok).toBe(true);
  });

  it('refuses a ground the law does not know', () => {
    const data = example();
    data.basis = {
      type: 'FATHER_APPLICATION',
      fatherApplicationGround: 'MOTHER_ABROAD',
      guardianshipConsent: CONSENT,
    };
    expect(keysAt(check(data, 'draft').errors, 'basis.fatherApplicationGround')).toEqual(['error.choice']);
  });
});

describe('paternity record: the consent of an adult child', () => {
  it('requires the consent of a child who is 18 today', () => {
    const data = childBornOn('2007-06-01');
    expect(check(data, 'draft').ok).toBe(true);
    expect(check(data).errors).toEqual([{ path: ['childConsent'], key: 'error.required' }]);
    data.childConsent = true;
    expect(check(data).ok).toBe(true);
  });

  it('refuses paternity of an adult child who does not consent, even in a draft', () => {
    const data = childBornOn('1990-01-20');
    data.childConsent = false;
    const expected = [{ path: ['childConsent'], key: 'error.paternity.childConsent' }];
    expect(check(data).errors).toEqual(expected);
    expect(check(data, 'draft').errors).toEqual(expected);
  });

  it('does not ask for the consent of a child who is still 17', () => {
    const data = childBornOn('2007-06-02');
    expect(check(data).ok).toBe(true);
  });

  it('refuses a consent that is not yes or no', () => {
    const data = childBornOn('1990-01-20');
    data.childConsent = 'yes';
    expect(check(data, 'draft').errors).toEqual([
      { path: ['childConsent'], key: 'error.type', params: { expected: 'boolean' } },
    ]);
  });
});

describe('paternity record: the father’s age at the birth', () => {
  it('refuses a father aged 11 at the birth, and accepts one of exactly 12', () => {
    const data = example(); // the child was born on 2024-11-05
    data.father.birthDate = '2012-11-06';
    expect(check(data).errors).toEqual([
      { path: ['father', 'birthDate'], key: 'error.age.implausible', params: { age: 11, min: 12, max: 100 } },
    ]);
    data.father.birthDate = '2012-11-05';
    expect(check(data).ok).toBe(true);
  });

  it('refuses a father aged 101 at the birth, and accepts one of exactly 100', () => {
    const data = example();
    data.father.birthDate = '1923-11-05';
    expect(keysAt(check(data).errors, 'father.birthDate')).toEqual(['error.age.implausible']);
    data.father.birthDate = '1924-11-05';
    expect(check(data).ok).toBe(true);
  });

  it('does not judge the age while the child’s birth date is missing', () => {
    const data = example();
    data.father.birthDate = '2020-01-01';
    delete data.childBefore.birthDate;
    expect(check(data, 'draft').ok).toBe(true);
  });
});
