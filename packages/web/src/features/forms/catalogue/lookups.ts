import { type ActKindCode, todayIn } from '@sabt/core';
import type { FoundRecord, LookupSpec, Values } from '../lib/catalogue-types.ts';
import { getAt } from '../lib/paths.ts';

/** What a record found by search fills in: the links between acts, as data. */

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);

/** Only the keys that have a value. */
function pick(source: unknown, keys: string[], rename: Record<string, string> = {}): Obj {
  const s = obj(source);
  const out: Obj = {};
  for (const k of keys) {
    const from = rename[k] ?? k;
    if (s[from] !== undefined && s[from] !== null && s[from] !== '') out[k] = s[from];
  }
  return out;
}

const ADULT = ['surname', 'name', 'patronymic', 'birthDate', 'birthPlace', 'citizenship', 'nationality'];
const ADULT_ALL = [...ADULT, 'residence', 'idDocument'];

/**
 * The date a record is cited with: a marriage by its registration (ceremony) date, any other
 * record by the day it was registered (Dushanbe civil date).
 */
export function recordDate(r: FoundRecord): string | undefined {
  const ceremony = r.kind === 'MARRIAGE' ? str(obj(r.data).registrationDate) : undefined;
  return ceremony ?? (r.registeredAt ? todayIn('Asia/Dushanbe', new Date(r.registeredAt)) : undefined);
}
const recordNumber = (r: FoundRecord) => (r.number !== null ? String(r.number) : undefined);

/** A spouse of a marriage record as an adult (their surname as married). */
const spouseAsAdult = (s: unknown) => pick(s, ADULT_ALL, { surname: 'surnameAfter' });

const nameOf = (path: string) => (v: Values) => {
  const p = obj(getAt(v, path));
  return { surname: str(p.surname) ?? str(p.surnameBefore), name: str(p.name) ?? str(p.nameBefore) };
};

/** Birth: the parents' marriage (or paternity, adoption) record fills both parents and the father's basis. */
export const parentsRecordLookup: LookupSpec = {
  kind: (v): ActKindCode => {
    const type = getAt(v, 'fatherBasis.type');
    return type === 'PATERNITY_RECORD' ? 'PATERNITY' : type === 'ADOPTION_RECORD' ? 'ADOPTION' : 'MARRIAGE';
  },
  prefill: (v) => {
    const f = nameOf('father')(v);
    return f.surname ? f : nameOf('mother')(v);
  },
  fill: (r) => {
    const d = obj(r.data);
    const basis = {
      recordNumber: recordNumber(r),
      recordOffice: r.office,
      recordDate: recordDate(r),
    };
    if (r.kind === 'PATERNITY')
      return {
        father: pick(d.father, ADULT_ALL),
        fatherBasis: { type: 'PATERNITY_RECORD', ...basis },
      };
    if (r.kind === 'ADOPTION')
      return {
        father: pick(d.adoptiveFather, ADULT_ALL),
        mother: pick(d.adoptiveMother, ADULT_ALL),
        fatherBasis: { type: 'ADOPTION_RECORD', ...basis },
      };
    return {
      father: spouseAsAdult(d.husband),
      mother: spouseAsAdult(d.wife),
      fatherBasis: { type: 'MARRIAGE_RECORD', ...basis },
    };
  },
};

/** Death: the deceased's birth record. */
export const deceasedBirthLookup: LookupSpec = {
  kind: 'BIRTH',
  prefill: nameOf('deceased'),
  fill: (r) => ({
    deceased: pick(obj(r.data).child, ['surname', 'name', 'patronymic', 'sex', 'birthDate', 'birthPlace']),
  }),
};

/** Divorce: the marriage record fills its reference and both spouses. */
export const divorceMarriageLookup: LookupSpec = {
  kind: 'MARRIAGE',
  prefill: nameOf('husband'),
  fill: (r) => {
    const d = obj(r.data);
    const spouse = (s: unknown) => ({
      ...pick(s, ['name', 'patronymic', ...ADULT_ALL.slice(3)]),
      ...pick(s, ['surnameBefore', 'surnameAfter'], { surnameBefore: 'surnameAfter' }),
    });
    return {
      marriage: {
        number: recordNumber(r),
        date: recordDate(r),
        office: r.office,
      },
      husband: spouse(d.husband),
      wife: spouse(d.wife),
    };
  },
};

/** Paternity: the child's birth record (child before, mother). */
export const paternityBirthLookup: LookupSpec = {
  kind: 'BIRTH',
  prefill: nameOf('childBefore'),
  fill: (r) => {
    const d = obj(r.data);
    return {
      childBefore: pick(d.child, ['surname', 'name', 'patronymic', 'sex', 'birthDate']),
      childAfter: pick(d.child, ['name']),
      mother: pick(d.mother, ['surname', 'name', 'patronymic', 'birthDate', 'citizenship']),
    };
  },
};

/** Adoption: the child's birth record (child before, the birth parents). */
export const adoptionBirthLookup: LookupSpec = {
  kind: 'BIRTH',
  prefill: nameOf('childBefore'),
  fill: (r) => {
    const d = obj(r.data);
    const parent = (p: unknown) => pick(p, ['surname', 'name', 'patronymic', 'birthDate']);
    const out: Values = {
      childBefore: pick(d.child, ['surname', 'name', 'patronymic', 'sex', 'birthDate', 'birthPlace']),
      childAfter: pick(d.child, ['name', 'birthDate', 'birthPlace']),
      birthMother: parent(d.mother),
    };
    if (d.father) out.birthFather = parent(d.father);
    return out;
  },
};

/** Change of name: the person's own birth record. */
export const nameChangeBirthLookup: LookupSpec = {
  kind: 'BIRTH',
  prefill: (v) => ({
    surname: str(getAt(v, 'person.surnameBefore')),
    name: str(getAt(v, 'person.nameBefore')),
  }),
  fill: (r) => {
    const c = obj(obj(r.data).child);
    return {
      person: {
        ...pick(c, ['surnameBefore', 'nameBefore', 'patronymicBefore'], {
          surnameBefore: 'surname',
          nameBefore: 'name',
          patronymicBefore: 'patronymic',
        }),
        ...pick(c, ['sex', 'birthDate', 'birthPlace']),
      },
    };
  },
};

/** Change of name: the marriage in force (only the link). */
export const nameChangeMarriageLookup: LookupSpec = {
  kind: 'MARRIAGE',
  prefill: (v) => ({ surname: str(getAt(v, 'person.surnameBefore')) }),
  fill: () => ({}),
};

/** Marriage: a spouse's own birth record. */
export const spouseBirthLookup = (side: 'husband' | 'wife'): LookupSpec => ({
  kind: 'BIRTH',
  prefill: nameOf(side),
  fill: (r) => ({
    [side]: pick(obj(r.data).child, ['surnameBefore', 'name', 'patronymic', 'birthDate', 'birthPlace'], {
      surnameBefore: 'surname',
    }),
  }),
});

/** Marriage: the divorce or death record that ended a spouse's previous marriage. */
export const previousMarriageEndLookup = (side: 'husband' | 'wife'): LookupSpec => ({
  kind: (v) => (getAt(v, `${side}.previousMarriageEnd.type`) === 'DEATH_RECORD' ? 'DEATH' : 'DIVORCE'),
  // A divorce record names this spouse; a death record names the former spouse, whom the clerk types.
  prefill: (v) => (getAt(v, `${side}.previousMarriageEnd.type`) === 'DEATH_RECORD' ? {} : nameOf(side)(v)),
  fill: (r) => ({
    [side]: {
      previousMarriageEnd: pick({ number: recordNumber(r), date: recordDate(r), office: r.office }, [
        'number',
        'date',
        'office',
      ]),
    },
  }),
});
