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
import { type AdminOffice, adminReach, mayAdminister, OFFICE_KINDS, type OfficeKind } from '@sabt/core';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { Heading } from '../../components/heading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { meQuery } from '../../lib/auth.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { adminOfficesQuery } from './api.ts';
import { AdminNav } from './components/admin-nav.tsx';
import { OfficeStatus } from './components/office-status.tsx';
import { OpenOfficeForm } from './components/open-office.tsx';
import { useAdminMessages } from './messages.ts';

const PAGE = 50;

/**
 * The offices an administrator reaches (`/admin/offices`; the whole tree for the central department,
 * a head of office their office and those below it), in tree order, found by name or code, kind
 * and status; a new office for the central department.
 */
export default function OfficesPage() {
  const { m, lang, kindLabel } = useAdminMessages();
  const o = m.offices;
  usePageTitle(o.title);
  const { data: me } = useSuspenseQuery(meQuery());
  const offices = useQuery(adminOfficesQuery());
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<OfficeKind | ''>('');
  const [status, setStatus] = useState<'' | 'open' | 'closed'>('');
  const [page, setPage] = useState(0);
  const all = offices.data ?? [];
  const byId = useMemo(() => new Map(all.map((x) => [x.id, x])), [all]);
  const wanted = q.trim().toLowerCase();
  const shown = all.filter(
    (x) =>
      (!kind || x.kind === kind) &&
      (!status || (status === 'open') === x.active) &&
      (!wanted ||
        x.id.toLowerCase().includes(wanted) ||
        Object.values(x.name).some((n) => n.toLowerCase().includes(wanted))),
  );
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const at = Math.min(page, pages - 1);
  const national = adminReach('read-users', me.role) === 'national';
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(0);
    };

  const columns: Column<AdminOffice>[] = [
    {
      header: o.name,
      rowHeader: true,
      cell: (x) => (
        <Anchor component={Link} to={`/admin/offices/${x.id}`}>
          {x.name[lang]}
        </Anchor>
      ),
    },
    { header: o.code, cell: (x) => x.id, nowrap: true },
    { header: o.kind, cell: (x) => kindLabel(x.kind) },
    { header: o.parent, cell: (x) => (x.parent ? (byId.get(x.parent)?.name[lang] ?? x.parent) : '—') },
    {
      header: o.status,
      nowrap: true,
      cell: (x) => <OfficeStatus office={x} />,
    },
    { header: o.users, cell: (x) => x.users, right: true },
  ];

  return (
    <Stack gap="lg">
      <AdminNav />
      <Heading title={o.title} intro={national ? o.introNational : o.introSubtree} />
      {mayAdminister('open-office', me.role) && offices.data && <OpenOfficeForm offices={offices.data} />}
      <Paper withBorder p="md" component="section" aria-label={o.filters}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {o.filters}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={o.q}
              value={q}
              onChange={(e) => filter(setQ)(e.currentTarget.value)}
              autoComplete="off"
            />
            <NativeSelect
              label={o.kind}
              value={kind}
              onChange={(e) => filter(setKind)(e.currentTarget.value as OfficeKind | '')}
              data={[
                { value: '', label: m.common.any },
                ...OFFICE_KINDS.map((k) => ({ value: k, label: kindLabel(k) })),
              ]}
            />
            <NativeSelect
              label={o.status}
              value={status}
              onChange={(e) => filter(setStatus)(e.currentTarget.value as '' | 'open' | 'closed')}
              data={[
                { value: '', label: m.common.any },
                { value: 'open', label: o.open },
                { value: 'closed', label: o.closed },
              ]}
            />
          </SimpleGrid>
        </Stack>
      </Paper>
      <ProblemAlert error={offices.error} text={{ title: m.common.loadError, check: m.common.check }} />
      {offices.isPending && <Text c="dimmed">{m.common.loading}</Text>}
      {offices.data && shown.length === 0 && <Text>{o.none}</Text>}
      {shown.length > 0 && (
        <DataTable
          columns={columns}
          rows={shown.slice(at * PAGE, at * PAGE + PAGE)}
          rowKey={(x) => x.id}
          caption={o.caption}
          minWidth={900}
          rowProps={(x) => ({ 'data-office': x.id })}
        />
      )}
      {pages > 1 && (
        <Group gap="xs">
          <Button variant="default" disabled={at === 0} onClick={() => setPage(at - 1)}>
            {m.common.previous}
          </Button>
          <Button variant="default" disabled={at >= pages - 1} onClick={() => setPage(at + 1)}>
            {m.common.next}
          </Button>
          <Text size="sm" c="dimmed" aria-live="polite">
            {m.common.page(at + 1)}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
