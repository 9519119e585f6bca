import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { type ChangeEvent, type FormEvent, type ReactNode, useState } from 'react';

/**
 * The text fields of a small form: their values, each one's own error (found before sending or
 * named by the server), and the props an input takes (`field('series')`: id, value, onChange, error).
 * Typing in a field clears its error; `focusFirst` moves to the first wrong field in screen order.
 */
export function useFormFields<K extends string>(prefix: string, initial: Record<K, string>) {
  const [values, setValues] = useState<Record<K, string>>(initial);
  const [errors, setErrors] = useState<Partial<Record<K, string>>>({});
  const idOf = (k: K) => `${prefix}-${k}`;
  const set = (k: K, v: string) => {
    setValues((x) => ({ ...x, [k]: v }));
    setErrors((x) => ({ ...x, [k]: undefined }));
  };
  /** Shows these errors; focuses the first field (in `order`) that has one. Whether there was one. */
  const showErrors = (found: Partial<Record<K, string>>, order: readonly K[]): boolean => {
    setErrors(found);
    const first = order.find((k) => found[k]);
    if (first) document.getElementById(idOf(first))?.focus();
    return first !== undefined;
  };
  const field = (k: K) => ({
    id: idOf(k),
    value: values[k],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      set(k, e.currentTarget.value),
    error: errors[k],
  });
  return { values, setValues, errors, setErrors, set, showErrors, field, idOf };
}

/**
 * A form in a bordered panel: its heading (which names the form), the fields, what the server
 * said (`alert`), and the send button at the end.
 */
export function FormPanel({
  id,
  title,
  titleSize = 'h4',
  onSubmit,
  pending,
  submitLabel,
  alert,
  children,
}: {
  /** The form's DOM id: its heading is `${id}-title`. */
  id: string;
  title: string;
  titleSize?: 'h4' | 'h5';
  /** Called unless a request is already running. */
  onSubmit: () => void;
  pending: boolean;
  submitLabel: string;
  alert?: ReactNode;
  children: ReactNode;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!pending) onSubmit();
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <Stack gap="sm">
          <Title order={3} size={titleSize} id={`${id}-title`}>
            {title}
          </Title>
          {children}
          {alert}
          <Group justify="flex-end">
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
