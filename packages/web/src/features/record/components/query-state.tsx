import { Alert, Button, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { isProblem } from '../../../lib/api.ts';

/** Said (role="status") while a query's first answer is on its way. */
export function Loading({ label }: { label: string }) {
  return (
    <Text c="dimmed" role="status">
      {label}
    </Text>
  );
}

/** A query that failed: the alert's title, what went wrong (if given) and a button to ask again. */
export function LoadError({
  title,
  message,
  retry,
  onRetry,
}: {
  title: string;
  message?: string;
  retry: string;
  /** Left out when asking again cannot help (the record is not there). */
  onRetry?: (() => void) | undefined;
}) {
  return (
    <Alert color="red" role="alert" title={title}>
      <Stack gap="xs" align="flex-start">
        {message !== undefined && <Text size="sm">{message}</Text>}
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {retry}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** A record page whose record could not be read: not found (404, 403) or the error, with a retry. */
export function PageLoadError({
  back,
  title,
  error,
  text,
  onRetry,
}: {
  back: ReactNode;
  title: string;
  error: Error;
  text: { notFound: string; retry: string };
  onRetry: () => void;
}) {
  const missing = isProblem(error, 404) || isProblem(error, 403);
  return (
    <Stack gap="md" align="flex-start">
      {back}
      <LoadError
        title={title}
        message={missing ? text.notFound : error.message}
        retry={text.retry}
        onRetry={missing ? undefined : onRetry}
      />
    </Stack>
  );
}
