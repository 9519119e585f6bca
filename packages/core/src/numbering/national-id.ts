import type { ActKindCode } from '../workflow/statuses.ts';

/** Type digits of the national record ID, in the order of the Russian act register. */
export const KIND_DIGIT: Record<ActKindCode, number> = {
  BIRTH: 1,
  MARRIAGE: 2,
  DIVORCE: 3,
  ADOPTION: 4,
  PATERNITY: 5,
  NAME_CHANGE: 6,
  DEATH: 7,
};

/** Luhn check digit of a digit string. Catches every single-digit error and most transpositions. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * The national record ID: kind digit, 6-digit office number, year, 6-digit act number and a
 * Luhn check digit — 18 digits that identify a record everywhere.
 */
export function nationalRecordId(
  kind: ActKindCode,
  officeNumeric: string,
  year: number,
  number: number,
): string {
  if (!/^\d{6}$/.test(officeNumeric))
    throw new Error(`office numeric code must have 6 digits: ${officeNumeric}`);
  if (!Number.isInteger(number) || number < 1 || number > 999_999)
    throw new Error(`act number out of range: ${number}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`year out of range: ${year}`);
  const body = `${KIND_DIGIT[kind]}${officeNumeric}${year}${String(number).padStart(6, '0')}`;
  return body + luhnCheckDigit(body);
}

export function isValidNationalRecordId(id: string): boolean {
  if (!/^\d{18}$/.test(id)) return false;
  return luhnCheckDigit(id.slice(0, 17)) === Number(id[17]);
}
