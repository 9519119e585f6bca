import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HOME } from '../paths.ts';

export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('errors.notFound')} — ${t('app.name')}`);
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('errors.notFound')}
      </Title>
      <Text>
        <Anchor component={Link} to={HOME}>
          {t('errors.toHome')}
        </Anchor>
      </Text>
    </Stack>
  );
}
