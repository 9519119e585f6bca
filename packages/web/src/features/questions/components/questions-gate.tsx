import { Anchor, Stack, Text, Title } from '@mantine/core';
import { questionReach } from '@sabt/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { meQuery } from '../../../lib/auth.ts';
import { usePageTitle } from '../../../lib/page-title.ts';
import { useQuestionMessages } from '../messages.ts';

/** The questions' screens only for a role that answers them (core questionReach); others are told why. */
export function QuestionsGate({ children }: { children: ReactNode }) {
  const { data: me } = useSuspenseQuery(meQuery());
  return questionReach(me.role) ? children : <NotForRole />;
}

function NotForRole() {
  const { m } = useQuestionMessages();
  usePageTitle(m.common.notForRole);
  return (
    <Stack>
      <Title order={1} size="h2">
        {m.common.notForRole}
      </Title>
      <Text>
        <Anchor component={Link} to="/">
          {m.common.home}
        </Anchor>
      </Text>
    </Stack>
  );
}
