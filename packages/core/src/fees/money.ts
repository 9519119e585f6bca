/**
 * Money as whole minor units (diram: 1 somoni = 100 diram; cents for a consular tariff in US
 * dollars), never floating point. A multiple of the PDR is a decimal with at most four places
 * ("6", "0.2", "0.05"), kept as ten-thousandths.
 *
 * Rounding rule: each line is rounded on its own, half up to the whole diram
 * (PDR in diram × multiple ÷ 10 000; an exemption's share of the line likewise), and the total is
 * the sum of the rounded lines.
 */
export const MINOR_PER_MAJOR = 100;
export const MULTIPLE_SCALE = 10_000;

/** A PDR multiple as the rules write it: up to 9999 with at most four decimals. */
export const PDR_MULTIPLE_PATTERN = /^(0|[1-9]\d{0,3})(\.\d{1,4})?$/;
/** An amount typed in somoni or dollars: up to 9 999 999 with at most two decimals. */
export const MAJOR_AMOUNT_PATTERN = /^(0|[1-9]\d{0,6})([.,]\d{1,2})?$/;

/** "0.05" → 500 (ten-thousandths of the PDR). */
export function parseMultiple(text: string): number {
  if (!PDR_MULTIPLE_PATTERN.test(text)) throw new Error(`not a PDR multiple: ${text}`);
  const [whole = '0', frac = ''] = text.split('.');
  return Number(whole) * MULTIPLE_SCALE + Number(frac.padEnd(4, '0'));
}

/** 500 → "0.05": the shortest decimal. */
export function formatMultiple(tenThousandths: number): string {
  const whole = Math.floor(tenThousandths / MULTIPLE_SCALE);
  const frac = String(tenThousandths % MULTIPLE_SCALE)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** a × b ÷ d rounded half up, for non-negative integers whose product stays exact (< 2^53). */
export function mulDivHalfUp(a: number, b: number, d: number): number {
  const product = a * b;
  if (!Number.isSafeInteger(product)) throw new Error('amount out of range');
  const q = Math.floor(product / d);
  return product - q * d >= d - (product - q * d) ? q + 1 : q;
}

/** The amount of `multiple` PDR (ten-thousandths) when the PDR is `pdrMinor` diram. */
export function pdrAmount(pdrMinor: number, multiple: number): number {
  return mulDivHalfUp(pdrMinor, multiple, MULTIPLE_SCALE);
}

/** `percent` of an amount, half up. */
export function percentOf(amount: number, percent: number): number {
  return mulDivHalfUp(amount, percent, 100);
}

/** 45000 → "450.00": somoni (or dollars) and diram (or cents), with a point. */
export function formatMinor(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / MINOR_PER_MAJOR)}.${String(abs % MINOR_PER_MAJOR).padStart(2, '0')}`;
}

/** "75", "75.5", "75,50" → 7550; null when it is not an amount. */
export function parseMajor(text: string): number | null {
  const t = text.trim();
  if (!MAJOR_AMOUNT_PATTERN.test(t)) return null;
  const [whole = '0', frac = ''] = t.replace(',', '.').split('.');
  return Number(whole) * MINOR_PER_MAJOR + Number(frac.padEnd(2, '0'));
}

/** An amount split for people: somoni and diram. */
export function majorMinor(minor: number): { major: number; minor: number } {
  return { major: Math.floor(minor / MINOR_PER_MAJOR), minor: minor % MINOR_PER_MAJOR };
}
