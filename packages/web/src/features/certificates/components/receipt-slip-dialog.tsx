import { Group, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type Certificate, fetchReceiptSlip } from '../api/certificates.ts';
import { namedDocument } from '../lib/format.ts';
import { useCertificateMessages } from '../messages.ts';
import { CertificateModal } from './dialog.tsx';
import { PdfFrame } from './pdf-frame.tsx';
import { ProblemAlert } from './problem-alert.tsx';

/** The receipt slip of a hand-over, to print for the recipient's and the staff member's signatures. */
export function ReceiptSlipDialog({
  certificate,
  onClose,
}: {
  certificate: Certificate;
  onClose: () => void;
}) {
  const { m, documentLabel } = useCertificateMessages();
  const slip = useQuery({
    queryKey: ['certificates', 'receipt-slip', certificate.id],
    queryFn: ({ signal }) => fetchReceiptSlip(certificate, signal),
    // a recorded hand-over never changes
    staleTime: Number.POSITIVE_INFINITY,
  });
  const number = namedDocument(documentLabel(certificate.document), certificate);
  return (
    <CertificateModal title={m.slip.title(number)} onClose={onClose} size="50rem">
      <Text size="sm" mb="sm">
        {m.slip.intro}
      </Text>
      {slip.data ? (
        <PdfFrame blob={slip.data} title={m.slip.pdfTitle(number)} printable height="65vh" />
      ) : slip.error ? (
        <ProblemAlert error={slip.error} />
      ) : (
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden="true" />
          <Text c="dimmed">{m.slip.loading}</Text>
        </Group>
      )}
    </CertificateModal>
  );
}
