import { Checkbox, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { DialogFooter } from '../../../components/dialog-footer.tsx';
import { ReasonField, useReason } from '../../../components/reason-field.tsx';
import { useReportSpoiled } from '../api/blanks.ts';
import { useCertificateMessages } from '../messages.ts';
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
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (report.error) alertRef.current?.focus();
  }, [report.error]);

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
    <Modal
      opened
      onClose={report.isPending ? () => undefined : onClose}
      title={m.spoil.title(label)}
      size="lg"
      closeButtonProps={{ 'aria-label': m.issue.close }}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
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
          <DialogFooter
            cancelLabel={m.issue.cancel}
            onCancel={onClose}
            submitLabel={m.spoil.submit}
            pending={report.isPending}
            color="red"
          />
        </Stack>
      </form>
    </Modal>
  );
}
