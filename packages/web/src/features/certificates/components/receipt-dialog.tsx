import { NativeSelect, SimpleGrid, Text, TextInput } from '@mantine/core';
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
  /** The hand-over was recorded. */
  onDone?: () => void;
}

/** Who collected the certificate, as in their identity document. Recorded once. */
export function ReceiptDialog({ certificate, onClose, onDone }: Props) {
  const { m, documentLabel, idTypeLabel } = useCertificateMessages();
  const receipt = useRecordReceipt(certificate.recordId, certificate.id);
  const [name, setName] = useState('');
  const [type, setType] = useState<IdDocumentType>('PASSPORT');
  const [series, setSeries] = useState('');
  const [number, setNumber] = useState('');
  const [issuer, setIssuer] = useState('');
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
        onSuccess: () => {
          notifications.show({ message: m.receipt.done, color: 'teal' });
          onDone?.();
          onClose();
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
