import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { formatDate } from '@sabt/core';
import { DataTable } from '../../../components/data-table.tsx';
import { formatInstant } from '../../../lib/dates.ts';
import type { Certificate } from '../api/certificates.ts';
import { seriesNumber } from '../lib/format.ts';
import { useCertificateMessages } from '../messages.ts';

export interface CertificateActions {
  onView: (c: Certificate) => void;
  /** Absent when this user may not record hand-overs here. */
  onReceipt?: ((c: Certificate) => void) | undefined;
  /** Absent when this user may not report spoiled blanks here. */
  onSpoil?: ((c: Certificate) => void) | undefined;
  /** The receipt slip of a recorded hand-over, to print again. */
  onSlip?: ((c: Certificate) => void) | undefined;
}

const STATUS_COLOR = { valid: 'teal', superseded: 'gray', spoiled: 'red' } as const;
/** Badges that wrap rather than cut a long status ("Вайрон, аз ҳисоб бароварда шуд"). */
const WRAP = {
  root: { height: 'auto', minHeight: 'var(--badge-height)', paddingBlock: 2, maxWidth: '100%' },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.25 },
} as const;

/** A record's certificates, oldest first: number, document, issue, status, who issued it and who collected it. */
export function CertificateTable({ items, actions }: { items: Certificate[]; actions: CertificateActions }) {
  const { m, documentLabel } = useCertificateMessages();
  return (
    <DataTable
      minWidth={860}
      verticalSpacing="sm"
      caption={m.table.caption}
      rows={items}
      rowKey={(c) => c.id}
      rowProps={(c) => ({ 'data-certificate': c.id })}
      columns={[
        {
          header: m.table.number,
          nowrap: true,
          cell: (c) => (
            <>
              <Text fw={700}>{seriesNumber(c)}</Text>
              <Text size="xs" c="dimmed">
                {c.onBlank ? m.table.onBlank : m.table.plainPaper} · {m.modes[c.mode]}
              </Text>
            </>
          ),
        },
        {
          header: m.table.document,
          cell: (c) => (
            <>
              <Text size="sm">{documentLabel(c.document)}</Text>
              {c.holder && (
                <Text size="xs" fw={500}>
                  {m.holders[c.holder]}
                </Text>
              )}
              <Badge
                tt="none"
                variant="light"
                color={c.issue === 'first' ? 'blue' : 'grape'}
                size="sm"
                styles={WRAP}
              >
                {m.issueKinds[c.issue]}
              </Badge>
            </>
          ),
        },
        {
          header: m.table.status,
          cell: (c) => (
            <>
              <Badge tt="none" variant="light" color={STATUS_COLOR[c.status]} styles={WRAP}>
                {m.statuses[c.status]}
              </Badge>
              {!c.current && c.status === 'valid' && (
                <Text size="xs" c="orange.8">
                  {m.table.earlierVersion(c.recordVersion)}
                </Text>
              )}
            </>
          ),
        },
        {
          header: m.table.issued,
          cell: (c) => (
            <>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDate(c.issuedOn)}
              </Text>
              <Text size="xs" c="dimmed">
                {c.issuedBy?.name ?? c.issuedBy?.login ?? ''}
              </Text>
            </>
          ),
        },
        { header: m.table.received, cell: (c) => <Receipt c={c} /> },
        { header: m.table.actions, cell: (c) => <Actions c={c} actions={actions} /> },
      ]}
    />
  );
}

function Actions({ c, actions }: { c: Certificate; actions: CertificateActions }) {
  const { m } = useCertificateMessages();
  const number = seriesNumber(c);
  return (
    <Group gap={6} wrap="wrap">
      <Button size="xs" variant="light" onClick={() => actions.onView(c)}>
        {m.table.view}
      </Button>
      {actions.onReceipt && !c.receipt && c.status !== 'spoiled' && (
        <Button size="xs" onClick={() => actions.onReceipt?.(c)} aria-label={`${m.table.receipt}: ${number}`}>
          {m.table.receipt}
        </Button>
      )}
      {actions.onSlip && c.receipt?.name && (
        <Button
          size="xs"
          variant="light"
          onClick={() => actions.onSlip?.(c)}
          aria-label={`${m.table.slip}: ${number}`}
        >
          {m.table.slip}
        </Button>
      )}
      {actions.onSpoil && c.onBlank && c.status === 'valid' && (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          onClick={() => actions.onSpoil?.(c)}
          aria-label={`${m.table.spoil}: ${number}`}
        >
          {m.table.spoil}
        </Button>
      )}
    </Group>
  );
}

function Receipt({ c }: { c: Certificate }) {
  const { m, idTypeLabel } = useCertificateMessages();
  if (!c.receipt) {
    return (
      <Text size="sm" c="dimmed">
        {m.table.notReceived}
      </Text>
    );
  }
  const doc = c.receipt.idDocument;
  if (c.receipt.name === null || doc === null) {
    return (
      <Stack gap={0}>
        <Text size="sm">{m.table.receivedSealed}</Text>
        <Text size="xs" c="dimmed">
          {formatInstant(c.receipt.receivedAt)}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="sm">{m.table.receivedBy(c.receipt.name)}</Text>
      <Text size="xs">
        {idTypeLabel(doc.type)} {[doc.series, doc.number].filter(Boolean).join(' ')}
        {doc.issuer ? `, ${doc.issuer}` : ''}
      </Text>
      <Text size="xs" c="dimmed">
        {formatInstant(c.receipt.receivedAt)}
        {c.receipt.recordedBy
          ? `, ${m.table.recordedBy(c.receipt.recordedBy.name ?? c.receipt.recordedBy.login)}`
          : ''}
      </Text>
    </Stack>
  );
}
