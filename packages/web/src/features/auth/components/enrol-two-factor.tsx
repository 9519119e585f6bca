import { Alert, Code, Group, Image, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../../lib/api.ts';
import { useBeginEnrolment, useConfirmEnrolment } from '../two-factor-api.ts';
import { CodeFieldForm } from './code-field-form.tsx';
import { RecoveryCodesPanel } from './recovery-codes.tsx';

/** The secret in groups of four, as authenticator apps show keys (spaces are ignored when typed). */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * Setting up two-factor sign-in: the QR code to scan and the key as text for typing in by hand,
 * a first code to confirm, then the recovery codes, once. `onDone` when the user has saved them.
 */
export function EnrolTwoFactor({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const begin = useBeginEnrolment();
  const confirm = useConfirmEnrolment();
  const [codes, setCodes] = useState<string[] | null>(null);

  // the server shows the same secret until it is confirmed: asking twice (a reload) is harmless
  const { mutate } = begin;
  useEffect(() => mutate(), [mutate]);

  if (codes) return <RecoveryCodesPanel codes={codes} onDone={onDone} />;
  if (begin.isError)
    return (
      <Alert color="red" role="alert">
        {isProblem(begin.error) ? begin.error.problem.title : t('errors.unexpected')}
      </Alert>
    );
  if (!begin.data) return <Loader aria-label={t('app.loading')} />;
  const { qrSvg, secret } = begin.data;
  return (
    <Stack gap="md">
      <Text fw={600}>{t('twoFactor.scan')}</Text>
      <Group align="flex-start" gap="lg" wrap="wrap">
        <Image
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`}
          alt={t('twoFactor.qrAlt')}
          w={200}
          h={200}
          fit="contain"
          bg="white"
        />
        <Stack gap={4} maw={320}>
          <Text size="sm">{t('twoFactor.manual')}</Text>
          <Text size="sm" c="dimmed">
            {t('twoFactor.secretLabel')}
          </Text>
          <Code
            block
            fz="md"
            data-testid="totp-secret"
            aria-label={t('twoFactor.secretLabel')}
            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
          >
            {grouped(secret)}
          </Code>
        </Stack>
      </Group>
      <Text fw={600}>{t('twoFactor.confirmStep')}</Text>
      <CodeFieldForm
        label={t('twoFactor.code')}
        submit={t('twoFactor.confirm')}
        pending={confirm.isPending}
        send={async (code) => setCodes((await confirm.mutateAsync(code)).recoveryCodes)}
      />
    </Stack>
  );
}
