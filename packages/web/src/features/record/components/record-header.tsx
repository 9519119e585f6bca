import {
  ActionIcon,
  Anchor,
  Box,
  CopyButton,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { formatVerifyCode } from '@sabt/core';
import { Fragment, forwardRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { RecordBadges } from '../../../components/record-badges.tsx';
import { formatInstant } from '../../../lib/dates.ts';
import type { RecordView } from '../../../lib/records.ts';
import { useLabels } from '../hooks/use-labels.ts';
import { subjectName } from '../lib/data-paths.ts';

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <Box className={wide ? 'sabt-fact-wide' : undefined} style={{ minWidth: 0 }}>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Box component="dd" m={0}>
        {children}
      </Box>
    </Box>
  );
}

function CopyIcon({ done }: { done: boolean }) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      {done ? (
        <path d="M5 12l5 5L20 7" />
      ) : (
        <>
          <rect x="9" y="9" width="11" height="11" rx="2" />
          <path d="M5 15V5a2 2 0 0 1 2-2h8" />
        </>
      )}
    </svg>
  );
}

/**
 * Groups of 6 digits with gaps (margins, so a copy or a search still finds the digits in one piece);
 * on a narrow phone screen the groups may wrap (<wbr>), never the digits of a group.
 */
function spaced(id: string) {
  const parts = id.match(/.{1,6}/g) ?? [id];
  return parts.map((part, i) => {
    const last = i === parts.length - 1;
    return (
      // biome-ignore lint/suspicious/noArrayIndexKey: the groups of one id never move
      <Fragment key={i}>
        <span style={{ marginRight: last ? 0 : '0.3em' }}>{part}</span>
        {!last && <wbr />}
      </Fragment>
    );
  });
}

/** The act, whom it is about, its number and national ID (large), status and flags, office and dates. */
export const RecordHeader = forwardRef<HTMLHeadingElement, { record: RecordView }>(function RecordHeader(
  { record },
  headingRef,
) {
  const { m, kindLabel, officeName, flagLabel } = useLabels();
  const name = subjectName(record.data);
  const number =
    record.number !== null ? `№ ${record.number}${record.year ? ` / ${record.year}` : ''}` : null;

  return (
    <Stack gap="sm">
      <Title order={1} size="h2" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
        {m.page.title(kindLabel(record.kind), name || m.page.noName)}
      </Title>
      <RecordBadges status={record.status} flags={record.flags} flagLabel={flagLabel} />
      <Paper
        withBorder
        p="md"
        radius="sm"
        component="section"
        aria-label={m.page.facts}
        className="sabt-facts"
      >
        <Box
          component="dl"
          m={0}
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(min(10.5rem, 100%), 1fr))',
            gap: 'var(--mantine-spacing-sm) var(--mantine-spacing-md)',
            alignItems: 'start',
          }}
        >
          <Fact label={m.facts.number}>
            {number ? (
              <Text fz={28} fw={700} lh={1.15} style={{ whiteSpace: 'nowrap' }}>
                {number}
              </Text>
            ) : (
              <Text c="dimmed">{m.facts.numberNone}</Text>
            )}
          </Fact>
          <Fact label={m.facts.nationalId} wide>
            {record.nationalId ? (
              <Group gap={6} wrap="nowrap">
                <Text fz={24} fw={700} lh={1.15} ff="monospace">
                  {spaced(record.nationalId)}
                </Text>
                <CopyButton value={record.nationalId}>
                  {({ copied, copy }) => (
                    <Tooltip label={copied ? m.facts.copied : m.facts.copy} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color={copied ? 'teal' : 'gray'}
                        onClick={copy}
                        aria-label={copied ? m.facts.copied : m.facts.copy}
                      >
                        <CopyIcon done={copied} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </CopyButton>
              </Group>
            ) : (
              <Text c="dimmed">{m.facts.nationalIdNone}</Text>
            )}
          </Fact>
          <Fact label={m.facts.office}>{officeName(record.office)}</Fact>
          {record.registeredAt ? (
            <Fact label={m.facts.registeredAt}>{formatInstant(record.registeredAt)}</Fact>
          ) : (
            <Fact label={m.facts.created}>{formatInstant(record.createdAt)}</Fact>
          )}
          <Fact label={record.versions.length > 0 ? m.facts.version : m.facts.updated}>
            {record.versions.length > 0 ? record.version : formatInstant(record.updatedAt)}
          </Fact>
          {record.onlineApplication && (
            <Fact label={m.facts.onlineApplication}>
              <Anchor
                component={Link}
                to={`/online-applications/${record.onlineApplication.id}`}
                ff="monospace"
              >
                {formatVerifyCode(record.onlineApplication.trackingCode)}
              </Anchor>
            </Fact>
          )}
        </Box>
      </Paper>
    </Stack>
  );
});
