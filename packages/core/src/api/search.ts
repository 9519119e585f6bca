import { z } from 'zod';
import { ACT_KINDS, FLAGS, STATUSES } from '../workflow/statuses.ts';

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

/** One hit of GET /search, best first. */
export const searchHitSchema = z.object({
  id: z.string(),
  kind: z.enum(ACT_KINDS),
  status: z.enum(STATUSES),
  flags: z.array(z.enum(FLAGS)),
  office: z.string(),
  surname: z.string().nullable(),
  name: z.string().nullable(),
  patronymic: z.string().nullable(),
  birthDate: z.string().nullable(),
  eventDate: z.string().nullable(),
  number: z.int().nullable(),
  year: z.int().nullable(),
  nationalId: z.string().nullable(),
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
