import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeLegacy,
  detectLegacyEncoding,
  fixGlyphs,
  normalizeName,
  scoreLegacyEncodings,
} from './normalize.ts';

describe('normalizeName (§5.5 step 1)', () => {
  it('NFC-normalises and lowercases Tajik letters', () => {
    expect(normalizeName('РАҲИМОВ ҶАМШЕД')).toBe('раҳимов ҷамшед');
    expect(normalizeName('ҒӢҚӮҲҶ')).toBe('ғӣқӯҳҷ');
    // И + combining macron composes to Ӣ, У + macron to Ӯ
    expect(normalizeName('Али\u0304')).toBe('алӣ');
    expect(normalizeName('Фиру\u0304за')).toBe('фирӯза');
  });

  it('lowercases Latin without a Turkish locale', () => {
    expect(normalizeName('ISMOIL')).toBe('ismoil');
    expect(normalizeName('İsmoil')).toBe('ismoil');
  });

  it('maps legacy glyphs and homoglyphs to the canonical Tajik letters', () => {
    expect(normalizeName('Њасанов')).toBe('ҳасанов');
    expect(normalizeName('Љамшед')).toBe('ҷамшед');
    expect(normalizeName('Ѓафуров')).toBe('ғафуров');
    expect(normalizeName('Ќурбонов')).toBe('қурбонов');
    expect(normalizeName('Алї')).toBe('алӣ');
    expect(normalizeName('Фирўза')).toBe('фирӯза');
    expect(normalizeName('\u040Eрунов')).toBe('ӯрунов'); // Uzbek Ў (U+040E)
    expect(normalizeName('Ӌӯраев')).toBe('ҷӯраев');
    expect(normalizeName('Ҡодиров')).toBe('қодиров');
    expect(normalizeName('Ӄодиров')).toBe('қодиров');
    expect(normalizeName('Һасанов')).toBe('ҳасанов');
  });

  it('maps Latin lookalikes inside a Cyrillic word to Cyrillic', () => {
    expect(normalizeName('Рaхимов')).toBe('рахимов'); // Latin a
    expect(normalizeName('PAXИMOB')).toBe('рахимов'); // Latin P A X M O B around a Cyrillic И
    expect(normalizeName('Kaримов')).toBe('каримов');
    expect(normalizeName('Ҳoшимов')).toBe('ҳошимов');
  });

  it('maps Cyrillic lookalikes inside a Latin word to Latin', () => {
    expect(normalizeName('Rаhimоv')).toBe('rahimov'); // Cyrillic а and о
    expect(normalizeName('Jаmshеd')).toBe('jamshed');
  });

  it('leaves single-script words alone', () => {
    expect(normalizeName('Рахимов')).toBe('рахимов');
    expect(normalizeName('Rakhimov')).toBe('rakhimov');
  });

  it('strips punctuation except the hyphen and collapses whitespace', () => {
    expect(normalizeName('  Раҳимов,\t Ҷамшед  ')).toBe('раҳимов ҷамшед');
    expect(normalizeName('(Раҳимов)')).toBe('раҳимов');
    expect(normalizeName('А.Раҳимов')).toBe('а раҳимов');
    expect(normalizeName('Абдул‑Карим')).toBe('абдул-карим'); // non-breaking hyphen
    expect(normalizeName('Абдул – Карим')).toBe('абдул карим');
    expect(normalizeName('Раҳимов-')).toBe('раҳимов');
    expect(normalizeName('Раҳимов\u00a0\u00a0Ҷамшед')).toBe('раҳимов ҷамшед');
    expect(normalizeName('Раҳи\u00admов')).toBe('раҳимов'); // soft hyphen
    expect(normalizeName('1985 Раҳимов №3')).toBe('раҳимов');
    expect(normalizeName('...')).toBe('');
  });

  it('keeps apostrophes as one marker (Uzbek o‘ g‘, ъ typed as an apostrophe)', () => {
    expect(normalizeName('G‘afurov')).toBe("g'afurov");
    expect(normalizeName('Qoʻchqorov')).toBe("qo'chqorov");
    expect(normalizeName('Maʼruf')).toBe("ma'ruf");
    expect(normalizeName('Ma’’ruf')).toBe("ma'ruf");
    expect(normalizeName("'Ali'")).toBe('ali');
  });

  it('decodes a legacy font encoding first when told to', () => {
    expect(normalizeName('Ѕодиров', { encoding: 'B' })).toBe('қодиров');
    expect(normalizeName('Іасанов', { encoding: 'B' })).toBe('ҳасанов');
    expect(normalizeName('Алњ', { encoding: 'B' })).toBe('алӣ');
    expect(normalizeName('Алњ')).toBe('алҳ'); // without the hint, њ is read as in encoding A
    expect(normalizeName('{асанов', { encoding: 'C' })).toBe('ҳасанов');
  });

  it('is idempotent and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const once = normalizeName(s);
        expect(normalizeName(once)).toBe(once);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/\s{2}|[A-ZА-Я]/u);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fixGlyphs', () => {
  it('keeps case', () => {
    expect(fixGlyphs('Њасанов ЉУМЊУРИИ')).toBe('Ҳасанов ҶУМҲУРИИ');
  });
});

describe('legacy font encodings (§5.1)', () => {
  it('decodes encoding A', () => {
    expect(decodeLegacy('ЉУМЊУРИИ ТОЉИКИСТОН', 'A')).toBe('ҶУМҲУРИИ ТОҶИКИСТОН');
    expect(decodeLegacy('Ќарори Ѓафуров, миллї, рўз', 'A')).toBe('Қарори Ғафуров, миллӣ, рӯз');
  });

  it('decodes encoding B', () => {
    expect(decodeLegacy('Ѕарори Іукумати Їуміурии', 'B')).toBe('Қарори Ҳукумати Ҷумҳурии');
    expect(decodeLegacy('Тоїикистон, миллњ, љафуров', 'B')).toBe('Тоҷикистон, миллӣ, ғафуров');
  });

  it('reads ї as ӣ in A but ҷ in B', () => {
    expect(decodeLegacy('ї', 'A')).toBe('ӣ');
    expect(decodeLegacy('ї', 'B')).toBe('ҷ');
  });

  it('decodes encoding C inside Cyrillic words only, with the case of the word', () => {
    expect(decodeLegacy('xум{урии', 'C')).toBe('ҷумҳурии');
    expect(decodeLegacy('Xум{урии Тоxикистон', 'C')).toBe('Ҷумҳурии Тоҷикистон');
    expect(decodeLegacy('XУМ{УРИИ', 'C')).toBe('ҶУМҲУРИИ');
    expect(decodeLegacy('rарори [укумат', 'C')).toBe('қарори ҳукумат');
    expect(decodeLegacy('Uафуров миллb рeз', 'C')).toBe('Ғафуров миллӣ рӯз');
    expect(decodeLegacy('Rahimov Jamshed, box 12', 'C')).toBe('Rahimov Jamshed, box 12');
  });

  it('detects encoding B from a text that decodes to Tajik words only under B', () => {
    const text = 'Ѕарори Іукумати Їуміурии';
    expect(detectLegacyEncoding(text)).toBe('B');
    expect(decodeLegacy(text, detectLegacyEncoding(text)!)).toBe('Қарори Ҳукумати Ҷумҳурии');
  });

  it('detects encoding A', () => {
    expect(detectLegacyEncoding('ЉУМЊУРИИ ТОЉИКИСТОН')).toBe('A');
    expect(detectLegacyEncoding('Њасанов')).toBe('A');
    expect(detectLegacyEncoding('Љамшед')).toBe('A');
    expect(detectLegacyEncoding('Ќарори Њукумати Љумњурии Тољикистон')).toBe('A');
  });

  it('detects encoding C', () => {
    expect(detectLegacyEncoding('xум{урии')).toBe('C');
    expect(detectLegacyEncoding('rарори [укумати xум[урии Тоxикистон')).toBe('C');
  });

  it('tells A from B on the shared glyphs ї, љ, њ by the words they make', () => {
    // ї at the end of a word: ӣ (A) is common there, ҷ (B) is not; "миллӣ" is a word.
    expect(detectLegacyEncoding('кодекси миллї')).toBe('A');
    expect(detectLegacyEncoding('Тоїикистон')).toBe('B');
    expect(detectLegacyEncoding('маїлиси олњ')).toBe('B');
  });

  it('finds no encoding in Unicode or Latin text, even with a homoglyph typo', () => {
    expect(detectLegacyEncoding('Қарори Ҳукумати Ҷумҳурии Тоҷикистон')).toBeNull();
    expect(detectLegacyEncoding('Раҳимов Ҷамшед')).toBeNull();
    expect(detectLegacyEncoding('Рaхимов')).toBeNull();
    expect(detectLegacyEncoding('Раxимов')).toBeNull();
    expect(detectLegacyEncoding('Rahimov Jamshed')).toBeNull();
    expect(detectLegacyEncoding('')).toBeNull();
  });

  it('exposes its scores', () => {
    const scores = scoreLegacyEncodings('Ѕарори Іукумати Їуміурии');
    expect(scores.B).toBeGreaterThan(Math.max(scores.A, scores.C, scores.none));
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const enc = detectLegacyEncoding(s);
        expect(enc === null || ['A', 'B', 'C'].includes(enc)).toBe(true);
        for (const e of ['A', 'B', 'C'] as const) expect(typeof decodeLegacy(s, e)).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});
