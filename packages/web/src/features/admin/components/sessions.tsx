import { Badge, Button, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AdminUserDetail } from '@sabt/core';
import { useState } from 'react';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { formatInstant } from '../../../lib/dates.ts';
import { useWriteKeys } from '../../../lib/write-keys.ts';
import { useUserStep } from '../api.ts';
import { useAdminMessages } from '../messages.ts';
import { ConfirmDialog } from './admin-dialogs.tsx';

type Session = AdminUserDetail['sessions'][number];

/** A user's active sessions; each one ended on its own when the reader may end them. */
export function UserSessions({ user }: { user: AdminUserDetail }) {
  const { m } = useAdminMessages();
  const u = m.user;
  const mayRevoke = user.allowed.includes('revoke-sessions');
  const [asked, setAsked] = useState<Session | null>(null);
  const revoke = useUserStep(user.id);
  const keys = useWriteKeys();
  const columns: Column<Session>[] = [
    {
      header: u.started,
      nowrap: true,
      cell: (s) => (
        <>
          {formatInstant(s.createdAt)}
          {s.current && (
            <Badge ml="xs" variant="light" miw="max-content">
              {u.current}
            </Badge>
          )}
        </>
      ),
    },
    { header: u.lastSeen, cell: (s) => formatInstant(s.lastSeenAt), nowrap: true },
    { header: u.expires, cell: (s) => formatInstant(s.expiresAt), nowrap: true },
    ...(mayRevoke
      ? [
          {
            header: <span className="sabt-visually-hidden">{u.revokeOne}</span>,
            cell: (s: Session) => (
              <Button size="xs" variant="light" color="red" onClick={() => setAsked(s)}>
                {u.revokeOne}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const confirm = (s: Session) => {
    const body = { step: 'revoke-sessions' as const, session: s.id };
    revoke.mutate(
      { body, key: keys.keyFor(body) },
      {
        onSuccess: (answer) => {
          keys.forget();
          setAsked(null);
          notifications.show({ message: u.revoked((answer as { revoked: number }).revoked), color: 'teal' });
        },
      },
    );
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="user-sessions">
      <Title order={2} size="h4" id="user-sessions">
        {u.sessions}
      </Title>
      <Text size="sm" c="dimmed">
        {u.sessionsIntro}
      </Text>
      {user.sessions.length === 0 ? (
        <Text>{u.noSessions}</Text>
      ) : (
        <DataTable
          columns={columns}
          rows={user.sessions}
          rowKey={(s) => s.id}
          minWidth={640}
          aria-labelledby="user-sessions"
          rowProps={(s) => ({ 'data-session': s.id })}
        />
      )}
      {asked && (
        <ConfirmDialog
          title={u.revokeOneTitle}
          text={u.revokeOneText}
          confirmLabel={u.revokeOne}
          color="red"
          pending={revoke.isPending}
          error={revoke.error}
          onConfirm={() => confirm(asked)}
          onClose={() => {
            setAsked(null);
            revoke.reset();
          }}
        />
      )}
    </Stack>
  );
}
