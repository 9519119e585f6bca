import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One fact of a user or an office: its name over its value (a `dt` and `dd` of the list around it). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {children}
      </Text>
    </Stack>
  );
}
