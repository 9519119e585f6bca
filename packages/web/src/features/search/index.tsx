import { Alert, Box, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { fieldLabelOf } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useActKinds } from '../../lib/act-kinds.ts';
import { isProblem } from '../../lib/api.ts';
import { currentLanguage } from '../../lib/i18n.ts';
import { searchQuery } from './api.ts';
import { ResultList } from './components/results.tsx';
import { SearchForm } from './components/search-form.tsx';
import { type SearchMessages, useSearchMessages } from './messages.ts';
import { apiQueryFromSearch, LIMITS, limitOf } from './params.ts';

/**
 * Search of records by any name in any script or spelling, dates, places, parents and numbers.
 * The search is the address (`/search?q=…`): Back, Forward and shared links work.
 */
export default function SearchPage() {
  const m = useSearchMessages();
  const { t } = useTranslation();
  useDocumentTitle(`${m.title} — ${t('app.name')}`);

  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const query = useMemo(() => apiQueryFromSearch(new URLSearchParams(search)), [search]);
  const results = useQuery({ ...searchQuery(query ?? {}), enabled: query !== null });
  const { data: kinds } = useActKinds();

  const go = (next: URLSearchParams) => {
    // the same search again: ask again (records may have been registered meanwhile)
    if (next.toString() === search) {
      if (query) void results.refetch();
      return;
    }
    setParams(next);
  };

  const limit = limitOf(params);
  const nextLimit = LIMITS.find((l) => l > limit);
  const items = query ? results.data?.items : undefined;
  const weaker = query ? (results.data?.weaker ?? 0) : 0;
  const broaden = () => {
    const next = new URLSearchParams(params);
    next.set('mode', 'broad');
    setParams(next);
  };
  const status =
    query === null ? '' : results.isFetching && !items ? m.searching : items ? m.found(items.length) : '';

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {m.title}
        </Title>
        <Text c="dimmed" size="sm">
          {m.intro}
        </Text>
      </Stack>

      <SearchForm search={search} onSearch={go} busy={query !== null && results.isFetching} />

      <Box component="section" aria-labelledby="search-results-title">
        <Group justify="space-between" align="baseline" gap="sm" mb="xs">
          <Title order={2} size="h3" id="search-results-title">
            {m.results}
          </Title>
          <Text role="status" size="sm" fw={500} c="dimmed">
            {status}
          </Text>
        </Group>

        {query === null ? (
          <Text c="dimmed" py="md">
            {search && params.size > 0 ? m.errors.nothing : m.start}
          </Text>
        ) : results.isError && !results.data ? (
          <SearchError error={results.error} m={m} onRetry={() => void results.refetch()} />
        ) : !items ? (
          <Group gap="sm" py="md">
            <Loader size="sm" aria-hidden="true" />
            <Text c="dimmed">{m.searching}</Text>
          </Group>
        ) : items.length === 0 ? (
          <Paper withBorder p="lg" bg="gray.0">
            <Stack gap="xs" align="flex-start">
              <Text fw={600}>{m.emptyTitle}</Text>
              <Text size="sm">{m.emptyHint}</Text>
              {params.get('mode') !== 'broad' && (
                <Button variant="light" size="sm" onClick={broaden}>
                  {m.tryBroad}
                </Button>
              )}
            </Stack>
          </Paper>
        ) : (
          <Stack gap="sm">
            <ResultList items={items} kinds={kinds} busy={results.isPlaceholderData} />
            {weaker > 0 && params.get('mode') !== 'broad' && (
              <Group gap="sm">
                <Text size="sm" c="dimmed">
                  {m.weakerHidden(weaker)}
                </Text>
                <Button variant="subtle" size="compact-sm" onClick={broaden}>
                  {m.showWeaker}
                </Button>
              </Group>
            )}
            {items.length >= limit && nextLimit && (
              <Group justify="center">
                <Button
                  variant="default"
                  loading={results.isPlaceholderData}
                  onClick={() => {
                    const next = new URLSearchParams(params);
                    next.set('limit', String(nextLimit));
                    setParams(next, { replace: true, preventScrollReset: true });
                  }}
                >
                  {m.more}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Box>
    </Stack>
  );
}

/** A refused or failed search, in the user's language (the server sends problem+json already translated). */
function SearchError({ error, m, onRetry }: { error: Error; m: SearchMessages; onRetry: () => void }) {
  const problem = isProblem(error) ? error.problem : undefined;
  const fieldLabel = (path: string) => {
    const key = path.replace(/^querystring\./u, '');
    // a person's fields are named by core's label catalogue, the search's own filters by its messages
    return (m.fields as Record<string, string | undefined>)[key] ?? fieldLabelOf(key)?.[currentLanguage()];
  };
  const clientError = problem !== undefined && problem.status >= 400 && problem.status < 500;
  return (
    <Alert color="red" role="alert" title={m.failed}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error.message}</Text>
        {problem?.detail && <Text size="sm">{problem.detail}</Text>}
        {problem?.errors && problem.errors.length > 0 && (
          <Box component="ul" m={0} pl="md">
            {problem.errors.map((e) => {
              const label = fieldLabel(e.path);
              return (
                <Text component="li" size="sm" key={`${e.path}:${e.key}`}>
                  {label ? `${label}: ` : ''}
                  {e.message}
                </Text>
              );
            })}
          </Box>
        )}
        {!clientError && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {m.retry}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
