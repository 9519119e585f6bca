import { Badge, Group } from '@mantine/core';
import type { Flag, Status } from '@sabt/core';
import { useLabels } from '../hooks/use-labels.ts';

const STATUS_COLORS: Record<Status, string> = {
  draft: 'gray',
  submitted: 'blue',
  validated: 'cyan',
  registered: 'green',
  annulled: 'red',
  cancelled: 'gray',
};

const FLAG_COLORS: Partial<Record<string, string>> = {
  rejected: 'red',
  duplicate: 'red',
  'possible-duplicate': 'orange',
  'amendment-requested': 'grape',
  'self-registered': 'violet',
  'late-registration': 'yellow',
  'naming-warning': 'yellow',
  sealed: 'dark',
  deceased: 'dark',
};

// Long words (Tajik, Russian) wrap inside the badge instead of being cut off.
const WRAP = {
  root: { height: 'auto', minHeight: 'var(--badge-height)', paddingBlock: 2, maxWidth: '100%' },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.25 },
} as const;

/** Status first, then the flags, each in words (colour only repeats what the words say). */
export function RecordBadges({
  status,
  flags,
  size = 'lg',
}: {
  status: Status;
  flags: readonly (Flag | string)[];
  size?: 'md' | 'lg';
}) {
  const { statusLabel, flagLabel } = useLabels();
  return (
    <Group gap={6} wrap="wrap" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      <li>
        <Badge color={STATUS_COLORS[status]} variant="filled" radius="sm" tt="none" size={size} styles={WRAP}>
          {statusLabel(status)}
        </Badge>
      </li>
      {flags.map((f) => (
        <li key={f}>
          <Badge
            color={FLAG_COLORS[f] ?? 'gray'}
            variant="outline"
            radius="sm"
            tt="none"
            size={size}
            fw={500}
            styles={WRAP}
          >
            {flagLabel(f)}
          </Badge>
        </li>
      ))}
    </Group>
  );
}
