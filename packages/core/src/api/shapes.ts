import { z } from 'zod';

/** A moment as the API writes it. */
export const iso = z.string().describe('ISO 8601 date and time');

/** An answer that is a list: `{ items: [...] }`, described for the API document. */
export function listOf<T extends z.ZodType>(item: T, description: string) {
  return z.object({ items: z.array(item) }).describe(description);
}

/**
 * A numeric id in a URL (a blank's): decimal digits only, as the API writes it. A sign, a space, a
 * leading zero, a fraction, an exponent or a hexadecimal form (+31, " 31", 031, 31.0, 31e0, 0x1F) is
 * not an id, nor is anything beyond 2^53 − 1.
 */
export const numericId = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, { error: 'error.numericId' })
  .transform(Number)
  .pipe(z.number().int().max(Number.MAX_SAFE_INTEGER, { error: 'error.numericId' }))
  .meta({ examples: ['31'] });

/**
 * A number in a query string, as `schema` bounds it: decimal digits with a leading minus and a
 * fraction only. An empty value, a space, a plus sign, an exponent or a hexadecimal form ("", " 31",
 * +31, 1e3, 0x1F) is refused, where a plain coercion would read 0, 31, 31, 1000 and 31. The API
 * document shows `schema` (a number with its bounds).
 */
export function queryNumber<T extends z.ZodType<number>>(schema: T) {
  return z.preprocess(
    (v) => (typeof v === 'string' && /^-?\d{1,16}(\.\d{1,16})?$/.test(v) ? Number(v) : v),
    schema,
  );
}
