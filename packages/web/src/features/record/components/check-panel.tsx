import { Alert, List, Stack, Text } from '@mantine/core';
import type { RecordView } from '../../../lib/records.ts';
import { useLabels } from '../hooks/use-labels.ts';

/** Before registration: what is still missing or wrong, and warnings (late registration, names). */
export function CheckPanel({ record }: { record: RecordView }) {
  const { m, pathLabel } = useLabels();
  const check = record.check;
  if (!check) return null;
  const { errors } = check;
  return (
    <Alert
      color={errors.length > 0 ? 'yellow' : 'teal'}
      variant="light"
      title={m.check.title}
      role="region"
      aria-label={m.check.title}
    >
      <Stack gap="xs">
        {errors.length === 0 && <Text size="sm">{m.check.complete}</Text>}
        {(['errors', 'warnings'] as const).map(
          (which) =>
            check[which].length > 0 && (
              <div key={which}>
                <Text size="sm" fw={600}>
                  {m.check[which]}:
                </Text>
                <List size="sm" spacing={2}>
                  {check[which].map((e) => (
                    <List.Item key={`${e.path}:${e.key}`}>
                      <strong>{pathLabel(record.kind, e.path)}</strong>: {e.message}
                    </List.Item>
                  ))}
                </List>
              </div>
            ),
        )}
      </Stack>
    </Alert>
  );
}
