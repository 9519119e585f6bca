import { Alert, Anchor, Box, Button, Flex, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { STALE_DRAFT_DAYS } from '@sabt/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useActKinds } from '../../lib/act-kinds.ts';
import { countOf, queueCountQuery, recordListQuery, recordsKey } from './api/records.ts';
import { countLabel } from './components/count-label.ts';
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
      page: params.page,
      sort: params.sort,
      order: params.order,
    }),
  );
  // Keep the count in the queue list in step with the list itself.
  const client = useQueryClient();
  const total = list.data?.total;
  const totalIs = list.data?.totalIs;
  const fresh = list.isSuccess && !list.isPlaceholderData;
  useEffect(() => {
    if (fresh && total !== undefined && totalIs !== undefined)
      client.setQueryData(queueCountQuery(queue.filter).queryKey, countOf({ total, totalIs }));
  }, [client, queue.filter, total, totalIs, fresh]);
  const count = list.data ? countOf(list.data) : undefined;

  const title = t(`queues.${queue.id}`);
  const countText = count ? countLabel(t, count) : '';
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
            <Group gap="xs">
              <Button size="xs" variant="light" color="red" onClick={() => void list.refetch()}>
                {t('queues.retry')}
              </Button>
              {params.page && (
                <Button size="xs" variant="default" onClick={() => setParams({ page: undefined })}>
                  {t('queues.first')}
                </Button>
              )}
            </Group>
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
            caption={`${title}: ${countText}`}
            items={list.data.items}
            kinds={kinds}
            sort={params.sort}
            order={params.order}
            onSort={(sort, order) => setParams({ sort, order, page: undefined })}
            busy={list.isPlaceholderData || list.isFetching}
          />
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm" c="dimmed" aria-live="polite">
              {countText}
            </Text>
            <Group gap="md" wrap="wrap">
              <NativeSelect
                label={t('queues.pageSize')}
                size="xs"
                value={String(params.size)}
                onChange={(e) => setParams({ size: Number(e.currentTarget.value), page: undefined })}
                data={PAGE_SIZES.map(String)}
                styles={{
                  root: { display: 'flex', alignItems: 'center', gap: 8 },
                  label: { fontWeight: 400 },
                }}
              />
              {(list.data.previous || list.data.next || params.page) && (
                <Group component="nav" aria-label={t('queues.pages')} gap={4} wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    disabled={!params.page}
                    onClick={() => setParams({ page: undefined })}
                  >
                    {t('queues.first')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    disabled={!list.data.previous}
                    onClick={() => setParams({ page: list.data.previous ?? undefined })}
                  >
                    {t('queues.previous')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    disabled={!list.data.next}
                    onClick={() => setParams({ page: list.data.next ?? undefined })}
                  >
                    {t('queues.next')}
                  </Button>
                </Group>
              )}
            </Group>
          </Group>
        </>
      )}
    </Stack>
  );
}
