import { Alert, Anchor, List, Text } from '@mantine/core';
import type { SummaryItem } from '../lib/field-labels.ts';

/** Every error in the order of the form, each a link to its field. */
export function ErrorSummary({
  id,
  title,
  items,
  other,
}: {
  id: string;
  title: string;
  items: SummaryItem[];
  other: string[];
}) {
  if (items.length === 0 && other.length === 0) return null;
  return (
    <Alert id={id} tabIndex={-1} color="red" title={title} role="alert">
      <List size="sm" spacing={4}>
        {items.map((i) => (
          <List.Item key={i.path}>
            <Anchor
              href={`#${i.domId}`}
              size="sm"
              onClick={(e) => {
                e.preventDefault();
                const el = document.getElementById(i.domId);
                el?.scrollIntoView({ block: 'center' });
                el?.focus();
              }}
            >
              {i.label}
            </Anchor>
            <Text span size="sm">
              {': '}
              {i.message}
            </Text>
          </List.Item>
        ))}
        {other.map((o) => (
          <List.Item key={o}>{o}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
