import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type AuditEntry, formatDate } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { Heading } from '../../components/heading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { TokenPager, useTokenPages } from '../../components/token-pager.tsx';
import { typedDateIso } from '../../lib/date-mask.ts';
import { formatInstant } from '../../lib/dates.ts';
import { officesQuery } from '../../lib/offices.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { type AuditFilter, auditEntriesQuery, auditStatusQuery, exportHref, FILTER_KEYS } from './api.ts';
import { useAuditMessages } from './messages.ts';

/**
 * The auditor's view (`/audit`, for a role that reads the audit log: core READ_MATRIX `audit`):
 * the log searched by who acted, the record a person is named in, the action, the office and the
 * period, newest first, page after page; the chain's status; the search's entries exported as CSV
 * or JSON Lines. The filter lives in the address, so a search can be reloaded and passed on.
 */
export default function AuditPage() {
  const { m } = useAuditMessages();
  usePageTitle(m.title);
  const [params, setParams] = useSearchParams();
  const filter: AuditFilter = Object.fromEntries(
    FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])),
  );
  const pages = useTokenPages();
  const entries = useQuery(auditEntriesQuery(filter, pages.token));
  const search = (next: AuditFilter) => {
    pages.reset();
    setParams(new URLSearchParams(Object.entries(next).filter(([, v]) => v) as [string, string][]));
  };

  return (
    <Stack gap="lg">
      <Heading title={m.title} intro={m.intro} />
      <StatusPanel />
      <FilterForm key={params.toString()} initial={filter} onSearch={search} />
      <Stack gap="sm">
        <ProblemAlert error={entries.error} text={{ title: m.results.loadError, check: m.results.check }} />
        {entries.data && entries.data.items.length === 0 && <Text>{m.results.none}</Text>}
        {entries.data && entries.data.items.length > 0 && <EntryTable rows={entries.data.items} />}
        <TokenPager
          pages={pages}
          next={entries.data?.next}
          loading={entries.isPlaceholderData}
          labels={{ previous: m.results.newer, next: m.results.older, page: m.results.page }}
        />
        <ExportButtons filter={filter} />
      </Stack>
    </Stack>
  );
}

function FilterForm({ initial, onSearch }: { initial: AuditFilter; onSearch: (f: AuditFilter) => void }) {
  const { m, lang } = useAuditMessages();
  const f = m.filters;
  const offices = useQuery(officesQuery());
  const [values, setValues] = useState<AuditFilter>(initial);
  const [from, setFrom] = useState(initial.from ? formatDate(initial.from) : '');
  const [to, setTo] = useState(initial.to ? formatDate(initial.to) : '');
  const [dateErrors, setDateErrors] = useState<{ from?: string; to?: string }>({});
  const set = (k: keyof AuditFilter) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [k]: value }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: { from?: string; to?: string } = {};
    const fromIso = from.trim() ? typedDateIso(from) : '';
    const toIso = to.trim() ? typedDateIso(to) : '';
    if (fromIso === null) errors.from = f.dateFormat;
    if (toIso === null) errors.to = f.dateFormat;
    setDateErrors(errors);
    if (errors.from || errors.to) return;
    const trimmed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v ?? '').trim()]));
    onSearch({ ...trimmed, from: fromIso ?? '', to: toIso ?? '' });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label={f.legend}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {f.legend}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <TextInput label={f.actor} value={values.actor ?? ''} onChange={set('actor')} autoComplete="off" />
          <TextInput
            label={f.recordId}
            value={values.recordId ?? ''}
            onChange={set('recordId')}
            spellCheck={false}
            autoComplete="off"
          />
          <TextInput
            label={f.nationalId}
            value={values.nationalId ?? ''}
            onChange={set('nationalId')}
            autoComplete="off"
          />
          <TextInput
            label={f.actNumber}
            value={values.actNumber ?? ''}
            onChange={set('actNumber')}
            inputMode="numeric"
            autoComplete="off"
          />
          <TextInput label={f.year} value={values.year ?? ''} onChange={set('year')} inputMode="numeric" />
          <TextInput
            label={f.event}
            description={f.eventHint}
            value={values.event ?? ''}
            onChange={set('event')}
            spellCheck={false}
            autoComplete="off"
          />
          <NativeSelect
            label={f.office}
            value={values.office ?? ''}
            onChange={set('office')}
            data={[
              { value: '', label: f.anyOffice },
              ...(offices.data ?? []).map((o) => ({ value: o.id, label: `${o.name[lang]} (${o.id})` })),
            ]}
          />
          <DateInput label={f.from} value={from} onChange={setFrom} error={dateErrors.from} />
          <DateInput label={f.to} value={to} onChange={setTo} error={dateErrors.to} />
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit">{f.search}</Button>
          <Button variant="default" onClick={() => onSearch({})}>
            {f.clear}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function EntryTable({ rows }: { rows: AuditEntry[] }) {
  const { m, lang } = useAuditMessages();
  const r = m.results;
  const columns: Column<AuditEntry>[] = [
    { header: r.seq, cell: (e) => e.seq ?? '—', right: true, nowrap: true },
    { header: r.at, cell: (e) => formatInstant(e.at), nowrap: true },
    {
      header: r.actor,
      cell: (e) =>
        e.actor ? (
          <>
            {e.actor.name ?? e.actor.login}
            {e.actor.name && (
              <Text span size="xs" c="dimmed" display="block">
                {e.actor.login}
              </Text>
            )}
          </>
        ) : (
          r.system
        ),
    },
    { header: r.office, cell: (e) => e.office?.name[lang] ?? '—' },
    { header: r.event, cell: (e) => <Code>{e.event}</Code>, nowrap: true },
    {
      header: r.record,
      cell: (e) =>
        e.recordId ? (
          <Anchor component={Link} to={`/records/${e.recordId}`} ff="monospace" size="sm">
            {e.recordId.slice(0, 8)}
          </Anchor>
        ) : (
          '—'
        ),
    },
    {
      header: r.detail,
      cell: (e) =>
        Object.keys(e.detail).length ? (
          <Code block style={{ maxWidth: '28rem', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {JSON.stringify(e.detail)}
          </Code>
        ) : (
          '—'
        ),
    },
    {
      header: r.chain,
      nowrap: true,
      cell: (e) => (
        <Text span size="sm" fw={600} c={e.chain === 'chained' ? 'teal.8' : 'orange.8'}>
          {e.chain === 'chained' ? r.chained : r.waiting}
        </Text>
      ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(e) => e.id}
      caption={r.caption}
      minWidth={960}
      rowProps={(e) => ({ 'data-entry': String(e.id) })}
    />
  );
}

function StatusPanel() {
  const { m } = useAuditMessages();
  const s = m.status;
  const status = useQuery(auditStatusQuery());
  const d = status.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="audit-status">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4" id="audit-status">
            {s.title}
          </Title>
          {d && (
            <Badge color={d.ok ? 'teal' : 'red'} size="lg" variant="light">
              {d.ok ? s.ok : s.broken}
            </Badge>
          )}
        </Group>
        {status.isPending && <Text size="sm">{s.loading}</Text>}
        <ProblemAlert error={status.error} text={{ title: s.title, check: '' }} />
        {d && (
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <Stack gap={2}>
              <Text size="sm">{s.head(d.head.seq)}</Text>
              <Text size="sm">{s.verified(d.verified.from, d.verified.to, d.verified.entries)}</Text>
              {!d.verified.complete && (
                <Text size="sm" c="orange.8">
                  {s.partial}
                </Text>
              )}
              <Text size="sm">{s.waiting(d.waiting)}</Text>
            </Stack>
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {s.anchor}
              </Text>
              {d.anchor ? (
                <>
                  <Text size="sm">{s.anchorAt(d.anchor.seq, formatInstant(d.anchor.at))}</Text>
                  <Code style={{ wordBreak: 'break-all' }}>{d.anchor.hash}</Code>
                  <Group gap="xs">
                    <Badge color={d.anchor.signatureValid ? 'teal' : 'red'} variant="light">
                      {d.anchor.signatureValid ? s.signatureValid : s.signatureInvalid}
                    </Badge>
                    {!d.anchor.inChain && (
                      <Badge color="red" variant="light">
                        {s.notInChain}
                      </Badge>
                    )}
                  </Group>
                </>
              ) : (
                <Text size="sm">{s.noAnchor}</Text>
              )}
            </Stack>
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {s.fullWalk}
              </Text>
              <Text size="sm">
                {d.lastFullWalk
                  ? s.fullWalkAt(formatInstant(d.lastFullWalk.at), d.lastFullWalk.upTo, d.lastFullWalk.ok)
                  : s.noFullWalk}
              </Text>
            </Stack>
          </SimpleGrid>
        )}
        {d && d.findings.length > 0 && (
          <Alert color="red" title={s.findings} role="alert">
            <List size="sm">
              {d.findings.map((x) => (
                <List.Item key={`${x.seq}:${x.problem}`}>
                  {x.seq}: {x.problem} — {x.detail}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function ExportButtons({ filter }: { filter: AuditFilter }) {
  const { m } = useAuditMessages();
  return (
    <Stack gap={4}>
      <Group gap="xs" aria-label={m.export.title} role="group">
        <Text size="sm" fw={600}>
          {m.export.title}:
        </Text>
        <Button component="a" href={exportHref(filter, 'csv')} variant="light" download>
          {m.export.csv}
        </Button>
        <Button component="a" href={exportHref(filter, 'jsonl')} variant="light" download>
          {m.export.jsonl}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {m.export.hint}
      </Text>
    </Stack>
  );
}
