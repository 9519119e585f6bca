import { Alert, Anchor, Button, Group, List, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import {
  ADMIN_UNITS,
  fieldLabelAt,
  formatDate,
  formatVerifyCode,
  getActKind,
  type Locale,
  valueLabelAt,
} from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
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

/**
 * `/online-applications/:id`: an application a citizen sent: what it says, the scans (opened as
 * sent), and the clerk's two answers once the originals are before them: start the record (a draft
 * made of it, opened for the normal workflow) or return it with what to correct.
 */
export default function OnlineApplicationPage() {
  const { id = '' } = useParams();
  const { m, lang } = useOnlineMessages();
  const navigate = useNavigate();
  const app = useQuery(onlineApplicationQuery(id));
  const { accept, send } = useOnlineApplicationWrites(id);
  const [message, setMessage] = useState('');
  usePageTitle(app.data ? `${m.title}: ${formatVerifyCode(app.data.trackingCode)}` : m.title);
  if (!app.data) return <ProblemAlert error={app.error} text={m.problem} />;
  const a = app.data;

  const onAccept = () =>
    accept.mutate(undefined, { onSuccess: (done) => navigate(`/records/${done.recordId}/edit`) });
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
        title={`${getActKind(a.kind)?.labels[lang] ?? a.kind} — ${formatVerifyCode(a.trackingCode)}`}
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
          {m.record}
        </Anchor>
      )}
      <Title order={2} size="h4">
        {m.data}
      </Title>
      <Table.ScrollContainer minWidth={360} type="native">
        <Table className="sabt-table" verticalSpacing={4}>
          <Table.Tbody>
            {dataLines(a.kind, a.data, lang).map((line) => (
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
      <ProblemAlert error={accept.error ?? send.error} text={m.problem} />
      {a.status === 'received' && (
        <>
          <Group>
            <Button onClick={onAccept} loading={accept.isPending}>
              {m.accept}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {m.acceptHint}
          </Text>
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
