import { Group, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type Certificate, fetchCertificatePdf } from '../api/certificates.ts';
import { namedDocument } from '../lib/format.ts';
import { useCertificateMessages } from '../messages.ts';
import { CertificateModal } from './dialog.tsx';
import { PdfFrame } from './pdf-frame.tsx';
import { ProblemAlert } from './problem-alert.tsx';

/** A certificate's signed PDF exactly as issued, to look at or print again. */
export function PdfDialog({ certificate, onClose }: { certificate: Certificate; onClose: () => void }) {
  const { m, documentLabel } = useCertificateMessages();
  const pdf = useQuery({
    queryKey: ['certificates', 'pdf', certificate.id],
    queryFn: ({ signal }) => fetchCertificatePdf(certificate, signal),
    // the bytes of an issued certificate never change
    staleTime: Number.POSITIVE_INFINITY,
  });
  const number = namedDocument(documentLabel(certificate.document), certificate);
  return (
    <CertificateModal title={m.pdf.dialogTitle(number)} onClose={onClose} size="60rem">
      {pdf.data ? (
        <PdfFrame blob={pdf.data} title={m.issue.pdfTitle(number)} printable height="70vh" />
      ) : pdf.error ? (
        <ProblemAlert error={pdf.error} />
      ) : (
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden="true" />
          <Text c="dimmed">{m.pdf.loading}</Text>
        </Group>
      )}
    </CertificateModal>
  );
}
