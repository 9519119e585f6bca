import { Button, Group, Text } from '@mantine/core';
import { type ActKindCode, decide } from '@sabt/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useActKinds } from '../../../lib/act-kinds.ts';
import { meQuery } from '../../../lib/auth.ts';
import { currentLanguage } from '../../../lib/i18n.ts';

/** One button per act kind this user may start in this office (the action matrix decides). */
export function NewApplication() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { data: me } = useQuery(meQuery());
  const { data: kinds } = useActKinds();
  if (!me || !kinds) return null;
  const who = { role: me.role, officeKind: me.office.kind };
  const allowed = kinds.filter((k) => decide('create', who, { kind: k.code as ActKindCode }).allowed);
  if (allowed.length === 0) return null;
  return (
    <Group gap="xs" wrap="wrap" role="group" aria-labelledby="new-application-label">
      <Text id="new-application-label" fw={600} mr={4}>
        {t('queues.newApplication')}:
      </Text>
      {allowed.map((k) => (
        <Button
          key={k.code}
          component={Link}
          to={`/records/new/${k.code}`}
          variant="light"
          size="sm"
          className="sabt-wrap-button"
          aria-label={t('queues.newApplicationOf', { kind: k.labels[lang] })}
        >
          {k.labels[lang]}
        </Button>
      ))}
    </Group>
  );
}
