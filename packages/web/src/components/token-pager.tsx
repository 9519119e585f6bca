import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';

/**
 * Paging by the server's next token (`after`): the tokens of the pages read so far, so going back
 * returns to the page before and a new search starts again at the first.
 */
export function useTokenPages() {
  const [pages, setPages] = useState<(string | null)[]>([null]);
  return {
    /** The token of the page shown (null: the first). */
    token: pages.at(-1) ?? null,
    /** The page's number, from 1. */
    number: pages.length,
    back: () => setPages((p) => (p.length > 1 ? p.slice(0, -1) : p)),
    forward: (next: string) => setPages((p) => [...p, next]),
    reset: () => setPages([null]),
  };
}

export type TokenPages = ReturnType<typeof useTokenPages>;

/**
 * Previous and next under a list paged by token, and the page's number (read out when it changes).
 * Next waits for the page shown to be the one asked for (`loading`).
 */
export function TokenPager({
  pages,
  next,
  loading,
  labels,
}: {
  pages: TokenPages;
  next: string | null | undefined;
  loading: boolean;
  labels: { previous: string; next: string; page: (n: number) => string };
}) {
  return (
    <Group gap="xs">
      <Button variant="default" disabled={pages.number === 1} onClick={pages.back}>
        {labels.previous}
      </Button>
      <Button variant="default" disabled={!next || loading} onClick={() => next && pages.forward(next)}>
        {labels.next}
      </Button>
      <Text size="sm" c="dimmed" aria-live="polite">
        {labels.page(pages.number)}
      </Text>
    </Group>
  );
}
