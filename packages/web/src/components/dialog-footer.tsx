import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The buttons under a dialog's form: cancel (kept out of reach while the request runs), any others
 * (children), then the one that sends the form.
 */
export function DialogFooter({
  cancelLabel,
  onCancel,
  submitLabel,
  pending,
  color,
  submitDisabled,
  submitAutoFocus,
  children,
}: {
  cancelLabel: string;
  onCancel: () => void;
  submitLabel: string;
  pending: boolean;
  color?: string | undefined;
  submitDisabled?: boolean;
  /** Focus the send button on open (a dialog without inputs). */
  submitAutoFocus?: boolean;
  children?: ReactNode;
}) {
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel} disabled={pending}>
        {cancelLabel}
      </Button>
      {children}
      <Button
        type="submit"
        color={color}
        loading={pending}
        disabled={submitDisabled}
        data-autofocus={submitAutoFocus || undefined}
      >
        {submitLabel}
      </Button>
    </Group>
  );
}
