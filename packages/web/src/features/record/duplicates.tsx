import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RecordBadges } from '../../components/record-badges.tsx';
import { formatInstant } from '../../lib/dates.ts';
import type { RecordView } from '../../lib/records.ts';
import { type DuplicateCandidate, duplicatesQuery } from './api/record.ts';
import { DuplicateCompare } from './components/duplicate-compare.tsx';
import { Loading, PageLoadError } from './components/query-state.tsx';
import { type Verdict, VerdictDialog } from './components/verdict-dialog.tsx';
import { useLabels } from './hooks/use-labels.ts';
import { subjectName } from './lib/data-paths.ts';
import type { RecordMessages } from './messages.ts';

/** "name:exact" → "Ном: якхела", "birth-date:2d" → "Санаи таваллуд: 2 рӯз фарқ". */
export function reasonText(reason: string, m: RecordMessages): string {
  if (reason === 'second-spouse') return m.duplicates.secondSpouse;
  if (reason === 'same-birth-record') return m.duplicates.sameBirthRecord;
  const [what = '', how = ''] = reason.split(':');
  const days = /^(\d+)d$/.exec(how);
  const detail = days ? m.duplicates.daysApart(Number(days[1])) : (m.duplicates.similarity[how] ?? how);
  const name = m.duplicates.reasonNames[what];
  return name ? `${name}: ${detail}` : detail;
}

/** `/records/:id/duplicates`: the record and each possible duplicate side by side, with the verdicts. */
export default function DuplicatesPage() {
  const id = useParams().id ?? '';
  const { t } = useTranslation();
  const { m, kindLabel, flagLabel } = useLabels();
  const query = useQuery(duplicatesQuery(id));
  const heading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  useDocumentTitle(`${m.duplicates.title} — ${t('app.name')}`);

  const back = (
    <Anchor component={Link} to={`/records/${id}`} size="sm">
      ← {m.duplicates.back}
    </Anchor>
  );

  if (query.isError && !query.data) {
    return (
      <PageLoadError
        back={back}
        title={m.duplicates.loadError}
        error={query.error}
        text={m.page}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (!query.data) {
    return <Loading label={m.page.loading} />;
  }

  const { record, candidates } = query.data;
  const canResolve = record.actions.includes('resolve-duplicate');
  const name = subjectName(record.data);
  const onDone = () => {
    setAnnouncement(m.duplicates.done);
    notifications.show({ message: m.duplicates.done, color: 'teal' });
    setTimeout(() => heading.current?.focus(), 0);
  };

  return (
    <Stack gap="md">
      {back}
      <Stack gap={4}>
        <Title order={1} size="h2" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          {m.duplicates.title}
        </Title>
        <Text fw={600}>
          {m.page.title(kindLabel(record.kind), name || m.page.noName)}
          {record.number !== null ? ` · № ${record.number} / ${record.year}` : ''}
        </Text>
        <RecordBadges status={record.status} flags={record.flags} size="md" flagLabel={flagLabel} />
      </Stack>
      <div role="status" aria-live="polite" className="sabt-visually-hidden">
        {announcement}
      </div>
      <Text size="sm">{m.duplicates.intro}</Text>
      {!canResolve && candidates.some((c) => c.status === 'open') && (
        <Text size="sm" c="dimmed">
          {m.duplicates.cannotResolve}
        </Text>
      )}
      {candidates.length === 0 ? (
        <Text c="dimmed">{m.duplicates.none}</Text>
      ) : (
        candidates.map((c, i) => (
          <CandidateCard
            key={c.candidateId}
            n={i + 1}
            record={record}
            candidate={c}
            canResolve={canResolve}
            onDone={onDone}
          />
        ))
      )}
    </Stack>
  );
}

function CandidateCard({
  n,
  record,
  candidate: c,
  canResolve,
  onDone,
}: {
  n: number;
  record: RecordView;
  candidate: DuplicateCandidate;
  canResolve: boolean;
  onDone: () => void;
}) {
  const { m } = useLabels();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const titleId = `candidate-${c.candidateId}`;
  const open = (v: Verdict) => {
    trigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setVerdict(v);
  };
  const close = () => {
    setVerdict(null);
    const el = trigger.current;
    setTimeout(() => el?.focus(), 0);
  };

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id={titleId}>
            {m.duplicates.candidate(n)}
          </Title>
          <Badge
            size="lg"
            tt="none"
            radius="sm"
            variant={c.status === 'open' ? 'outline' : 'filled'}
            color={c.status === 'duplicate' ? 'red' : c.status === 'not-duplicate' ? 'green' : 'orange'}
          >
            {c.status === 'open' ? m.duplicates.open : m.duplicates.decided[c.status]}
          </Badge>
        </Group>
        <Text size="sm">
          <strong>{m.duplicates.score}:</strong> {Math.round(c.score * 100)}%{' · '}
          <strong>{m.duplicates.foundAt}:</strong> {formatInstant(c.foundAt)}
        </Text>
        {c.reasons.length > 0 && (
          <Text size="sm">
            <strong>{m.duplicates.reasons}:</strong> {c.reasons.map((r) => reasonText(r, m)).join('; ')}
          </Text>
        )}
        {c.status !== 'open' && (
          <Text size="sm" c="dimmed">
            {m.duplicates.decidedBy(c.decidedBy ?? '—', formatInstant(c.decidedAt))}
            {c.decisionReason ? ` — ${c.decisionReason}` : ''}
          </Text>
        )}
        {c.record ? (
          <DuplicateCompare record={record} other={c.record} caption={m.duplicates.compareCaption(n)} />
        ) : (
          <Alert color="gray" variant="light">
            {m.duplicates.hidden}
          </Alert>
        )}
        {canResolve && c.status === 'open' && (
          <Group gap="sm">
            {(
              [
                ['not-duplicate', m.duplicates.notDuplicate, 'filled', undefined],
                ['duplicate', m.duplicates.duplicate, 'outline', 'red'],
              ] as const
            ).map(([v, label, variant, color]) => (
              <Button
                key={v}
                variant={variant}
                color={color}
                onClick={() => open(v)}
                aria-haspopup="dialog"
                aria-describedby={titleId}
              >
                {label}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
      {verdict && (
        <VerdictDialog
          record={record}
          candidateId={c.candidateId}
          verdict={verdict}
          onClose={close}
          onDone={() => {
            setVerdict(null);
            onDone();
          }}
        />
      )}
    </Paper>
  );
}
