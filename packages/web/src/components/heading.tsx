import { Stack, Text, Title, type TitleOrder } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  title: ReactNode;
  /** A line under the title, in grey: what the screen or section is for. */
  intro: ReactNode;
  /** A screen's title by default (h1 shown as h2); a section passes its own level and size. */
  order?: TitleOrder;
  size?: string;
  gap?: number;
  /** For an aria-labelledby of the section it names. */
  id?: string;
  introMaw?: number;
}

/** The title of a screen or a section with its introductory line. */
export function Heading({ title, intro, order = 1, size = 'h2', gap = 4, id, introMaw }: Props) {
  return (
    <Stack gap={gap}>
      <Title order={order} size={size} id={id}>
        {title}
      </Title>
      <Text c="dimmed" size="sm" maw={introMaw}>
        {intro}
      </Text>
    </Stack>
  );
}
