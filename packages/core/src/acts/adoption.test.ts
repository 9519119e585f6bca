import { describe, expect, it } from 'vitest';
import { draftTests, exampleTests, keysAt, kindTestKit } from '../../test/kind-test-kit.ts';
import { actKindJsonSchema } from './registry.ts';

/**
 * The kind's example: a boy born on 12 September 2022, adopted by a married
 * couple on a court decision of 22 April 2025 that also changed his place of birth.
 */
const kit = kindTestKit('ADOPTION');
const { kind: adoption, example, check } = kit;

describe('adoption record: the example', () => {
  exampleTests(kit, 'the child as the adoption made them (adoption secrecy)', {
    surname: 'Қодирзода',
    name: 'Сино',
    patronymic: 'Фаррух',
    birthDate: '2022-09-12',
    eventDate: '2025-04-22',
  });

  it('has a JSON Schema with the child before and after and the court decision required', () => {
    // biome-ignore lint/suspicious/noExplicitAny: reading an untyped JSON Schema
    const schema = actKindJsonSchema(adoption) as any;
    expect([...schema.required].sort()).toEqual([
      'adoptersRecordedAsParents',
      'childAfter',
      'childBefore',
      'court',
    ]);
    expect(schema.properties.adoptersRecordedAsParents.type).toBe('boolean');
    expect([...schema.properties.childAfter.required].sort()).toEqual([
      'birthDate',
      'birthPlace',
      'name',
      'surname',
    ]);
  });
});

describe('adoption record: drafts and complete records', () => {
  const partial = { childBefore: { surname: 'Ҳамидзода', name: 'Сино' } };

  // The biological parents may be unknown.
  draftTests(
    kit,
    partial,
    ['childBefore.birthDate', 'childBefore.birthPlace', 'childAfter', 'adoptersRecordedAsParents', 'court'],
    ['birthMother', 'birthFather', 'birthRecordId'],
  );

  it('asks for an adopter in a complete record', () => {
    const result = check(partial, 'complete');
    expect(keysAt(result.errors, 'adoptiveMother')).toEqual(['error.adoption.noAdopter']);
  });

  it('refuses values of the wrong type, even in a draft', () => {
    const data = example();
    data.adoptersRecordedAsParents = 'yes';
    data.birthRecordId = 'Б-1442';
    const result = check(data, 'draft');
    expect(keysAt(result.errors, 'adoptersRecordedAsParents')).toEqual(['error.type']);
    expect(keysAt(result.errors, 'birthRecordId')).toEqual(['error.uuid']);
  });
});

describe('adoption record: the adopters', () => {
  it('requires at least one adopter in a complete record', () => {
    const data = example();
    delete data.adoptiveMother;
    delete data.adoptiveFather;
    expect(check(data, 'draft').ok).toBe(true);
    expect(check(data).errors).toEqual([{ path: ['adoptiveMother'], key: 'error.adoption.noAdopter' }]);
  });

  it('accepts a single adoptive mother or a single adoptive father', () => {
    const mother = example();
    delete mother.adoptiveFather;
    expect(check(mother).ok).toBe(true);
    const father = example();
    delete father.adoptiveMother;
    expect(check(father).ok).toBe(true);
  });

  it('does not require an age gap between adopter and child', () => {
    const data = example(); // the child was born on 2022-09-12
    data.adoptiveFather.birthDate = '2004-01-01';
    expect(check(data).ok).toBe(true);
  });

  it('checks an adopter’s data like any adult’s', () => {
    const data = example();
    delete data.adoptiveMother.residence;
    data.adoptiveMother.citizenship = 'tj';
    const result = check(data);
    expect(keysAt(result.errors, 'adoptiveMother.residence')).toEqual(['error.required']);
    expect(keysAt(result.errors, 'adoptiveMother.citizenship')).toEqual(['error.country']);
  });

  it('accepts the biological father when he is known', () => {
    const data = example();
    data.birthFather = { surname: 'Раҳимов', name: 'Шуҳрат' };
    expect(check(data).ok).toBe(true);
  });
});

describe('adoption record: dates', () => {
  it('refuses a court decision dated in the future and accepts one of today', () => {
    const data = example();
    delete data.court.inForceDate;
    data.court.date = '2025-06-02';
    expect(check(data).errors).toEqual([{ path: ['court', 'date'], key: 'error.date.future' }]);
    data.court.date = '2025-06-01';
    expect(check(data).ok).toBe(true);
  });

  it('refuses a court decision in force after today, or before it was made', () => {
    const data = example();
    data.court.inForceDate = '2025-06-02';
    expect(check(data).errors).toEqual([{ path: ['court', 'inForceDate'], key: 'error.date.future' }]);
    data.court.inForceDate = '2025-04-21';
    expect(check(data).errors).toEqual([
      { path: ['court', 'inForceDate'], key: 'error.court.inForceBeforeDecision' },
    ]);
  });

  it('refuses a child’s birth date in the future, before or after the adoption', () => {
    const data = example();
    data.childBefore.birthDate = '2025-06-02';
    data.childAfter.birthDate = '2025-06-03';
    expect(check(data).errors).toEqual([
      { path: ['childBefore', 'birthDate'], key: 'error.date.future' },
      { path: ['childAfter', 'birthDate'], key: 'error.date.future' },
      // and the court cannot have decided on a child not yet born
      { path: ['court', 'date'], key: 'error.date.beforeEvent' },
    ]);
  });

  it('accepts a birth date and place changed by the court', () => {
    const data = example();
    data.childAfter.birthDate = '2022-06-01';
    data.childAfter.birthPlace = { country: 'TJ', unit: 'RA-13' };
    expect(check(data).ok).toBe(true);
  });
});
