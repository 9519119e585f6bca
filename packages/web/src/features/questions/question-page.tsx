import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { QuestionAnswerBody, QuestionThread } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Heading } from '../../components/heading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { isProblem } from '../../lib/api.ts';
import { formatInstant } from '../../lib/dates.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useWriteKeys } from '../../lib/write-keys.ts';
import { cannedQuery, questionQuery, useAnswer, useClose } from './api.ts';
import { QuestionsGate } from './components/questions-gate.tsx';
import { useQuestionMessages } from './messages.ts';

/**
 * A citizen's question (`/questions/:id`): its messages, oldest first; the answer box, filled from a
 * canned answer in the question's language if one is picked (sent as that canned answer unless
 * changed); closing it.
 */
export default function QuestionPage() {
  return (
    <QuestionsGate>
      <Question />
    </QuestionsGate>
  );
}

function Question() {
  const { id = '' } = useParams();
  const { m } = useQuestionMessages();
  const q = useQuery(questionQuery(id));
  usePageTitle(q.data?.thread.subject ?? m.inbox.title);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/questions" size="sm">
        {m.thread.back}
      </Anchor>
      {q.isPending && <Text c="dimmed">{m.common.loading}</Text>}
      {isProblem(q.error, 404) ? (
        <Alert color="red" title={m.thread.notFound} />
      ) : (
        <ProblemAlert error={q.error} text={{ title: m.common.loadError, check: m.common.check }} />
      )}
      {q.data && <Thread thread={q.data.thread} canAnswer={q.data.canAnswer} canClose={q.data.canClose} />}
    </Stack>
  );
}

function Thread({
  thread,
  canAnswer,
  canClose,
}: {
  thread: QuestionThread;
  canAnswer: boolean;
  canClose: boolean;
}) {
  const { m, lang } = useQuestionMessages();
  const close = useClose(thread.id);
  const keys = useWriteKeys();
  return (
    <>
      <Heading
        title={thread.subject}
        intro={`${thread.office.name[lang]} · ${m.statuses[thread.status]} · ${m.inbox.language}: ${m.languages[thread.language]}`}
      />
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={m.inbox.messages}>
        {thread.messages.map((msg) => (
          <Paper
            component="li"
            key={msg.id}
            withBorder
            p="sm"
            bg={msg.from === 'staff' ? 'teal.0' : undefined}
            ml={msg.from === 'staff' ? { base: 0, sm: 'xl' } : 0}
          >
            <Group gap="xs" mb={4}>
              <Text size="sm" fw={600}>
                {msg.from === 'citizen' ? m.thread.citizen : m.thread.staff(msg.staff?.name ?? '')}
              </Text>
              <Text size="sm" c="dimmed">
                {formatInstant(msg.at)}
              </Text>
              {msg.cannedAnswer && (
                <Badge size="sm" variant="light" color="gray">
                  {m.thread.canned}
                </Badge>
              )}
            </Group>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{msg.text}</Text>
          </Paper>
        ))}
      </Stack>
      {thread.status === 'closed' && <Alert color="gray" title={m.thread.isClosed} />}
      {canAnswer && <AnswerBox thread={thread} />}
      {canClose && (
        <Group>
          <Button
            variant="default"
            loading={close.isPending}
            onClick={() =>
              close.mutate(
                { key: keys.keyFor(['close', thread.id]) },
                {
                  onSuccess: () => {
                    keys.forget();
                    notifications.show({ message: m.thread.closed, color: 'teal' });
                  },
                },
              )
            }
          >
            {m.thread.close}
          </Button>
        </Group>
      )}
      <ProblemAlert error={close.error} text={{ title: m.common.problemTitle, check: m.common.check }} />
    </>
  );
}

function AnswerBox({ thread }: { thread: QuestionThread }) {
  const { m } = useQuestionMessages();
  const canned = useQuery(cannedQuery(thread.office.id));
  const answer = useAnswer(thread.id);
  const keys = useWriteKeys();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const pickedAnswer = canned.data?.items.find((c) => c.id === picked);

  const send = (e: React.FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    // the canned answer's text as it is: sent as that canned answer; changed: as free text
    const body: QuestionAnswerBody =
      pickedAnswer && text === pickedAnswer.text[thread.language]
        ? { cannedAnswer: pickedAnswer.id }
        : { text };
    answer.mutate(
      { body, key: keys.keyFor(body) },
      {
        onSuccess: () => {
          keys.forget();
          setText('');
          setPicked(null);
          notifications.show({ message: m.thread.sent, color: 'teal' });
        },
      },
    );
  };

  return (
    <form onSubmit={send} noValidate aria-label={m.thread.answer}>
      <Stack gap="sm">
        <NativeSelect
          label={m.thread.pickCanned}
          description={m.thread.pickCannedHint}
          value={picked ?? ''}
          data={[
            { value: '', label: m.thread.none },
            ...(canned.data?.items ?? []).map((c) => ({ value: c.id, label: c.title })),
          ]}
          onChange={(e) => {
            const v = e.currentTarget.value || null;
            setPicked(v);
            const c = canned.data?.items.find((x) => x.id === v);
            if (c) {
              setText(c.text[thread.language]);
              setMissing(false);
            }
          }}
          maw={480}
        />
        <Textarea
          label={m.thread.answer}
          description={m.thread.answerHint(m.languages[thread.language])}
          rows={5}
          maxLength={4000}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setMissing(false);
          }}
          error={
            missing
              ? m.thread.required
              : answer.error && isProblem(answer.error)
                ? answer.error.fieldErrors.text
                : undefined
          }
          required
        />
        <ProblemAlert
          error={answer.error}
          atFields={['text']}
          text={{ title: m.common.problemTitle, check: m.common.check }}
        />
        <Group>
          <Button type="submit" loading={answer.isPending}>
            {m.thread.send}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
