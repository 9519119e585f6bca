import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { memo } from 'react';
import type { CopySpec, Section } from '../lib/catalogue-types.ts';
import { FieldGrid } from './field-view.tsx';
import { useForm, useMessages, useWhen } from './form-context.tsx';

/** One part of the application (a person, a basis …) with its fields. */
export const SectionView = memo(function SectionView({
  section,
  domId,
}: {
  section: Section;
  domId: string;
}) {
  const f = useForm();
  const { error } = useMessages(section.path ?? '');
  const copies = section.copyFrom ?? [];
  const titleId = `${domId}-title`;
  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      aria-labelledby={titleId}
      id={domId}
      tabIndex={-1}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div>
            <Title order={2} size="h4" id={titleId}>
              {f.label(section.title)}
            </Title>
            {section.hint && (
              <Text size="sm" c="dimmed">
                {f.label(section.hint)}
              </Text>
            )}
          </div>
          {copies.length > 0 && (
            <Group gap="xs">
              {copies.map((c) => (
                <CopyButton key={c.label.en} copy={c} />
              ))}
            </Group>
          )}
        </Group>
        {section.path && error && (
          <Alert color="red" p="xs" id={f.idFor(section.path)} tabIndex={-1}>
            {error}
          </Alert>
        )}
        <FieldGrid fields={section.fields} />
      </Stack>
    </Paper>
  );
});

/** Copies a person from another part of the form (applicant = mother …), when it applies. */
function CopyButton({ copy }: { copy: CopySpec }) {
  const f = useForm();
  if (!useWhen(copy.when)) return null;
  return (
    <Button size="xs" variant="default" onClick={() => f.merge(copy.copy(f.store.values))}>
      {f.label(copy.label)}
    </Button>
  );
}
