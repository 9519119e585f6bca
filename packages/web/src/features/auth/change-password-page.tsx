import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Me, meQuery, meQueryKey } from '../../lib/auth.ts';
import { ChangePasswordForm } from './components/change-password-form.tsx';

/** Change one's own password; a user with a temporary password is kept here until they do (app/routes/shell.tsx). */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { data: me } = useSuspenseQuery(meQuery());
  useDocumentTitle(`${t('password.title')} — ${t('app.name')}`);
  return (
    <Paper withBorder p="xl" radius="md" maw={520} mx="auto">
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {t('password.title')}
          </Title>
          <Text c="dimmed" mt={4}>
            {t('password.intro')}
          </Text>
        </div>
        {me.temporaryCredentials && (
          <Alert color="yellow" role="status">
            {t('password.temporary')}
          </Alert>
        )}
        <ChangePasswordForm
          onChanged={() => {
            notifications.show({ message: t('password.changed'), color: 'teal' });
            // the next step is setting up two-factor sign-in where the role requires it
            const next = client.getQueryData<Me>(meQueryKey);
            void navigate(next?.twoFactorEnrolmentRequired ? '/two-factor' : '/', { replace: true });
          }}
        />
      </Stack>
    </Paper>
  );
}
