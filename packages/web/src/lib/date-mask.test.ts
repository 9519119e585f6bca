import { describe, expect, it } from 'vitest';
import { digitsBefore, maskFullDate, maskPartialDate, positionAfterDigits } from './date-mask.ts';

/** What the field shows after each key, as in the browser: the masked text plus the next key. */
function typeKeys(mask: (s: string) => string, keys: string, start = ''): string[] {
  const shown: string[] = [];
  let value = start;
  for (const key of keys) {
    value = mask(value + key);
    shown.push(value);
  }
  return shown;
}

/** Backspace at the end, key by key. */
function backspace(mask: (s: string) => string, value: string, times: number): string[] {
  const shown: string[] = [];
  for (let i = 0; i < times; i++) {
    value = mask(value.slice(0, -1));
    shown.push(value);
  }
  return shown;
}

describe('the full-date mask', () => {
  it('puts the dots in as digits are typed, one key at a time', () => {
    expect(typeKeys(maskFullDate, '18112026').at(-1)).toBe('18.11.2026');
    expect(typeKeys(maskFullDate, '01012030')).toEqual([
      '0',
      '01',
      '01.0',
      '01.01',
      '01.01.2',
      '01.01.20',
      '01.01.203',
      '01.01.2030',
    ]);
  });
});

describe('the partial-date mask (a date, a month and year, or a year)', () => {
  it('reads 8 digits typed one by one as dd.mm.yyyy', () => {
    expect(typeKeys(maskPartialDate, '01031950')).toEqual([
      '0',
      '01',
      '010',
      '0103',
      '01.031',
      '01.0319',
      '01.03.195',
      '01.03.1950',
    ]);
    expect(typeKeys(maskPartialDate, '1503195').at(-1)).toBe('15.03.195');
    expect(typeKeys(maskPartialDate, '15031950').at(-1)).toBe('15.03.1950');
    // a ninth digit is not taken
    expect(typeKeys(maskPartialDate, '150319501').at(-1)).toBe('15.03.1950');
  });

  it('reads 6 digits as mm.yyyy and 4 digits as a year', () => {
    expect(typeKeys(maskPartialDate, '061950').at(-1)).toBe('06.1950');
    expect(typeKeys(maskPartialDate, '1950').at(-1)).toBe('1950');
  });

  it('takes the dots where they are typed, padding a one-digit day or month', () => {
    expect(typeKeys(maskPartialDate, '6.1950').at(-1)).toBe('06.1950');
    expect(typeKeys(maskPartialDate, '06.1950').at(-1)).toBe('06.1950');
    expect(typeKeys(maskPartialDate, '1.3.1950').at(-1)).toBe('01.03.1950');
    expect(typeKeys(maskPartialDate, '21.06.1950').at(-1)).toBe('21.06.1950');
    expect(typeKeys(maskPartialDate, '21/06/1950').at(-1)).toBe('21.06.1950');
  });

  it('takes a pasted date as it is', () => {
    expect(maskPartialDate('01031950')).toBe('01.03.1950');
    expect(maskPartialDate('01.03.1950')).toBe('01.03.1950');
    expect(maskPartialDate('1950-03-01')).toBe('01.03.1950');
    expect(maskPartialDate('1950-06')).toBe('06.1950');
  });

  it('lets a clerk delete from the end without the rest moving', () => {
    expect(backspace(maskPartialDate, '01.03.1950', 6)).toEqual([
      '01.03.195',
      '01.03.19',
      '01.03.1',
      '01.03.',
      '01.03',
      '01.0',
    ]);
    // and type on again
    expect(typeKeys(maskPartialDate, '950', '01.03.1').at(-1)).toBe('01.03.1950');
  });
});

describe('the caret after masking', () => {
  it('stays after the same digit', () => {
    // "01.0|1.2030": one digit deleted in the middle of 01.01.2030
    const raw = '01.0.2030';
    const masked = maskFullDate(raw);
    expect(positionAfterDigits(masked, digitsBefore(raw, 4))).toBe(4);
  });
});
