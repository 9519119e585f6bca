import { Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatInstant } from '../../../lib/dates.ts';
import type { RecordView } from '../../../lib/records.ts';
import { versionsQuery } from '../api/record.ts';
import { useLabels } from '../hooks/use-labels.ts';
import { DiffTable } from './diff-table.tsx';
import { LoadError, Loading } from './query-state.tsx';
import { RecordData } from './record-data.tsx';

/** Every registered version, newest first: who made it and why, the differences, the old data readable. */
export function VersionsPanel({ record }: { record: RecordView }) {
  const { m, flagLabel } = useLabels();
  const versions = useQuery({ ...versionsQuery(record.id), enabled: record.versions.length > 0 });

  if (record.versions.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {m.versions.none}
      </Text>
    );
  }
  if (versions.isError) {
    return (
      <LoadError title={m.versions.loadError} retry={m.page.retry} onRetry={() => void versions.refetch()} />
    );
  }
  if (!versions.data) {
    return <Loading label={m.page.loading} />;
  }
  const items = [...versions.data].reverse();
  return (
    <Stack gap="md">
      {items.map((v) => (
        <Paper
          key={v.version}
          withBorder
          p="md"
          radius="sm"
          component="section"
          aria-labelledby={`version-${v.version}`}
        >
          <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
            <Group gap="xs">
              <Title order={3} size="h4" id={`version-${v.version}`}>
                {m.versions.version(v.version)}
              </Title>
              {v.version === record.version && (
                <Badge variant="light" tt="none" radius="sm">
                  {m.versions.current}
                </Badge>
              )}
              {v.sealed && (
                <Badge variant="outline" color="dark" tt="none" radius="sm">
                  {flagLabel('sealed')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {formatInstant(v.at)}
              {v.by ? ` · ${m.versions.by}: ${v.byName ?? v.by}` : ''}
              {' · '}
              {m.versions.causes[v.action] ?? v.action}
            </Text>
          </Group>
          {v.reason && (
            <Text size="sm" mb="xs">
              <strong>{m.versions.reason}:</strong> {v.reason}
            </Text>
          )}
          {v.data === null ? (
            <Text size="sm" c="dimmed">
              {m.versions.sealed}
            </Text>
          ) : (
            <Stack gap="xs">
              {v.changes === null ? (
                <Text size="sm" c="dimmed">
                  {v.version === 1 || items.length === 1 ? m.versions.first : m.versions.sealed}
                </Text>
              ) : v.changes.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {m.versions.noChanges}
                </Text>
              ) : (
                <DiffTable
                  kind={record.kind}
                  changes={v.changes}
                  caption={m.versions.changesCaption(v.version)}
                />
              )}
              <Box component="details">
                <Box component="summary" style={{ cursor: 'pointer' }} py={4} fw={500} fz="sm">
                  {m.versions.showData}
                </Box>
                <Box pt="xs">
                  <RecordData kind={record.kind} data={v.data} headingLevel={4} />
                </Box>
              </Box>
            </Stack>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
