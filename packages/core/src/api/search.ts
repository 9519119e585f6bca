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

/**
 * A spouse of a marriage or divorce hit: both are shown, and the one the search matched is marked
 * with how (by the name they bear now, or by the surname they bore before the act).
 */
export const hitSpouseSchema = z.object({
  side: z.enum(['husband', 'wife']),
  surname: z.string().nullable(),
  earlierSurname: z.string().nullable().describe('the surname borne before the act, where it differs'),
  name: z.string().nullable(),
  patronymic: z.string().nullable(),
  birthDate: z.string().nullable(),
  matched: z.enum(['current-name', 'earlier-name']).nullable(),
});
export type HitSpouse = z.infer<typeof hitSpouseSchema>;

/** One hit of GET /search, best first: a list row with how well it matched. */
export const searchHitSchema = recordListItemSchema
  .omit({ revision: true, createdAt: true, updatedAt: true })
  .extend({
    score: z.number().describe('0..1'),
    reasons: z
      .array(z.string())
      .describe('e.g. surname:match-key, name:exact, earlier-name, as-mother, national-id, birth-date'),
    matched: matchedPersonSchema.nullable(),
    spouses: z
      .array(hitSpouseSchema)
      .nullable()
      .describe('a marriage or divorce: both spouses, the matched one marked; null for other acts'),
  });
export type SearchHit = z.infer<typeof searchHitSchema>;

/** GET /search: the hits, and how many weaker matches (typos) exact mode left out. */
export const searchResultsSchema = z
  .object({ items: z.array(searchHitSchema), weaker: z.int() })
  .describe('The hits, best first');
export type SearchResults = z.infer<typeof searchResultsSchema>;
