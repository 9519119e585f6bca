import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { MESSAGES, mayAdminister } from '@sabt/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { meQuery } from '../../lib/auth.ts';
import { currentLanguage } from '../../lib/i18n.ts';
import { HOME } from '../paths.ts';

/**
 * The administration screens only for a role that administers users (core ADMIN_MATRIX
 * `read-users`: the central administrator, a head of office); anyone else, come by a typed or an
 * old link, is told why in the server's words and led home.
 */
export function AdminGuard({ children }: { children: ReactNode }) {
  const { data: me } = useSuspenseQuery(meQuery());
  return mayAdminister('read-users', me.role) ? children : <NotForRole />;
}

function NotForRole() {
  const { t } = useTranslation();
  const message = MESSAGES['problem.admin.forbidden'][currentLanguage()];
  useDocumentTitle(`${message} — ${t('app.name')}`);
  return (
    <Stack>
      <Title order={1} size="h2">
        {message}
      </Title>
      <Text>
        <Anchor component={Link} to={HOME}>
          {t('shell.home')}
        </Anchor>
      </Text>
    </Stack>
  );
}
