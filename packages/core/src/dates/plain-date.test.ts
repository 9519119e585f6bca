import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dateRange,
  formatDate,
  fullYearsBetween,
  isPartialDate,
  isPlainDate,
  parseShownDate,
  todayIn,
} from './plain-date.ts';

describe('plain dates', () => {
  it('accepts real days and refuses impossible ones', () => {
    expect(isPlainDate('2024-02-29')).toBe(true);
    expect(isPlainDate('2023-02-29')).toBe(false);
    expect(isPlainDate('2023-04-31')).toBe(false);
    expect(isPlainDate('2023-13-01')).toBe(false);
    expect(isPlainDate('2023-1-01')).toBe(false);
    expect(isPlainDate('01.02.2023')).toBe(false);
    expect(isPlainDate('1900-02-29')).toBe(false);
    expect(isPlainDate('2000-02-29')).toBe(true);
  });

  it('accepts year-only and month-year dates where partial dates are allowed', () => {
    expect(isPartialDate('1987')).toBe(true);
    expect(isPartialDate('1987-06')).toBe(true);
    expect(isPartialDate('1987-13')).toBe(false);
    expect(isPartialDate('1987-06-31')).toBe(false);
    expect(dateRange('1987-02')).toEqual({ earliest: '1987-02-01', latest: '1987-02-28' });
    expect(dateRange('1988')).toEqual({ earliest: '1988-01-01', latest: '1988-12-31' });
  });

  it('adds months the way a registrar counts a deadline', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2025-03-15', 3)).toBe('2025-06-15');
  });

  it('counts completed years', () => {
    expect(fullYearsBetween('2000-06-15', '2018-06-14')).toBe(17);
    expect(fullYearsBetween('2000-06-15', '2018-06-15')).toBe(18);
  });

  it('knows the civil date in Dushanbe at the turn of a UTC day', () => {
    expect(todayIn('Asia/Dushanbe', new Date('2025-03-01T20:00:00Z'))).toBe('2025-03-02');
  });

  it('keeps each time zone its own date when asked in turns', () => {
    const at = new Date('2025-03-01T20:00:00Z');
    for (let i = 0; i < 3; i++) {
      expect(todayIn('Asia/Dushanbe', at)).toBe('2025-03-02');
      expect(todayIn('America/New_York', at)).toBe('2025-03-01');
    }
    expect(() => todayIn('Nowhere/Nothing', at)).toThrow(RangeError);
  });

  it('shows dates as dd.mm.yyyy', () => {
    expect(formatDate('2025-03-09')).toBe('09.03.2025');
    expect(formatDate('2025-03')).toBe('03.2025');
  });

  it('reads a date typed as dd.mm.yyyy, and nothing that is not a whole real date', () => {
    expect(parseShownDate(' 09.03.2025 ')).toBe('2025-03-09');
    expect(parseShownDate('29.02.2024')).toBe('2024-02-29');
    for (const bad of ['29.02.2025', '9.3.2025', '2025-03-09', '09.03.25', ''])
      expect(parseShownDate(bad)).toBeNull();
  });
});
