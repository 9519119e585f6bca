import { Badge, Group } from '@mantine/core';
import type { Flag, Status } from '@sabt/core';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<Status, string> = {
  draft: 'gray',
  submitted: 'blue',
  validated: 'cyan',
  registered: 'green',
  annulled: 'red',
  cancelled: 'gray',
};

const FLAG_COLORS: Partial<Record<Flag, string>> = {
  rejected: 'red',
  'possible-duplicate': 'orange',
  'amendment-requested': 'grape',
  'self-registered': 'violet',
  'late-registration': 'yellow',
  'naming-warning': 'yellow',
};

// Long words (Tajik, Russian) wrap inside the badge instead of being cut off.
const WRAP = {
  root: { height: 'auto', minHeight: 'var(--badge-height)', paddingBlock: 2, maxWidth: '100%' },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.25 },
} as const;

/** Status first, then the flags, each in words (colour only repeats what the words say). */
export function RecordBadges({ status, flags }: { status: Status; flags: readonly Flag[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      <Badge
        color={STATUS_COLORS[status]}
        variant="light"
        radius="sm"
        tt="none"
        size="lg"
        fw={600}
        styles={WRAP}
      >
        {t(`status.${status}`)}
      </Badge>
      {flags.map((f) => (
        <Badge
          key={f}
          color={FLAG_COLORS[f] ?? 'gray'}
          variant="outline"
          radius="sm"
          tt="none"
          size="lg"
          fw={500}
          styles={WRAP}
        >
          {/* a flag added to core later shows its code until it is translated here */}
          {t(`flag.${f}` as 'flag.rejected', { defaultValue: f })}
        </Badge>
      ))}
    </Group>
  );
}
