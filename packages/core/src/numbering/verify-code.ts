import { LOOKALIKE_CAPITALS, LOOKALIKE_DIGITS } from './lookalikes.ts';

/**
 * A certificate's verification code: printed under its QR code for people who have no scanner
 * (a bank clerk, a school, an embassy), read aloud or typed. Ten characters of Crockford's
 * base 32 (digits and capitals without I, L, O, U), shown in two groups of five (7KQ2M-X9D4G):
 * nine chosen at random when the certificate is issued, and a check character, so that a
 * mistyped code is told apart from one never issued. Reading a typed code folds what people
 * confuse: case, spaces and dashes, O for 0, I and L for 1, U for V, and Cyrillic letters that
 * look like Latin ones (А, В, Е, К, М, Н, О, Р, С, Т, Х, З).
 */

export const VERIFY_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFY_CODE_LENGTH = 10;
const RANDOM_LENGTH = VERIFY_CODE_LENGTH - 1;
/** An example as the page shows it. */
export const VERIFY_CODE_EXAMPLE = '7KQ2M-X9D4G';

/**
 * What people confuse within the code's alphabet (Crockford's reading); Cyrillic look-alikes of
 * Latin capitals and of digits are read first (lookalikes.ts, the one table of them).
 */
const FOLD: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1', U: 'V' };
const fold = (c: string) => {
  const latin = LOOKALIKE_CAPITALS[c] ?? LOOKALIKE_DIGITS[c] ?? c;
  return FOLD[latin] ?? latin;
};

/**
 * The check character: a weighted sum modulo 32 with odd weights (1, 3, 5 …), each invertible
 * modulo 32, so that any one wrong character changes it; most swaps of neighbours do too.
 */
function checkValue(values: readonly number[]): number {
  let sum = 0;
  values.forEach((v, i) => {
    sum += (2 * i + 1) * v;
  });
  return sum % 32;
}

/** A new code from nine random numbers (each taken modulo 32): the caller supplies the randomness. */
export function makeVerifyCode(random: readonly number[]): string {
  if (random.length !== RANDOM_LENGTH) throw new Error(`a verify code needs ${RANDOM_LENGTH} random values`);
  const values = random.map((n) => ((n % 32) + 32) % 32);
  return [...values, checkValue(values)].map((v) => VERIFY_CODE_ALPHABET[v]).join('');
}

/** A code as printed and shown: two groups of five. */
export function formatVerifyCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export type ReadVerifyCode =
  | { ok: true; code: string }
  | { ok: false; reason: 'length' | 'character' | 'check' };

/** A typed code, folded to its canonical form and checked; the reason says what is wrong. */
export function readVerifyCode(input: string): ReadVerifyCode {
  const chars = [...input.replace(/[\s\-–—_.]/gu, '').toUpperCase()].map(fold);
  if (chars.length !== VERIFY_CODE_LENGTH) return { ok: false, reason: 'length' };
  const values = chars.map((c) => VERIFY_CODE_ALPHABET.indexOf(c));
  if (values.some((v) => v < 0)) return { ok: false, reason: 'character' };
  if (checkValue(values.slice(0, RANDOM_LENGTH)) !== values[RANDOM_LENGTH])
    return { ok: false, reason: 'check' };
  return { ok: true, code: chars.join('') };
}

/**
 * A blank's series as compared when someone types it to check a certificate: case, spaces, dashes
 * and dots ignored, and the look-alike Cyrillic capitals (core's one table, with the Cyrillic І of
 * a Tajik keyboard) read as Latin, on both sides of the comparison.
 */
export function blankSeriesKey(series: string): string {
  let out = '';
  for (const ch of series.replace(/[\s\-‐‑‒–—―−.№#]/gu, '').toUpperCase())
    out += LOOKALIKE_CAPITALS[ch] ?? ch;
  return out;
}

/** A certificate's number as compared: without spaces, and without leading zeros (000123 = 123), as SQL's ltrim(number, '0'). */
export function certificateNumberKey(number: string): string {
  const n = number.replace(/[\s№#]/gu, '');
  return /^\d+$/.test(n) ? n.replace(/^0+/, '') : n;
}
