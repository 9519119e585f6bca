import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** An input with its warning line underneath (errors are the input's own `error`). */
export function WithWarning({
  id,
  warning,
  children,
}: {
  id: string;
  warning?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div>
      {children}
      {warning && (
        <Text id={`${id}-warning`} size="sm" c="orange.9" mt={4}>
          {warning}
        </Text>
      )}
    </div>
  );
}

/** Extra props every input gets. */
export const inputProps = (id: string, warning: string | undefined) => ({
  id,
  autoComplete: 'off',
  'aria-describedby': warning ? `${id}-warning` : undefined,
});
