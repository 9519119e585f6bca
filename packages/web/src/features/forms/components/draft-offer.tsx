import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { formatInstant } from '../../../lib/dates.ts';
import type { LocalDraft } from '../lib/local-drafts.ts';
import { type FormMessages, fmt } from '../messages.ts';

/** Unfinished applications of this kind kept in this browser: continue one, or delete it. */
export function DraftOffer({
  drafts,
  m,
  onContinue,
  onDiscard,
}: {
  drafts: LocalDraft[];
  m: FormMessages;
  onContinue: (d: LocalDraft) => void;
  onDiscard: (d: LocalDraft) => void;
}) {
  if (drafts.length === 0) return null;
  return (
    <Alert color="blue" title={m.offer.title} role="region" aria-label={m.offer.title}>
      <Stack gap="xs">
        {drafts.map((d) => {
          const name = d.label || m.offer.noName;
          return (
            <Group key={d.id} justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm">
                {fmt(m.offer.body, { name, time: formatInstant(d.savedAt) })}{' '}
                <Text span size="sm" c="dimmed">
                  ({d.revision !== null && !d.dirty ? m.offer.savedInSabt : m.offer.localOnly})
                </Text>
              </Text>
              <Group gap="xs">
                <Button size="xs" onClick={() => onContinue(d)} aria-label={`${m.offer.continue}: ${name}`}>
                  {m.offer.continue}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => onDiscard(d)}
                  aria-label={`${m.offer.discard}: ${name}`}
                >
                  {m.offer.discard}
                </Button>
              </Group>
            </Group>
          );
        })}
      </Stack>
    </Alert>
  );
}
