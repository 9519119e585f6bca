import { describe, expect, it } from 'vitest';
import { draftTests, exampleTests, keysAt, kindTestKit } from '../../test/kind-test-kit.ts';
import { actKindJsonSchema } from './registry.ts';

/**
 * The kind's example: Алиева Мавлуда Раҳимовна (born 15 September 1990)
 * becomes Алӣзода Мавлуда Раҳим, on an application of 6 May 2025.
 */
const kit = kindTestKit('NAME_CHANGE');
const { kind: nameChange, example, check } = kit;

const uuid = (n: number) => `0d3f6a2c-1b4e-4c7d-8a9b-${String(n).padStart(12, '0')}`;

describe('name change record: the example', () => {
  exampleTests(kit, 'the person’s new names and the application date', {
    surname: 'Алӣзода',
    name: 'Мавлуда',
    patronymic: 'Раҳим',
    birthDate: '1990-09-15',
    eventDate: '2025-05-06',
  });

  it('has a JSON Schema with the person, the reasons and the application date required', () => {
    // biome-ignore lint/suspicious/noExplicitAny: reading an untyped JSON Schema
    const schema = actKindJsonSchema(nameChange) as any;
    expect([...schema.required].sort()).toEqual(['applicationDate', 'person', 'reasons']);
    expect(schema.properties.childrenBirthRecordIds).toMatchObject({ type: 'array', maxItems: 20 });
    expect(schema.properties.person.required).toEqual(
      expect.arrayContaining(['surnameBefore', 'nameBefore', 'surnameAfter', 'nameAfter', 'birthDate']),
    );
  });
});

describe('name change record: drafts and complete records', () => {
  const partial = { person: { surnameBefore: 'Алиева', nameBefore: 'Мавлуда' } };

  draftTests(
    kit,
    partial,
    [
      'person.surnameAfter',
      'person.nameAfter',
      'person.birthDate',
      'person.citizenship',
      'person.residence',
      'reasons',
      'applicationDate',
    ],
    ['birthRecordId', 'marriageRecordId', 'childrenBirthRecordIds'],
  );

  it('treats blank reasons as missing', () => {
    const data = example();
    data.reasons = '  ';
    expect(check(data, 'draft').ok).toBe(true);
    expect(check(data).errors).toEqual([{ path: ['reasons'], key: 'error.required' }]);
  });
});

describe('name change record: the age of the applicant (16 or over)', () => {
  it('accepts a person who turns 16 on the day of the application', () => {
    const data = example(); // applied on 2025-05-06
    data.person.birthDate = '2009-05-06';
    expect(check(data).ok).toBe(true);
  });

  it('refuses a person of 15, even in a draft', () => {
    const data = example();
    data.person.birthDate = '2009-05-07';
    const expected = [
      { path: ['person', 'birthDate'], key: 'error.nameChange.underAge', params: { age: 15 } },
    ];
    expect(check(data).errors).toEqual(expected);
    expect(check(data, 'draft').errors).toEqual(expected);
  });

  it('counts the age on today’s date while the application date is missing', () => {
    const data = { person: { birthDate: '2009-06-01' } };
    expect(check(data, 'draft').ok).toBe(true);
    data.person.birthDate = '2009-06-02';
    expect(keysAt(check(data, 'draft').errors, 'person.birthDate')).toEqual(['error.nameChange.underAge']);
  });
});

describe('name change record: the new names', () => {
  it('refuses new names that are the old ones', () => {
    const data = example();
    Object.assign(data.person, {
      surnameAfter: 'Алиева',
      nameAfter: 'Мавлуда',
      patronymicAfter: 'Раҳимовна',
    });
    expect(check(data).errors).toEqual([
      { path: ['person', 'surnameAfter'], key: 'error.nameChange.noChange' },
    ]);
  });

  it('does not count letter case or spacing as a change', () => {
    const data = example();
    Object.assign(data.person, {
      surnameAfter: 'АЛИЕВА',
      nameAfter: ' мавлуда ',
      patronymicAfter: 'Раҳимовна',
    });
    expect(keysAt(check(data).errors, 'person.surnameAfter')).toEqual(['error.nameChange.noChange']);
  });

  it('refuses the same names when neither has a patronymic', () => {
    const data = example();
    delete data.person.patronymicBefore;
    delete data.person.patronymicAfter;
    data.person.surnameAfter = 'Алиева';
    expect(keysAt(check(data).errors, 'person.surnameAfter')).toEqual(['error.nameChange.noChange']);
  });

  it('accepts a change of one part only: the patronymic, or dropping it', () => {
    const data = example();
    data.person.surnameAfter = 'Алиева';
    expect(check(data).ok).toBe(true); // Раҳимовна → Раҳим
    delete data.person.patronymicAfter;
    expect(check(data).ok).toBe(true); // Раҳимовна → none
  });

  it('does not compare the names while the new ones are still being typed', () => {
    const data = { person: { surnameBefore: 'Алиева', nameBefore: 'Мавлуда', surnameAfter: 'Алиева' } };
    expect(check(data, 'draft').ok).toBe(true);
  });

  it('does not apply the newborn naming rules to an adult’s new names', () => {
    const data = example();
    Object.assign(data.person, { surnameAfter: 'Каримова', patronymicAfter: 'Раҳимовна' });
    expect(check(data)).toEqual({ ok: true, errors: [], warnings: [], flags: [] });
  });
});

describe('name change record: dates and linked records', () => {
  it('refuses an application dated in the future and accepts one of today', () => {
    const data = example();
    data.applicationDate = '2025-06-02';
    expect(check(data).errors).toEqual([{ path: ['applicationDate'], key: 'error.date.future' }]);
    data.applicationDate = '2025-06-01';
    expect(check(data).ok).toBe(true);
  });

  it('links the birth, marriage and children’s birth records that need amending', () => {
    const data = example();
    data.birthRecordId = uuid(1);
    data.marriageRecordId = uuid(2);
    data.childrenBirthRecordIds = [uuid(3), uuid(4)];
    expect(check(data).ok).toBe(true);
  });

  it('refuses a malformed record id and more than 20 children', () => {
    const data = example();
    data.childrenBirthRecordIds = [uuid(1), 'Б-1442'];
    expect(check(data, 'draft').errors).toEqual([{ path: ['childrenBirthRecordIds', 1], key: 'error.uuid' }]);
    data.childrenBirthRecordIds = Array.from({ length: 21 }, (_, i) => uuid(i));
    expect(check(data, 'draft').errors).toEqual([
      { path: ['childrenBirthRecordIds'], key: 'error.tooMany', params: { max: 20 } },
    ]);
    data.childrenBirthRecordIds = data.childrenBirthRecordIds.slice(0, 20);
    expect(check(data).ok).toBe(true);
  });
});
