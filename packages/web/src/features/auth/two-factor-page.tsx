import { Alert, Paper, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Heading } from '../../components/heading.tsx';
import { meQuery } from '../../lib/auth.ts';
import { EnrolTwoFactor } from './components/enrol-two-factor.tsx';
import { useEnrolmentDone } from './two-factor-api.ts';

/**
 * `/two-factor`: setting up two-factor sign-in. A user whose role requires it is kept here until
 * they have (app/routes/shell.tsx); the others come from the security screen.
 */
export default function TwoFactorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useSuspenseQuery(meQuery());
  const done = useEnrolmentDone();
  useDocumentTitle(`${t('twoFactor.enrolTitle')} — ${t('app.name')}`);
  return (
    <Paper withBorder p="xl" radius="md" maw={640} mx="auto">
      <Stack gap="md">
        <Heading title={t('twoFactor.enrolTitle')} intro={t('twoFactor.enrolIntro')} />
        {me.twoFactorEnrolmentRequired && (
          <Alert color="yellow" role="status">
            {t('twoFactor.enrolRequired')}
          </Alert>
        )}
        <EnrolTwoFactor
          onDone={async () => {
            const required = me.twoFactorEnrolmentRequired;
            await done();
            notifications.show({ message: t('twoFactor.enrolled'), color: 'teal' });
            void navigate(required ? '/' : '/security', { replace: true });
          }}
        />
      </Stack>
    </Paper>
  );
}
