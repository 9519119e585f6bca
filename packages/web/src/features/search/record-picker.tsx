import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useActKinds } from '../../lib/act-kinds.ts';
import type { SearchHit } from './api.ts';
import { searchQuery } from './api.ts';
import { ResultList } from './components/results.tsx';
import { SearchForm } from './components/search-form.tsx';
import { useSearchMessages } from './messages.ts';
import { apiQueryFromSearch } from './params.ts';

/**
 * The record search where another screen picks a record: the search form started with `start`
 * (the search screen's address fields), its hits listed, each offered `action`. The app composes
 * it into that screen (the online application's, for a copy request's record).
 */
export function RecordPicker({
  start,
  action,
}: {
  start: Record<string, string>;
  action: (hit: SearchHit) => ReactNode;
}) {
  const sm = useSearchMessages();
  const { data: kinds } = useActKinds();
  const [search, setSearch] = useState(() => new URLSearchParams(start).toString());
  const query = apiQueryFromSearch(new URLSearchParams(search));
  const results = useQuery({ ...searchQuery(query ?? {}), enabled: query !== null });
  return (
    <Stack gap="sm">
      <SearchForm search={search} onSearch={(next) => setSearch(next.toString())} busy={results.isFetching} />
      <Text role="status" size="sm" fw={500}>
        {results.data ? sm.found(results.data.items.length) : results.isFetching ? sm.searching : ''}
      </Text>
      {results.data && (
        <ResultList items={results.data.items} kinds={kinds} busy={results.isFetching} action={action} />
      )}
    </Stack>
  );
}
