import { Alert, Anchor, Box, Button, Group, Stack, Text } from '@mantine/core';
import { documentFor, FEE_SERVICE_DEFINITIONS, formatMinor, holdersOf } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Heading } from '../../../components/heading.tsx';
import { LoadingText } from '../../../components/page-loader.tsx';
import { recordFeesQuery } from '../../../lib/record-fees.ts';
import { type Certificate, type CertificateRecord, recordCertificatesQuery } from '../api/certificates.ts';
import { seriesNumber } from '../lib/format.ts';
import { useRights } from '../lib/rights.ts';
import { useCertificateMessages } from '../messages.ts';
import { CertificateTable } from './certificate-table.tsx';
import { expectedIssue, IssueDialog } from './issue-dialog.tsx';
import { PdfDialog } from './pdf-dialog.tsx';
import { ReceiptDialog } from './receipt-dialog.tsx';
import { ReceiptSlipDialog } from './receipt-slip-dialog.tsx';
import { SpoilDialog } from './spoil-dialog.tsx';

interface Props {
  record: CertificateRecord;
  /** The record changed (a print or a hand-over is in its history): read it again. */
  onChanged?: () => void;
}

type Open =
  | { dialog: 'issue' }
  | { dialog: 'receipt' | 'slip' | 'pdf' | 'spoil'; certificate: Certificate }
  | null;

/**
 * The certificates of a record on the record screen: every print (first, repeat, new after a
 * change; superseded and spoiled ones marked), who collected each, and for clerks and registrars of
 * the record's office the print itself and the hand-over.
 */
export function CertificatesSection({ record, onChanged }: Props) {
  const { m, lang } = useCertificateMessages();
  const rights = useRights();
  const list = useQuery(recordCertificatesQuery(record.id));
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);

  const registered = record.status === 'registered';
  const mayIssue = rights.mayIn('issue-certificate', record.office) && registered;
  const certificates = list.data ?? [];
  const own = documentFor(record);
  // a divorce: the first for either former spouse still to come is a first certificate
  const kinds = (holdersOf(own).length ? holdersOf(own) : [undefined]).map((h) =>
    expectedIssue(record, certificates, own, h),
  );
  const kind =
    !list.data || kinds.includes('first') ? 'first' : kinds.includes('reissue') ? 'reissue' : 'repeat';
  const issueLabel =
    kind === 'repeat' ? m.section.issueRepeat : kind === 'reissue' ? m.section.issueNew : m.section.issue;
  // a repeat or a new certificate is paid first (the server refuses it anyway): say so, and where
  const fees = useQuery({ ...recordFeesQuery(record.id), enabled: mayIssue && kind !== 'first' }).data;
  const unpaid =
    mayIssue && kind !== 'first'
      ? fees?.onRequest.find((s) => s.purpose === 'certificate' && !s.settled)
      : undefined;
  const hint = !rights.may('issue-certificate')
    ? null
    : !registered
      ? m.section.notRegistered
      : !mayIssue
        ? m.section.otherOffice
        : null;

  return (
    <Box component="section" aria-labelledby="certificates-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Heading
            title={m.section.title}
            intro={m.section.intro}
            order={2}
            size="h3"
            gap={2}
            id="certificates-title"
          />
          {mayIssue && (
            <Button onClick={() => setOpen({ dialog: 'issue' })} disabled={!list.data}>
              {issueLabel}
            </Button>
          )}
        </Group>
        {record.flags.includes('certificate-reissue') && registered && (
          <Alert color="orange" variant="light" role="note">
            {m.section.reissueDue}
          </Alert>
        )}
        {unpaid && (
          <Alert color="orange" variant="light" role="note" data-testid="certificate-unpaid">
            {m.section.unpaid(
              FEE_SERVICE_DEFINITIONS[unpaid.service].labels[lang],
              formatMinor(unpaid.outstandingMinor),
            )}{' '}
            <Anchor component={Link} to="?tab=fees">
              {m.section.toFees}
            </Anchor>
          </Alert>
        )}
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
        {list.isError && !list.data ? (
          <Alert color="red" role="alert" title={m.section.loadError}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{list.error.message}</Text>
              <Button size="xs" variant="light" color="red" onClick={() => void list.refetch()}>
                {m.section.retry}
              </Button>
            </Stack>
          </Alert>
        ) : !list.data ? (
          <LoadingText>{m.section.loading}</LoadingText>
        ) : certificates.length === 0 ? (
          <Text c="dimmed">{m.section.empty}</Text>
        ) : (
          <CertificateTable
            items={certificates}
            actions={{
              onView: (c) => setOpen({ dialog: 'pdf', certificate: c }),
              onReceipt: rights.mayIn('record-receipt', record.office)
                ? (c) => setOpen({ dialog: 'receipt', certificate: c })
                : undefined,
              onSpoil: rights.mayIn('report-spoiled-blank', record.office)
                ? (c) => setOpen({ dialog: 'spoil', certificate: c })
                : undefined,
              onSlip: (c) => setOpen({ dialog: 'slip', certificate: c }),
            }}
          />
        )}
      </Stack>

      {open?.dialog === 'issue' && (
        <IssueDialog
          record={record}
          certificates={certificates}
          onClose={close}
          onIssued={() => onChanged?.()}
          onReceipt={(c) => setOpen({ dialog: 'receipt', certificate: c })}
        />
      )}
      {open?.dialog === 'receipt' && (
        <ReceiptDialog
          certificate={open.certificate}
          onClose={close}
          onDone={(c) => {
            onChanged?.();
            // the hand-over recorded: its receipt slip, to print for the signatures
            setOpen({ dialog: 'slip', certificate: c });
          }}
        />
      )}
      {open?.dialog === 'slip' && <ReceiptSlipDialog certificate={open.certificate} onClose={close} />}
      {open?.dialog === 'pdf' && <PdfDialog certificate={open.certificate} onClose={close} />}
      {open?.dialog === 'spoil' && open.certificate.blankId !== null && (
        <SpoilDialog
          blankId={open.certificate.blankId}
          label={seriesNumber(open.certificate)}
          onClose={close}
        />
      )}
    </Box>
  );
}
