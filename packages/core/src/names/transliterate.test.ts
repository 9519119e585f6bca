import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toLatin, toRussianCyrillic } from './transliterate.ts';

describe('toRussianCyrillic (§5.1)', () => {
  it('replaces the six Tajik letters, keeping case', () => {
    expect(toRussianCyrillic('Ҷамшед')).toBe('Джамшед');
    expect(toRussianCyrillic('Хоҷаев')).toBe('Ходжаев');
    expect(toRussianCyrillic('Ғафуров')).toBe('Гафуров');
    expect(toRussianCyrillic('Қурбонов')).toBe('Курбонов');
    expect(toRussianCyrillic('Раҳимов')).toBe('Рахимов');
    expect(toRussianCyrillic('Раҳимӣ')).toBe('Рахими');
    expect(toRussianCyrillic('Ӯрунов')).toBe('Урунов');
    expect(toRussianCyrillic('Ёқубов')).toBe('Ёкубов');
  });

  it('writes Ҷ as ДЖ in an all-caps word and leaves other text alone', () => {
    expect(toRussianCyrillic('ҶӮРАЕВ ҶАМШЕД')).toBe('ДЖУРАЕВ ДЖАМШЕД');
    expect(toRussianCyrillic('Раҳимов Ҷамшед Раҳимович, 1985')).toBe('Рахимов Джамшед Рахимович, 1985');
    expect(toRussianCyrillic('Rahimov')).toBe('Rahimov');
  });

  it('reads legacy glyphs as Tajik letters first', () => {
    expect(toRussianCyrillic('Њасанов')).toBe('Хасанов');
  });
});

describe('toLatin, passport / ODNI system (§5.3)', () => {
  it('romanises the Tajik letters', () => {
    expect(toLatin('Раҳимов')).toBe('Rahimov');
    expect(toLatin('Ҷамшед')).toBe('Jamshed');
    expect(toLatin('Ёқубов')).toBe('Yoqubov');
    expect(toLatin('Ғафуров')).toBe('Ghafurov');
    expect(toLatin('Хуршед')).toBe('Khurshed');
    expect(toLatin('Раҳимӣ')).toBe('Rahimi');
    expect(toLatin('Ӯрунов')).toBe('Urunov');
    expect(toLatin('Юсуфов')).toBe('Yusufov');
    expect(toLatin('Яҳё')).toBe('Yahyo');
    expect(toLatin('Ҳусейн')).toBe('Huseyn');
    expect(toLatin('Чоршанбе')).toBe('Chorshanbe');
    expect(toLatin('Жасур')).toBe('Zhasur');
  });

  it('writes a word-initial Е as Ye', () => {
    expect(toLatin('Ергаш')).toBe('Yergash');
    expect(toLatin('ергаш')).toBe('yergash');
    expect(toLatin('Шерзод Ерматов')).toBe('Sherzod Yermatov');
  });

  it('handles the letters of old records and Russian forms', () => {
    expect(toLatin('Цой')).toBe('Tsoy');
    expect(toLatin('Щукин')).toBe('Shchukin');
    expect(toLatin('Рыбаков')).toBe('Rybakov');
    expect(toLatin('Маъруф')).toBe('Maruf');
    expect(toLatin('Игорь')).toBe('Igor');
    expect(toLatin('Джамшед')).toBe('Jamshed');
    expect(toLatin('Ходжаев')).toBe('Khojaev');
  });

  it('writes a doubled multi-letter romanisation once, as ODNI does', () => {
    expect(toLatin('Шаххон')).toBe('Shakhon');
    expect(toLatin('Абдулло')).toBe('Abdullo');
    expect(toLatin('Қаҳҳор')).toBe('Qahhor');
  });

  it('keeps capitalisation per word', () => {
    expect(toLatin('РАҲИМОВ ҶАМШЕД')).toBe('RAHIMOV JAMSHED');
    expect(toLatin('ШАРИПОВ')).toBe('SHARIPOV');
    expect(toLatin('раҳимов Ҷамшед')).toBe('rahimov Jamshed');
    expect(toLatin('Абдул-Ҳамид')).toBe('Abdul-Hamid');
    expect(toLatin('Раҳимов Ҷамшед Раҳимович')).toBe('Rahimov Jamshed Rahimovich');
  });

  it('reads legacy glyphs as Tajik letters and leaves Latin alone', () => {
    expect(toLatin('Њасанов')).toBe('Hasanov');
    expect(toLatin('Rahimov 12')).toBe('Rahimov 12');
  });

  it('always produces ASCII from Tajik and Russian Cyrillic', () => {
    const letters = 'АБВГҒДЕЁЖЗИӢЙКҚЛМНОПРСТУӮФХҲЧҶШЪЭЮЯЦЩЫЬабвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюяцщыь -';
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...letters), maxLength: 30 }), (s) => {
        expect(toLatin(s)).toMatch(/^[A-Za-z -]*$/u);
      }),
    );
  });
});

describe('toLatin, BGN/PCGN 1994 (§5.3)', () => {
  it('uses í, ŭ and the separated ·h', () => {
    expect(toLatin('Раҳимӣ', 'bgn')).toBe('Rahimí');
    expect(toLatin('Ӯрунов', 'bgn')).toBe('Ŭrunov');
    expect(toLatin('Исҳоқ', 'bgn')).toBe('Is·hoq');
    expect(toLatin('Исҳоқ')).toBe('Ishoq');
    expect(toLatin('ИСҲОҚ', 'bgn')).toBe('IS·HOQ');
    expect(toLatin('Ғафуров', 'bgn')).toBe('Ghafurov');
    expect(toLatin('Ҷамшед', 'bgn')).toBe('Jamshed');
  });

  it('writes e without y, э as ė, ъ as ’, ц as s before a vowel', () => {
    expect(toLatin('Ергаш', 'bgn')).toBe('Ergash');
    expect(toLatin('Эргаш', 'bgn')).toBe('Ėrgash');
    expect(toLatin('Маъруф', 'bgn')).toBe('Ma’ruf');
    expect(toLatin('Цой', 'bgn')).toBe('Soy');
    expect(toLatin('Щукин', 'bgn')).toBe('Shukin');
  });
});
