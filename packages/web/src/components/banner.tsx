import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

/** A notice at the top of a screen: a landmark region named by its title. */
export function Banner({
  color,
  variant = 'light',
  title,
  children,
}: {
  color: string;
  variant?: 'light' | 'filled';
  title: string;
  children?: ReactNode;
}) {
  return (
    <Alert color={color} variant={variant} title={title} role="region" aria-label={title}>
      {children}
    </Alert>
  );
}
