import { Alert, Anchor, SegmentedControl, Stack } from '@mantine/core';
import {
  applicationService,
  formatDate,
  formatVerifyCode,
  getActKind,
  isCopyService,
  type OnlineApplication,
} from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { Heading } from '../../components/heading.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { TokenPager, useTokenPages } from '../../components/token-pager.tsx';
import { meQuery } from '../../lib/auth.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { takesApplications } from './access.ts';
import { type OnlineQueue, onlineApplicationsQuery } from './api.ts';
import { useOnlineMessages } from './messages.ts';

const QUEUES: OnlineQueue[] = ['received', 'waiting-for-visit', 'needs-correction'];

/**
 * `/online-applications`: the applications citizens sent to the office through the portal, by list
 * (received, waiting for the citizen's visit, returned for correction), oldest first; each opens.
 */
export default function OnlineApplicationsPage() {
  const { m, lang } = useOnlineMessages();
  usePageTitle(m.title);
  const me = useQuery(meQuery());
  const [params, setParams] = useSearchParams();
  const queue = (QUEUES as string[]).includes(params.get('list') ?? '')
    ? (params.get('list') as OnlineQueue)
    : 'received';
  const allowed = takesApplications(me.data?.role);
  const pages = useTokenPages();
  const list = useQuery({ ...onlineApplicationsQuery(queue, pages.token), enabled: allowed });
  if (me.data && !allowed) return <Alert color="gray">{m.notAllowed}</Alert>;

  const columns: Column<OnlineApplication>[] = [
    {
      header: m.tracking,
      rowHeader: true,
      nowrap: true,
      cell: (x) => (
        <Anchor component={Link} to={`/online-applications/${x.id}`}>
          {formatVerifyCode(x.trackingCode)}
        </Anchor>
      ),
    },
    {
      header: m.kind,
      cell: (x) =>
        isCopyService(x.kind)
          ? applicationService(x.kind).title[lang]
          : (getActKind(x.kind)?.labels[lang] ?? x.kind),
    },
    {
      header: m.person,
      cell: (x) => [x.summary.surname, x.summary.name, x.summary.patronymic].filter(Boolean).join(' '),
    },
    {
      header: m.event,
      nowrap: true,
      cell: (x) => (x.summary.eventDate ? formatDate(x.summary.eventDate) : ''),
    },
    { header: m.submitted, nowrap: true, cell: (x) => formatDate(x.submittedAt.slice(0, 10)) },
  ];

  return (
    <Stack gap="md">
      <Heading title={m.title} intro={m.intro} />
      <SegmentedControl
        aria-label={m.title}
        value={queue}
        onChange={(v) => {
          pages.reset();
          setParams({ list: v });
        }}
        data={QUEUES.map((q) => ({ value: q, label: m.queues[q] }))}
      />
      <ProblemAlert error={list.error} text={m.problem} />
      {list.data &&
        (list.data.items.length === 0 ? (
          <Alert color="gray">{m.none}</Alert>
        ) : (
          <DataTable
            columns={columns}
            rows={list.data.items}
            rowKey={(x) => x.id}
            caption={m.queues[queue]}
            minWidth={640}
            rowProps={(x) => ({ 'data-application': x.id })}
          />
        ))}
      {list.data && (list.data.next || pages.number > 1) && (
        <TokenPager pages={pages} next={list.data.next} loading={list.isPlaceholderData} labels={m.pages} />
      )}
    </Stack>
  );
}
