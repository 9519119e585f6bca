import { Alert, Group, NativeSelect, Radio, SimpleGrid, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ID_DOCUMENT_TYPES, type IdDocumentType } from '@sabt/core';
import { type FormEvent, useState } from 'react';
import { type Certificate, useRecordReceipt } from '../api/certificates.ts';
import { namedDocument } from '../lib/format.ts';
import { useCertificateMessages } from '../messages.ts';
import { FormDialog, useAlertFocus } from './dialog.tsx';
import { ProblemAlert } from './problem-alert.tsx';

interface Props {
  certificate: Certificate;
  onClose: () => void;
  /** The hand-over was recorded: the certificate as it is now. */
  onDone?: (certificate: Certificate) => void;
}

type Who = 'applicant' | 'other';

/** The fields as the applicant fills them, or empty for someone else. */
function fieldsFor(applicant: Certificate['applicant'], who: Who) {
  const doc = who === 'applicant' ? applicant?.idDocument : null;
  return {
    name: who === 'applicant' ? (applicant?.name ?? '') : '',
    type: doc?.type ?? ('PASSPORT' as IdDocumentType),
    series: doc?.series ?? '',
    number: doc?.number ?? '',
    issuer: doc?.issuer ?? '',
  };
}

/**
 * Who collected the certificate, as in their identity document. Recorded once. Where the record
 * names a person who applied, the choice "the applicant / someone else" comes first, and the
 * applicant's name and document are filled in, to check against the document shown and correct.
 */
export function ReceiptDialog({ certificate, onClose, onDone }: Props) {
  const { m, documentLabel, idTypeLabel } = useCertificateMessages();
  const receipt = useRecordReceipt(certificate.recordId, certificate.id);
  const applicant = certificate.applicant;
  const [who, setWho] = useState<Who>(applicant ? 'applicant' : 'other');
  const start = fieldsFor(applicant, who);
  const [name, setName] = useState(start.name);
  const [type, setType] = useState<IdDocumentType>(start.type);
  const [series, setSeries] = useState(start.series);
  const [number, setNumber] = useState(start.number);
  const [issuer, setIssuer] = useState(start.issuer);
  const choose = (next: Who) => {
    const f = fieldsFor(applicant, next);
    setWho(next);
    setName(f.name);
    setType(f.type);
    setSeries(f.series);
    setNumber(f.number);
    setIssuer(f.issuer);
    setMissing({});
  };
  const [missing, setMissing] = useState<{ name?: boolean; number?: boolean }>({});
  const alertRef = useAlertFocus(receipt.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (receipt.isPending) return;
    const gaps = { name: !name.trim(), number: !number.trim() };
    setMissing(gaps);
    if (gaps.name || gaps.number) return;
    receipt.mutate(
      {
        name: name.trim(),
        idDocument: {
          type,
          number: number.trim(),
          ...(series.trim() ? { series: series.trim() } : {}),
          ...(issuer.trim() ? { issuer: issuer.trim() } : {}),
        },
      },
      {
        onSuccess: (updated) => {
          notifications.show({ message: m.receipt.done, color: 'teal' });
          onClose();
          onDone?.(updated);
        },
      },
    );
  };

  const label = namedDocument(documentLabel(certificate.document), certificate);
  return (
    <FormDialog
      title={m.receipt.title}
      onClose={onClose}
      onSubmit={submit}
      pending={receipt.isPending}
      submitLabel={m.receipt.submit}
    >
      <Text size="sm">{m.receipt.intro(label)}</Text>
      {applicant && (
        <Radio.Group
          label={m.receipt.who}
          value={who}
          onChange={(v) => choose(v === 'other' ? 'other' : 'applicant')}
        >
          <Group gap="lg" mt={4}>
            <Radio value="applicant" label={m.receipt.theApplicant(applicant.name)} />
            <Radio value="other" label={m.receipt.someoneElse} />
          </Group>
        </Radio.Group>
      )}
      {who === 'applicant' && applicant && (
        <Alert color="blue" variant="light" p="xs">
          {m.receipt.prefilled}
        </Alert>
      )}
      <TextInput
        label={m.receipt.name}
        description={m.receipt.nameHint}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={missing.name ? m.receipt.required : undefined}
        required
        withAsterisk
        maxLength={100}
        data-autofocus
      />
      <NativeSelect
        label={m.receipt.docType}
        value={type}
        onChange={(e) => setType(ID_DOCUMENT_TYPES.find((t) => t === e.currentTarget.value) ?? 'PASSPORT')}
        data={ID_DOCUMENT_TYPES.map((t) => ({ value: t, label: idTypeLabel(t) }))}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label={m.receipt.docSeries}
          value={series}
          onChange={(e) => setSeries(e.currentTarget.value)}
          maxLength={10}
        />
        <TextInput
          label={m.receipt.docNumber}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={missing.number ? m.receipt.required : undefined}
          required
          withAsterisk
          maxLength={20}
        />
        <TextInput
          label={m.receipt.docIssuer}
          value={issuer}
          onChange={(e) => setIssuer(e.currentTarget.value)}
          maxLength={200}
        />
      </SimpleGrid>
      <ProblemAlert
        ref={alertRef}
        error={receipt.error}
        fieldLabels={{
          name: m.receipt.name,
          'idDocument.type': m.receipt.docType,
          'idDocument.series': m.receipt.docSeries,
          'idDocument.number': m.receipt.docNumber,
          'idDocument.issuer': m.receipt.docIssuer,
        }}
      />
    </FormDialog>
  );
}
