import { Modal, Stack, Text } from '@mantine/core';
import type { Action } from '@sabt/core';
import { type FormEvent, type ReactNode, useEffect, useRef } from 'react';
import { DialogFooter } from '../../../../components/dialog-footer.tsx';
import type { RecordView } from '../../../../lib/records.ts';
import { useLabels } from '../../hooks/use-labels.ts';
import { ProblemAlert } from '../problem-alert.tsx';

/** What every dialog of a record action is given: the record, its ETag, and what to do after. */
export interface RecordActionProps {
  record: RecordView;
  /** For If-Match on the write. */
  etag: string;
  onClose: () => void;
  onDone: (action: Action) => void;
  /** Read the record again (offered when it changed meanwhile). */
  onReload: () => void;
}

export interface ActionDialogProps {
  onClose: () => void;
  title: string;
  intro?: ReactNode;
  confirmLabel: string;
  color?: string;
  /** The record's write: while it runs the dialog stays open; its problem shows inside. */
  write: { isPending: boolean; error: unknown };
  kind: string;
  fieldLabels?: Record<string, string>;
  onSubmit: () => void;
  onReload?: () => void;
  size?: 'md' | 'lg' | 'xl';
  children?: ReactNode;
  problemExtra?: ReactNode;
}

/**
 * A dialog for one action: keyboard only (Tab stays inside, Esc closes, Enter sends), labelled by
 * its title, the first field focused on open, and the server's answer shown (and focused) inside.
 * Focus goes back to the button that opened it.
 */
export function ActionDialog({
  onClose,
  title,
  intro,
  confirmLabel,
  color,
  write: { isPending: pending, error },
  kind,
  fieldLabels,
  onSubmit,
  onReload,
  size = 'md',
  children,
  problemExtra,
}: ActionDialogProps) {
  const { m } = useLabels();
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!pending) onSubmit();
  };

  return (
    <Modal
      opened
      onClose={pending ? () => undefined : onClose}
      title={title}
      size={size}
      closeButtonProps={{ 'aria-label': m.confirm.cancel }}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {intro && (typeof intro === 'string' ? <Text size="sm">{intro}</Text> : intro)}
          {children}
          <ProblemAlert
            ref={alertRef}
            error={error}
            kind={kind}
            fieldLabels={fieldLabels}
            onReload={onReload}
          >
            {problemExtra}
          </ProblemAlert>
          <DialogFooter
            cancelLabel={m.confirm.cancel}
            onCancel={onClose}
            submitLabel={confirmLabel}
            pending={pending}
            color={color}
            submitAutoFocus={!children}
          />
        </Stack>
      </form>
    </Modal>
  );
}
