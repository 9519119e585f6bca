/**
 * Generates a realistic synthetic civil registry for the benchmark: families over a century
 * (1925–2025) across the 69 district and city offices, each with the parents' own births, their
 * marriage, their children's births, deaths and some changes of name, linked as Sabt links them.
 * Names follow Tajik patterns of each era and are typed in the script of the time: Russian
 * Cyrillic in the Soviet archive, Tajik Cyrillic since, a few in Latin, legacy font glyphs,
 * keyboard substitutes, homoglyphs and typos (see names.ts).
 *
 * Every record is valid for its kind's schema (a sample is checked with `checkRecordData`) and has
 * its act number per (office, kind, year), national record ID and search rows (`record_persons`)
 * computed as `indexRecord` computes them. Alongside, a labelled query set is written to
 * bench/.data/queries-<N>.json: people sampled from the data, a spelling of their name in another
 * script, and the ids of all records that name them (ground truth).
 *
 *   DATABASE_URL=postgres://… node --import tsx bench/generate.ts --records 1000000 [--fresh]
 *   SABT_DATA_DIR=memory:// node --import tsx bench/generate.ts --records 10000
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type ActKindCode,
  ADMIN_UNITS,
  checkRecordData,
  documentNumbers,
  getActKind,
  type NameKeys,
  nameKeys,
  nationalRecordId,
  newbornNameWarnings,
} from '@sabt/core';
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { connect, type Db } from '../packages/server/src/db/connect.ts';
import { prepareDatabase } from '../packages/server/src/db/prepare.ts';
import { searchRows } from '../packages/server/src/search/index-record.ts';
import {
  bgnLatin,
  FEMALE_NAMES,
  homoglyph,
  icaoRu,
  keyboardSubstitutes,
  legacyGlyphs,
  looseVariant,
  MALE_NAMES,
  type NameForm,
  passportLatin,
  patronymicFor,
  type Sex,
  SURNAME_ROOTS,
  type SuffixKind,
  suffixFor,
  surnameOf,
  typo,
  uzbekLatin,
} from './names.ts';
import { Progress } from './progress.ts';
import type { DuplicateProbe, Lookup, NameQuery, QuerySet, Variant } from './query-set.ts';
import { VARIANTS } from './query-set.ts';
import { Rng } from './rng.ts';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = join(BENCH_DIR, '.data');
export const BENCH_USER_LOGIN = 'bench';
export const BASELINE_INDEX = 'bench_persons_typed_trgm';
export const BASELINE_INDEX_SQL = `CREATE INDEX IF NOT EXISTS ${BASELINE_INDEX} ON record_persons USING gin (lower(surname || ' ' || given_name) gin_trgm_ops)`;

const FIRST_YEAR = 1925;
const LAST_DAY = '2025-12-31';

export interface GenerateOptions {
  records: number;
  seed?: number;
  /** Records per INSERT statement (whole families; default 2000). */
  batchSize?: number;
  searchQueries?: number;
  lookups?: number;
  duplicates?: number;
  /** Check every n-th record against the kind's schema and rules and its search rows against unmemoised keys (1 = all). */
  validateEvery?: number;
  /** Drop the secondary indexes during the load and build them after (default true). */
  rebuildIndexes?: boolean;
  /** Build the trigram index the plain pg_trgm baseline uses (default true). */
  baselineIndex?: boolean;
  progress?: boolean;
  log?: (line: string) => void;
}

export interface GenerateResult {
  records: number;
  persons: number;
  links: number;
  byKind: Record<string, number>;
  seconds: { load: number; indexes: number; total: number };
  queries: QuerySet;
}

// ---------------------------------------------------------------------------------------------------
// Dates

const MS_DAY = 86_400_000;
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);
const addDays = (date: string, days: number) => toDate(ms(date) + days * MS_DAY);
const addYears = (date: string, years: number) =>
  `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4) === '-02-29' ? '-02-28' : date.slice(4)}`;
const minDate = (a: string, b: string) => (a < b ? a : b);
const yearOf = (date: string) => Number(date.slice(0, 4));

function randomDateIn(rng: Rng, year: number): string {
  return toDate(ms(`${year}-01-01`) + rng.int(365) * MS_DAY);
}

function randomDateBetween(rng: Rng, from: string, to: string): string {
  const a = ms(from);
  const b = ms(to);
  return b <= a ? from : toDate(a + rng.int(Math.floor((b - a) / MS_DAY) + 1) * MS_DAY);
}

/** Years of birth of the parents' generation, weighted by population growth. */
function parentBirthYear(rng: Rng): number {
  const span = 2003 - FIRST_YEAR + 1;
  const k = 1 / 30;
  const u = rng.next();
  // inverse CDF of exp(k * x) on [0, span)
  const x = Math.log(1 + u * (Math.exp(k * span) - 1)) / k;
  return FIRST_YEAR + Math.min(span - 1, Math.floor(x));
}

// ---------------------------------------------------------------------------------------------------
// Offices and units

interface Office {
  id: string;
  path: string;
  numeric: string;
  unit: string;
  name: string;
}

const UNIT_WEIGHT = (kind: string, code: string) =>
  code === 'DU-00' ? 4 : kind === 'city-district' ? 2 : kind === 'city' ? 1.5 : 1;

// ---------------------------------------------------------------------------------------------------
// People

interface Person {
  idx: number;
  sex: Sex;
  name: NameForm;
  fatherName: NameForm;
  patronymic: NameForm;
  root: NameForm;
  suffix: SuffixKind;
  birthDate: string;
  birthUnit: string;
  birthRecordId?: string;
  /** Took the spouse's surname at marriage. */
  married?: { date: string; root: NameForm; suffix: SuffixKind };
  change?: { date: string; root: NameForm; suffix: SuffixKind; patronymic: NameForm };
  deathDate?: string;
  passport?: string;
}

interface NamesAt {
  surname: NameForm;
  name: NameForm;
  patronymic: NameForm;
}

function namesAt(p: Person, date: string): NamesAt {
  if (p.change && date >= p.change.date)
    return {
      surname: surnameOf(p.change.root, p.change.suffix, p.sex),
      name: p.name,
      patronymic: p.change.patronymic,
    };
  if (p.married && date >= p.married.date)
    return {
      surname: surnameOf(p.married.root, p.married.suffix, p.sex),
      name: p.name,
      patronymic: p.patronymic,
    };
  return { surname: surnameOf(p.root, p.suffix, p.sex), name: p.name, patronymic: p.patronymic };
}

// ---------------------------------------------------------------------------------------------------
// How a record's names were typed

type Style = 'tg' | 'ru' | 'latin' | 'legacy' | 'kbd';

function styleFor(rng: Rng, year: number): Style {
  const r = rng.next();
  if (year < 1992) return r < 0.62 ? 'ru' : r < 0.93 ? 'tg' : r < 0.97 ? 'kbd' : 'legacy';
  if (year < 2010)
    return r < 0.22 ? 'ru' : r < 0.87 ? 'tg' : r < 0.94 ? 'kbd' : r < 0.99 ? 'legacy' : 'latin';
  return r < 0.03 ? 'ru' : r < 0.95 ? 'tg' : r < 0.98 ? 'kbd' : 'latin';
}

function render(n: NameForm, style: Style): string {
  switch (style) {
    case 'ru':
      return n.ru;
    case 'latin':
      return passportLatin(n.tg);
    case 'legacy':
      return legacyGlyphs(n.tg);
    case 'kbd':
      return keyboardSubstitutes(n.tg);
    default:
      return n.tg;
  }
}

// ---------------------------------------------------------------------------------------------------
// Records

interface Mention {
  person: Person;
  surname: string;
  name: string;
  patronymic: string;
}

interface GenRecord {
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
class Registry {
  private personSeq = 0;
  private readonly counters = new Map<string, number>();
  readonly unitPool: Office[] = [];
  private readonly officeByUnit = new Map<string, Office>();

  constructor(
    readonly rng: Rng,
    offices: Office[],
  ) {
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
      birthDate: p.birthDate,
      birthPlace: { country: 'TJ', unit: p.birthUnit },
      citizenship: 'TJ',
      nationality: 'тоҷик',
      residence: { country: 'TJ', unit: p.birthUnit },
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
        birthDate: p.birthDate,
        birthPlace: { country: 'TJ', unit: p.birthUnit },
        citizenship: 'TJ',
        nationality: 'тоҷик',
        residence: { country: 'TJ', unit: p.birthUnit },
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
        birthDate: p.birthDate,
        birthPlace: { country: 'TJ', unit: p.birthUnit },
        citizenship: 'TJ',
        nationality: 'тоҷик',
        residence: { country: 'TJ', unit: p.birthUnit },
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

// ---------------------------------------------------------------------------------------------------
// Search rows, as indexRecord computes them

const keyCache = new Map<string, NameKeys>();
function cachedKeys(s: string): NameKeys {
  let k = keyCache.get(s);
  if (!k) {
    if (keyCache.size > 500_000) keyCache.clear();
    k = nameKeys(s);
    keyCache.set(s, k);
  }
  return k;
}

// ---------------------------------------------------------------------------------------------------
// Noise: typos and homoglyphs in a few records

function addNoise(rng: Rng, rec: GenRecord): void {
  const r = rng.next();
  if (r >= 0.006) return;
  const holder = (rec.data.child ?? rec.data.deceased ?? rec.data.husband ?? rec.data.person) as
    | Record<string, unknown>
    | undefined;
  if (!holder) return;
  const field = rng.chance(0.5)
    ? 'name' in holder && !('nameBefore' in holder)
      ? 'name'
      : 'surnameAfter' in holder
        ? 'surnameAfter'
        : 'surname'
    : 'surname' in holder
      ? 'surname'
      : 'surnameAfter';
  const v = holder[field];
  if (typeof v !== 'string') return;
  holder[field] = r < 0.003 ? typo(rng, v) : homoglyph(rng, v);
}

// ---------------------------------------------------------------------------------------------------
// Sampling and the query set

class Reservoir<T> {
  readonly items: T[] = [];
  private seen = 0;
  constructor(
    private readonly size: number,
    private readonly rng: Rng,
  ) {}
  offer(make: () => T): void {
    this.seen++;
    if (this.items.length < this.size) this.items.push(make());
    else {
      const j = this.rng.int(this.seen);
      if (j < this.size) this.items[j] = make();
    }
  }
}

interface Group {
  surname: string;
  name: string;
  patronymic: string;
  birthDate: string;
  sexOf: Sex;
  ids: string[];
  forms: { surname: NameForm; name: NameForm; patronymic: NameForm };
}

function formOf(tg: string, pool: readonly NameForm[]): NameForm | undefined {
  return pool.find((n) => n.tg === tg);
}

/** The spelling of a name part in a query variant. */
function spell(variant: Variant, n: NameForm): string {
  switch (variant) {
    case 'ru':
      return n.ru;
    case 'passport':
      return passportLatin(n.tg);
    case 'bgn':
      return bgnLatin(n.tg);
    case 'uzbek':
      return uzbekLatin(n.tg);
    case 'icao-ru':
      return icaoRu(n.ru);
    default:
      return passportLatin(n.tg);
  }
}

function makeQuery(rng: Rng, id: number, variant: Variant, g: Group): NameQuery {
  const f = g.forms;
  let surname = spell(variant, f.surname);
  let name = spell(variant, f.name);
  let patronymic = spell(variant, f.patronymic);
  if (variant === 'loose') {
    const loose = looseVariant(passportLatin(f.name.tg));
    const looseS = looseVariant(passportLatin(f.surname.tg));
    if (loose) name = loose;
    else if (looseS) surname = looseS;
  } else if (variant === 'typo') {
    surname = f.surname.tg;
    name = f.name.tg;
    patronymic = f.patronymic.tg;
    if (rng.chance(0.6)) surname = typo(rng, surname);
    else name = typo(rng, name);
  }
  const withPatronymic = rng.chance(0.3);
  return {
    id,
    variant,
    query: { surname, name, ...(withPatronymic ? { patronymic } : {}), birthDate: g.birthDate },
    source: { surname: g.surname, name: g.name, patronymic: g.patronymic, birthDate: g.birthDate },
    truth: g.ids,
  };
}

/** A new birth record that repeats an existing one in another spelling (or a new event). */
function duplicateProbe(
  rng: Rng,
  rec: GenRecord,
  forms: Group['forms'] | undefined,
  fresh: boolean,
): DuplicateProbe {
  const data = structuredClone(rec.data) as {
    child: Record<string, string>;
    mother: Record<string, string>;
  };
  const variant = rng.pick(['ru', 'passport', 'tg', 'icao-ru'] as const);
  if (forms) {
    const sp = (n: NameForm) => (variant === 'tg' ? n.tg : spell(variant, n));
    data.child.surname = sp(forms.surname);
    data.child.name = sp(forms.name);
    data.child.patronymic = sp(forms.patronymic);
  }
  if (fresh) {
    // another child of the same mother, a few years later: not a duplicate
    const born = addYears(data.child.birthDate!, 3);
    (data.child as Record<string, unknown>).birthDate = minDate(born, LAST_DAY);
    (data as unknown as { birthBasis: { date: string } }).birthBasis.date = data.child.birthDate!;
    data.child.name = rng.zipf(data.child.sex === 'M' ? MALE_NAMES : FEMALE_NAMES).tg;
  }
  return { kind: 'BIRTH', data, expect: fresh ? null : rec.id, variant: fresh ? 'new-event' : variant };
}

// ---------------------------------------------------------------------------------------------------
// Loading

interface Sink {
  run(text: string, params: unknown[]): Promise<void>;
  close(): Promise<void>;
  parallel: number;
}

async function makeSink(dbx: Db, databaseUrl: string | undefined): Promise<Sink> {
  if (dbx.engine === 'postgres' && databaseUrl) {
    const clients: pg.Client[] = [];
    for (let i = 0; i < 2; i++) {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query('SET synchronous_commit = off');
      // Replica mode skips the foreign-key triggers during the bulk load (the data is consistent by
      // construction); it needs a superuser, so it is only tried.
      await c.query('SET session_replication_role = replica').catch(() => undefined);
      clients.push(c);
    }
    let next = 0;
    return {
      parallel: clients.length,
      run: async (text, params) => {
        const c = clients[next++ % clients.length]!;
        await c.query(text, params);
      },
      close: async () => {
        for (const c of clients) await c.end();
      },
    };
  }
  return {
    parallel: 1,
    run: async (text, params) => {
      await dbx.db.executeQuery(CompiledQuery.raw(text, params));
    },
    close: async () => undefined,
  };
}

const BATCH_SQL = `
WITH r AS (
  INSERT INTO records (id, kind, status, office_id, office_path, schema_version, data, flags, surname, given_name,
    patronymic, birth_date, event_date, year, number, national_id, registered_at, version, revision, created_by,
    created_at, updated_at, place_unit, documents)
  SELECT id, kind, 'registered', office_id, office_path, 1, data::jsonb, flags::text[], surname, given_name,
    patronymic, birth_date, event_date, year, number, national_id, registered_at, version, version, $1::uuid,
    registered_at, registered_at, place_unit, documents::text[]
  FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
    $10::text[], $11::text[], $12::text[], $13::int[], $14::int[], $15::text[], $16::timestamptz[], $17::int[],
    $18::text[], $19::text[])
    AS t(id, kind, office_id, office_path, data, flags, surname, given_name, patronymic, birth_date, event_date,
      year, number, national_id, registered_at, version, place_unit, documents)
  RETURNING 1
), p AS (
  INSERT INTO record_persons (record_id, role, historical, sealed, surname, given_name, patronymic, birth_date,
    birth_year, surname_key, name_key, patronymic_key, surname_stem, surname_loose, name_loose, latin)
  SELECT * FROM unnest($20::uuid[], $21::text[], $22::bool[], $23::bool[], $24::text[], $25::text[], $26::text[],
    $27::text[], $28::int[], $29::text[], $30::text[], $31::text[], $32::text[], $33::text[], $34::text[], $35::text[])
  RETURNING 1
), l AS (
  INSERT INTO record_links (record_id, linked_record_id, type)
  SELECT * FROM unnest($36::uuid[], $37::uuid[], $38::text[])
  RETURNING 1
), v AS (
  INSERT INTO record_versions (record_id, version, schema_version, data)
  SELECT record_id, version, 1, data::jsonb FROM unnest($39::uuid[], $40::int[], $41::text[]) AS t(record_id, version, data)
  RETURNING 1
)
SELECT (SELECT count(*) FROM r) AS records, (SELECT count(*) FROM p) AS persons`;

const arrayLiteral = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, '')}"`).join(',')}}`;

/** Columns of one INSERT batch. */
class Batch {
  records = 0;
  persons = 0;
  links = 0;
  readonly r: unknown[][] = Array.from({ length: 18 }, () => []);
  readonly p: unknown[][] = Array.from({ length: 16 }, () => []);
  readonly l: unknown[][] = Array.from({ length: 3 }, () => []);
  readonly v: unknown[][] = Array.from({ length: 3 }, () => []);

  params(userId: string): unknown[] {
    return [userId, ...this.r, ...this.p, ...this.l, ...this.v];
  }
}

async function secondaryIndexes(dbx: Db): Promise<{ name: string; def: string }[]> {
  const res = await sql<{ name: string; def: string }>`
    SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
    WHERE i.schemaname = current_schema()
      AND i.tablename IN ('records', 'record_persons', 'record_links', 'record_versions')
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
    ORDER BY i.indexname`.execute(dbx.db);
  return res.rows;
}

// ---------------------------------------------------------------------------------------------------

export async function generate(
  dbx: Db,
  opts: GenerateOptions,
  databaseUrl?: string,
): Promise<GenerateResult> {
  const t0 = performance.now();
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const seed = opts.seed ?? 20251123;
  const rng = new Rng(seed);
  const total = opts.records;
  const batchSize = opts.batchSize ?? (dbx.engine === 'postgres' ? 2000 : 500);
  const validateEvery = opts.validateEvery ?? 997;
  const db = dbx.db;

  await prepareDatabase(db);
  const existing = await sql<{ n: number }>`SELECT count(*)::int AS n FROM records`.execute(db);
  if (existing.rows[0]!.n > 0)
    throw new Error(`the database already has ${existing.rows[0]!.n} records: use a fresh one (--fresh)`);

  // The bench user (no password: it cannot sign in).
  await sql`INSERT INTO users (id, login, full_name, role, office_id, password_hash)
    VALUES (gen_random_uuid(), ${BENCH_USER_LOGIN}, 'Benchmark loader', 'registrar', 'HQ-00-00', '!')
    ON CONFLICT (login) DO NOTHING`.execute(db);
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('login', '=', BENCH_USER_LOGIN)
    .executeTakeFirstOrThrow();
  const officeRows = await db
    .selectFrom('offices')
    .select(['id', 'path', 'numeric_code', 'unit', 'name_tg'])
    .where('kind', '=', 'district')
    .execute();
  const offices: Office[] = officeRows.map((o) => ({
    id: o.id,
    path: o.path,
    numeric: o.numeric_code,
    unit: o.unit!,
    name: o.name_tg.replace(/^.*— /u, ''),
  }));
  if (offices.length < ADMIN_UNITS.length) throw new Error(`expected ${ADMIN_UNITS.length} district offices`);

  // Secondary indexes are built after the load: kept in a table so a crashed load can be finished.
  const rebuild = opts.rebuildIndexes ?? true;
  await sql`CREATE TABLE IF NOT EXISTS bench_dropped_indexes (name text PRIMARY KEY, def text NOT NULL)`.execute(
    db,
  );
  if (rebuild) {
    for (const ix of await secondaryIndexes(dbx)) {
      await sql`INSERT INTO bench_dropped_indexes (name, def) VALUES (${ix.name}, ${ix.def}) ON CONFLICT DO NOTHING`.execute(
        db,
      );
      await sql.raw(`DROP INDEX IF EXISTS ${ix.name}`).execute(db);
    }
  }

  const registry = new Registry(rng, offices);
  const sink = await makeSink(dbx, databaseUrl);
  const progress = new Progress('records', total, opts.progress ?? true);
  const byKind: Record<string, number> = {};
  const groups = new Reservoir<Group>(opts.searchQueries ?? 300, rng);
  const lookups = new Reservoir<Lookup>(opts.lookups ?? 300, rng);
  const dupBirths = new Reservoir<{ rec: GenRecord; forms: Group['forms'] }>(opts.duplicates ?? 150, rng);
  const freshBirths = new Reservoir<GenRecord>(Math.ceil((opts.duplicates ?? 150) / 3), rng);
  let done = 0;
  let persons = 0;
  let links = 0;
  let batch = new Batch();
  const inflight = new Set<Promise<void>>();
  let failure: unknown;

  const flush = async () => {
    if (batch.records === 0) return;
    const b = batch;
    batch = new Batch();
    const pr = sink.run(BATCH_SQL, b.params(user.id)).catch((e) => {
      failure = e;
    });
    inflight.add(pr);
    void pr.finally(() => inflight.delete(pr));
    // let the query go out before generating the next batch
    await new Promise((r) => setImmediate(r));
    if (inflight.size >= sink.parallel) await Promise.race(inflight);
    if (failure) throw failure;
  };

  const addRecord = (rec: GenRecord) => {
    const def = getActKind(rec.kind)!;
    const sum = def.summary(rec.data as never);
    const flags =
      rec.kind === 'BIRTH' && newbornNameWarnings(rec.data.child as never, ['child']).length > 0
        ? ['naming-warning']
        : [];
    const versions = rec.versions ?? [];
    const earlier = versions.map((data) => ({ data, sealed: false }));
    const rows = searchRows(rec.id, rec.kind, rec.data, earlier, cachedKeys);
    if (validateEvery > 0 && (done % validateEvery === 0 || versions.length > 0)) {
      const check = checkRecordData(def, rec.data, 'complete', { today: rec.date });
      if (!check.ok)
        throw new Error(
          `invalid ${rec.kind} record: ${JSON.stringify(check.errors)}\n${JSON.stringify(rec.data)}`,
        );
      const expected = searchRows(rec.id, rec.kind, rec.data, earlier);
      if (JSON.stringify(expected) !== JSON.stringify(rows))
        throw new Error(`search rows differ from unmemoised keys for ${rec.id}`);
    }
    const r = batch.r;
    const vals = [
      rec.id,
      rec.kind,
      rec.office.id,
      rec.office.path,
      JSON.stringify(rec.data),
      arrayLiteral(flags),
      sum.surname ?? null,
      sum.name ?? null,
      sum.patronymic ?? null,
      sum.birthDate ?? null,
      sum.eventDate ?? null,
      rec.year!,
      rec.number!,
      rec.nationalId!,
      `${rec.date}T${String(8 + (done % 9)).padStart(2, '0')}:00:00+05:00`,
      Math.max(1, versions.length),
      sum.placeUnit ?? null,
      arrayLiteral(documentNumbers(rec.data)),
    ];
    for (let i = 0; i < vals.length; i++) r[i]!.push(vals[i]);
    for (const row of rows) {
      const pv = [
        row.record_id,
        row.role,
        row.historical,
        row.sealed,
        row.surname,
        row.given_name,
        row.patronymic,
        row.birth_date,
        row.birth_year,
        row.surname_key,
        row.name_key,
        row.patronymic_key,
        row.surname_stem,
        row.surname_loose,
        row.name_loose,
        row.latin,
      ];
      for (let i = 0; i < pv.length; i++) batch.p[i]!.push(pv[i]);
    }
    for (const [from, to, type] of rec.links) {
      batch.l[0]!.push(from);
      batch.l[1]!.push(to);
      batch.l[2]!.push(type);
    }
    versions.forEach((v, i) => {
      batch.v[0]!.push(rec.id);
      batch.v[1]!.push(i + 1);
      batch.v[2]!.push(JSON.stringify(v));
    });
    batch.records++;
    persons += rows.length;
    links += rec.links.length;
    byKind[rec.kind] = (byKind[rec.kind] ?? 0) + 1;
    lookups.offer(() => ({
      recordId: rec.id,
      kind: rec.kind,
      officeId: rec.office.id,
      year: rec.year!,
      number: rec.number!,
      nationalId: rec.nationalId!,
    }));
    done++;
  };

  while (done < total) {
    let recs = registry.family();
    const complete = done + recs.length <= total;
    if (!complete) {
      recs = recs.slice(0, total - done);
      const kept = new Set(recs.map((r) => r.id));
      for (const r of recs) r.links = r.links.filter(([a, b]) => kept.has(a) && kept.has(b));
    }
    for (const rec of recs) addNoise(rng, rec);
    for (const rec of recs) addRecord(rec);
    if (complete) {
      // Ground truth: the records that name each person under each of their names.
      const byGroup = new Map<string, Group>();
      for (const rec of recs) {
        for (const m of rec.mentions) {
          const key = `${m.person.idx}|${m.surname}|${m.name}`;
          let g = byGroup.get(key);
          if (!g) {
            const at = namesAt(m.person, m.person.birthDate);
            const surnameForm = [
              at.surname,
              ...[m.person.married, m.person.change]
                .filter((x) => !!x)
                .map((x) => surnameOf(x!.root, x!.suffix, m.person.sex)),
            ].find((n) => n.tg === m.surname)!;
            const patronymicForm =
              m.patronymic === m.person.patronymic.tg ? m.person.patronymic : m.person.change!.patronymic;
            g = {
              surname: m.surname,
              name: m.name,
              patronymic: m.patronymic,
              birthDate: m.person.birthDate,
              sexOf: m.person.sex,
              ids: [],
              forms: {
                surname: surnameForm,
                name: formOf(m.name, m.person.sex === 'M' ? MALE_NAMES : FEMALE_NAMES) ?? m.person.name,
                patronymic: patronymicForm,
              },
            };
            byGroup.set(key, g);
          }
          if (!g.ids.includes(rec.id)) g.ids.push(rec.id);
        }
      }
      for (const g of byGroup.values()) groups.offer(() => g);
      for (const rec of recs) {
        if (rec.kind !== 'BIRTH' || rec.versions) continue;
        const m = rec.mentions[0]!;
        const g = byGroup.get(`${m.person.idx}|${m.surname}|${m.name}`)!;
        dupBirths.offer(() => ({ rec, forms: g.forms }));
        freshBirths.offer(() => rec);
      }
    }
    if (batch.records >= batchSize) await flush();
    progress.update(done);
  }
  await flush();
  await Promise.all(inflight);
  if (failure) throw failure;
  await sink.close();
  progress.done(done);

  // Act counters, so that registrations after the load take the next numbers.
  const counters = registry.counterEntries();
  for (let i = 0; i < counters.length; i += 5000) {
    const part = counters.slice(i, i + 5000);
    await db
      .insertInto('act_counters')
      .values(
        part.map(([k, n]) => {
          const [office_id, kind, year] = k.split('|');
          return { office_id: office_id!, kind: kind!, year: Number(year), last_number: n };
        }),
      )
      .execute();
  }
  const tLoad = performance.now();
  log(
    `loaded ${done.toLocaleString('en')} records, ${persons.toLocaleString('en')} search rows, ` +
      `${links.toLocaleString('en')} links in ${((tLoad - t0) / 1000).toFixed(1)} s ` +
      `(${Math.round(done / ((tLoad - t0) / 1000)).toLocaleString('en')} records/s)`,
  );

  // Indexes back, the baseline's trigram index, statistics.
  const dropped = await sql<{
    name: string;
    def: string;
  }>`SELECT name, def FROM bench_dropped_indexes ORDER BY name`.execute(db);
  for (const ix of dropped.rows) {
    const t = performance.now();
    await sql.raw(ix.def.replace(/^CREATE (UNIQUE )?INDEX /u, 'CREATE $1INDEX IF NOT EXISTS ')).execute(db);
    await sql`DELETE FROM bench_dropped_indexes WHERE name = ${ix.name}`.execute(db);
    log(`index ${ix.name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  if (opts.baselineIndex ?? true) {
    const t = performance.now();
    await sql.raw(BASELINE_INDEX_SQL).execute(db);
    log(`index ${BASELINE_INDEX} (pg_trgm baseline): ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  {
    const t = performance.now();
    if (dbx.engine === 'postgres')
      await sql.raw('VACUUM (ANALYZE) records, record_persons, record_links').execute(db);
    else await sql.raw('ANALYZE').execute(db);
    log(`vacuum/analyze: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const tIdx = performance.now();

  // The labelled query set.
  const qrng = new Rng(seed + 1);
  const search = groups.items.map((g, i) => makeQuery(qrng, i + 1, VARIANTS[i % VARIANTS.length]!, g));
  const duplicates = [
    ...dupBirths.items.map((d) => duplicateProbe(qrng, d.rec, d.forms, false)),
    ...freshBirths.items.map((r) => duplicateProbe(qrng, r, undefined, true)),
  ];
  const queries: QuerySet = {
    records: done,
    seed,
    generatedAt: new Date().toISOString(),
    search,
    lookups: lookups.items,
    duplicates,
  };
  return {
    records: done,
    persons,
    links,
    byKind,
    seconds: { load: (tLoad - t0) / 1000, indexes: (tIdx - tLoad) / 1000, total: (tIdx - t0) / 1000 },
    queries,
  };
}

export function queriesPath(records: number): string {
  return join(DATA_DIR, `queries-${records}.json`);
}

/** Drops and creates the database named in the URL (connecting to the server's `postgres` database). */
export async function freshDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/u.test(name)) throw new Error(`unexpected database name: ${name}`);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

async function main() {
  const { values } = parseArgs({
    options: {
      records: { type: 'string', default: '1000000' },
      seed: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      'batch-size': { type: 'string' },
      queries: { type: 'string', default: '300' },
      'validate-every': { type: 'string' },
      'no-baseline-index': { type: 'boolean', default: false },
    },
  });
  const records = Number(values.records.replaceAll('_', ''));
  const databaseUrl = process.env.DATABASE_URL;
  if (values.fresh && databaseUrl) await freshDatabase(databaseUrl);
  const dbx = await connect({ databaseUrl, dataDir: process.env.SABT_DATA_DIR ?? 'memory://', poolSize: 2 });
  try {
    const res = await generate(
      dbx,
      {
        records,
        ...(values.seed ? { seed: Number(values.seed) } : {}),
        ...(values['batch-size'] ? { batchSize: Number(values['batch-size']) } : {}),
        ...(values['validate-every'] ? { validateEvery: Number(values['validate-every']) } : {}),
        searchQueries: Number(values.queries),
        baselineIndex: !values['no-baseline-index'],
      },
      databaseUrl,
    );
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(queriesPath(res.records), `${JSON.stringify(res.queries, null, 1)}\n`);
    const { queries: _q, ...summary } = res;
    console.log(JSON.stringify({ ...summary, queriesFile: queriesPath(res.records) }, null, 2));
  } finally {
    await dbx.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
