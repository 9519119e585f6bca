import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { forwardRef, type ReactNode } from 'react';
import { isProblem } from '../lib/api.ts';

export interface ProblemAlertProps {
  error: unknown;
  /** The feature's words: the alert's heading, the line over the field errors, the reload button. */
  text: { title: string; check: string; reload?: string };
  /** A field's name by the problem's path ('' or undefined: the message is shown alone). */
  fieldLabel?: (path: string) => string | undefined;
  /**
   * Paths whose errors the form shows under their own inputs: left out here, and when nothing else
   * is wrong there is no alert at all (the marked fields say it).
   */
  atFields?: readonly string[];
  /** Offered when the record changed meanwhile (409, 412). */
  onReload?: (() => void) | undefined;
  children?: ReactNode;
}

/**
 * What the server said (a problem+json, already in the user's language): the title, the detail and
 * each field error with the field's name. Announced at once (role="alert") and focusable, so a
 * dialog or a form can move the focus to it.
 */
export const ProblemAlert = forwardRef<HTMLDivElement, ProblemAlertProps>(function ProblemAlert(
  { error, text, fieldLabel = () => undefined, atFields = [], onReload, children },
  ref,
) {
  if (!error) return null;
  const problem = isProblem(error) ? error.problem : null;
  const title = problem?.title ?? (error instanceof Error ? error.message : String(error));
  const all = problem?.errors ?? [];
  const errors = all.filter((e) => !atFields.includes(e.path));
  if (all.length > 0 && errors.length === 0) return null;
  const stale = isProblem(error, 412) || isProblem(error, 409);
  return (
    <Alert ref={ref} tabIndex={-1} color="red" role="alert" title={text.title} variant="light">
      <Stack gap={6} align="flex-start">
        <Text size="sm" fw={600}>
          {title}
        </Text>
        {problem?.detail && <Text size="sm">{problem.detail}</Text>}
        {errors.length > 0 && (
          <>
            <Text size="sm">{text.check}</Text>
            <List size="sm" spacing={2}>
              {errors.map((e) => {
                const label = fieldLabel(e.path);
                return (
                  <List.Item key={`${e.path}:${e.key}`}>
                    {label && <strong>{label}: </strong>}
                    {e.message}
                  </List.Item>
                );
              })}
            </List>
          </>
        )}
        {children}
        {stale && onReload && (
          <Button size="xs" variant="light" color="red" onClick={onReload}>
            {text.reload}
          </Button>
        )}
      </Stack>
    </Alert>
  );
});
