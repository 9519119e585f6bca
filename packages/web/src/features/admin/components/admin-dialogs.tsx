import { Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useRef } from 'react';
import { DialogFooter } from '../../../components/dialog-footer.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useAdminMessages } from '../messages.ts';

/** What the server refused, in the user's language, with the feature's words around it. */
export function AdminProblem({
  error,
  fieldLabel,
  atFields,
}: {
  error: unknown;
  fieldLabel?: (path: string) => string | undefined;
  atFields?: readonly string[];
}) {
  const { m } = useAdminMessages();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  return (
    <ProblemAlert
      ref={ref}
      error={error}
      text={{ title: m.common.problemTitle, check: m.common.check }}
      {...(fieldLabel ? { fieldLabel } : {})}
      {...(atFields ? { atFields } : {})}
    />
  );
}

/** A dialog of administration: bold title, the close button named in the user's language. */
export function AdminModal({
  title,
  onClose,
  busy = false,
  children,
}: {
  title: ReactNode;
  onClose: () => void;
  busy?: boolean;
  children: ReactNode;
}) {
  const { m } = useAdminMessages();
  return (
    <Modal
      opened
      onClose={busy ? () => undefined : onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': m.common.close }}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {children}
    </Modal>
  );
}

/** "Are you sure?": what the action does, then cancel or go; the server's refusal shown in it. */
export function ConfirmDialog({
  title,
  text,
  confirmLabel,
  color,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  text: string;
  confirmLabel: string;
  color?: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { m } = useAdminMessages();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!pending) onConfirm();
  };
  return (
    <AdminModal title={title} onClose={onClose} busy={pending}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{text}</Text>
          <AdminProblem error={error} />
          <DialogFooter
            cancelLabel={m.common.cancel}
            onCancel={onClose}
            submitLabel={confirmLabel}
            pending={pending}
            color={color}
            submitAutoFocus
          />
        </Stack>
      </form>
    </AdminModal>
  );
}

/** A temporary password the server answered: shown here once, to be handed to the user. */
export function TemporaryPasswordDialog({
  title,
  login,
  password,
  onClose,
  children,
}: {
  title: string;
  login: string;
  password: string;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { m } = useAdminMessages();
  return (
    <AdminModal title={title} onClose={onClose}>
      <Stack gap="md">
        <Text>{m.password.intro(login)}</Text>
        <Group gap="sm">
          <Code fz="xl" data-testid="temporary-password">
            {password}
          </Code>
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                {copied ? m.password.copied : m.password.copy}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm" c="orange.9">
          {m.password.once}
        </Text>
        <Group justify="flex-end" gap="sm">
          {children}
          <Button onClick={onClose}>{m.password.done}</Button>
        </Group>
      </Stack>
    </AdminModal>
  );
}
