import { Anchor, Group } from '@mantine/core';
import { NavLink } from 'react-router';
import { useAdminMessages } from '../messages.ts';

/** The two screens of administration, side by side under the header. */
export function AdminNav() {
  const { m } = useAdminMessages();
  return (
    <Group component="nav" aria-label={m.nav.label} gap="md">
      <Anchor component={NavLink} to="/admin/users" fw={600}>
        {m.nav.users}
      </Anchor>
      <Anchor component={NavLink} to="/admin/offices" fw={600}>
        {m.nav.offices}
      </Anchor>
    </Group>
  );
}
