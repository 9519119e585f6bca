import { Alert, List, Stack, Text } from '@mantine/core';
import { forwardRef } from 'react';
import { isProblem } from '../../../lib/api.ts';
import { useCertificateMessages } from '../messages.ts';

interface Props {
  error: unknown;
  /** Names of the form's fields by the problem's path (blankNumber, idDocument.number …). */
  fieldLabels?: Record<string, string>;
  /**
   * Paths whose errors the form shows under their own inputs: left out here, and when nothing else
   * is wrong there is no alert at all (the marked fields say it).
   */
  atFields?: readonly string[];
}

/**
 * What the server said, already in the user's language: the title, the detail and each field
 * error with the field's name. Announced at once and focusable, so a dialog can move focus to it.
 */
export const ProblemAlert = forwardRef<HTMLDivElement, Props>(function ProblemAlert(
  { error, fieldLabels = {}, atFields = [] },
  ref,
) {
  const { m } = useCertificateMessages();
  if (!error) return null;
  const problem = isProblem(error) ? error.problem : null;
  const title = problem?.title ?? (error instanceof Error ? error.message : String(error));
  const all = problem?.errors ?? [];
  const errors = all.filter((e) => !atFields.includes(e.path));
  if (all.length > 0 && errors.length === 0) return null;
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
                  {fieldLabels[e.path] && <strong>{fieldLabels[e.path]}: </strong>}
                  {e.message}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Alert>
  );
});
