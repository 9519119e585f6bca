import {
  ACT_KIND_DEFINITIONS,
  type ActKindCode,
  birthKind,
  checkRecordData,
  getActKind,
  marriageKind,
} from '@sabt/core';
import { describe, expect, it } from 'vitest';
import type { FoundRecord, LookupField, Values } from '../lib/catalogue-types.ts';
import { toData, walkFields } from '../lib/form-model.ts';
import { deepMerge, setAt } from '../lib/paths.ts';
import { CATALOGUES } from './index.ts';

const found = (kind: ActKindCode): FoundRecord => ({
  id: '2bf5c39c-5827-4f01-b3c0-e02f0ca3d25e',
  kind,
  status: 'registered',
  office: 'DU-03-00',
  number: 214,
  year: 2019,
  registeredAt: '2019-09-07T05:00:00.000Z',
  data: getActKind(kind)!.example as Record<string, unknown>,
});

const AGE_RULES = new Set(['error.marriage.underAge', 'error.nameChange.underAge', 'error.age.implausible']);

describe('record look-ups', () => {
  // Every look-up of every form, with the example record of the kind it looks for.
  for (const def of ACT_KIND_DEFINITIONS) {
    const lookups: { path: string; field: LookupField }[] = [];
    for (const s of CATALOGUES[def.code].sections)
      walkFields(s.fields, (f, path) => {
        if (f.type === 'lookup') lookups.push({ path, field: f });
      });
    for (const { path, field } of lookups) {
      it(`${def.code} ${path}: fills only fields the schema has, with valid values`, () => {
        const kind = typeof field.lookup.kind === 'function' ? field.lookup.kind({}) : field.lookup.kind;
        // a look-up inside a group shows once its group applies
        const side = path.split('.')[0]!;
        const before: Values = path.includes('previousMarriageEnd')
          ? { [side]: { previousMaritalStatus: 'DIVORCED', previousMarriageEnd: { type: 'DIVORCE_RECORD' } } }
          : {};
        const values = setAt(
          deepMerge(before, field.lookup.fill(found(kind), before)) as Values,
          path,
          found(kind).id,
        );
        const data = toData(CATALOGUES[def.code], values);
        expect(getAtPath(data, path)).toBe(found(kind).id);
        const check = checkRecordData(def, data, 'draft', { today: '2026-01-01' });
        // the example records are of other people: ages may not fit; the shapes must
        expect(check.errors.filter((e) => !AGE_RULES.has(e.key))).toEqual([]);
      });
    }
  }

  it('fills a birth from the parents’ marriage record', () => {
    const spec = (CATALOGUES.BIRTH.sections.find((s) => s.id === 'fatherBasis')!.fields[1] as LookupField)
      .lookup;
    const filled = spec.fill(found('MARRIAGE'), {});
    const m = marriageKind.example;
    expect(filled).toMatchObject({
      father: { surname: m.husband.surnameAfter, name: m.husband.name, birthDate: m.husband.birthDate },
      mother: { surname: m.wife.surnameAfter, name: m.wife.name, idDocument: m.wife.idDocument },
      fatherBasis: {
        type: 'MARRIAGE_RECORD',
        recordNumber: '214',
        recordDate: m.registrationDate,
        recordOffice: 'DU-03-00',
      },
    });
  });

  it('fills a death from the deceased’s birth record', () => {
    const spec = (CATALOGUES.DEATH.sections[0]!.fields[0] as LookupField).lookup;
    expect(spec.fill(found('BIRTH'), {})).toEqual({
      deceased: {
        surname: birthKind.example.child.surname,
        name: birthKind.example.child.name,
        patronymic: birthKind.example.child.patronymic,
        sex: 'F',
        birthDate: birthKind.example.child.birthDate,
        birthPlace: birthKind.example.child.birthPlace,
      },
    });
  });
});

function getAtPath(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], data);
}
