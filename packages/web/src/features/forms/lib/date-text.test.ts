import { describe, expect, it } from 'vitest';
import { dateTextToValue, dateValueToText, maskFullDate, maskPartialDate, maskTime } from './date-text.ts';

describe('date mask', () => {
  it('puts the dots in as digits are typed', () => {
    const steps = ['1', '14', '140', '1403', '14032', '140320', '1403202', '14032025'].map(maskFullDate);
    expect(steps).toEqual(['1', '14', '14.0', '14.03', '14.03.2', '14.03.20', '14.03.202', '14.03.2025']);
    expect(maskFullDate('14.03.2025')).toBe('14.03.2025');
    expect(maskFullDate('140320251')).toBe('14.03.2025');
  });

  it('pads a one-digit day or month when a separator is typed', () => {
    expect(maskFullDate('1.')).toBe('01.');
    expect(maskFullDate('1.3.2025')).toBe('01.03.2025');
    expect(maskFullDate('1/3/2025')).toBe('01.03.2025');
  });

  it('accepts a pasted ISO date', () => {
    expect(maskFullDate('2025-03-14')).toBe('14.03.2025');
  });

  it('keeps YYYY-MM-DD as the value and shows dd.mm.yyyy', () => {
    expect(dateTextToValue('14.03.2025')).toBe('2025-03-14');
    expect(dateValueToText('2025-03-14')).toBe('14.03.2025');
    expect(dateTextToValue('')).toBeUndefined();
    // not a date yet: kept as typed, so the schema says what is wrong
    expect(dateTextToValue('14.03.20')).toBe('14.03.20');
    expect(dateValueToText('14.03.20')).toBe('14.03.20');
    // an impossible day is still converted; the schema check refuses it
    expect(dateTextToValue('29.02.2023')).toBe('2023-02-29');
  });

  it('allows a month and year, or a year, where the law does', () => {
    expect(maskPartialDate('1950')).toBe('1950');
    expect(maskPartialDate('061950')).toBe('06.1950');
    expect(maskPartialDate('21061950')).toBe('21.06.1950');
    expect(maskPartialDate('6.1950')).toBe('06.1950');
    expect(dateTextToValue('1950', true)).toBe('1950');
    expect(dateTextToValue('06.1950', true)).toBe('1950-06');
    expect(dateTextToValue('21.06.1950', true)).toBe('1950-06-21');
    expect(dateTextToValue('06.1950', false)).toBe('06.1950');
    expect(dateValueToText('1950-06')).toBe('06.1950');
  });

  it('formats times as hh:mm', () => {
    expect(maskTime('1405')).toBe('14:05');
    expect(maskTime('9:5')).toBe('09:5');
    expect(maskTime('14:055')).toBe('14:05');
  });
});

describe('new record ids', () => {
  it('are UUID v4 even without crypto.randomUUID', async () => {
    const { newRecordId } = await import('./new-id.ts');
    const original = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      const id = newRecordId();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
