import { Anchor, Badge, Stack, Tabs, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type Action, mayRead } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { meQuery } from '../../lib/auth.ts';
import { type RecordView, recordQuery } from '../../lib/records.ts';
import { ActionBar } from './components/actions/action-bar.tsx';
import { RecordBanners } from './components/banners.tsx';
import { CheckPanel } from './components/check-panel.tsx';
import { HistoryPanel } from './components/history-panel.tsx';
import { LinksPanel } from './components/links-panel.tsx';
import { Loading, PageLoadError } from './components/query-state.tsx';
import { RecordData } from './components/record-data.tsx';
import { RecordHeader } from './components/record-header.tsx';
import { VersionsPanel } from './components/versions-panel.tsx';
import { useLabels } from './hooks/use-labels.ts';
import { subjectName } from './lib/data-paths.ts';

const TABS = ['data', 'links', 'versions', 'history', 'fees', 'certificates'] as const;
type Tab = (typeof TABS)[number];

interface Props {
  /**
   * The certificates of a registered (or annulled) record, composed in by the app (features do not
   * import each other); `reload` reads the record again after a print or a hand-over.
   */
  certificates?: (record: RecordView, reload: () => void) => ReactNode;
  /** The record's fees and payments, composed in by the app for a role that works with them. */
  fees?: (record: RecordView, reload: () => void) => ReactNode;
}

/** The record screen (`/records/:id`): everything about one act record and what this user may do with it. */
export default function RecordPage({ certificates, fees }: Props = {}) {
  const id = useParams().id ?? '';
  const { t } = useTranslation();
  const { m, kindLabel } = useLabels();
  const query = useQuery(recordQuery(id));
  const [search, setSearch] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(search.get('tab') ?? '')
    ? (search.get('tab') as Tab)
    : 'data';
  const heading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');

  const record = query.data?.record;
  const name = record ? subjectName(record.data) : '';
  useDocumentTitle(
    record
      ? `${kindLabel(record.kind)}${record.number !== null ? ` № ${record.number}/${record.year}` : ''}${name ? ` — ${name}` : ''} — ${t('app.name')}`
      : `${m.page.loading} — ${t('app.name')}`,
  );

  const onDone = (action: Action) => {
    const text = m.actions.done[action] ?? '';
    setAnnouncement(text);
    if (text) notifications.show({ message: text, color: 'teal' });
    // the button that opened the dialog may be gone (the record moved on): start again from the title
    setTimeout(() => heading.current?.focus(), 0);
  };

  if (query.isError && !query.data) {
    return (
      <PageLoadError
        back={<BackLink />}
        title={m.page.loadError}
        error={query.error}
        text={m.page}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (!record || !query.data) {
    return <Loading label={m.page.loading} />;
  }

  const reload = () => void query.refetch();
  const withCertificates = !!certificates && (record.status === 'registered' || record.status === 'annulled');
  const withFees = !!fees && record.status !== 'cancelled';
  const shownTab: Tab =
    (tab === 'certificates' && !withCertificates) || (tab === 'fees' && !withFees) ? 'data' : tab;

  return (
    <Stack gap="md">
      <BackLink />
      <RecordHeader record={record} ref={heading} />
      <div role="status" aria-live="polite" className="sabt-visually-hidden">
        {announcement}
      </div>
      <RecordBanners record={record} />
      <ActionBar record={record} etag={query.data.etag} onDone={onDone} onReload={reload} />
      <CheckPanel record={record} />
      <Tabs
        value={shownTab}
        onChange={(v) =>
          setSearch(
            (prev) => {
              const next = new URLSearchParams(prev);
              if (!v || v === 'data') next.delete('tab');
              else next.set('tab', v);
              return next;
            },
            { replace: true },
          )
        }
        keepMounted={false}
        variant="outline"
      >
        <Tabs.List aria-label={m.tabs.label}>
          <Tabs.Tab value="data">{m.tabs.data}</Tabs.Tab>
          <Tabs.Tab value="links" rightSection={<Count n={record.links.length + record.notations.length} />}>
            {m.tabs.links}
          </Tabs.Tab>
          <Tabs.Tab value="versions" rightSection={<Count n={record.versions.length} />}>
            {m.tabs.versions}
          </Tabs.Tab>
          <Tabs.Tab value="history">{m.tabs.history}</Tabs.Tab>
          {withFees && <Tabs.Tab value="fees">{m.tabs.fees}</Tabs.Tab>}
          {withCertificates && <Tabs.Tab value="certificates">{m.tabs.certificates}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="data" pt="md">
          {record.data ? (
            <RecordData kind={record.kind} data={record.data} />
          ) : (
            <Text c="dimmed">{m.banners.sealedText}</Text>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="links" pt="md">
          <LinksPanel record={record} />
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          <VersionsPanel record={record} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryPanel record={record} />
        </Tabs.Panel>
        {withFees && (
          <Tabs.Panel value="fees" pt="md">
            {fees?.(record, reload)}
          </Tabs.Panel>
        )}
        {withCertificates && (
          <Tabs.Panel value="certificates" pt="md">
            {certificates?.(record, reload)}
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}

function Count({ n }: { n: number }) {
  if (n === 0) return null;
  return (
    <Badge size="sm" variant="light" color="gray" circle aria-hidden="true">
      {n}
    </Badge>
  );
}

/** Back to the work queues, for a role that has them (one that opens records by id only goes home by the header). */
function BackLink() {
  const { m } = useLabels();
  const me = useQuery(meQuery()).data;
  if (me && !mayRead(me.role, 'list')) return null;
  return (
    <Anchor component={Link} to="/queues" size="sm">
      ← {m.page.back}
    </Anchor>
  );
}
