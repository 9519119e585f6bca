import { Alert, Anchor, Button, Container, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { isProblem } from '../../lib/api.ts';

/** A screen that failed to load or render: say so plainly and offer a way on. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const message = notFound
    ? t('errors.notFound')
    : isProblem(error)
      ? error.problem.title
      : t('errors.unexpected');
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={1} size="h2">
          {t('app.name')}
        </Title>
        <Alert color="red" role="alert">
          {message}
        </Alert>
        <Group>
          <Button onClick={() => window.location.reload()}>{t('errors.reload')}</Button>
          <Anchor component={Link} to="/" reloadDocument>
            {t('errors.toHome')}
          </Anchor>
        </Group>
      </Stack>
    </Container>
  );
}
