import { Alert, Button, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import {
  DOCUMENTS,
  type DocumentKind,
  documentChoices,
  documentFor,
  type Holder,
  holdersOf,
  type IssueKind,
  issueKindOf,
} from '@sabt/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { DialogFooter } from '../../../components/dialog-footer.tsx';
import { newUuid } from '../../../lib/api.ts';
import {
  type Certificate,
  type CertificateRecord,
  fetchCertificatePdf,
  fetchPreview,
  nextBlankQuery,
  type PrintChoice,
  useIssueCertificate,
} from '../api/certificates.ts';
import { namedDocument, seriesNumber } from '../lib/format.ts';
import { usePrinters } from '../lib/printers.ts';
import { useCertificateMessages } from '../messages.ts';
import { CertificateModal, useAlertFocus } from './dialog.tsx';
import { type IssueForm, IssueOptions } from './issue-options.tsx';
import { PdfFrame } from './pdf-frame.tsx';
import { ProblemAlert } from './problem-alert.tsx';

interface Props {
  record: CertificateRecord;
  certificates: Certificate[];
  onClose: () => void;
  /** After the print: record who collects it. */
  onReceipt: (c: Certificate) => void;
  onIssued: (c: Certificate) => void;
}

/** The certificates already issued of one document (for this holder), oldest first. */
const issuedOf = (certificates: Certificate[], document: DocumentKind, holder?: Holder) =>
  certificates.filter((c) => c.document === document && (!holder || c.holder === holder));

/** Which issue the next print of a document (for this holder) is, as the server will judge it. */
export function expectedIssue(
  record: CertificateRecord,
  certificates: Certificate[],
  document: DocumentKind,
  holder?: Holder,
) {
  const earlier = issuedOf(certificates, document, holder).map((c) => ({
    status: c.status,
    record_version: c.recordVersion,
  }));
  const reissueDue = document === documentFor(record) && record.flags.includes('certificate-reissue');
  return issueKindOf(record.version, earlier, reissueDue);
}

/**
 * Issuing a certificate: choose the document, the mode and the blank, look at the preview (a
 * sample, nothing taken), then issue: the server takes the blank, signs and stores the PDF, which
 * is shown here to print. The same Idempotency-Key is kept for a retry of the same choice.
 */
export function IssueDialog({ record, certificates, onClose, onReceipt, onIssued }: Props) {
  const { m, documentLabel } = useCertificateMessages();
  const documents = useMemo(() => documentChoices(record), [record]);
  const own = documents[0]!;
  const [form, setForm] = useState<IssueForm>({
    document: own,
    mode: DOCUMENTS[own].blank ? 'overlay' : 'full',
    holder: holdersOf(own)[0] ?? null,
    blank: 'next',
    blankSeries: '',
    blankNumber: '',
  });
  const [numberError, setNumberError] = useState<string | null>(null);
  const { currentPrinter } = usePrinters();
  const onBlank = DOCUMENTS[form.document].blank;
  const next = useQuery({ ...nextBlankQuery(form.document), enabled: onBlank });
  const issue = useIssueCertificate(record.id);
  const preview = useMutation({
    mutationFn: async ({ choice, signature }: { choice: PrintChoice; signature: string }) => ({
      blob: await fetchPreview(record.id, choice),
      signature,
    }),
  });
  const issued = issue.data;
  const issuedName = issued ? namedDocument(documentLabel(issued.document), issued) : '';
  const pdf = useQuery({
    queryKey: ['certificates', 'pdf', issued?.id],
    queryFn: ({ signal }) => fetchCertificatePdf(issued!, signal),
    enabled: !!issued,
    staleTime: Number.POSITIVE_INFINITY,
  });

  const holder = holdersOf(form.document).length > 0 && form.holder ? form.holder : undefined;
  const kind: IssueKind = expectedIssue(record, certificates, form.document, holder);
  const nextBlank = next.data?.blank;
  const choice: PrintChoice = {
    mode: form.mode,
    document: form.document,
    ...(holder ? { holder } : {}),
    ...(onBlank && form.blank === 'other'
      ? {
          blankNumber: form.blankNumber.trim(),
          ...(form.blankSeries.trim() ? { blankSeries: form.blankSeries.trim() } : {}),
        }
      : onBlank && nextBlank
        ? { blankNumber: nextBlank.number, blankSeries: nextBlank.series }
        : {}),
    ...(form.mode === 'overlay' && currentPrinter
      ? { calibration: { dxMm: currentPrinter.dxMm, dyMm: currentPrinter.dyMm } }
      : {}),
  };
  const signature = JSON.stringify([choice, kind]);
  // one key per choice: a retry of the same print is answered once; another choice is another print
  const keys = useRef(new Map<string, string>());
  const keyFor = (sig: string) => {
    const known = keys.current.get(sig);
    if (known) return known;
    const made = newUuid();
    keys.current.set(sig, made);
    return made;
  };
  // a preview of another choice is no preview of this one
  const previewed = preview.data?.signature === signature ? preview.data.blob : null;

  const error = issue.error ?? (preview.variables?.signature === signature ? preview.error : null);
  const alertRef = useAlertFocus(error);

  const change = (c: Partial<IssueForm>) => {
    setForm((f) => ({ ...f, ...c }));
    if ('blankNumber' in c || 'blank' in c) setNumberError(null);
    issue.reset();
  };
  const checked = () => {
    if (onBlank && form.blank === 'other' && !form.blankNumber.trim()) {
      setNumberError(m.issue.blankNumberRequired);
      return false;
    }
    return true;
  };
  const noFreeBlank = onBlank && form.blank === 'next' && next.isSuccess && !nextBlank;
  const busy = issue.isPending;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy || !checked()) return;
    issue.mutate({ ...choice, issue: kind, idempotencyKey: keyFor(signature) }, { onSuccess: onIssued });
  };
  const showPreview = () => {
    if (checked()) preview.mutate({ choice, signature });
  };

  const valid = issuedOf(certificates, form.document, holder)
    .filter((c) => c.status === 'valid')
    .at(-1);
  const kindText =
    kind === 'first'
      ? m.issue.first
      : kind === 'repeat' && valid
        ? m.issue.repeat(seriesNumber(valid))
        : m.issue.reissue;

  return (
    <CertificateModal
      title={issued ? m.issue.issued(issuedName) : m.issue.title}
      onClose={onClose}
      busy={busy}
      size="76rem"
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {issued ? (
          <Stack gap="md">
            <Alert color="teal" variant="light" role="status" title={m.issue.issued(issuedName)}>
              {issued.onBlank ? m.issue.issuedHint : m.issue.issuedHintPlain}
            </Alert>
            <Group gap="sm">
              <Button onClick={() => onReceipt(issued)}>{m.issue.receipt}</Button>
              <Button variant="default" onClick={onClose}>
                {m.issue.close}
              </Button>
            </Group>
          </Stack>
        ) : (
          <form onSubmit={submit} noValidate aria-label={m.issue.title}>
            <Stack gap="md">
              <Alert
                color={kind === 'first' ? 'blue' : 'grape'}
                variant="light"
                title={m.issueKinds[kind]}
                role="note"
              >
                {kindText}
              </Alert>
              <IssueOptions
                form={form}
                onChange={change}
                documents={documents}
                next={next}
                blankNumberError={numberError}
                disabled={busy}
              />
              <ProblemAlert
                ref={alertRef}
                error={error}
                fieldLabels={{
                  blankNumber: m.issue.blankNumber,
                  document: m.issue.document,
                  holder: m.issue.holder,
                }}
              />
              <DialogFooter
                cancelLabel={m.issue.cancel}
                onCancel={onClose}
                submitLabel={m.issue.submit}
                pending={busy}
                submitDisabled={noFreeBlank}
              >
                <Button variant="light" onClick={showPreview} loading={preview.isPending} disabled={busy}>
                  {m.issue.preview}
                </Button>
              </DialogFooter>
            </Stack>
          </form>
        )}
        <Stack gap="xs">
          {issued ? (
            pdf.data ? (
              <PdfFrame blob={pdf.data} title={m.issue.pdfTitle(issuedName)} printable />
            ) : pdf.error ? (
              <ProblemAlert error={pdf.error} />
            ) : (
              <Waiting text={m.pdf.loading} />
            )
          ) : previewed ? (
            <>
              <Text size="sm">{onBlank ? m.issue.previewHint : m.issue.previewHintPlain}</Text>
              <PdfFrame blob={previewed} title={m.issue.previewTitle} />
            </>
          ) : preview.isPending ? (
            <Waiting text={m.issue.previewing} />
          ) : null}
        </Stack>
      </SimpleGrid>
    </CertificateModal>
  );
}

function Waiting({ text }: { text: string }) {
  return (
    <Group gap="sm" role="status">
      <Loader size="sm" aria-hidden="true" />
      <Text c="dimmed">{text}</Text>
    </Group>
  );
}
