import { z } from 'zod';
import { recordListItemSchema } from './records.ts';

/** The person of a record the search matched (the child, a parent, an earlier name …). */
export const matchedPersonSchema = z.object({
  role: z.string(),
  surname: z.string().nullable(),
  name: z.string().nullable(),
  patronymic: z.string().nullable(),
  birthDate: z.string().nullable(),
  historical: z.boolean(),
});
export type MatchedPerson = z.infer<typeof matchedPersonSchema>;

/** One hit of GET /search, best first: a list row with how well it matched. */
export const searchHitSchema = recordListItemSchema
  .omit({ revision: true, createdAt: true, updatedAt: true })
  .extend({
    score: z.number().describe('0..1'),
    reasons: z
      .array(z.string())
      .describe('e.g. surname:match-key, name:exact, earlier-name, as-mother, national-id, birth-date'),
    matched: matchedPersonSchema.nullable(),
  });
export type SearchHit = z.infer<typeof searchHitSchema>;

/** GET /search: the hits, and how many weaker matches (typos) exact mode left out. */
export const searchResultsSchema = z
  .object({ items: z.array(searchHitSchema), weaker: z.int() })
  .describe('The hits, best first');
export type SearchResults = z.infer<typeof searchResultsSchema>;
