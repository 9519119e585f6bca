import { Anchor, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Banner } from '../../../components/banner.tsx';
import { formatInstant } from '../../../lib/dates.ts';
import type { RecordView } from '../../../lib/records.ts';
import { type AmendmentRequest, amendmentsQuery } from '../api/record.ts';
import { useLabels } from '../hooks/use-labels.ts';
import { patchChanges } from '../lib/data-paths.ts';
import { DiffTable } from './diff-table.tsx';

/** The link to a record's similar records (its duplicates screen). */
export function DuplicatesLink({ recordId, strong = false }: { recordId: string; strong?: boolean }) {
  const { m } = useLabels();
  return (
    <Anchor component={Link} to={`/records/${recordId}/duplicates`} size="sm" fw={strong ? 600 : undefined}>
      {m.banners.duplicateLink}
    </Anchor>
  );
}

/** The reason of a decision (sending back, cancelling) and who made it, when. */
function Decided({
  label,
  decision,
  byLine,
}: {
  label: string;
  decision: { reason?: string | null; at?: string | null; by?: string | null; byName?: string | null };
  byLine: (name: string, at: string) => string;
}) {
  return (
    <>
      {decision.reason && (
        <Text size="sm">
          <strong>{label}:</strong> {decision.reason}
        </Text>
      )}
      {decision.by && (
        <Text size="sm" c="dimmed">
          {byLine(decision.byName ?? decision.by, formatInstant(decision.at ?? null))}
        </Text>
      )}
    </>
  );
}

/** What needs attention first: sent back (with the reason), possible duplicate, pending amendment, a marriage's waiting period, annulled, cancelled, sealed. */
export function RecordBanners({ record }: { record: RecordView }) {
  const { m } = useLabels();
  const flags = new Set<string>(record.flags);
  return (
    <Stack gap="sm">
      {record.rejection && record.status === 'draft' && (
        <Banner color="red" title={m.banners.rejected}>
          <Stack gap={4}>
            <Decided
              label={m.banners.reasonLabel}
              decision={record.rejection}
              byLine={m.banners.rejectedBy}
            />
          </Stack>
        </Banner>
      )}
      {flags.has('possible-duplicate') && (
        <Banner color="orange" title={m.banners.duplicate}>
          <Stack gap={4} align="flex-start">
            <Text size="sm">{m.banners.duplicateText}</Text>
            <DuplicatesLink recordId={record.id} strong />
          </Stack>
        </Banner>
      )}
      {flags.has('duplicate') && (
        <Banner color="red" title={m.banners.duplicateConfirmed}>
          <DuplicatesLink recordId={record.id} />
        </Banner>
      )}
      {flags.has('amendment-requested') && <PendingAmendment record={record} />}
      {record.waitingPeriod && <WaitingPeriod record={record} />}
      {record.status === 'cancelled' && (
        <Banner color="gray" title={m.banners.cancelled}>
          <Stack gap={4}>
            <Text size="sm">{m.banners.cancelledText}</Text>
            {record.cancellation && (
              <Decided
                label={m.banners.reasonLabel}
                decision={record.cancellation}
                byLine={m.banners.cancelledBy}
              />
            )}
          </Stack>
        </Banner>
      )}
      {record.status === 'annulled' && (
        <Banner color="red" variant="filled" title={m.banners.annulled}>
          <Text size="sm">{m.banners.annulledText}</Text>
        </Banner>
      )}
      {record.data === null && (
        <Banner color="dark" title={m.banners.sealed}>
          <Text size="sm">{m.banners.sealedText}</Text>
        </Banner>
      )}
    </Stack>
  );
}

/** A marriage: from when it may be registered, and the head of office's decision that shortened the month. */
function WaitingPeriod({ record }: { record: RecordView }) {
  const { m, value } = useLabels();
  const w = record.waitingPeriod;
  if (!w) return null;
  const date = (d: string) => value(['date'], d);
  const s = w.shortening;
  const late = !w.met && record.status !== 'registered';
  if (!s && !late) return null;
  return (
    <Banner color={late ? 'yellow' : 'blue'} title={m.banners.waiting}>
      <Stack gap={4}>
        <Text size="sm">
          {s
            ? s.allowedFrom === w.applicationDate
              ? m.banners.waitingWaived(date(w.applicationDate))
              : m.banners.waitingShortened(date(w.allowedFrom), date(w.applicationDate))
            : m.banners.waitingText(date(w.allowedFrom), date(w.applicationDate))}
        </Text>
        {late && <Text size="sm">{m.banners.waitingNotYet}</Text>}
        {s && (
          <>
            <Text size="sm">
              <strong>{m.banners.waitingGround}:</strong> {m.waiting.grounds[s.ground] ?? s.ground}
              {s.reason ? ` — ${s.reason}` : ''}
            </Text>
            {s.basis && (
              <Text size="sm">
                <strong>{m.decision.basis}:</strong> {basisText(s.basis, value)}
              </Text>
            )}
            {s.by && (
              <Text size="sm" c="dimmed">
                {m.banners.waitingDecidedBy(s.byName ?? s.by, formatInstant(s.at))}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Banner>
  );
}

function PendingAmendment({ record }: { record: RecordView }) {
  const { m } = useLabels();
  const { data } = useQuery(amendmentsQuery(record.id));
  const pending = data?.find((a) => a.status === 'pending');
  return (
    <Banner color="grape" title={m.banners.amendment}>
      {pending && (
        <Stack gap={6}>
          <Text size="sm" c="dimmed">
            {m.banners.amendmentBy(
              pending.requestedByName ?? pending.requestedBy ?? '—',
              formatInstant(pending.requestedAt),
            )}
          </Text>
          <AmendmentGrounds amendment={pending} />
          {pending.patch && record.data && (
            <DiffTable
              kind={record.kind}
              changes={patchChanges(record.data, pending.patch)}
              caption={m.banners.amendment}
            />
          )}
        </Stack>
      )}
    </Banner>
  );
}

/** Why an amendment was asked for, and on which document. */
export function AmendmentGrounds({ amendment }: { amendment: AmendmentRequest }) {
  const { m, value } = useLabels();
  return (
    <>
      {amendment.reason && (
        <Text size="sm">
          <strong>{m.decision.reason}:</strong> {amendment.reason}
        </Text>
      )}
      {amendment.basis && (
        <Text size="sm">
          <strong>{m.decision.basis}:</strong> {basisText(amendment.basis, value)}
        </Text>
      )}
    </>
  );
}

/** "Ариза № 45 аз 12.05.2025, Каримзода Н. С." */
export function basisText(
  basis: { type?: unknown; number?: unknown; date?: unknown; issuer?: unknown },
  value: (segments: readonly string[], v: unknown) => string,
): string {
  return [
    basis.type ? value(['basis', 'type'], basis.type) : '',
    basis.number ? `№ ${basis.number}` : '',
    basis.date ? value(['date'], basis.date) : '',
    basis.issuer ? String(basis.issuer) : '',
  ]
    .filter(Boolean)
    .join(', ');
}
