import {
  Alert,
  Anchor,
  Box,
  Button,
  Flex,
  Group,
  NativeSelect,
  Pagination,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { STALE_DRAFT_DAYS } from '@sabt/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useActKinds } from '../../lib/act-kinds.ts';
import { queueCountQuery, recordListQuery, recordsKey } from './api/records.ts';
import { NewApplication } from './components/new-application.tsx';
import { QueueNav } from './components/queue-nav.tsx';
import { RecordsTable } from './components/records-table.tsx';
import { useQueueParams } from './hooks/use-queue-params.ts';
import { findQueue, PAGE_SIZES, QUEUES, type Queue } from './queues.ts';

/** Work queues: drafts, submitted, ready to register, rejected, duplicates, amendments, registered. */
export default function QueuesPage() {
  const { t } = useTranslation();
  const queue = findQueue(useParams().queue);
  useDocumentTitle(`${queue ? t(`queues.${queue.id}`) : t('queues.title')} — ${t('app.name')}`);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Title order={1} size="h2">
          {t('queues.title')}
        </Title>
        <RefreshButton />
      </Group>
      <NewApplication />
      <Flex direction={{ base: 'column', lg: 'row' }} gap="md" align={{ base: 'stretch', lg: 'flex-start' }}>
        <Box w={{ base: '100%', lg: 260 }} style={{ flex: 'none' }}>
          <QueueNav current={queue?.id} />
        </Box>
        <Box style={{ flex: '1 1 auto', minWidth: 0 }}>
          {queue ? (
            <QueueRecords queue={queue} />
          ) : (
            <Alert color="yellow">
              {t('queues.unknown')}{' '}
              <Anchor component={Link} to={`/queues/${QUEUES[0].id}`}>
                {t(`queues.${QUEUES[0].id}`)}
              </Anchor>
            </Alert>
          )}
        </Box>
      </Flex>
    </Stack>
  );
}

function RefreshButton() {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <Button
      variant="default"
      size="sm"
      onClick={() => void client.invalidateQueries({ queryKey: recordsKey })}
    >
      {t('queues.refresh')}
    </Button>
  );
}

function QueueRecords({ queue }: { queue: Queue }) {
  const { t } = useTranslation();
  const [params, setParams] = useQueueParams();
  const { data: kinds } = useActKinds();
  const list = useQuery(
    recordListQuery({
      filter: queue.filter,
      limit: params.size,
      offset: (params.page - 1) * params.size,
      sort: params.sort,
      order: params.order,
    }),
  );
  // Keep the count in the queue list in step with the list itself.
  const client = useQueryClient();
  const total = list.data?.total;
  const fresh = list.isSuccess && !list.isPlaceholderData;
  useEffect(() => {
    if (fresh && total !== undefined) client.setQueryData(queueCountQuery(queue.filter).queryKey, total);
  }, [client, queue.filter, total, fresh]);

  const pages = Math.max(1, Math.ceil((total ?? 0) / params.size));
  useEffect(() => {
    if (total !== undefined && !list.isPlaceholderData && params.page > pages) setParams({ page: pages });
  }, [total, pages, params.page, setParams, list.isPlaceholderData]);

  const title = t(`queues.${queue.id}`);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {title}
      </Title>
      {'hint' in queue && (
        <Text size="sm" c="dimmed">
          {t(`queues.${queue.hint}`, { days: STALE_DRAFT_DAYS })}
        </Text>
      )}
      {list.isError && !list.data ? (
        <Alert color="red" role="alert" title={t('queues.loadError')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{list.error.message}</Text>
            <Button size="xs" variant="light" color="red" onClick={() => void list.refetch()}>
              {t('queues.retry')}
            </Button>
          </Stack>
        </Alert>
      ) : !list.data ? (
        <Text c="dimmed" role="status">
          {t('app.loading')}
        </Text>
      ) : list.data.items.length === 0 && list.data.total === 0 ? (
        <Text c="dimmed" py="lg">
          {t('queues.empty')}
        </Text>
      ) : (
        <>
          <RecordsTable
            caption={`${title}: ${t('queues.count', { count: list.data.total })}`}
            items={list.data.items}
            kinds={kinds}
            sort={params.sort}
            order={params.order}
            onSort={(sort, order) => setParams({ sort, order, page: 1 })}
            busy={list.isPlaceholderData || list.isFetching}
          />
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('queues.shown', {
                from: list.data.total === 0 ? 0 : list.data.offset + 1,
                to: list.data.offset + list.data.items.length,
                total: list.data.total,
              })}
            </Text>
            <Group gap="md" wrap="wrap">
              <NativeSelect
                label={t('queues.pageSize')}
                size="xs"
                value={String(params.size)}
                onChange={(e) => setParams({ size: Number(e.currentTarget.value), page: 1 })}
                data={PAGE_SIZES.map(String)}
                styles={{
                  root: { display: 'flex', alignItems: 'center', gap: 8 },
                  label: { fontWeight: 400 },
                }}
              />
              {pages > 1 && (
                <Box component="nav" aria-label={t('queues.pages')}>
                  <Pagination
                    total={pages}
                    value={Math.min(params.page, pages)}
                    onChange={(page) => setParams({ page })}
                    size="sm"
                    withEdges
                    getItemProps={(page) => ({
                      'aria-label': t('queues.page', { page }),
                      'aria-current': page === params.page ? 'page' : undefined,
                    })}
                    getControlProps={(control) => ({ 'aria-label': t(`queues.${control}`) })}
                  />
                </Box>
              )}
            </Group>
          </Group>
        </>
      )}
    </Stack>
  );
}
