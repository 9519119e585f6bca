import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { QUESTION_STATUSES, type QuestionStatus, questionReach } from '@sabt/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { Heading } from '../../components/heading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { useTokenPages } from '../../components/token-pager.tsx';
import { meQuery } from '../../lib/auth.ts';
import { formatInstant } from '../../lib/dates.ts';
import { officesQuery } from '../../lib/offices.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { inboxQuery } from './api.ts';
import { QuestionsGate } from './components/questions-gate.tsx';
import { QuestionsNav } from './components/questions-nav.tsx';
import { useQuestionMessages } from './messages.ts';

/**
 * An office's citizens' questions (`/questions`): one status at a time with the counts of each, the
 * open ones oldest waiting first; the central administrator picks the office (`?office=`).
 */
export default function InboxPage() {
  return (
    <QuestionsGate>
      <Inbox />
    </QuestionsGate>
  );
}

function Inbox() {
  const { m, lang } = useQuestionMessages();
  usePageTitle(m.inbox.title);
  const { data: me } = useSuspenseQuery(meQuery());
  const national = questionReach(me.role) === 'national';
  const [params, setParams] = useSearchParams();
  const office = national ? (params.get('office') ?? me.office.id) : me.office.id;
  const status = (QUESTION_STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as QuestionStatus)
    : 'open';
  const pages = useTokenPages();
  const box = useQuery(inboxQuery(national ? office : null, status, pages.token));
  const offices = useQuery({ ...officesQuery(), enabled: national });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    pages.reset();
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="lg">
      <QuestionsNav />
      <Heading title={m.inbox.title} intro={m.inbox.intro} />
      <Group align="flex-end" wrap="wrap">
        {national && (
          <NativeSelect
            label={m.inbox.office}
            value={office}
            onChange={(e) => set('office', e.currentTarget.value)}
            data={(offices.data ?? []).map((o) => ({ value: o.id, label: `${o.name[lang]} (${o.id})` }))}
            w={{ base: '100%', sm: 360 }}
          />
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="question-status">
            {m.inbox.status}
          </Text>
          <SegmentedControl
            aria-labelledby="question-status"
            value={status}
            onChange={(v) => set('status', v)}
            data={QUESTION_STATUSES.map((s) => ({
              value: s,
              label: `${m.statuses[s]}${box.data ? ` (${box.data.counts[s]})` : ''}`,
            }))}
          />
        </Stack>
      </Group>
      {box.isPending && <Text c="dimmed">{m.common.loading}</Text>}
      <ProblemAlert error={box.error} text={{ title: m.common.loadError, check: m.common.check }} />
      {box.data && box.data.items.length === 0 && <Text>{m.inbox.empty}</Text>}
      {box.data && box.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{m.inbox.subject}</Table.Th>
                <Table.Th>{m.inbox.language}</Table.Th>
                <Table.Th>{status === 'open' ? m.inbox.waiting : m.inbox.updated}</Table.Th>
                <Table.Th>{m.inbox.messages}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {box.data.items.map((q) => (
                <Table.Tr key={q.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/questions/${q.id}`}>
                      {q.subject}
                    </Anchor>
                    {q.application && (
                      <Badge ml="xs" variant="light" color="gray">
                        {m.inbox.about}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{m.languages[q.language]}</Table.Td>
                  <Table.Td>{formatInstant(status === 'open' ? q.waitingSince : q.updatedAt)}</Table.Td>
                  <Table.Td>{q.messages}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group>
        {pages.number > 1 && (
          <Button variant="default" onClick={pages.reset}>
            {m.inbox.first}
          </Button>
        )}
        {box.data?.next && (
          <Button variant="default" onClick={() => pages.forward(box.data.next!)}>
            {m.inbox.more}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
