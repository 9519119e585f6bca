import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDate } from '@sabt/core';
import type { ReactNode } from 'react';
import { formatInstant } from '../../../lib/dates.ts';
import type { Notation, RecordView } from '../../../lib/records.ts';
import { useLabels } from '../hooks/use-labels.ts';
import { RecordRef } from './record-ref.tsx';

/** The kind of the later act a notation cites: named in the notation, or told by its type. */
export function notationKind(type: string, kind?: unknown): string {
  if (typeof kind === 'string') return kind;
  if (type === 'death' || type === 'marriage-ended-by-death') return 'DEATH';
  if (type === 'divorce') return 'DIVORCE';
  if (type === 'adoption') return 'ADOPTION';
  if (type === 'paternity') return 'PATERNITY';
  return 'NAME_CHANGE';
}

const personName = (p: Notation['before']) =>
  p ? [p.surname, p.name, p.patronymic].filter(Boolean).join(' ') : '';

/** A titled part of the panel: its list, or the words saying it is empty. */
function LinksSection<T>({
  id,
  title,
  none,
  items,
  keyOf,
  children: item,
}: {
  id: string;
  title: string;
  /** Shown instead of the list when there is nothing to list. */
  none: string;
  items: readonly T[];
  keyOf: (entry: T) => string;
  children: (entry: T) => ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby={id}>
      <Title order={3} size="h4" mb="xs" id={id}>
        {title}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {none}
        </Text>
      ) : (
        <List spacing="sm" listStyleType="none" ml={0} pl={0}>
          {items.map((entry) => (
            <List.Item key={keyOf(entry)}>{item(entry)}</List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

/** Links to earlier and later acts (typed, both ways) and the notations later acts made on this one. */
export function LinksPanel({ record }: { record: RecordView }) {
  const labels = useLabels();
  const { m, officeName, statusLabel } = labels;
  return (
    <Stack gap="md">
      <LinksSection
        id="record-links-title"
        title={m.links.title}
        none={m.links.none}
        items={record.links}
        keyOf={(l) => `${l.type}:${l.recordId}`}
      >
        {(l) => (
          <>
            <Text size="sm" fw={600}>
              {m.links.types[l.type] ?? m.links.otherType}
            </Text>
            <Group gap="xs" wrap="wrap">
              <RecordRef id={l.recordId} kind={l.kind} number={l.number} year={l.year} />
              <Badge variant="light" color={l.status === 'annulled' ? 'red' : 'gray'} tt="none" radius="sm">
                {statusLabel(l.status)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {l.nationalId && (
                <>
                  {m.links.nationalId}: <span style={{ fontFamily: 'monospace' }}>{l.nationalId}</span>
                  {' · '}
                </>
              )}
              {m.links.office}: {officeName(l.office)}
            </Text>
          </>
        )}
      </LinksSection>

      <LinksSection
        id="record-notations-title"
        title={m.links.notations}
        none={m.links.noNotations}
        items={record.notations}
        keyOf={(n) => `${n.at}:${n.type}:${n.recordId ?? ''}`}
      >
        {(n) => <NotationItem notation={n} kind={record.kind} />}
      </LinksSection>
    </Stack>
  );
}

function NotationItem({ notation: n, kind }: { notation: Notation; kind: string }) {
  const { m, officeName, pathLabel } = useLabels();
  const linkedKind = notationKind(n.type, n.kind);
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {m.links.notationTypes[n.type] ?? m.links.otherNotation}
      </Text>
      {n.recordId && (
        <Group gap="xs" wrap="wrap">
          <RecordRef id={n.recordId} kind={linkedKind} number={n.number} year={n.year} />
          {n.officeId && (
            <Text size="sm" c="dimmed">
              {officeName(n.officeId)}
            </Text>
          )}
        </Group>
      )}
      <Text size="sm" c="dimmed">
        {n.eventDate && (
          <>
            {m.links.eventDate}: {formatDate(n.eventDate)}
            {' · '}
          </>
        )}
        {m.links.notedAt}: {formatInstant(n.at)}
        {n.nationalId && (
          <>
            {' · '}
            {m.links.nationalId}: <span style={{ fontFamily: 'monospace' }}>{n.nationalId}</span>
          </>
        )}
      </Text>
      {n.deceased && (
        <Text size="sm">
          {m.links.deceasedSpouse}: {pathLabel('MARRIAGE', [n.deceased])}
        </Text>
      )}
      {n.markLifted === true && m.links.markLifted[n.type] && (
        <Text size="sm">{m.links.markLifted[n.type]}</Text>
      )}
      {n.markLifted === false && <Text size="sm">{m.links.markKept}</Text>}
      {n.changed && n.changed.length > 0 && (
        <Text size="sm">
          {n.type === 'amendment-annulled' ? m.links.restored : m.links.changed}:{' '}
          {n.changed.map((p) => pathLabel(kind, p)).join('; ')}
          {n.version ? ` (${m.links.version}: ${n.version})` : ''}
        </Text>
      )}
      {n.kept && n.kept.length > 0 && (
        <Text size="sm">
          {m.links.kept}: {n.kept.map((p) => pathLabel(kind, p)).join('; ')}
        </Text>
      )}
      {(n.before || n.after) && (
        <Text size="sm">
          {m.links.before}: {personName(n.before) || '—'} → {m.links.after}: {personName(n.after) || '—'}
        </Text>
      )}
    </Stack>
  );
}
