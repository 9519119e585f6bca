import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { MESSAGES, type MessageKey, type Role } from '@sabt/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { meQuery } from '../../lib/auth.ts';
import { currentLanguage } from '../../lib/i18n.ts';
import { HOME } from '../paths.ts';

/**
 * A screen shown only to the roles a rule of core allows (the rule the server enforces); anyone
 * else, come by a typed or an old link, is told why in their language, in the words of the server's
 * refusal (`refusal`), and led home.
 */
export function RoleGuard({
  allows,
  refusal,
  children,
}: {
  allows: (role: Role) => boolean;
  refusal: MessageKey;
  children: ReactNode;
}) {
  const { data: me } = useSuspenseQuery(meQuery());
  return allows(me.role) ? children : <NotForRole refusal={refusal} />;
}

function NotForRole({ refusal }: { refusal: MessageKey }) {
  const { t } = useTranslation();
  const message = MESSAGES[refusal][currentLanguage()];
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
