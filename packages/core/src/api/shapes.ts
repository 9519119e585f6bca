import { z } from 'zod';

/** A moment as the API writes it. */
export const iso = z.string().describe('ISO 8601 date and time');

/** An answer that is a list: `{ items: [...] }`, described for the API document. */
export function listOf<T extends z.ZodType>(item: T, description: string) {
  return z.object({ items: z.array(item) }).describe(description);
}
