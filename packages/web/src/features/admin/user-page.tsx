import { Alert, Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Heading } from '../../components/heading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { isProblem } from '../../lib/api.ts';
import { meQuery } from '../../lib/auth.ts';
import { formatInstant } from '../../lib/dates.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { adminOfficesQuery, userQuery } from './api.ts';
import { AdminNav } from './components/admin-nav.tsx';
import { ChangeUserForm } from './components/change-user.tsx';
import { Fact } from './components/fact.tsx';
import { UserSessions } from './components/sessions.tsx';
import { UserActions } from './components/user-actions.tsx';
import { UserBadges } from './components/user-badges.tsx';
import { useAdminMessages } from './messages.ts';

/**
 * One user (`/admin/users/:id`): who they are, what the reader may do to them (the server's
 * `allowed`: never anything on one's own account), their name, role and office changed, their
 * active sessions.
 */
export default function UserPage() {
  const { id = '' } = useParams();
  const { m, lang } = useAdminMessages();
  const u = m.user;
  const { data: me } = useSuspenseQuery(meQuery());
  const user = useQuery(userQuery(id));
  const offices = useQuery(adminOfficesQuery());
  usePageTitle(user.data ? `${user.data.name} (${user.data.login})` : m.users.title);
  const d = user.data;
  const own = d?.id === me.id;

  return (
    <Stack gap="lg">
      <AdminNav />
      <Anchor component={Link} to="/admin/users" size="sm">
        {u.back}
      </Anchor>
      {user.isPending && <Text c="dimmed">{m.common.loading}</Text>}
      {isProblem(user.error, 404) ? (
        <Alert color="red" title={u.notFound} />
      ) : (
        <ProblemAlert error={user.error} text={{ title: m.common.loadError, check: m.common.check }} />
      )}
      {d && (
        <>
          <Heading title={d.name} intro={`${d.login} · ${d.roleLabel[lang]} · ${d.office.name[lang]}`} />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md" component="dl" m={0}>
            <Fact label={u.role}>{d.roleLabel[lang]}</Fact>
            <Fact label={u.office}>
              {d.office.name[lang]} ({d.office.id})
            </Fact>
            <Fact label={u.status}>
              <UserBadges user={d} />
            </Fact>
            <Fact label={u.created}>{formatInstant(d.createdAt)}</Fact>
          </SimpleGrid>
          {own && (
            <Alert color="blue" variant="light">
              {u.own}
            </Alert>
          )}
          {!own && d.allowed.length === 0 && (
            <Alert color="gray" variant="light">
              {u.noActions}
            </Alert>
          )}
          <UserActions user={d} />
          {d.allowed.includes('change') && offices.data && (
            <ChangeUserForm
              key={`${d.role}:${d.office.id}:${d.name}`}
              me={me}
              user={d}
              offices={offices.data}
            />
          )}
          <UserSessions user={d} />
        </>
      )}
    </Stack>
  );
}
