import { Alert, List, Stack, Text } from '@mantine/core';
import type { RecordView } from '../../../lib/records.ts';
import { useLabels } from '../hooks/use-labels.ts';

/** Before registration: what is still missing or wrong, and warnings (late registration, names). */
export function CheckPanel({ record }: { record: RecordView }) {
  const { m, pathLabel } = useLabels();
  const check = record.check;
  if (!check) return null;
  const { errors, warnings } = check;
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
        {errors.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              {m.check.errors}:
            </Text>
            <List size="sm" spacing={2}>
              {errors.map((e) => (
                <List.Item key={`${e.path}:${e.key}`}>
                  <strong>{pathLabel(record.kind, e.path)}</strong>: {e.message}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {warnings.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              {m.check.warnings}:
            </Text>
            <List size="sm" spacing={2}>
              {warnings.map((w) => (
                <List.Item key={`${w.path}:${w.key}`}>
                  <strong>{pathLabel(record.kind, w.path)}</strong>: {w.message}
                </List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
