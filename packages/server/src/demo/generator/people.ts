/** People of the registry, the names they carry at a given date, and how a record's names were typed. */
import {
  keyboardSubstitutes,
  legacyGlyphs,
  type NameForm,
  passportLatin,
  type Sex,
  type SuffixKind,
  surnameOf,
} from './names.ts';
import type { Rng } from './rng.ts';

export interface Person {
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

export interface NamesAt {
  surname: NameForm;
  name: NameForm;
  patronymic: NameForm;
}

export function namesAt(p: Person, date: string): NamesAt {
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

export type Style = 'tg' | 'ru' | 'latin' | 'legacy' | 'kbd';

export function styleFor(rng: Rng, year: number): Style {
  const r = rng.next();
  if (year < 1992) return r < 0.62 ? 'ru' : r < 0.93 ? 'tg' : r < 0.97 ? 'kbd' : 'legacy';
  if (year < 2010)
    return r < 0.22 ? 'ru' : r < 0.87 ? 'tg' : r < 0.94 ? 'kbd' : r < 0.99 ? 'legacy' : 'latin';
  return r < 0.03 ? 'ru' : r < 0.95 ? 'tg' : r < 0.98 ? 'kbd' : 'latin';
}

export function render(n: NameForm, style: Style): string {
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
