import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKeys } from './match-keys.ts';
import {
  FUZZY_MAX_SCORE,
  jaroWinkler,
  keySimilarity,
  nameSimilarity,
  oneEditApart,
  SIMILARITY_SCORES,
} from './similarity.ts';

describe('oneEditApart', () => {
  it('is one letter wrong, missing, extra or two neighbours swapped', () => {
    expect(oneEditApart('parvin', 'piarvin')).toBe(true); // Пярвина for Парвина
    expect(oneEditApart('Huseinav', 'Hsueinav')).toBe(true); // Хсуейнова for Ҳусейнова
    expect(oneEditApart('karimav', 'krimav')).toBe(true);
    expect(oneEditApart('lala', 'laa')).toBe(true);
    expect(oneEditApart('nasir', 'nosir')).toBe(true);
    expect(oneEditApart('ab', 'ba')).toBe(true);
  });

  it('is not two typos, nor no typo at all', () => {
    expect(oneEditApart('sadikav', 'saidav')).toBe(false); // Содиқов, Саидов
    expect(oneEditApart('ibadula', 'abdula')).toBe(false); // Ибодулло, Абдулло
    expect(oneEditApart('abc', 'cab')).toBe(false);
    expect(oneEditApart('lala', 'lala')).toBe(false);
    expect(oneEditApart('', '')).toBe(false);
    expect(oneEditApart('', 'a')).toBe(true);
  });
});

describe('jaroWinkler', () => {
  it('gives the textbook values', () => {
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 4);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('CRATE', 'TRACE')).toBeCloseTo(0.7333, 4);
  });

  it('is 1 for equal strings and 0 for nothing in common', () => {
    expect(jaroWinkler('raHimav', 'raHimav')).toBe(1);
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinkler('abc', '')).toBe(0);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('works on code points', () => {
    expect(jaroWinkler('𝒜b', '𝒜b')).toBe(1);
    expect(jaroWinkler('раҳимов', 'рахимов')).toBeGreaterThan(0.9);
  });

  it('is symmetric and within 0..1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const s = jaroWinkler(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(jaroWinkler(b, a)).toBeCloseTo(s, 12);
      }),
    );
  });
});

describe('nameSimilarity', () => {
  it('ranks the reasons: exact > match-key > loose > stem > fuzzy', () => {
    const exact = nameSimilarity('Раҳимов', ' РАҲИМОВ ');
    const key = nameSimilarity('Раҳимов', 'Rakhimov');
    const loose = nameSimilarity('Ҷамшед', 'Jamshid');
    const stem = nameSimilarity('Раҳимов', 'Раҳимзода');
    const fuzzy = nameSimilarity('Раҳимов', 'Раҳмонов');
    expect(exact).toMatchObject({ score: 1, reason: 'exact' });
    expect(key).toMatchObject({ score: SIMILARITY_SCORES['match-key'], reason: 'match-key' });
    expect(loose).toMatchObject({ score: SIMILARITY_SCORES.loose, reason: 'loose' });
    expect(stem).toMatchObject({ score: SIMILARITY_SCORES.stem, reason: 'stem' });
    expect(fuzzy.reason).toBe('fuzzy');
    const scores = [exact, key, loose, stem, fuzzy].map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('finds every §5.4 variant by a key, never only fuzzily', () => {
    const rows = [
      ['Раҳимов', 'Рахимов', 'Rahimov', 'Rakhimov', 'Raximov', 'Rachimov'],
      ['Ҷамшед', 'Джамшед', 'Jamshed', 'Dzhamshed', 'Djamshed', 'Jamshid'],
      ['Қурбонов', 'Курбанов', 'Курбонов', 'Qurbonov', 'Kurbonov', 'Kurbanov'],
      ['Ғафуров', 'Гафуров', 'Ghafurov', 'Gafurov', 'Gafurow'],
      ['Ёқубов', 'Якубов', 'Yoqubov', 'Yakubov', 'Iakubov'],
      ['Юсуфов', 'Юсупов', 'Yusufov', 'Yusupov', 'Iusupov'],
      ['Абдуллоҳ', 'Абдулло', 'Абдулла', 'Abdulloh', 'Abdullo', 'Abdulla', 'Abdullah'],
      ['Муҳаммад', 'Мухаммад', 'Muhammad', 'Mukhammad', 'Mohammad'],
      ['Раҳимзода', 'Рахимзода', 'Рахимзаде', 'Rahimzoda', 'Rakhimzoda', 'Rahimzade'],
    ];
    for (const row of rows)
      for (const variant of row) {
        const sim = nameSimilarity(row[0]!, variant);
        expect({ variant, reason: sim.reason }).not.toEqual({ variant, reason: 'fuzzy' });
        expect(sim.score).toBeGreaterThan(FUZZY_MAX_SCORE);
      }
  });

  it('scores different names fuzzily, below every key match', () => {
    for (const [a, b] of [
      ['Раҳимов', 'Раҳмонов'],
      ['Ҷамшед', 'Ҷамила'],
      ['Фарзона', 'Фарзин'],
      ['Саидов', 'Содиқов'],
      ['Нигина', 'Нигора'],
      ['Алиев', 'Олимов'],
    ] as const) {
      const sim = nameSimilarity(a, b);
      expect({ a, b, reason: sim.reason }).toEqual({ a, b, reason: 'fuzzy' });
      expect(sim.score).toBeLessThanOrEqual(FUZZY_MAX_SCORE);
      expect(sim.score).toBeCloseTo(FUZZY_MAX_SCORE * sim.jaroWinkler, 12);
    }
  });

  it('ranks a typo above an unrelated name', () => {
    const typo = nameSimilarity('Раҳимов', 'Раҳимвов');
    const other = nameSimilarity('Раҳимов', 'Назаров');
    expect(typo.score).toBeGreaterThan(other.score);
  });

  it('scores names without letters 0', () => {
    expect(nameSimilarity('', '')).toMatchObject({ score: 0 });
    expect(nameSimilarity('Раҳимов', '...')).toMatchObject({ score: 0 });
  });

  it('is symmetric and within 0..1 on precomputed keys', () => {
    const names = [
      'Раҳимов',
      'Rakhimov',
      'Раҳимзода',
      'Jamshid',
      'Ҷамшед',
      'Назаров',
      'Mohammad',
      'Муҳаммад',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom(...names), (a, b) => {
        const ab = keySimilarity(nameKeys(a), nameKeys(b));
        const ba = keySimilarity(nameKeys(b), nameKeys(a));
        expect(ab.score).toBeCloseTo(ba.score, 12);
        expect(ab.reason).toBe(ba.reason);
        expect(ab.score).toBeGreaterThanOrEqual(0);
        expect(ab.score).toBeLessThanOrEqual(1);
      }),
    );
  });
});
