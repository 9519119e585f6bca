import type { SearchResults } from '@sabt/core';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export type { HitSpouse, MatchedPerson, SearchHit, SearchResults } from '@sabt/core';

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
