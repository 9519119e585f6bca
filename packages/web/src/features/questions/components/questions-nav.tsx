import { Anchor, Group } from '@mantine/core';
import { NavLink } from 'react-router';
import { useQuestionMessages } from '../messages.ts';

/** The questions' two screens: the inbox and the canned answers. */
export function QuestionsNav() {
  const { m } = useQuestionMessages();
  return (
    <Group component="nav" aria-label={m.nav.label} gap="md">
      <Anchor component={NavLink} to="/questions" end fw={500}>
        {m.nav.inbox}
      </Anchor>
      <Anchor component={NavLink} to="/questions/canned" fw={500}>
        {m.nav.canned}
      </Anchor>
    </Group>
  );
}
