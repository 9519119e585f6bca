import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type CannedAnswer, type CannedAnswerBody, LOCALES, questionReach } from '@sabt/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Heading } from '../../components/heading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { meQuery } from '../../lib/auth.ts';
import { officesQuery } from '../../lib/offices.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useWriteKeys } from '../../lib/write-keys.ts';
import { cannedQuery, useSaveCanned } from './api.ts';
import { QuestionsGate } from './components/questions-gate.tsx';
import { QuestionsNav } from './components/questions-nav.tsx';
import { useQuestionMessages } from './messages.ts';

/**
 * The canned answers (`/questions/canned`): an office's own and those for every office, each in
 * Tajik, Russian and English; the head of office keeps their office's, the central administrator
 * any office's and those for every office. The other staff read them here.
 */
export default function CannedPage() {
  return (
    <QuestionsGate>
      <Canned />
    </QuestionsGate>
  );
}

function Canned() {
  const { m, lang } = useQuestionMessages();
  usePageTitle(m.canned.title);
  const { data: me } = useSuspenseQuery(meQuery());
  const national = questionReach(me.role) === 'national';
  const [params, setParams] = useSearchParams();
  const office = national ? (params.get('office') ?? me.office.id) : me.office.id;
  const [all, setAll] = useState(false);
  const list = useQuery(cannedQuery(national ? office : null, all));
  const offices = useQuery({ ...officesQuery(), enabled: national });
  const [editing, setEditing] = useState<CannedAnswer | 'new' | null>(null);
  const canManage = list.data?.canManage ?? false;

  return (
    <Stack gap="lg">
      <QuestionsNav />
      <Heading title={m.canned.title} intro={canManage ? m.canned.intro : m.canned.introReadOnly} />
      <Group align="flex-end" wrap="wrap">
        {national && (
          <NativeSelect
            label={m.inbox.office}
            value={office}
            onChange={(e) => {
              const v = e.currentTarget.value;
              const next = new URLSearchParams(params);
              next.set('office', v);
              setParams(next, { replace: true });
            }}
            data={(offices.data ?? []).map((o) => ({ value: o.id, label: `${o.name[lang]} (${o.id})` }))}
            w={{ base: '100%', sm: 360 }}
          />
        )}
        {canManage && (
          <Checkbox
            label={m.canned.showWithdrawn}
            checked={all}
            onChange={(e) => setAll(e.currentTarget.checked)}
          />
        )}
        {canManage && editing === null && <Button onClick={() => setEditing('new')}>{m.canned.add}</Button>}
      </Group>
      {editing !== null && (
        <CannedForm
          key={editing === 'new' ? 'new' : editing.id}
          answer={editing === 'new' ? null : editing}
          office={office}
          national={national}
          onDone={() => setEditing(null)}
        />
      )}
      {list.isPending && <Text c="dimmed">{m.common.loading}</Text>}
      <ProblemAlert error={list.error} text={{ title: m.common.loadError, check: m.common.check }} />
      {list.data && list.data.items.length === 0 && <Text>{m.canned.empty}</Text>}
      <Stack gap="sm">
        {list.data?.items.map((c) => (
          <Paper key={c.id} withBorder p="sm" component="section" aria-label={c.title}>
            <Group justify="space-between" wrap="wrap" mb="xs">
              <Group gap="xs">
                <Text fw={600}>{c.title}</Text>
                <Badge variant="light" color={c.active ? 'teal' : 'gray'}>
                  {c.active ? m.canned.active : m.canned.withdrawn}
                </Badge>
                <Text size="sm" c="dimmed">
                  {c.office ? m.canned.forOffice(c.office.name[lang]) : m.canned.forEvery}
                </Text>
              </Group>
              {canManage && (national || c.office?.id === me.office.id) && editing === null && (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setEditing(c)}
                  aria-label={`${m.canned.edit}: ${c.title}`}
                >
                  {m.canned.edit}
                </Button>
              )}
            </Group>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
              {LOCALES.map((l) => (
                <Stack key={l} gap={2}>
                  <Text size="xs" c="dimmed">
                    {m.languages[l]}
                  </Text>
                  <Text size="sm" lang={l} style={{ whiteSpace: 'pre-wrap' }}>
                    {c.text[l]}
                  </Text>
                </Stack>
              ))}
            </SimpleGrid>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

function CannedForm({
  answer,
  office,
  national,
  onDone,
}: {
  answer: CannedAnswer | null;
  office: string;
  national: boolean;
  onDone: () => void;
}) {
  const { m } = useQuestionMessages();
  const save = useSaveCanned();
  const keys = useWriteKeys();
  const [title, setTitle] = useState(answer?.title ?? '');
  const [text, setText] = useState(answer?.text ?? { tg: '', ru: '', en: '' });
  const [active, setActive] = useState(answer?.active ?? true);
  const [forEvery, setForEvery] = useState(false);
  const [tried, setTried] = useState(false);
  const labels = { tg: m.canned.textTg, ru: m.canned.textRu, en: m.canned.textEn };
  const fieldError = (path: string) =>
    (save.error as { fieldErrors?: Record<string, string> } | null)?.fieldErrors?.[path];

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!title.trim() || LOCALES.some((l) => !text[l].trim())) return;
    const body: CannedAnswerBody = {
      title,
      text,
      active,
      ...(answer ? {} : { office: national && forEvery ? null : office }),
    };
    save.mutate(
      { id: answer?.id ?? null, body, key: keys.keyFor([answer?.id, body]) },
      {
        onSuccess: () => {
          keys.forget();
          notifications.show({ message: m.canned.saved, color: 'teal' });
          onDone();
        },
      },
    );
  };

  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={answer ? m.canned.edit : m.canned.add}
    >
      <Stack gap="sm">
        <TextInput
          label={m.canned.heading}
          required
          maxLength={100}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={(tried && !title.trim() ? m.canned.required : undefined) ?? fieldError('title')}
        />
        {LOCALES.map((l) => (
          <Textarea
            key={l}
            label={labels[l]}
            lang={l}
            required
            rows={3}
            maxLength={4000}
            value={text[l]}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setText((t) => ({ ...t, [l]: value }));
            }}
            error={(tried && !text[l].trim() ? m.canned.required : undefined) ?? fieldError(`text.${l}`)}
          />
        ))}
        {national && !answer && (
          <Checkbox
            label={m.canned.forEvery}
            checked={forEvery}
            onChange={(e) => setForEvery(e.currentTarget.checked)}
          />
        )}
        {answer && (
          <Checkbox
            label={m.canned.active}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
        )}
        <ProblemAlert
          error={save.error}
          atFields={['title', 'text.tg', 'text.ru', 'text.en']}
          text={{ title: m.common.problemTitle, check: m.common.check }}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {m.canned.save}
          </Button>
          <Button variant="default" onClick={onDone}>
            {m.canned.cancel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
