import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { mayAdminister, mayCertificate, mayRead, type Role, STALE_DRAFT_DAYS } from '@sabt/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { meQuery } from '../../lib/auth.ts';
import { currentLanguage } from '../../lib/i18n.ts';
import { queueCountQuery, recordCountsQuery } from './api/records.ts';
import { countBadge, countLabel } from './components/count-label.ts';
import { findQueue, type QueueId, startQueue } from './queues.ts';

/** The queues that wait for the head of office's decision, in the order of their urgency. */
const HEAD_QUEUES = ['marriages', 'selfRegistered', 'stale'] as const satisfies readonly QueueId[];

/**
 * Where a user lands after sign-in: their own work. Who takes, validates or registers acts lands
 * on that queue; the head of office on what waits for their decision; the roles whose work comes
 * with later capabilities (archive, reports, administration) on what they can do here today.
 */
export default function HomePage() {
  const { data: me } = useSuspenseQuery(meQuery());
  const start = startQueue(me.role);
  if (start) return <Navigate to={`/queues/${start}`} replace />;
  if (me.role === 'head_of_office') return <HeadHome />;
  if (isLaterRole(me.role)) return <RoleHome role={me.role} />;
  return <Navigate to="/queues/drafts" replace />;
}

/** Roles whose own work (archive, verification, reports, administration) comes with later capabilities. */
const LATER_ROLES = ['archivist', 'verifier', 'statistician', 'auditor', 'central_admin'] as const;
type LaterRole = (typeof LATER_ROLES)[number];
const isLaterRole = (role: Role): role is LaterRole => (LATER_ROLES as readonly Role[]).includes(role);

/** A home page: its heading (also the document's title), then what the role has here. */
function Home({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} — ${t('app.name')}`);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function HeadHome() {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQuery());
  return (
    <Home title={t('home.headTitle')}>
      <Text c="dimmed">{t('home.headIntro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {HEAD_QUEUES.map((id) => (
          <QueueCard key={id} id={id} />
        ))}
        {mayCertificate('confirm-spoiled-blank', { role: me.role, officeKind: me.office.kind }) && (
          <LinkCard to="/blanks" title={t('shell.blanks')} text={t('home.blanksHead')} />
        )}
        {mayAdminister('read-users', me.role) && (
          <LinkCard to="/admin/users" title={t('shell.admin')} text={t('home.adminHead')} />
        )}
      </SimpleGrid>
    </Home>
  );
}

function QueueCard({ id }: { id: (typeof HEAD_QUEUES)[number] }) {
  const { t } = useTranslation();
  const queue = findQueue(id)!;
  const count = useQuery(queueCountQuery(queue.filter));
  return (
    <Card withBorder padding="md" radius="sm" component="section" aria-labelledby={`home-${id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <Title order={2} size="h4" id={`home-${id}`}>
          {t(`queues.${id}`)}
        </Title>
        {count.data !== undefined ? (
          <Badge size="lg" color={count.data.total > 0 ? 'orange' : 'gray'} variant="light">
            <span aria-hidden="true">{countBadge(count.data)}</span>
            <span className="sabt-visually-hidden">{countLabel(t, count.data)}</span>
          </Badge>
        ) : (
          <Loader size="xs" aria-hidden="true" />
        )}
      </Group>
      <Text size="sm" mt="xs">
        {t(`home.head.${id}`, { days: STALE_DRAFT_DAYS })}
      </Text>
      <Anchor component={Link} to={`/queues/${id}`} mt="sm" fw={600}>
        {t('home.openQueue', { queue: t(`queues.${id}`) })}
      </Anchor>
    </Card>
  );
}

function LinkCard({ to, title, text, page }: { to: string; title: string; text: string; page?: boolean }) {
  return (
    <Card withBorder padding="md" radius="sm">
      {page ? (
        <Anchor href={to} fw={600} fz="lg">
          {title}
        </Anchor>
      ) : (
        <Anchor component={Link} to={to} fw={600} fz="lg">
          {title}
        </Anchor>
      )}
      <Text size="sm" mt={4}>
        {text}
      </Text>
    </Card>
  );
}

/** The roles whose own work arrives with later capabilities: what they can do here today. */
function RoleHome({ role }: { role: LaterRole }) {
  const { t } = useTranslation();
  const { data: me } = useSuspenseQuery(meQuery());
  const who = { role, officeKind: me.office.kind };
  return (
    <Home title={t('home.title', { role: me.roleLabel[currentLanguage()] })}>
      <Text>{t(`home.later.${role}`)}</Text>
      <Title order={2} size="h4">
        {t('home.today')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {mayRead(role, 'search') && (
          <LinkCard to="/search" title={t('shell.search')} text={t('home.search')} />
        )}
        {mayRead(role, 'list') && (
          <LinkCard to="/queues/registered" title={t('queues.registered')} text={t('home.registered')} />
        )}
        {/* who opens records but neither lists nor searches them (the auditor) opens one by its id */}
        {mayRead(role, 'record') && !mayRead(role, 'list') && !mayRead(role, 'search') && <OpenRecordCard />}
        {mayAdminister('read-users', role) && (
          <LinkCard to="/admin/users" title={t('shell.admin')} text={t('home.admin')} />
        )}
        {mayRead(role, 'audit') && <LinkCard to="/audit" title={t('shell.audit')} text={t('home.audit')} />}
        {mayCertificate('read-blank-stock', who) && (
          <LinkCard
            to="/blanks"
            title={t('shell.blanks')}
            text={role === 'central_admin' ? t('home.blanks.central_admin') : t('home.blanks.any')}
          />
        )}
        <LinkCard to="/verify" page title={t('home.verifyTitle')} text={t('home.verify')} />
      </SimpleGrid>
      {!mayRead(role, 'record') && <CountsCard />}
    </Home>
  );
}

/** A record opened by its id, as an audit log entry names it. */
function OpenRecordCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [id, setId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = (e: FormEvent) => {
    e.preventDefault();
    const wanted = id.trim().toLowerCase();
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u.test(wanted))
      return setError(t('home.openRecord.invalid'));
    void navigate(`/records/${wanted}`);
  };
  return (
    <Card withBorder padding="md" radius="sm" component="form" onSubmit={open} noValidate>
      <TextInput
        label={t('home.openRecord.label')}
        description={t('home.openRecord.description')}
        value={id}
        onChange={(e) => {
          setId(e.currentTarget.value);
          setError(null);
        }}
        error={error}
        spellCheck={false}
        autoComplete="off"
      />
      <Group mt="sm">
        <Button type="submit">{t('home.openRecord.open')}</Button>
      </Group>
    </Card>
  );
}

/** The statuses a role that reads no record sees counted. */
const COUNTED = ['draft', 'submitted', 'validated', 'registered'] as const;

/** How many records the jurisdiction holds in each status: aggregates, no names. */
function CountsCard() {
  const { t } = useTranslation();
  const counts = useQuery(recordCountsQuery());
  return (
    <Card withBorder padding="md" radius="sm" component="section" aria-labelledby="home-counts">
      <Title order={2} size="h4" id="home-counts">
        {t('home.counts')}
      </Title>
      {counts.data ? (
        <Table mt="xs" withRowBorders={false} style={{ maxWidth: '24rem' }}>
          <Table.Tbody>
            {COUNTED.map((s) => (
              <Table.Tr key={s}>
                <Table.Th scope="row" fw={400}>
                  {t(`status.${s}`)}
                </Table.Th>
                <Table.Td ta="end">{counts.data[s]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Loader size="xs" aria-hidden="true" />
      )}
    </Card>
  );
}
