import { Modal, Stack } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useRef } from 'react';
import { DialogFooter } from '../../../components/dialog-footer.tsx';
import { useCertificateMessages } from '../messages.ts';

interface ModalProps {
  title: ReactNode;
  onClose: () => void;
  /** While a request runs the dialog stays open. */
  busy?: boolean;
  size?: string;
  children: ReactNode;
}

/** A dialog of certificates and blanks: its title in bold, the close button named in the user's language. */
export function CertificateModal({ title, onClose, busy = false, size = 'lg', children }: ModalProps) {
  const { m } = useCertificateMessages();
  return (
    <Modal
      opened
      onClose={busy ? () => undefined : onClose}
      title={title}
      size={size}
      closeButtonProps={{ 'aria-label': m.issue.close }}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {children}
    </Modal>
  );
}

/** A dialog that sends one form: its fields, then cancel and send. */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  pending,
  submitLabel,
  color,
  submitAutoFocus,
  children,
}: {
  title: ReactNode;
  onClose: () => void;
  onSubmit: (e: FormEvent) => void;
  pending: boolean;
  submitLabel: string;
  color?: string | undefined;
  submitAutoFocus?: boolean;
  children: ReactNode;
}) {
  const { m } = useCertificateMessages();
  return (
    <CertificateModal title={title} onClose={onClose} busy={pending}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {children}
          <DialogFooter
            cancelLabel={m.issue.cancel}
            onCancel={onClose}
            submitLabel={submitLabel}
            pending={pending}
            color={color}
            submitAutoFocus={submitAutoFocus}
          />
        </Stack>
      </form>
    </CertificateModal>
  );
}

/** The ref of a dialog's problem alert, which takes the focus when the server answers with a problem. */
export function useAlertFocus(error: unknown) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  return ref;
}
