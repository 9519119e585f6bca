import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../../lib/api.ts';
import { type Me, useCodeSignIn } from '../../../lib/auth.ts';

/**
 * The second step of two-factor sign-in: the six digits of the authenticator app, or (a lost or
 * absent phone) one of the recovery codes. A wrong or used code is said in the user's language; a
 * challenge that is over sends the user back to the password.
 */
export function CodeStep({
  challenge,
  onSignedIn,
  onStartAgain,
}: {
  challenge: string;
  onSignedIn: (me: Me) => void;
  onStartAgain: () => void;
}) {
  const { t } = useTranslation();
  const signIn = useCodeSignIn();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const typed = code.trim();
    if (!typed) {
      setFieldError(t('twoFactor.codeRequired'));
      input.current?.focus();
      return;
    }
    setFieldError(null);
    try {
      onSignedIn(await signIn.mutateAsync({ challenge, code: typed }));
    } catch (error) {
      if (!isProblem(error)) return setFailure(t('errors.unexpected'));
      setFailure(error.problem.title);
      const key = error.problem.key;
      if (key === 'problem.twoFactor.challengeOver' || key === 'problem.twoFactor.tooManyWrongCodes')
        setOver(true);
      setCode('');
      input.current?.focus();
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-describedby={failure ? 'code-failure' : undefined}>
      <Stack gap="md">
        <div>
          <Text fw={600}>{t('twoFactor.codeTitle')}</Text>
          <Text c="dimmed" size="sm">
            {recovery ? t('twoFactor.recoveryIntro') : t('twoFactor.codeIntro')}
          </Text>
        </div>
        {failure && (
          <Alert id="code-failure" color="red" title={t('signIn.failed')} role="alert">
            {failure}
          </Alert>
        )}
        {!over && (
          <>
            <TextInput
              key={recovery ? 'recovery' : 'app'}
              ref={input}
              label={recovery ? t('twoFactor.recoveryCode') : t('twoFactor.code')}
              autoComplete="one-time-code"
              inputMode={recovery ? 'text' : 'numeric'}
              autoCapitalize="none"
              spellCheck={false}
              maxLength={recovery ? 20 : 6}
              size="md"
              required
              value={code}
              error={fieldError}
              onChange={(e) => setCode(e.currentTarget.value)}
            />
            <Button type="submit" size="md" loading={signIn.isPending}>
              {t('twoFactor.verify')}
            </Button>
          </>
        )}
        <Group justify="space-between" gap="xs">
          {!over && (
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setRecovery(!recovery);
                setCode('');
                setFieldError(null);
                setFailure(null);
                requestAnimationFrame(() => input.current?.focus());
              }}
            >
              {recovery ? t('twoFactor.useApp') : t('twoFactor.useRecovery')}
            </Anchor>
          )}
          <Anchor component="button" type="button" size="sm" onClick={onStartAgain}>
            {t('twoFactor.startAgain')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
