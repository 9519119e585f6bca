import { Alert, Anchor, Button, Group, List, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import {
  ADMIN_UNITS,
  applicationService,
  COPY_RELATIONSHIP_LABELS,
  COPY_REQUEST_LABELS,
  type CopyRelationship,
  fieldLabelAt,
  formatDate,
  formatVerifyCode,
  getActKind,
  isCopyService,
  type Locale,
  type OnlineApplicationDetail,
  valueLabelAt,
} from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Heading } from '../../components/heading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { API_BASE } from '../../lib/api.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { onlineApplicationQuery, useOnlineApplicationWrites } from './api.ts';
import { useOnlineMessages } from './messages.ts';

/** Every value of the application's data with its label (core's label catalogue), in data order. */
function dataLines(
  kind: string,
  data: unknown,
  lang: Locale,
  path: string[] = [],
): { path: string; label: string; value: string }[] {
  if (data === null || data === undefined) return [];
  if (Array.isArray(data)) return data.flatMap((x, i) => dataLines(kind, x, lang, [...path, String(i)]));
  if (typeof data === 'object')
    return Object.entries(data as Record<string, unknown>).flatMap(([k, v]) =>
      dataLines(kind, v, lang, [...path, k]),
    );
  const named = path.filter((p) => !/^\d+$/.test(p));
  const label = named
    .map((_, i) => fieldLabelAt(kind, named.slice(0, i + 1))?.[lang] ?? named[i])
    .join(' — ');
  const raw = String(data);
  const unit = named.at(-1) === 'unit' ? ADMIN_UNITS.find((u) => u.code === raw) : undefined;
  const value = unit
    ? unit[lang]
    : typeof data === 'boolean'
      ? data
        ? '✓'
        : '✗'
      : (valueLabelAt(named, raw)?.[lang] ?? (/^\d{4}-\d{2}-\d{2}$/.test(raw) ? formatDate(raw) : raw));
  return [{ path: path.join('.'), label, value }];
}

const COPY_ORDER = Object.keys(COPY_REQUEST_LABELS);

/** A copy request's data with core's labels, in the form's order: the kind of record, whose, the names and dates. */
function copyLines(data: Record<string, unknown>, lang: Locale) {
  const flat = (o: unknown, path: string[] = []): [string, unknown][] =>
    o !== null && typeof o === 'object'
      ? Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => flat(v, [...path, k]))
      : [[path.join('.'), o]];
  return flat(data)
    .map(([path, raw]) => {
      const text = String(raw);
      const value =
        path === 'actKind'
          ? (getActKind(text)?.labels[lang] ?? text)
          : path === 'relationship'
            ? (COPY_RELATIONSHIP_LABELS[text as CopyRelationship]?.[lang] ?? text)
            : /^\d{4}-\d{2}-\d{2}$/.test(text)
              ? formatDate(text)
              : text;
      return { path, label: COPY_REQUEST_LABELS[path]?.[lang] ?? path, value };
    })
    .sort((x, y) => COPY_ORDER.indexOf(x.path) - COPY_ORDER.indexOf(y.path));
}

/**
 * The workspace's record search, composed in by the app (features do not import each other):
 * started with `start` (its address fields), each hit offered `action` (a button, or nothing).
 */
export type RecordSearch = (
  start: Record<string, string>,
  action: (hit: { id: string; status: string }) => ReactNode,
) => ReactNode;

/** The record search, started with the request's names, date and kind, each registered hit offered to link. */
function RecordFinder({
  app,
  onLink,
  busy,
  search,
}: {
  app: OnlineApplicationDetail;
  onLink: (id: string) => void;
  busy: boolean;
  search: RecordSearch;
}) {
  const { m } = useOnlineMessages();
  const s = app.summary;
  const start: Record<string, string> = {};
  for (const [k, v] of [
    ['surname', s.surname],
    ['name', s.name],
    ['patronymic', s.patronymic],
    ['birthDate', s.birthDate],
    ['kind', (app.data as { actKind?: string }).actKind],
    ['status', 'registered'],
  ] as const)
    if (v) start[k] = v;
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {m.findRecord}
      </Title>
      <Text size="sm" c="dimmed">
        {m.findHint}
      </Text>
      {search(start, (hit) =>
        hit.status === 'registered' ? (
          <Button size="xs" onClick={() => onLink(hit.id)} loading={busy}>
            {m.link}
          </Button>
        ) : null,
      )}
      <Text size="sm" c="dimmed">
        {m.linkHint} {m.notFound}
      </Text>
    </Stack>
  );
}

/**
 * `/online-applications/:id`: an application a citizen sent: what it says, the scans (opened as
 * sent), and the clerk's two answers once the originals are before them: start the record (a draft
 * made of it, opened for the normal workflow) or return it with what to correct. A request for a
 * repeat certificate or an extract is answered by the record found (the search, started with the
 * request's names and date) and linked, or returned when none is.
 */
export default function OnlineApplicationPage({ findRecord }: { findRecord: RecordSearch }) {
  const { id = '' } = useParams();
  const { m, lang } = useOnlineMessages();
  const navigate = useNavigate();
  const app = useQuery(onlineApplicationQuery(id));
  const { accept, send, link } = useOnlineApplicationWrites(id);
  const [message, setMessage] = useState('');
  usePageTitle(app.data ? `${m.title}: ${formatVerifyCode(app.data.trackingCode)}` : m.title);
  if (!app.data) return <ProblemAlert error={app.error} text={m.problem} />;
  const a = app.data;
  const copy = isCopyService(a.kind);
  const lines = copy ? copyLines(a.data, lang) : dataLines(a.kind, a.data, lang);

  const onAccept = () =>
    accept.mutate(undefined, { onSuccess: (done) => navigate(`/records/${done.recordId}/edit`) });
  // linked: to the record's fees, where the service is paid before the print
  const onLink = (recordId: string) =>
    link.mutate(recordId, { onSuccess: (done) => navigate(`/records/${done.recordId}?tab=fees`) });
  const onReturn = (e: FormEvent) => {
    e.preventDefault();
    send.mutate(message.trim());
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/online-applications">
        {m.back}
      </Anchor>
      <Heading
        title={`${copy ? applicationService(a.kind).title[lang] : (getActKind(a.kind)?.labels[lang] ?? a.kind)} — ${formatVerifyCode(a.trackingCode)}`}
        intro={`${m.submitted}: ${formatDate(a.submittedAt.slice(0, 10))} · ${m.status}: ${m.queues[a.status as keyof typeof m.queues] ?? a.status}`}
      />
      {a.message && <Alert color="yellow">{a.message}</Alert>}
      <Text>
        {m.visit}:{' '}
        {a.appointment
          ? `${formatDate(a.appointment.date)}, ${a.appointment.start}–${a.appointment.end}, ${a.appointment.office.name[lang]}`
          : m.noVisit}
      </Text>
      {a.recordId && (
        <Anchor component={Link} to={`/records/${a.recordId}`}>
          {copy ? m.linked : m.record}
        </Anchor>
      )}
      <Title order={2} size="h4">
        {m.data}
      </Title>
      <Table.ScrollContainer minWidth={360} type="native">
        <Table className="sabt-table" verticalSpacing={4}>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={line.path}>
                <Table.Th scope="row" fw={500}>
                  {line.label}
                </Table.Th>
                <Table.Td>{line.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={2} size="h4">
        {m.attachments}
      </Title>
      {a.attachments.length === 0 ? (
        <Text>{m.noAttachments}</Text>
      ) : (
        <List>
          {a.attachments.map((f) => (
            <List.Item key={f.id}>
              <Anchor
                href={`${API_BASE}/online-applications/${a.id}/files/${f.id}`}
                target="_blank"
                rel="noopener"
              >
                {f.fileName}
              </Anchor>{' '}
              ({Math.ceil(f.size / 1024)} KB)
            </List.Item>
          ))}
        </List>
      )}
      <ProblemAlert error={accept.error ?? link.error ?? send.error} text={m.problem} />
      {a.status === 'received' && (
        <>
          {copy ? (
            <RecordFinder app={a} onLink={onLink} busy={link.isPending} search={findRecord} />
          ) : (
            <>
              <Group>
                <Button onClick={onAccept} loading={accept.isPending}>
                  {m.accept}
                </Button>
              </Group>
              <Text size="sm" c="dimmed">
                {m.acceptHint}
              </Text>
            </>
          )}
          <form onSubmit={onReturn}>
            <Stack gap="xs" maw={560}>
              <Title order={2} size="h4">
                {m.returnTitle}
              </Title>
              <Textarea
                label={m.message}
                required
                maxLength={500}
                rows={3}
                value={message}
                onChange={(e) => setMessage(e.currentTarget.value)}
              />
              <Group>
                <Button type="submit" variant="default" loading={send.isPending} disabled={!message.trim()}>
                  {m.send}
                </Button>
              </Group>
            </Stack>
          </form>
        </>
      )}
    </Stack>
  );
}
