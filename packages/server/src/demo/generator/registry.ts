/** The registry generator: offices, the generated records and whole families with all their records. */
import { type ActKindCode, ADMIN_UNITS, nationalRecordId } from '@sabt/core';
import {
  addDays,
  addYears,
  FIRST_YEAR,
  LAST_DAY,
  minDate,
  parentBirthYear,
  randomDateBetween,
  randomDateIn,
  yearOf,
} from './dates.ts';
import {
  FEMALE_NAMES,
  MALE_NAMES,
  patronymicFor,
  type Sex,
  SURNAME_ROOTS,
  type SuffixKind,
  suffixFor,
} from './names.ts';
import { namesAt, type Person, render, type Style, styleFor } from './people.ts';
import type { Rng } from './rng.ts';

// ---------------------------------------------------------------------------------------------------
// Offices and units

export interface Office {
  id: string;
  path: string;
  numeric: string;
  unit: string;
  name: string;
}

/** A generated person's date and place of birth, citizenship and residence, as every act states them. */
const origins = (p: Person) => ({
  birthDate: p.birthDate,
  birthPlace: { country: 'TJ', unit: p.birthUnit },
  citizenship: 'TJ',
  nationality: 'тоҷик',
  residence: { country: 'TJ', unit: p.birthUnit },
});

const UNIT_WEIGHT = (kind: string, code: string) =>
  code === 'DU-00' ? 4 : kind === 'city-district' ? 2 : kind === 'city' ? 1.5 : 1;

// ---------------------------------------------------------------------------------------------------
// Records

export interface Mention {
  person: Person;
  surname: string;
  name: string;
  patronymic: string;
}

export interface GenRecord {
  id: string;
  kind: ActKindCode;
  office: Office;
  date: string;
  data: Record<string, unknown>;
  /** Earlier versions of the data (a birth record amended by a change of name). */
  versions?: Record<string, unknown>[];
  mentions: Mention[];
  links: [string, string, string][];
  year?: number;
  number?: number;
  nationalId?: string;
}

const CAUSES: [string, string][] = [
  ['Инфаркти шадиди миокард', 'I21.9'],
  ['Сактаи мағзи сар', 'I64'],
  ['Бемории ишемиявии музмини дил', 'I25.9'],
  ['Пневмония', 'J18.9'],
  ['Диабети қанд', 'E11.9'],
  ['Сирроз', 'K74.6'],
  ['Омоси шуш', 'C34.9'],
  ['Садамаи нақлиётӣ', 'V89.2'],
];

/** The registry generator: families, their records and the sampled ground truth. */
export class Registry {
  private personSeq = 0;
  private readonly counters = new Map<string, number>();
  readonly unitPool: Office[] = [];
  private readonly officeByUnit = new Map<string, Office>();

  readonly rng: Rng;

  constructor(rng: Rng, offices: Office[]) {
    this.rng = rng;
    for (const o of offices) this.officeByUnit.set(o.unit, o);
    for (const u of ADMIN_UNITS) {
      const o = this.officeByUnit.get(u.code);
      if (!o) continue;
      const w = UNIT_WEIGHT(u.kind, u.code);
      for (let i = 0; i < w * 2; i++) this.unitPool.push(o);
    }
  }

  counterEntries(): [string, number][] {
    return [...this.counters.entries()];
  }

  office(unit: string): Office {
    return this.officeByUnit.get(unit)!;
  }

  randomUnit(): string {
    return this.rng.pick(this.unitPool).unit;
  }

  private passport(): string {
    return String(400_000_000 + this.rng.int(99_999_999));
  }

  newPerson(sex: Sex, birthDate: string, birthUnit: string, opts: Partial<Person> = {}): Person {
    const rng = this.rng;
    const year = yearOf(birthDate);
    const name = rng.zipf(sex === 'M' ? MALE_NAMES : FEMALE_NAMES);
    const fatherName = opts.fatherName ?? rng.zipf(MALE_NAMES);
    return {
      idx: this.personSeq++,
      sex,
      name,
      fatherName,
      patronymic: patronymicFor(rng, fatherName, sex, year),
      root: opts.root ?? rng.zipf(SURNAME_ROOTS),
      suffix: opts.suffix ?? suffixFor(rng, year, sex),
      birthDate,
      birthUnit,
      ...(year + 16 <= 2025 && year >= 1935 ? { passport: this.passport() } : {}),
      ...opts,
    };
  }

  /** Takes the act number of (office, kind, year) and the national record ID. */
  number(rec: GenRecord): void {
    const year = yearOf(rec.date);
    const key = `${rec.office.id}|${rec.kind}|${year}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    rec.year = year;
    rec.number = n;
    rec.nationalId = nationalRecordId(rec.kind, rec.office.numeric, year, n);
  }

  private adult(p: Person, at: string, style: Style) {
    const n = namesAt(p, at);
    return {
      surname: render(n.surname, style),
      name: render(n.name, style),
      patronymic: render(n.patronymic, style),
      ...origins(p),
      ...(p.passport && yearOf(at) - yearOf(p.birthDate) >= 16
        ? { idDocument: { type: 'PASSPORT', series: 'A', number: p.passport } }
        : {}),
    };
  }

  private mention(p: Person, at: string): Mention {
    const n = namesAt(p, at);
    return { person: p, surname: n.surname.tg, name: n.name.tg, patronymic: n.patronymic.tg };
  }

  /** A birth record for `child`, with the parents (persons of the registry or names only). */
  birth(
    child: Person,
    mother: Person,
    father: Person | undefined,
    marriage: GenRecord | undefined,
    registeredParents: boolean,
  ): GenRecord {
    const rng = this.rng;
    const born = child.birthDate;
    const year = yearOf(born);
    const style = styleFor(rng, year);
    const regDate = minDate(addDays(born, rng.range(1, 30)), `${year}-12-31`);
    const office = this.office(child.birthUnit);
    const n = namesAt(child, born);
    const data: Record<string, unknown> = {
      child: {
        surname: render(n.surname, style),
        name: render(n.name, style),
        patronymic: render(n.patronymic, style),
        sex: child.sex,
        birthDate: born,
        birthPlace: { country: 'TJ', unit: child.birthUnit, settlement: office.name },
        liveBorn: true,
        plurality: 1,
      },
      birthBasis: {
        type: year < 1960 && rng.chance(0.3) ? 'WITNESS_STATEMENT' : 'MEDICAL_CERTIFICATE',
        number: `${office.numeric.slice(0, 4)}-${year}-${String(rng.int(99999)).padStart(5, '0')}`,
        date: minDate(addDays(born, rng.int(3)), regDate),
        issuer: `Таваллудхонаи ${office.name}`,
      },
      mother: this.adult(mother, born, style),
      ...(father ? { father: this.adult(father, born, style) } : {}),
      fatherBasis: father
        ? {
            type: 'MARRIAGE_RECORD',
            ...(marriage ? { recordId: marriage.id } : {}),
            recordNumber: marriage?.number ? String(marriage.number) : String(rng.range(1, 900)),
            recordDate: marriage?.date ?? addYears(born, -rng.range(1, 5)),
            recordOffice: marriage ? marriage.office.id : office.id,
          }
        : { type: 'NONE' },
      applicant: {
        type: 'MOTHER',
        surname: render(namesAt(mother, born).surname, style),
        name: render(mother.name, style),
      },
    };
    const rec: GenRecord = {
      id: rng.uuid(),
      kind: 'BIRTH',
      office,
      date: regDate,
      data,
      mentions: [this.mention(child, born)],
      links: [],
    };
    if (registeredParents) {
      rec.mentions.push(this.mention(mother, born));
      if (father) rec.mentions.push(this.mention(father, born));
    }
    child.birthRecordId = rec.id;
    this.number(rec);
    return rec;
  }

  marriage(husband: Person, wife: Person, date: string): GenRecord {
    const rng = this.rng;
    const style = styleFor(rng, yearOf(date));
    const office = this.office(husband.birthUnit);
    const before = (p: Person) => namesAt(p, addDays(date, -1));
    const spouse = (p: Person) => {
      const a = this.adult(p, date, style);
      const { surname: _s, ...rest } = a;
      return {
        surnameBefore: render(before(p).surname, style),
        surnameAfter: render(namesAt(p, date).surname, style),
        ...rest,
        previousMaritalStatus: 'NEVER_MARRIED',
        ...(p.birthRecordId ? { birthRecordId: p.birthRecordId } : {}),
      };
    };
    const applied = addDays(date, -rng.range(10, 40));
    const data = {
      husband: spouse(husband),
      wife: spouse(wife),
      applicationDate: applied,
      registrationDate: date,
      medicalExamination: {
        number: `ТМ-${yearOf(applied)}-${String(rng.int(9999)).padStart(4, '0')}`,
        date: addDays(applied, -rng.range(1, 9)),
        facility: `Маркази саломатии ${office.name}`,
      },
      applicant: {
        type: 'SPOUSE',
        surname: render(before(husband).surname, style),
        name: render(husband.name, style),
      },
    };
    const rec: GenRecord = {
      id: rng.uuid(),
      kind: 'MARRIAGE',
      office,
      date,
      data,
      mentions: [
        this.mention(husband, date),
        this.mention(wife, date),
        this.mention(wife, addDays(date, -1)),
      ],
      links: [],
    };
    this.number(rec);
    return rec;
  }

  death(p: Person, relative: Person | undefined): GenRecord {
    const rng = this.rng;
    const date = p.deathDate!;
    const style = styleFor(rng, yearOf(date));
    const office = this.office(p.birthUnit);
    const n = namesAt(p, date);
    const [text, icd10] = rng.pick(CAUSES);
    const basisDate = minDate(addDays(date, rng.range(0, 3)), `${yearOf(date)}-12-31`);
    const data = {
      deceased: {
        surname: render(n.surname, style),
        name: render(n.name, style),
        patronymic: render(n.patronymic, style),
        sex: p.sex,
        ...origins(p),
        identityEstablished: true,
        maritalStatus: p.married || relative ? 'MARRIED' : 'UNKNOWN',
        ...(p.birthRecordId ? { birthRecordId: p.birthRecordId } : {}),
      },
      death: {
        date,
        place: { country: 'TJ', unit: p.birthUnit, settlement: office.name },
        placeType: rng.chance(0.6) ? 'FACILITY' : 'HOME',
      },
      cause: { lines: [{ line: 'a', text, icd10 }], manner: 'DISEASE', icdVersion: 'ICD-10' },
      basis: {
        type: 'MEDICAL_DEATH_CERTIFICATE',
        number: `ТВ-${yearOf(date)}-${String(rng.int(99999)).padStart(5, '0')}`,
        date: basisDate,
        issuer: `Беморхонаи марказии ${office.name}`,
      },
      applicant: relative
        ? {
            type: 'RELATIVE',
            surname: render(namesAt(relative, date).surname, style),
            name: render(relative.name, style),
          }
        : { type: 'MEDICAL_FACILITY', organisation: `Беморхонаи марказии ${office.name}` },
    };
    const rec: GenRecord = {
      id: rng.uuid(),
      kind: 'DEATH',
      office,
      date: basisDate,
      data,
      mentions: [this.mention(p, date)],
      links: [],
    };
    if (p.birthRecordId) {
      rec.links.push([rec.id, p.birthRecordId, 'birth-of-deceased'], [p.birthRecordId, rec.id, 'death']);
    }
    this.number(rec);
    return rec;
  }

  nameChange(p: Person, birth: GenRecord): GenRecord {
    const rng = this.rng;
    const c = p.change!;
    const style = styleFor(rng, yearOf(c.date));
    const office = this.office(p.birthUnit);
    const b = namesAt(p, addDays(c.date, -1));
    const a = namesAt(p, c.date);
    const data = {
      person: {
        surnameBefore: render(b.surname, style),
        nameBefore: render(b.name, style),
        patronymicBefore: render(b.patronymic, style),
        surnameAfter: render(a.surname, style),
        nameAfter: render(a.name, style),
        patronymicAfter: render(a.patronymic, style),
        sex: p.sex,
        ...origins(p),
      },
      birthRecordId: birth.id,
      reasons: 'Хоҳиши шахсӣ: насаб бо тарзи миллии тоҷикӣ навишта шавад.',
      applicationDate: addDays(c.date, -rng.range(5, 30)),
    };
    const rec: GenRecord = {
      id: rng.uuid(),
      kind: 'NAME_CHANGE',
      office,
      date: c.date,
      data,
      mentions: [this.mention(p, c.date), this.mention(p, addDays(c.date, -1))],
      links: [],
    };
    rec.links.push([rec.id, birth.id, 'amends-birth'], [birth.id, rec.id, 'name-change']);
    // The birth record gets a new version with the new names; the old one stays searchable.
    const child = (birth.data as { child: Record<string, unknown> }).child;
    birth.versions = [structuredClone(birth.data)];
    child.surname = data.person.surnameAfter;
    child.name = data.person.nameAfter;
    child.patronymic = data.person.patronymicAfter;
    birth.versions.push(structuredClone(birth.data));
    birth.mentions.push(this.mention(p, c.date));
    this.number(rec);
    return rec;
  }

  /**
   * One family: the parents' births, their marriage, their children's births, deaths and changes
   * of name, in the order they happened (links point to earlier records).
   */
  family(): GenRecord[] {
    const rng = this.rng;
    const home = this.randomUnit();
    const fy = parentBirthYear(rng);
    const my = Math.max(FIRST_YEAR, fy - rng.range(0, 7));
    const fatherUnit = rng.chance(0.7) ? home : this.randomUnit();
    const motherUnit = rng.chance(0.5) ? home : this.randomUnit();
    const father = this.newPerson('M', randomDateIn(rng, fy), fatherUnit);
    const mother = this.newPerson('F', randomDateIn(rng, my), motherUnit);
    father.birthUnit = fatherUnit;
    const out: GenRecord[] = [];

    // The parents' own births, with the grandparents as names only.
    for (const p of [father, mother]) {
      const gfBorn = addYears(p.birthDate, -rng.range(22, 40));
      const gmBorn = addYears(p.birthDate, -rng.range(19, 34));
      const gf = this.newPerson('M', gfBorn, p.birthUnit, {
        name: p.fatherName,
        root: p.root,
        suffix: p.suffix === 'ov' || yearOf(gfBorn) < 1992 ? 'ov' : p.suffix,
      });
      const gm = this.newPerson('F', gmBorn, p.birthUnit, {
        suffix: yearOf(gmBorn) < 1992 ? 'ov' : suffixFor(rng, yearOf(gmBorn), 'F'),
      });
      // the grandparents married before the parent was born
      out.push(this.birth(p, gm, gf, undefined, false));
    }
    const byId = new Map(out.map((r) => [r.id, r]));

    // Marriage at 18–30 of the younger spouse.
    const adult = addYears(father.birthDate > mother.birthDate ? father.birthDate : mother.birthDate, 18);
    const wedding = randomDateBetween(rng, adult, addYears(adult, rng.range(1, 10)));
    const people = [father, mother];
    const children: Person[] = [];
    let marriage: GenRecord | undefined;
    if (wedding <= LAST_DAY) {
      if (rng.chance(yearOf(wedding) < 1992 ? 0.6 : 0.25))
        mother.married = { date: wedding, root: father.root, suffix: father.suffix };
      // Changes of name (Раҳимов → Раҳимзода) happen after 2007, at 16 or older.
      for (const p of people) {
        const from = [addYears(p.birthDate, 16), '2007-01-01', p.married?.date ?? ''].sort().at(-1)!;
        if (from <= '2025-10-01' && (p.suffix === 'ov' || p.married?.suffix === 'ov') && rng.chance(0.12)) {
          const root = p.married?.root ?? p.root;
          p.change = {
            date: randomDateBetween(rng, from, '2025-10-01'),
            root,
            suffix: rng.chance(0.7) ? 'zoda' : 'i',
            patronymic: rng.chance(0.6) ? p.fatherName : p.patronymic,
          };
        }
      }
      marriage = this.marriage(father, mother, wedding);
      out.push(marriage);
      // Children: more of them in the earlier decades.
      const count = yearOf(wedding) < 1990 ? rng.range(2, 7) : rng.range(1, 4);
      let born = addDays(wedding, rng.range(280, 800));
      const lastBirth = addYears(mother.birthDate, 44);
      for (let i = 0; i < count && born <= LAST_DAY && born <= lastBirth; i++) {
        const by = yearOf(born);
        const sex: Sex = rng.chance(0.51) ? 'M' : 'F';
        const fNames = namesAt(father, born);
        const fatherSuffix =
          father.change && born >= father.change.date ? father.change.suffix : father.suffix;
        let root = father.change && born >= father.change.date ? father.change.root : father.root;
        let suffix: SuffixKind = fatherSuffix;
        const r = rng.next();
        if (by >= 2020) {
          if (suffix === 'ov' || r < 0.5) {
            root = r < 0.5 ? father.name : root;
            suffix = suffixFor(rng, by, sex);
          }
        } else if (by >= 1992 && r < 0.4) {
          root = r < 0.25 ? root : father.name;
          suffix = r < 0.25 ? 'zoda' : suffixFor(rng, by, sex);
        }
        const child = this.newPerson(sex, born, rng.chance(0.9) ? home : this.randomUnit(), {
          fatherName: fNames.name,
          root,
          suffix,
        });
        children.push(child);
        out.push(this.birth(child, mother, father, marriage, true));
        born = addDays(born, rng.range(330, 1500));
      }
    }
    for (const r of out) byId.set(r.id, r);

    // Deaths: most of the oldest, some of the rest.
    const deaths: GenRecord[] = [];
    for (const p of [...people, ...children]) {
      const age = 2025 - yearOf(p.birthDate);
      const pDeath = age < 5 ? 0.01 : age < 50 ? 0.03 : age < 70 ? 0.2 : age < 85 ? 0.55 : 0.9;
      if (!rng.chance(pDeath)) continue;
      const lived = age < 50 ? rng.int(Math.max(1, age)) : 50 + rng.int(age - 49);
      const died = minDate(addDays(addYears(p.birthDate, lived), rng.int(365)), '2025-12-20');
      if (died <= p.birthDate) continue;
      // nobody dies before the events we already gave them
      const after = [p.married?.date, p.change?.date, ...children.map((c) => c.birthDate)]
        .filter((d): d is string => !!d && (people.includes(p) || d === p.change?.date))
        .sort()
        .at(-1);
      if (after && died <= after) continue;
      p.deathDate = died;
      const relative = p === father ? mother : p === mother ? father : father;
      deaths.push(this.death(p, relative));
    }
    // Changes of name, registered after the births they amend.
    const changes: GenRecord[] = [];
    for (const p of people) {
      if (!p.change || !p.birthRecordId) continue;
      if (p.deathDate && p.deathDate <= p.change.date) continue;
      changes.push(this.nameChange(p, byId.get(p.birthRecordId)!));
    }
    return [...out, ...changes, ...deaths];
  }
}
