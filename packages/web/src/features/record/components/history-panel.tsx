import { List, Stack, Switch, Table, Text } from '@mantine/core';
import { t as coreT } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { formatInstant } from '../../../lib/dates.ts';
import type { RecordView } from '../../../lib/records.ts';
import { type HistoryItem, historyQuery } from '../api/record.ts';
import { type Labels, useLabels } from '../hooks/use-labels.ts';
import { isObject, patchLeaves } from '../lib/data-paths.ts';
import { basisText } from './banners.tsx';
import { notationKind } from './links-panel.tsx';
import { LoadError, Loading } from './query-state.tsx';
import { RecordRef } from './record-ref.tsx';

type Payload = Record<string, unknown>;

const asChanges = (v: unknown) =>
  Array.isArray(v) ? (v.filter(isObject) as { path: string; before: unknown; after: unknown }[]) : [];

/** The details an action's log entry carries, in words. */
function details(item: HistoryItem, kind: string, l: Labels): ReactNode[] {
  const { m, lang, pathLabel, value } = l;
  const p: Payload = isObject(item.payload) ? item.payload : {};
  const out: ReactNode[] = [];
  if (p.sealed === true) return [l.flagLabel('sealed')];
  if (item.action === 'register' && p.number !== undefined) {
    out.push(
      <>
        {m.history.number(String(p.number), String(p.year ?? ''))}
        {typeof p.nationalId === 'string' ? ` · ${m.links.nationalId}: ${p.nationalId}` : ''}
      </>,
    );
  }
  if (item.action === 'edit' && typeof p.autosaves === 'number' && p.autosaves > 1) {
    // a person's consecutive autosaves, shown as one entry with their combined difference
    const time = (at: unknown) => formatInstant(typeof at === 'string' ? at : null).split(' ')[1] ?? '';
    out.push(m.history.autosaves(p.autosaves, `${time(p.firstAt)}–${time(item.at)}`));
  }
  if (item.action === 'register' && p.selfRegistered === true) out.push(m.history.selfRegistered);
  if (item.action === 'shorten-waiting' && typeof p.ground === 'string') {
    out.push(
      `${m.waiting.grounds[p.ground] ?? p.ground}${
        typeof p.allowedFrom === 'string' ? ` · ${m.history.allowedFrom(value(['date'], p.allowedFrom))}` : ''
      }`,
    );
  }
  if (item.action === 'edit' && isObject(p.patch)) {
    const fields = patchLeaves(p.patch).map((leaf) => pathLabel(kind, leaf.path));
    if (fields.length > 0) out.push(`${m.links.changed}: ${fields.join('; ')}`);
  }
  for (const c of asChanges(p.changes)) {
    const segments = c.path.split('.');
    out.push(
      <>
        <strong>{pathLabel(kind, segments)}</strong>: {value(segments, c.before)} → {value(segments, c.after)}
      </>,
    );
  }
  if (item.action === 'amend' && typeof p.version === 'number') out.push(m.history.newVersion(p.version));
  if (isObject(p.basis)) {
    const b = p.basis;
    if (isObject(b.court)) {
      const c = b.court;
      out.push(
        <>
          {m.history.basis}: {value(['type'], 'COURT_DECISION')}, {String(c.court ?? '')}, №{' '}
          {String(c.caseNumber ?? '')}
          {typeof c.date === 'string' ? `, ${value(['date'], c.date)}` : ''}
        </>,
      );
    } else if (typeof b.duplicateOf === 'string') {
      out.push(
        <>
          {m.history.basis}: {value(['type'], 'DUPLICATE')} — <RecordRef id={b.duplicateOf} />
        </>,
      );
    } else {
      out.push(`${m.history.basis}: ${basisText(b, value)}`);
    }
  }
  if (item.action === 'notation' && typeof p.type === 'string') {
    out.push(
      <>
        {m.links.notationTypes[p.type] ?? m.links.otherNotation}
        {typeof p.recordId === 'string' && (
          <>
            {' — '}
            <RecordRef
              id={p.recordId}
              kind={notationKind(p.type, p.kind)}
              number={typeof p.number === 'number' ? p.number : null}
              year={typeof p.year === 'number' ? p.year : null}
            />
          </>
        )}
      </>,
    );
  }
  if (item.action === 'resolve-duplicate' && typeof p.verdict === 'string') {
    out.push(
      <>
        {m.history.verdicts[p.verdict] ?? p.verdict}
        {typeof p.candidateId === 'string' && (
          <>
            {' — '}
            <RecordRef id={p.candidateId} />
          </>
        )}
      </>,
    );
  }
  if (
    (item.action === 'issue-certificate' || item.action === 'certificate-receipt') &&
    typeof p.series === 'string' &&
    typeof p.number === 'string'
  ) {
    out.push(`${p.series} № ${p.number}`);
  }
  if (item.action === 'duplicate-found' && Array.isArray(p.candidates)) {
    out.push(m.history.candidates(p.candidates.length));
  }
  if (Array.isArray(p.warnings)) {
    for (const w of p.warnings.filter(isObject)) {
      if (typeof w.key === 'string') {
        const path = Array.isArray(w.path) ? w.path.map(String) : [];
        out.push(
          <>
            {path.length > 0 && <strong>{pathLabel(kind, path)}: </strong>}
            {coreT(w.key, lang, { ...(isObject(w.params) ? w.params : {}) })}
          </>,
        );
      }
    }
  }
  return out;
}

/** The action log: who (name, role, office), when, what, why, and the status before → after. */
export function HistoryPanel({ record }: { record: RecordView }) {
  const labels = useLabels();
  const { m, roleLabel, officeName, statusLabel } = labels;
  const [each, setEach] = useState(false);
  // the entries shown stay while the other view loads
  const history = useQuery({ ...historyQuery(record.id, each), placeholderData: (previous) => previous });

  if (history.isError) {
    return (
      <LoadError title={m.history.loadError} retry={m.page.retry} onRetry={() => void history.refetch()} />
    );
  }
  if (!history.data) {
    return <Loading label={m.page.loading} />;
  }
  if (history.data.length === 0) return <Text c="dimmed">{m.history.none}</Text>;

  return (
    <Stack gap="xs">
      <Switch
        label={m.history.showEach}
        checked={each}
        onChange={(e) => setEach(e.currentTarget.checked)}
        size="sm"
      />
      <Table.ScrollContainer minWidth={680} type="native">
        <Table verticalSpacing="sm" striped withTableBorder fz="sm">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{m.history.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={96}>{m.history.when}</Table.Th>
              <Table.Th w={170}>{m.history.who}</Table.Th>
              <Table.Th w={170}>{m.history.action}</Table.Th>
              <Table.Th>{m.history.reason}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.map((item) => {
              const more = details(item, record.kind, labels);
              const moved = item.from !== item.to && item.to;
              const [date, time] = formatInstant(item.at).split(' ');
              return (
                <Table.Tr key={item.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                    {date}
                    <Text size="xs" c="dimmed">
                      {time}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Text size="sm" fw={600}>
                      {item.by ? (item.by.name ?? item.by.login) : m.history.system}
                    </Text>
                    {item.by?.role && (
                      <Text size="xs" c="dimmed">
                        {roleLabel(item.by.role)}
                      </Text>
                    )}
                    {item.office && (
                      <Text size="xs" c="dimmed">
                        {officeName(item.office)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Text size="sm" fw={600}>
                      {m.history.actions[item.action] ?? item.action}
                    </Text>
                    {moved && (
                      <Text size="xs" c="dimmed">
                        {item.from ? `${statusLabel(item.from)} → ` : ''}
                        {statusLabel(item.to)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Stack gap={2}>
                      {item.reason && <Text size="sm">{item.reason}</Text>}
                      {more.length > 0 && (
                        <List size="xs" spacing={0}>
                          {more.map((d, i) => (
                            // biome-ignore lint/suspicious/noArrayIndexKey: details of one log entry never move
                            <List.Item key={i}>{d}</List.Item>
                          ))}
                        </List>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
