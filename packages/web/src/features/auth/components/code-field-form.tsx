import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../../lib/api.ts';

/**
 * A current code of the authenticator app, sent by `send`: confirming an enrolment, new recovery
 * codes. The server's refusal (a wrong or used code) is shown at the field in the user's language.
 */
export function CodeFieldForm({
  label,
  submit,
  pending,
  send,
}: {
  label: string;
  submit: string;
  pending: boolean;
  send: (code: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!/^\d{6}$/.test(code.trim())) {
      setError(t('twoFactor.codeRequired'));
      input.current?.focus();
      return;
    }
    setError(null);
    try {
      await send(code.trim());
    } catch (e) {
      if (!isProblem(e)) return setFailure(t('errors.unexpected'));
      const atField = e.problem.errors?.find((f) => f.path === 'code');
      if (atField) setError(atField.message);
      else setFailure(e.problem.title);
      setCode('');
      input.current?.focus();
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm" maw={320}>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <TextInput
          ref={input}
          label={label}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          required
          value={code}
          error={error}
          onChange={(e) => setCode(e.currentTarget.value)}
        />
        <Button type="submit" loading={pending}>
          {submit}
        </Button>
      </Stack>
    </form>
  );
}
