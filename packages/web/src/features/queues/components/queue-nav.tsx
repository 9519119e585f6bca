import { Badge, Box, Loader, NavLink, SimpleGrid } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { meQuery } from '../../../lib/auth.ts';
import { queueCountQuery } from '../api/records.ts';
import { type QueueId, queuesFor } from '../queues.ts';
import { countBadge, countLabel } from './count-label.ts';

/** The queues with how many records each holds; the current one is marked for screen readers too. */
export function QueueNav({ current }: { current: QueueId | undefined }) {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQuery());
  const queues = queuesFor(me?.role);
  const counts = useQueries({ queries: queues.map((q) => queueCountQuery(q.filter)) });
  return (
    <Box component="nav" aria-label={t('queues.navLabel')}>
      <SimpleGrid cols={{ base: 1, xs: 2, sm: 3, lg: 1 }} spacing={4} verticalSpacing={4}>
        {queues.map((q, i) => {
          const active = q.id === current;
          const count = counts[i];
          return (
            <NavLink
              key={q.id}
              component={Link}
              to={`/queues/${q.id}`}
              active={active}
              aria-current={active ? 'page' : undefined}
              variant="filled"
              label={t(`queues.${q.id}`)}
              fw={active ? 600 : 500}
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              rightSection={
                count?.data !== undefined ? (
                  <Badge
                    variant={active ? 'white' : 'light'}
                    color={active ? 'dark' : 'gray'}
                    size="lg"
                    circle={!count.data.atLeast && count.data.total < 10}
                    aria-label={countLabel(t, count.data)}
                  >
                    {countBadge(count.data)}
                  </Badge>
                ) : count?.isError ? (
                  <Badge variant="outline" color="red" size="lg" aria-label={t('queues.loadError')}>
                    !
                  </Badge>
                ) : (
                  <Loader size="xs" aria-hidden="true" />
                )
              }
            />
          );
        })}
      </SimpleGrid>
    </Box>
  );
}
