import { type NameKeys, nameKeys } from '@sabt/core';
import { describe, expect, it } from 'vitest';
import {
  type AskedName,
  mayFit,
  type PersonCandidate,
  type StoredKeys,
  scorePerson,
  TYPO_SIMILARITY_SAME_DATE,
} from './score.ts';

const asked = (surname: string, name: string, broad = false): AskedName => ({
  surname: nameKeys(surname),
  name: nameKeys(name),
  words: [],
  broad,
});

const person = (surname: string, name: string): PersonCandidate & StoredKeys => {
  const s: NameKeys = nameKeys(surname);
  const n: NameKeys = nameKeys(name);
  return {
    record_id: 'r',
    role: 'subject',
    historical: false,
    surname,
    given_name: name,
    patronymic: null,
    birth_date: '2001-02-03',
    surname_key: s.matchKey,
    name_key: n.matchKey,
    patronymic_key: null,
    surname_loose: s.looseKey,
    name_loose: n.looseKey,
    surname_stem: s.stemKey,
  };
};

const SAME_DATE = { sameDate: true };

describe('scoring a stored person born on the asked date', () => {
  it.each([
    ['Раҳимов', 'Ҷамшед', 'Rakhimov', 'Dzhamshed'],
    ['Каримова', 'Зарина', 'Кримова', 'Зарина'],
    ['Ҳусейнова', 'Парвина', 'Хсуейнова', 'Пярвина'],
    ['Шарифӣ', 'Раҷаб', 'Шарифи', 'Рачаб'],
    ['Қурбонова', 'Тоҷинисо', 'Қурбонова', 'Тоҷинясо'],
  ])('%s %s is found as %s %s', (s1, n1, s2, n2) => {
    const a = asked(s2, n2);
    const p = person(s1, n1);
    expect(mayFit(a, p, TYPO_SIMILARITY_SAME_DATE)).toBe(true);
    expect(scorePerson(a, p, SAME_DATE)).not.toBeNull();
  });

  it.each([
    ['Саидов', 'Абдулло', 'Содиқов', 'Ибодулло'],
    ['Олимова', 'Дилноза', 'Алиева', 'Дилнфза'],
    ['Раҳимов', 'Фирӯз', 'Раҳимов', 'Ҷамшед'],
    ['Рахмонова', 'Шоира', 'Ҳасанова', 'Моҳира'],
  ])('%s %s is not taken for %s %s', (s1, n1, s2, n2) => {
    expect(scorePerson(asked(s2, n2), person(s1, n1), SAME_DATE)).toBeNull();
    expect(scorePerson(asked(s2, n2, true), person(s1, n1), SAME_DATE)).toBeNull();
  });

  it('tells a single slip from a merely similar name', () => {
    expect(
      scorePerson(asked('Собирзода', 'Замира'), person('Собирзода', 'Замра'), SAME_DATE)?.similarOnly,
    ).toBe(false);
    expect(
      scorePerson(asked('Исмоилова', 'Фарзона'), person('Исҳоқова', 'Фарзона'), SAME_DATE)?.similarOnly,
    ).toBe(true);
    expect(
      scorePerson(asked('Rakhimov', 'Jamshed'), person('Раҳимов', 'Ҷамшед'), SAME_DATE)?.similarOnly,
    ).toBe(false);
  });

  it('counts a changed surname (-ов → -зода) only in broad mode', () => {
    const p = person('Раҳимов', 'Ҷамшед');
    expect(scorePerson(asked('Раҳимзода', 'Ҷамшед'), p, SAME_DATE)).toBeNull();
    expect(scorePerson(asked('Раҳимзода', 'Ҷамшед', true), p, SAME_DATE)?.reasons).toContain('surname:stem');
  });

  it('the key filter never drops a person full scoring would keep', () => {
    const names = [
      ['Раҳимов', 'Ҷамшед'],
      ['Рахимов', 'Джамшед'],
      ['Раҳимзода', 'Ҷамшед'],
      ['Раҳмонов', 'Ҷамила'],
      ['Каримова', 'Зарина'],
      ['Кримова', 'Зарина'],
      ['Саидов', 'Абдулло'],
      ['Содиқов', 'Ибодулло'],
      ['Qurbonov', 'Yoqub'],
      ['Курбанов', 'Якуб'],
      ['Ҳусейнова', 'Парвина'],
      ['Хсуейнова', 'Пярвина'],
      ['Шарифӣ', 'Раҷаб'],
      ['Шарифи', 'Рачаб'],
    ];
    for (const broad of [false, true])
      for (const [s1, n1] of names)
        for (const [s2, n2] of names) {
          const a = asked(s2!, n2!, broad);
          const p = person(s1!, n1!);
          if (scorePerson(a, p, SAME_DATE))
            expect(mayFit(a, p, TYPO_SIMILARITY_SAME_DATE), `${s2} ${n2} → ${s1} ${n1}`).toBe(true);
        }
  });
});

describe('the asked form of a surname ranks before the other sex’s form', () => {
  const NO_DATE = { sameDate: false };
  const score = (a: string, stored: string) =>
    scorePerson({ surname: nameKeys(a), words: [], broad: false }, person(stored, 'Нигина'), NO_DATE)!.score;

  it.each([
    ['Раҳимов', 'Раҳимов', 'Раҳимова'],
    ['Rakhimov', 'Раҳимов', 'Раҳимова'],
    ['Рахимов', 'Раҳимов', 'Раҳимова'],
    ['Rahimova', 'Раҳимова', 'Раҳимов'],
    ['Рахимова', 'Раҳимова', 'Раҳимов'],
  ])('%s: %s above %s', (a, same, other) => {
    expect(score(a, same)).toBeGreaterThan(score(a, other));
  });

  it('in free text too', () => {
    const words = { words: [nameKeys('Rakhimov'), nameKeys('Nigina')], broad: false };
    const male = scorePerson(words, person('Раҳимов', 'Нигина'), NO_DATE)!.score;
    const female = scorePerson(words, person('Раҳимова', 'Нигина'), NO_DATE)!.score;
    expect(male).toBeGreaterThan(female);
  });

  it('keeps the other form a match: one person is found in both', () => {
    expect(score('Раҳимов', 'Раҳимова')).toBeGreaterThanOrEqual(0.9);
  });
});
