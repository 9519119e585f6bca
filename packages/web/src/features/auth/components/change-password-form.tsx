import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { t as coreT, PASSWORD_HISTORY_DEPTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@sabt/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api, isProblem } from '../../../lib/api.ts';
import { type Me, meQueryKey } from '../../../lib/auth.ts';
import { currentLanguage } from '../../../lib/i18n.ts';

interface Values {
  current: string;
  password: string;
  repeat: string;
}

/** The form's own checks, in the language of the moment (core's password messages); the policy itself is the server's. */
function schemaFor(lang: ReturnType<typeof currentLanguage>, currentRequired: string) {
  return z
    .object({
      current: z.string().min(1, { error: currentRequired }),
      password: z
        .string()
        .min(PASSWORD_MIN_LENGTH, { error: coreT('password.tooShort', lang, { min: PASSWORD_MIN_LENGTH }) })
        .max(PASSWORD_MAX_LENGTH, { error: coreT('password.tooLong', lang, { max: PASSWORD_MAX_LENGTH }) }),
      repeat: z.string(),
    })
    .refine((v) => v.password === v.repeat, { path: ['repeat'], error: coreT('password.mismatch', lang) });
}

const FIELDS = ['current', 'password'] as const;

/**
 * The current password and the new one twice (POST /me/password). Each refusal of the server (wrong
 * current password, too short, common, breached, one of the last five) is shown at its field, in the
 * language the request asked for.
 */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (body: { current: string; password: string }) =>
      api<{ changed: boolean }>('/me/password', { method: 'POST', body }),
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(schemaFor(lang, t('password.currentRequired'))),
    defaultValues: { current: '', password: '', repeat: '' },
  });

  const onSubmit = handleSubmit(async ({ current, password }) => {
    setFailure(null);
    try {
      await change.mutateAsync({ current, password });
    } catch (error) {
      if (!isProblem(error)) return setFailure(t('errors.unexpected'));
      const byField = error.fieldErrors;
      const placed = FIELDS.filter((f) => byField[f]);
      for (const f of placed) setError(f, { message: byField[f] }, { shouldFocus: true });
      if (placed.length === 0) setFailure(error.problem.title);
      return;
    }
    // The temporary password is gone: the rest of the app opens again.
    client.setQueryData<Me>(meQueryKey, (me) => (me ? { ...me, temporaryCredentials: false } : me));
    await client.invalidateQueries({ queryKey: meQueryKey });
    onChanged();
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <PasswordInput
          label={t('password.current')}
          autoComplete="current-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
          error={errors.current?.message}
          {...register('current')}
        />
        <PasswordInput
          label={t('password.new')}
          description={t('password.policy', { min: PASSWORD_MIN_LENGTH, count: PASSWORD_HISTORY_DEPTH })}
          autoComplete="new-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
          error={errors.password?.message}
          {...register('password')}
        />
        <PasswordInput
          label={t('password.repeat')}
          autoComplete="new-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
          error={errors.repeat?.message}
          {...register('repeat')}
        />
        <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('password.submit')}
        </Button>
      </Stack>
    </form>
  );
}
