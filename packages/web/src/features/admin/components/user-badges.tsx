import { Badge, Group } from '@mantine/core';
import type { AdminUser } from '@sabt/core';
import { useAdminMessages } from '../messages.ts';

/** A user's status as badges: active or disabled, a sign-in on hold, a temporary password. */
export function UserBadges({ user }: { user: Pick<AdminUser, 'active' | 'locked' | 'mustChangePassword'> }) {
  const { m } = useAdminMessages();
  const b = m.users.badges;
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={user.active ? 'teal' : 'gray'} variant="light" miw="max-content">
        {user.active ? b.active : b.disabled}
      </Badge>
      {user.locked && (
        <Badge color="orange" variant="light" miw="max-content">
          {b.locked}
        </Badge>
      )}
      {user.mustChangePassword && (
        <Badge color="blue" variant="light" miw="max-content">
          {b.mustChange}
        </Badge>
      )}
    </Group>
  );
}
