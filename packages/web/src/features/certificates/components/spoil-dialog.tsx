import { Checkbox, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ReasonField, useReason } from '../../../components/reason-field.tsx';
import { useReportSpoiled } from '../api/blanks.ts';
import { useCertificateMessages } from '../messages.ts';
import { FormDialog, useAlertFocus } from './dialog.tsx';
import { ProblemAlert } from './problem-alert.tsx';

interface Props {
  blankId: number;
  /** The blank as printed on it: "I-ДУ № 000123". */
  label: string;
  onClose: () => void;
  onDone?: () => void;
}

/** A clerk reports a blank spoiled (or lost) with a reason; the head of office confirms the write-off. */
export function SpoilDialog({ blankId, label, onClose, onDone }: Props) {
  const { m } = useCertificateMessages();
  const report = useReportSpoiled();
  const reason = useReason();
  const [lost, setLost] = useState(false);
  const alertRef = useAlertFocus(report.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (report.isPending) return;
    if (reason.missing(m.spoil.reasonRequired)) return;
    report.mutate(
      { id: blankId, reason: reason.value.trim(), lost },
      {
        onSuccess: () => {
          notifications.show({ message: m.spoil.done, color: 'teal' });
          onDone?.();
          onClose();
        },
      },
    );
  };

  return (
    <FormDialog
      title={m.spoil.title(label)}
      onClose={onClose}
      onSubmit={submit}
      pending={report.isPending}
      submitLabel={m.spoil.submit}
      color="red"
    >
      <Text size="sm">{m.spoil.intro}</Text>
      <ReasonField
        ref={reason.ref}
        label={m.spoil.reason}
        description={m.spoil.reasonHint}
        value={reason.value}
        onChange={reason.onChange}
        error={reason.error}
        required
        autoFocus
      />
      <Checkbox label={m.spoil.lost} checked={lost} onChange={(e) => setLost(e.currentTarget.checked)} />
      <ProblemAlert ref={alertRef} error={report.error} fieldLabels={{ reason: m.spoil.reason }} />
    </FormDialog>
  );
}
