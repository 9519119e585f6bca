import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { isLocale } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoader } from '../../components/page-loader.tsx';
import { isProblem } from '../../lib/api.ts';
import { meQuery } from '../../lib/auth.ts';
import { formatInstant } from '../../lib/dates.ts';
import { fetchRecord, type RecordView } from '../../lib/records.ts';
import { catalogueOf } from './catalogue/index.ts';
import { ApplicationForm } from './components/application-form.tsx';
import type { Values } from './lib/catalogue-types.ts';
import { draftOfferedTo, type LocalDraft, readLocalDraft, removeLocalDraft } from './lib/local-drafts.ts';
import { deepEqual } from './lib/paths.ts';
import { type FormMessages, fmt, MESSAGES } from './messages.ts';

type Start =
  | { from: 'server' }
  | { from: 'local'; local: LocalDraft }
  | { from: 'choice'; local: LocalDraft }
  | { from: 'offline'; local: LocalDraft };

/** Which copy to open: the server's draft, or the newer copy this browser kept. */
function decide(record: RecordView | undefined, local: LocalDraft | undefined): Start {
  if (!record) return local ? { from: 'offline', local } : { from: 'server' };
  if (!local?.dirty) return { from: 'server' };
  if (deepEqual(local.values, record.data)) return { from: 'server' };
  return local.revision === record.revision ? { from: 'local', local } : { from: 'choice', local };
}

/** `/records/:id/edit`: the server's draft, and any newer copy kept in this browser. */
export default function EditDraftPage() {
  const { id = '' } = useParams();
  const { i18n } = useTranslation();
  const m = MESSAGES[isLocale(i18n.language) ? i18n.language : 'tg'];
  const q = useQuery({
    queryKey: ['forms', 'draft', id],
    queryFn: ({ signal }) => fetchRecord(id, signal).then((r) => r.record),
    staleTime: 0,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const { data: me } = useQuery(meQuery());
  const [kept] = useState(() => readLocalDraft(id));
  // another user's copy on this computer is not theirs to open
  const local = kept && draftOfferedTo(kept, me?.id) ? kept : undefined;
  const [override, setOverride] = useState<'server' | 'local' | null>(null);

  if (q.isPending) return <PageLoader />;
  const offline = q.isError && isProblem(q.error, 0);
  if (q.isError && !(offline && local)) {
    return (
      <Alert color="red" role="alert" title={m.edit.loadError}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{q.error.message}</Text>
          <Button size="xs" variant="light" color="red" onClick={() => void q.refetch()}>
            {m.edit.retry}
          </Button>
        </Stack>
      </Alert>
    );
  }
  const record = q.data;
  const editable =
    record &&
    record.status === 'draft' &&
    record.data &&
    catalogueOf(record.kind) &&
    (record.actions ?? ['edit']).includes('edit');
  if (record && !editable) {
    return (
      <Alert color="yellow" role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{m.edit.notEditable}</Text>
          <Anchor component={Link} to={`/records/${id}`}>
            {m.edit.openRecord}
          </Anchor>
        </Stack>
      </Alert>
    );
  }

  const start = decide(record, local);
  const useLocal = override ? override === 'local' : start.from === 'local' || start.from === 'offline';
  const kind = record?.kind ?? (local?.kind as RecordView['kind']);
  const values = (useLocal && local ? local.values : (record?.data ?? {})) as Values;
  const revision = record?.revision ?? local?.revision ?? null;
  const serverData = record?.data ?? local?.base ?? null;

  return (
    <ApplicationForm
      key={`${id}-${useLocal ? 'local' : 'server'}`}
      kind={kind}
      id={id}
      initialValues={values}
      revision={revision}
      serverData={serverData}
      mode="edit"
      notice={
        <Notice
          start={start}
          m={m}
          usingLocal={useLocal}
          onUseServer={() => {
            removeLocalDraft(id);
            setOverride('server');
          }}
          onUseLocal={() => setOverride('local')}
        />
      }
    />
  );
}

function Notice({
  start,
  m,
  usingLocal,
  onUseServer,
  onUseLocal,
}: {
  start: Start;
  m: FormMessages;
  usingLocal: boolean;
  onUseServer: () => void;
  onUseLocal: () => void;
}) {
  if (start.from === 'server') return null;
  if (start.from === 'offline')
    return (
      <Alert color="orange" role="status">
        {m.local.offline}
      </Alert>
    );
  if (start.from === 'local' || usingLocal)
    return (
      <Alert color="blue" role="status">
        <Group justify="space-between" gap="xs">
          <Text size="sm">{m.local.restored}</Text>
          {start.from === 'local' && (
            <Button size="xs" variant="default" onClick={onUseServer}>
              {m.local.discard}
            </Button>
          )}
        </Group>
      </Alert>
    );
  return (
    <Alert color="orange" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{fmt(m.local.older, { time: formatInstant(start.local.savedAt) })}</Text>
        <Group gap="xs">
          <Button size="xs" onClick={onUseLocal}>
            {m.local.useMine}
          </Button>
          <Button size="xs" variant="default" onClick={onUseServer}>
            {m.local.keepServer}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
