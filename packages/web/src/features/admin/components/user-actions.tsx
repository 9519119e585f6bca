import { Button, Group, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AdminUserDetail } from '@sabt/core';
import { useState } from 'react';
import { useWriteKeys } from '../../../lib/write-keys.ts';
import { type TemporaryPassword, type UserStep, useUserStep } from '../api.ts';
import { useAdminMessages } from '../messages.ts';
import { ConfirmDialog, TemporaryPasswordDialog } from './admin-dialogs.tsx';

/** An action on a user: offered when the server's `allowed` names it, confirmed, then sent. */
interface UserAction {
  /** The name in `allowed`, the path of the write (POST /admin/users/:id/<step>) and its messages. */
  step: UserStep;
  color?: string;
  /** The answer carries a temporary password, shown once. */
  answersPassword?: boolean;
}

/**
 * The actions of the user screen, in the order they are offered: the one place a new action on a
 * user is added (its step here, its words in messages/ `actions`, its name in the server's
 * `allowed`).
 */
export const USER_ACTIONS: readonly UserAction[] = [
  { step: 'disable', color: 'red' },
  { step: 'enable' },
  { step: 'unlock' },
  { step: 'reset-password', color: 'orange', answersPassword: true },
  { step: 'reset-two-factor', color: 'orange' },
  { step: 'revoke-sessions', color: 'red' },
];

/** The actions the reader may take on this user (none on their own account: the server says so). */
export function UserActions({ user }: { user: AdminUserDetail }) {
  const { m } = useAdminMessages();
  const offered = USER_ACTIONS.filter((a) => (user.allowed as readonly string[]).includes(a.step));
  const [asked, setAsked] = useState<UserAction | null>(null);
  const [password, setPassword] = useState<TemporaryPassword | null>(null);
  const send = useUserStep(user.id);
  const keys = useWriteKeys();
  if (offered.length === 0) return null;
  const close = () => {
    setAsked(null);
    send.reset();
  };
  const confirm = (action: UserAction) => {
    const body = { step: action.step };
    send.mutate(
      { body, key: keys.keyFor(body) },
      {
        onSuccess: (answer) => {
          keys.forget();
          setAsked(null);
          notifications.show({ message: m.actions[action.step].done, color: 'teal' });
          if (action.answersPassword) setPassword(answer as TemporaryPassword);
        },
      },
    );
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="user-actions">
      <Title order={2} size="h4" id="user-actions">
        {m.user.actions}
      </Title>
      <Group gap="sm">
        {offered.map((a) => (
          <Button key={a.step} variant="light" color={a.color} onClick={() => setAsked(a)}>
            {m.actions[a.step].label}
          </Button>
        ))}
      </Group>
      {asked && (
        <ConfirmDialog
          title={m.actions[asked.step].title}
          text={m.actions[asked.step].text}
          confirmLabel={m.actions[asked.step].label}
          {...(asked.color ? { color: asked.color } : {})}
          pending={send.isPending}
          error={send.error}
          onConfirm={() => confirm(asked)}
          onClose={close}
        />
      )}
      {password && (
        <TemporaryPasswordDialog
          title={m.password.resetTitle}
          login={password.user.login}
          password={password.temporaryPassword}
          onClose={() => setPassword(null)}
        />
      )}
    </Stack>
  );
}
