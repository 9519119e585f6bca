import { Badge, Group } from '@mantine/core';
import type { Flag, Status } from '@sabt/core';
import { useTranslation } from 'react-i18next';

/** A record's status in colour (the words always go with it). */
export const STATUS_COLORS: Record<Status, string> = {
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

/**
 * Status first, then the flags, each in words (colour only repeats what the words say). Flags are
 * named by the shell's strings unless the screen names them itself; a flag added to core later
 * shows its code until it is translated.
 */
export function RecordBadges({
  status,
  flags,
  size = 'lg',
  tone = 'filled',
  flagLabel,
}: {
  status: Status;
  flags: readonly (Flag | string)[];
  size?: 'md' | 'lg';
  /** The status badge: filled on the record's own screen, light in lists. */
  tone?: 'filled' | 'light';
  flagLabel?: (flag: string) => string;
}) {
  const { t } = useTranslation();
  const flagText = flagLabel ?? ((f: string) => t(`flag.${f}` as 'flag.rejected', { defaultValue: f }));
  return (
    <Group gap={6} wrap="wrap" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      <li>
        <Badge
          color={STATUS_COLORS[status]}
          variant={tone}
          radius="sm"
          tt="none"
          size={size}
          fw={tone === 'light' ? 600 : undefined}
          styles={WRAP}
        >
          {t(`status.${status}`)}
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
            {flagText(f)}
          </Badge>
        </li>
      ))}
    </Group>
  );
}
