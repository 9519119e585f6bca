import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type AdminUser, adminReach, ROLES } from '@sabt/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { Heading } from '../../components/heading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { TokenPager, useTokenPages } from '../../components/token-pager.tsx';
import { meQuery } from '../../lib/auth.ts';
import { formatInstant } from '../../lib/dates.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { adminOfficesQuery, USER_FILTER_KEYS, type UserFilter, usersQuery } from './api.ts';
import { AdminNav } from './components/admin-nav.tsx';
import { CreateUserDialog } from './components/create-user.tsx';
import { UserBadges } from './components/user-badges.tsx';
import { useAdminMessages } from './messages.ts';

/**
 * The users an administrator administers (`/admin/users`; the central administrator every office's,
 * a head of office their office's and those below it, as the server lists them): found by login or
 * name, office, role and status (kept in the address), page after page; a new user.
 */
export default function UsersPage() {
  const { m } = useAdminMessages();
  usePageTitle(m.users.title);
  const { data: me } = useSuspenseQuery(meQuery());
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(
    USER_FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])),
  ) as UserFilter;
  const pages = useTokenPages();
  const users = useQuery(usersQuery(filter, pages.token));
  const offices = useQuery(adminOfficesQuery());
  const [creating, setCreating] = useState(false);
  const search = (next: UserFilter) => {
    pages.reset();
    setParams(new URLSearchParams(Object.entries(next).filter(([, v]) => v) as [string, string][]));
  };
  const national = adminReach('read-users', me.role) === 'national';

  return (
    <Stack gap="lg">
      <AdminNav />
      <Group justify="space-between" align="flex-start">
        <Heading title={m.users.title} intro={national ? m.users.introNational : m.users.introSubtree} />
        <Button onClick={() => setCreating(true)} disabled={!offices.data}>
          {m.users.add}
        </Button>
      </Group>
      <FilterForm key={params.toString()} initial={filter} onSearch={search} />
      <Stack gap="sm">
        <ProblemAlert error={users.error} text={{ title: m.common.loadError, check: m.common.check }} />
        {users.data && users.data.items.length === 0 && <Text>{m.users.none}</Text>}
        {users.data && users.data.items.length > 0 && <UserTable rows={users.data.items} />}
        <TokenPager
          pages={pages}
          next={users.data?.next}
          loading={users.isPlaceholderData}
          labels={{ previous: m.common.previous, next: m.common.next, page: m.common.page }}
        />
      </Stack>
      {creating && offices.data && (
        <CreateUserDialog me={me} offices={offices.data} onClose={() => setCreating(false)} />
      )}
    </Stack>
  );
}

function FilterForm({ initial, onSearch }: { initial: UserFilter; onSearch: (f: UserFilter) => void }) {
  const { m, lang, roleLabel } = useAdminMessages();
  const u = m.users;
  const offices = useQuery(adminOfficesQuery());
  const [values, setValues] = useState<Record<keyof UserFilter, string>>({
    q: initial.q ?? '',
    office: initial.office ?? '',
    role: initial.role ?? '',
    status: initial.status ?? '',
  });
  const set = (k: keyof UserFilter) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [k]: value }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch({ ...values, q: values.q.trim() } as UserFilter);
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label={u.filters}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {u.filters}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
          <TextInput label={u.q} value={values.q} onChange={set('q')} autoComplete="off" spellCheck={false} />
          <NativeSelect
            label={u.office}
            value={values.office}
            onChange={set('office')}
            data={[
              { value: '', label: m.common.any },
              ...(offices.data ?? []).map((o) => ({ value: o.id, label: `${o.name[lang]} (${o.id})` })),
            ]}
          />
          <NativeSelect
            label={u.role}
            value={values.role}
            onChange={set('role')}
            data={[
              { value: '', label: m.common.any },
              ...ROLES.map((r) => ({ value: r, label: roleLabel(r) })),
            ]}
          />
          <NativeSelect
            label={u.status}
            value={values.status}
            onChange={set('status')}
            data={[
              { value: '', label: m.common.any },
              ...(['active', 'disabled', 'locked'] as const).map((s) => ({ value: s, label: u.statuses[s] })),
            ]}
          />
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit">{u.search}</Button>
          <Button variant="default" onClick={() => onSearch({})}>
            {u.clear}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function UserTable({ rows }: { rows: AdminUser[] }) {
  const { m, lang } = useAdminMessages();
  const u = m.users;
  const columns: Column<AdminUser>[] = [
    {
      header: u.login,
      rowHeader: true,
      nowrap: true,
      cell: (x) => (
        <Anchor component={Link} to={`/admin/users/${x.id}`} ff="monospace">
          {x.login}
        </Anchor>
      ),
    },
    { header: u.name, cell: (x) => x.name },
    { header: u.role, cell: (x) => x.roleLabel[lang] },
    { header: m.user.office, cell: (x) => x.office.name[lang] },
    { header: u.status, cell: (x) => <UserBadges user={x} /> },
    { header: u.created, cell: (x) => formatInstant(x.createdAt), nowrap: true },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(x) => x.id}
      caption={u.caption}
      minWidth={900}
      rowProps={(x) => ({ 'data-login': x.login })}
    />
  );
}
