import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { forwardRef, type ReactNode } from 'react';
import { isProblem } from '../../../lib/api.ts';
import { useLabels } from '../hooks/use-labels.ts';

interface Props {
  error: unknown;
  kind: string;
  /** Labels of the dialog's own fields (reason, basis …) by problem path. */
  fieldLabels?: Record<string, string>;
  onReload?: () => void;
  children?: ReactNode;
}

/**
 * What the server said, in the user's language: the problem's title and detail, then each field
 * error with the field's name. Announced at once (role="alert") and focusable, so a dialog can move
 * the focus to it.
 */
export const ProblemAlert = forwardRef<HTMLDivElement, Props>(function ProblemAlert(
  { error, kind, fieldLabels = {}, onReload, children },
  ref,
) {
  const { m, pathLabel } = useLabels();
  if (!error) return null;
  const problem = isProblem(error) ? error.problem : null;
  const title = problem?.title ?? (error instanceof Error ? error.message : String(error));
  const errors = problem?.errors ?? [];
  // a path the dialog does not name is left out: the message itself is in the user's language
  const label = (path: string) =>
    fieldLabels[path] ?? (path === 'data' || path.startsWith('data.') ? pathLabel(kind, path) : '');
  const stale = isProblem(error, 412) || isProblem(error, 409);
  return (
    <Alert ref={ref} tabIndex={-1} color="red" role="alert" title={m.problem.title} variant="light">
      <Stack gap={6} align="flex-start">
        <Text size="sm" fw={600}>
          {title}
        </Text>
        {problem?.detail && <Text size="sm">{problem.detail}</Text>}
        {errors.length > 0 && (
          <>
            <Text size="sm">{m.problem.check}</Text>
            <List size="sm" spacing={2}>
              {errors.map((e) => (
                <List.Item key={`${e.path}:${e.key}`}>
                  {label(e.path) && <strong>{label(e.path)}: </strong>}
                  {e.message}
                </List.Item>
              ))}
            </List>
          </>
        )}
        {children}
        {stale && onReload && (
          <Button size="xs" variant="light" color="red" onClick={onReload}>
            {m.problem.reload}
          </Button>
        )}
      </Stack>
    </Alert>
  );
});
