import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { RecordRow } from '../../lib/records.ts';

/** The person of a record the search matched (the child, a parent, an earlier name …). */
export interface MatchedPerson {
  role: string;
  surname: string | null;
  name: string | null;
  patronymic: string | null;
  birthDate: string | null;
  historical: boolean;
}

/** One hit of GET /search, best first. */
export interface SearchHit extends RecordRow {
  /** 0..1 */
  score: number;
  /** e.g. `surname:match-key`, `name:exact`, `earlier-name`, `as-mother`, `national-id`, `birth-date`. */
  reasons: string[];
  matched: MatchedPerson | null;
}

/** GET /search: the hits, and how many weaker matches (typos) exact mode left out. */
export interface SearchResults {
  items: SearchHit[];
  weaker: number;
}

export const searchKey = ['search'] as const;

export const searchQuery = (query: Record<string, string>) =>
  queryOptions({
    queryKey: [...searchKey, query],
    queryFn: ({ signal }) => api<SearchResults>('/search', { signal, query }),
    // "More results" keeps the rows on screen while the longer list loads; a new search does not.
    placeholderData: (previous, previousQuery) =>
      previousQuery && sameSearch(previousQuery.queryKey[1] as Record<string, string>, query)
        ? previous
        : undefined,
  });

/** The same search, perhaps with another number of results. */
function sameSearch(a: Record<string, string>, b: Record<string, string>): boolean {
  const rest = ({ limit: _, ...r }: Record<string, string>) => JSON.stringify(Object.entries(r).sort());
  return rest(a) === rest(b);
}
