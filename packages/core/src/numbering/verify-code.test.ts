import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blankSeriesKey,
  certificateNumberKey,
  formatVerifyCode,
  makeVerifyCode,
  readVerifyCode,
  VERIFY_CODE_ALPHABET,
  VERIFY_CODE_EXAMPLE,
} from './verify-code.ts';

const randoms = fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 9, maxLength: 9 });

describe('verification codes', () => {
  it('are ten characters of the unambiguous alphabet, and read back as made', () => {
    fc.assert(
      fc.property(randoms, (r) => {
        const code = makeVerifyCode(r);
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
        expect(readVerifyCode(code)).toEqual({ ok: true, code });
        expect(readVerifyCode(formatVerifyCode(code))).toEqual({ ok: true, code });
      }),
    );
  });

  it('the example the page shows is a valid code', () => {
    expect(readVerifyCode(VERIFY_CODE_EXAMPLE).ok).toBe(true);
  });

  it('fold what people confuse: case, spaces, O/0, I/L/1, U/V and Cyrillic look-alikes', () => {
    const code = makeVerifyCode([0, 1, 27, 10, 12, 20, 3, 22, 26]); // 01VACM3PT + check
    const typed = ` o${code.slice(1, 2).toLowerCase()}u-АС m3рт${code.slice(9).toLowerCase()} `;
    expect(code.slice(0, 9)).toBe('01VACM3PT');
    expect(readVerifyCode(typed)).toEqual({ ok: true, code });
    expect(readVerifyCode(`OLU${code.slice(3)}`)).toEqual({ ok: true, code });
    // the Cyrillic З typed for the digit 3, capital or small
    expect(readVerifyCode(code.replace('3', 'З'))).toEqual({ ok: true, code });
    expect(readVerifyCode(code.replace('3', 'з'))).toEqual({ ok: true, code });
  });

  it('tell a mistyped character from a code never issued: any one wrong character fails the check', () => {
    fc.assert(
      fc.property(randoms, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 31 }), (r, at, by) => {
        const code = makeVerifyCode(r);
        const wrong = VERIFY_CODE_ALPHABET[(VERIFY_CODE_ALPHABET.indexOf(code[at]!) + by) % 32]!;
        const typo = code.slice(0, at) + wrong + code.slice(at + 1);
        expect(readVerifyCode(typo)).toEqual({ ok: false, reason: 'check' });
      }),
    );
  });

  it('say what is wrong with input that cannot be a code', () => {
    expect(readVerifyCode('7KQ2M-X9D4')).toEqual({ ok: false, reason: 'length' });
    expect(readVerifyCode('7KQ2M-X9D4G5')).toEqual({ ok: false, reason: 'length' });
    expect(readVerifyCode('7KQ2M-X9D4!')).toEqual({ ok: false, reason: 'character' });
    expect(readVerifyCode('ЖKQ2M-X9D4T')).toEqual({ ok: false, reason: 'character' });
  });
});

describe('a certificate typed by its series and number', () => {
  it('matches the series whatever the keyboard: Cyrillic І for the Roman I, spaces, dashes, case', () => {
    const stored = blankSeriesKey('I-ДУ');
    for (const typed of ['І-ДУ', 'I ДУ', 'iду', 'Ӏ–ДУ', ' I-ду ', 'і-ду'])
      expect(blankSeriesKey(typed)).toBe(stored);
    expect(blankSeriesKey('II-ДУ')).not.toBe(stored);
  });

  it('matches the number with or without its leading zeros', () => {
    expect(certificateNumberKey('000123')).toBe('123');
    expect(certificateNumberKey('123')).toBe('123');
    expect(certificateNumberKey('№ 000 123')).toBe('123');
    expect(certificateNumberKey('000000')).toBe('');
    expect(certificateNumberKey('2026/000012')).toBe('2026/000012');
  });
});
