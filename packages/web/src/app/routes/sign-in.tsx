import { Alert, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { type LoaderFunctionArgs, redirect, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { SignInForm } from '../../features/auth/components/sign-in-form.tsx';
import { meQuery } from '../../lib/auth.ts';
import { queryClient } from '../../lib/query-client.ts';
import { safeNext } from '../paths.ts';

/** Already signed in (a live session cookie)? Then straight on. */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  if (params.get('reason') === 'expired') return null;
  // Just sent here because /me said 401: no need to ask again.
  const last = queryClient.getQueryState(meQuery().queryKey);
  if (last?.status === 'error' && Date.now() - last.errorUpdatedAt < 5_000) return null;
  try {
    await queryClient.fetchQuery(meQuery());
  } catch {
    return null;
  }
  return redirect(safeNext(params.get('next')));
}

export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  useDocumentTitle(`${t('signIn.title')} — ${t('app.name')}`);
  const expired = params.get('reason') === 'expired';

  return (
    <Container size={460} py={{ base: 'lg', sm: 48 }}>
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <div>
            <Text component="p" fw={700} fz={28} lh={1.1} c="teal.9">
              {t('app.name')}
            </Text>
            <Text c="dimmed" size="sm">
              {t('app.tagline')}
            </Text>
          </div>
          <LanguageSwitch size="xs" />
        </Group>
        <Paper withBorder shadow="xs" p="xl" radius="md" component="main" id="main">
          <Stack gap="md">
            <div>
              <Title order={1} size="h2">
                {t('signIn.title')}
              </Title>
              <Text c="dimmed" mt={4}>
                {t('signIn.intro')}
              </Text>
            </div>
            {expired && (
              <Alert color="yellow" role="status">
                {t('signIn.sessionExpired')}
              </Alert>
            )}
            <SignInForm onSignedIn={() => navigate(safeNext(params.get('next')), { replace: true })} />
          </Stack>
        </Paper>
      </Stack>
    </Container>
  );
}
