import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { MESSAGES, mayRead, type RecordRead } from '@sabt/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { meQuery } from '../../lib/auth.ts';
import { currentLanguage } from '../../lib/i18n.ts';
import { HOME } from '../paths.ts';

/**
 * A screen of records shown only to a role that reads records this way (core READ_MATRIX, the
 * rule the server enforces); anyone else, come by a typed or an old link, is told why in their
 * language, in the words the server's refusal uses, and led home.
 */
export function ReadGuard({ read, children }: { read: RecordRead; children: ReactNode }) {
  const { data: me } = useSuspenseQuery(meQuery());
  return mayRead(me.role, read) ? children : <NotForRole read={read} />;
}

function NotForRole({ read }: { read: RecordRead }) {
  const { t } = useTranslation();
  const message = MESSAGES[`problem.read.${read}`][currentLanguage()];
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
