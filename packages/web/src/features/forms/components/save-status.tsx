import { Group, Loader, Text } from '@mantine/core';
import type { Locale } from '@sabt/core';
import type { Problem } from '../../../lib/api.ts';
import { formatTime } from '../../../lib/dates.ts';
import type { SaverState } from '../lib/draft-saver.ts';
import { issueText } from '../lib/issues.ts';
import { type FormMessages, fmt } from '../messages.ts';

/** A problem's title in the user's language (from its key when the server gave one). */
export function problemText(p: Problem | null, lang: Locale, m: FormMessages): string {
  if (!p) return m.errors.network;
  if (p.status === 0) return m.errors.network;
  return typeof p.key === 'string' ? issueText({ key: p.key }, lang) : p.title;
}

/** "Saved", "Saving…", "Offline — kept on this computer": announced politely to screen readers. */
export function SaveStatus({
  state,
  partial,
  lang,
  m,
  live,
}: {
  state: SaverState;
  partial: boolean;
  lang: Locale;
  m: FormMessages;
  /** The one copy screen readers hear (the other is only seen). */
  live: boolean;
}) {
  const { status } = state;
  const text =
    status === 'saving'
      ? m.save.saving
      : status === 'saved'
        ? state.savedAt
          ? fmt(m.save.savedAt, { time: formatTime(state.savedAt) })
          : m.save.saved
        : status === 'offline'
          ? m.save.offline
          : status === 'error'
            ? fmt(m.save.error, { reason: problemText(state.problem, lang, m) })
            : m.save.idle;
  const color =
    status === 'offline'
      ? 'orange.9'
      : status === 'error'
        ? 'red.8'
        : status === 'saved'
          ? 'teal.9'
          : 'dimmed';
  return (
    <div {...(live ? { role: 'status', 'aria-live': 'polite' as const, 'aria-label': m.save.label } : {})}>
      <Group gap={6} wrap="nowrap">
        {status === 'saving' && <Loader size={14} aria-hidden="true" />}
        <Text size="sm" c={color} fw={500} data-save-status={status}>
          {text}
        </Text>
      </Group>
      {partial && status !== 'offline' && (
        <Text size="xs" c="orange.9">
          {m.save.partial}
        </Text>
      )}
    </div>
  );
}
