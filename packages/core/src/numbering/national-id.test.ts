import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACT_KINDS } from '../workflow/statuses.ts';
import { isValidNationalRecordId, KIND_DIGIT, luhnCheckDigit, nationalRecordId } from './national-id.ts';

const arbitraryId = fc
  .record({
    kind: fc.constantFrom(...ACT_KINDS),
    office: fc.stringMatching(/^\d{6}$/),
    year: fc.integer({ min: 1900, max: 2100 }),
    number: fc.integer({ min: 1, max: 999_999 }),
  })
  .map((p) => ({ ...p, id: nationalRecordId(p.kind, p.office, p.year, p.number) }));

/** Every ID that differs from `id` in exactly one digit. */
function singleDigitChanges(id: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < id.length; i++)
    for (let d = 0; d <= 9; d++) if (String(d) !== id[i]) out.push(id.slice(0, i) + d + id.slice(i + 1));
  return out;
}

/** Every ID with two neighbouring, different digits swapped, except 0↔9 (which Luhn cannot see). */
function adjacentTranspositions(id: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < id.length; i++) {
    const [a, b] = [id[i]!, id[i + 1]!];
    if (a === b || (a === '0' && b === '9') || (a === '9' && b === '0')) continue;
    out.push(id.slice(0, i) + b + a + id.slice(i + 2));
  }
  return out;
}

describe('national record ID', () => {
  it('is built as kind digit, office, year, act number and check digit', () => {
    expect(nationalRecordId('BIRTH', '010300', 2025, 417)).toBe('101030020250004171');
    expect(nationalRecordId('DEATH', '010300', 2025, 417)).toMatch(/^70103002025000417\d$/);
  });

  it('uses the Russian register’s kind digits: birth 1 … death 7', () => {
    expect(KIND_DIGIT).toEqual({
      BIRTH: 1,
      MARRIAGE: 2,
      DIVORCE: 3,
      ADOPTION: 4,
      PATERNITY: 5,
      NAME_CHANGE: 6,
      DEATH: 7,
    });
  });

  it('computes the standard Luhn check digit', () => {
    // The textbook example: 7992739871 has check digit 3.
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnCheckDigit('0')).toBe(0);
  });

  it('always has 18 digits, a valid check digit and its parts in place', () => {
    fc.assert(
      fc.property(arbitraryId, ({ kind, office, year, number, id }) => {
        expect(id).toMatch(/^\d{18}$/);
        expect(isValidNationalRecordId(id)).toBe(true);
        expect(id[0]).toBe(String(KIND_DIGIT[kind]));
        expect(id.slice(1, 7)).toBe(office);
        expect(id.slice(7, 11)).toBe(String(year));
        expect(Number(id.slice(11, 17))).toBe(number);
      }),
    );
  });

  it('catches every mistyped digit', () => {
    fc.assert(
      fc.property(arbitraryId, ({ id }) => {
        const missed = singleDigitChanges(id).filter(isValidNationalRecordId);
        expect(missed).toEqual([]);
      }),
    );
  });

  it('catches every swap of two neighbouring digits, except 0 and 9', () => {
    fc.assert(
      fc.property(arbitraryId, ({ id }) => {
        const missed = adjacentTranspositions(id).filter(isValidNationalRecordId);
        expect(missed).toEqual([]);
      }),
    );
  });

  it('catches mistakes in a concrete ID, including in the check digit itself', () => {
    const id = '101030020250004171';
    expect(singleDigitChanges(id).filter(isValidNationalRecordId)).toEqual([]);
    expect(adjacentTranspositions(id).filter(isValidNationalRecordId)).toEqual([]);
    expect(isValidNationalRecordId('101030020250004170')).toBe(false);
  });

  it('refuses anything that is not 18 plain digits', () => {
    for (const bad of [
      '',
      '10103002025000417',
      '1010300202500041710',
      '10103002025000417x',
      ' 101030020250004171',
      '1010-3002-0250-004171',
      '١٠١٠٣٠٠٢٠٢٥٠٠٠٤١٧١', // Arabic-Indic digits
    ]) {
      expect(isValidNationalRecordId(bad), bad).toBe(false);
    }
  });

  it('refuses to build an ID from a bad office code or an act number out of range', () => {
    expect(() => nationalRecordId('BIRTH', '01030', 2025, 1)).toThrow(/6 digits/);
    expect(() => nationalRecordId('BIRTH', 'DU0300', 2025, 1)).toThrow(/6 digits/);
    expect(() => nationalRecordId('BIRTH', '010300', 2025, 0)).toThrow(/out of range/);
    expect(() => nationalRecordId('BIRTH', '010300', 2025, 1_000_000)).toThrow(/out of range/);
    expect(nationalRecordId('BIRTH', '010300', 2025, 999_999)).toMatch(/^10103002025999999\d$/);
  });
});
