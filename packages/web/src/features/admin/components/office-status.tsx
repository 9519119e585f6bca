import { Badge, Group } from '@mantine/core';
import type { AdminOffice } from '@sabt/core';
import { formatInstant } from '../../../lib/dates.ts';
import { useAdminMessages } from '../messages.ts';

/** Open, or closed since when: a badge of the list and of the office's screen. */
export function OfficeStatus({ office }: { office: Pick<AdminOffice, 'active' | 'closedAt'> }) {
  const { m } = useAdminMessages();
  return (
    <Group gap={4}>
      {office.active ? (
        <Badge color="teal" variant="light" miw="max-content">
          {m.offices.open}
        </Badge>
      ) : (
        <Badge color="gray" variant="light" miw="max-content">
          {office.closedAt ? m.offices.closedOn(formatInstant(office.closedAt)) : m.offices.closed}
        </Badge>
      )}
    </Group>
  );
}
