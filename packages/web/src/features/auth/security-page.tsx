import { Button, Divider, Paper, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Heading } from '../../components/heading.tsx';
import { formatInstant } from '../../lib/dates.ts';
import { CodeFieldForm } from './components/code-field-form.tsx';
import { RecoveryCodesPanel } from './components/recovery-codes.tsx';
import { twoFactorStatusQuery, useRegenerateRecoveryCodes } from './two-factor-api.ts';

/**
 * `/security`: one's own two-factor sign-in — on since when, whether the role requires it, the
 * recovery codes left and new ones (with a current code); the way to set it up when it is not.
 */
export default function SecurityPage() {
  const { t } = useTranslation();
  const { data: status } = useSuspenseQuery(twoFactorStatusQuery());
  const regenerate = useRegenerateRecoveryCodes();
  const [codes, setCodes] = useState<string[] | null>(null);
  useDocumentTitle(`${t('twoFactor.securityTitle')} — ${t('app.name')}`);
  return (
    <Paper withBorder p="xl" radius="md" maw={640} mx="auto">
      <Stack gap="md">
        <Heading
          title={t('twoFactor.securityTitle')}
          intro={status.required ? t('twoFactor.requiredForRole') : t('twoFactor.optionalForRole')}
        />
        {status.enrolled ? (
          <>
            <Text role="status">{t('twoFactor.statusOn', { date: formatInstant(status.enrolledAt) })}</Text>
            <Text>{t('twoFactor.codesLeft', { count: status.recoveryCodesLeft })}</Text>
            <Text size="sm" c="dimmed">
              {t('twoFactor.lostDevice')}
            </Text>
            <Divider />
            {codes ? (
              <RecoveryCodesPanel codes={codes} onDone={() => setCodes(null)} />
            ) : (
              <Stack gap="xs">
                <Heading
                  order={2}
                  size="h4"
                  title={t('twoFactor.regenerateTitle')}
                  intro={t('twoFactor.regenerateIntro')}
                />
                <CodeFieldForm
                  label={t('twoFactor.code')}
                  submit={t('twoFactor.regenerate')}
                  pending={regenerate.isPending}
                  send={async (code) => setCodes((await regenerate.mutateAsync(code)).recoveryCodes)}
                />
              </Stack>
            )}
          </>
        ) : (
          <>
            <Text role="status">{t('twoFactor.statusOff')}</Text>
            <Button component={Link} to="/two-factor" w="fit-content">
              {t('twoFactor.enrol')}
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}
