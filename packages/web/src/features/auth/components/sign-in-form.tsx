import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isProblem } from '../../../lib/api.ts';
import { type Me, useLogin } from '../../../lib/auth.ts';
import { CodeStep } from './code-step.tsx';

// Messages are keys of the interface strings, translated when shown.
const schema = z.object({
  login: z.string().trim().min(1, { error: 'signIn.loginRequired' }),
  password: z.string().min(1, { error: 'signIn.passwordRequired' }),
});
type Values = z.infer<typeof schema>;
type MessageKey = 'signIn.loginRequired' | 'signIn.passwordRequired';

/**
 * Login and password; then, for a user with two-factor sign-in, the code (CodeStep). Wrong
 * credentials, a locked account or a dead server are said in the user's language.
 */
export function SignInForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [challenge, setChallenge] = useState<string | null>(null);
  if (challenge)
    return <CodeStep challenge={challenge} onSignedIn={onSignedIn} onStartAgain={() => setChallenge(null)} />;
  return <PasswordStep onSignedIn={onSignedIn} onChallenge={setChallenge} />;
}

function PasswordStep({
  onSignedIn,
  onChallenge,
}: {
  onSignedIn: (me: Me) => void;
  onChallenge: (challenge: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const login = useLogin();
  const [failure, setFailure] = useState<string | null>(null);
  const loginRef = useRef<HTMLInputElement>(null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { login: '', password: '' } });

  useEffect(() => {
    loginRef.current?.focus();
  }, []);

  // The server's message came in the language of the moment: do not leave it standing in another one.
  useEffect(() => {
    const clear = () => setFailure(null);
    i18n.on('languageChanged', clear);
    return () => i18n.off('languageChanged', clear);
  }, [i18n]);

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const answer = await login.mutateAsync(values);
      if ('challenge' in answer) onChallenge(answer.challenge);
      else onSignedIn(answer);
    } catch (error) {
      setFailure(isProblem(error) ? error.problem.title : t('errors.unexpected'));
    }
  });

  const { ref: loginFieldRef, ...loginField } = register('login');
  const fieldError = (message: string | undefined) => (message ? t(message as MessageKey) : undefined);

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={failure ? 'sign-in-failure' : undefined}>
      <Stack gap="md">
        {failure && (
          <Alert id="sign-in-failure" color="red" title={t('signIn.failed')} role="alert">
            {failure}
          </Alert>
        )}
        <TextInput
          label={t('signIn.login')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          size="md"
          required
          error={fieldError(errors.login?.message)}
          {...loginField}
          ref={(el) => {
            loginFieldRef(el);
            loginRef.current = el;
          }}
        />
        <PasswordInput
          label={t('signIn.password')}
          autoComplete="current-password"
          size="md"
          required
          visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
          error={fieldError(errors.password?.message)}
          {...register('password')}
        />
        <Button
          type="submit"
          size="md"
          loading={login.isPending}
          loaderProps={{ 'aria-label': t('signIn.submitting') }}
        >
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}
