import { Anchor, Box, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useActKinds } from '../../../lib/act-kinds.ts';
import { type Labels, useLabels } from '../hooks/use-labels.ts';
import { isRecordIdKey, segmentLabel } from '../labels/index.ts';
import type { JsonSchema } from '../labels/schema-fields.ts';
import { isObject, type Json } from '../lib/data-paths.ts';

/** Keys in the order of the kind's schema (the order of the paper form), unknown keys last. */
function ordered(obj: Json, schema: JsonSchema | undefined): string[] {
  const known = Object.keys(schema?.properties ?? {}).filter((k) => k in obj);
  return [...known, ...Object.keys(obj).filter((k) => !known.includes(k))];
}

function child(schema: JsonSchema | undefined, key: string): JsonSchema | undefined {
  const s = schema?.properties?.[key];
  const variants = s?.anyOf ?? s?.oneOf;
  return variants?.find((v) => v.properties || v.items) ?? s;
}

interface NodeProps {
  labels: Labels;
  kind: string;
  path: string[];
  value: unknown;
  schema: JsonSchema | undefined;
  depth: number;
}

function Leaf({ labels, path, value }: { labels: Labels; path: string[]; value: unknown }) {
  const key = path.filter((s) => !/^\d+$/.test(s)).at(-1) ?? '';
  if (isRecordIdKey(key) && typeof value === 'string') {
    return (
      <Anchor component={Link} to={`/records/${value}`} ff="monospace" size="sm">
        {value.slice(0, 8)}…<span className="sabt-visually-hidden"> ({labels.m.data.openRecord})</span>
      </Anchor>
    );
  }
  if (isRecordIdKey(key) && Array.isArray(value)) {
    return (
      <Stack gap={2}>
        {value.map((id) => (
          <Leaf key={String(id)} labels={labels} path={path} value={id} />
        ))}
      </Stack>
    );
  }
  return <span style={{ overflowWrap: 'anywhere' }}>{labels.value(path, value)}</span>;
}

/** A nested part (a place, a document, a court decision): its title and its own rows. */
function Node({ labels, kind, path, value, schema, depth }: NodeProps) {
  const label = segmentLabel(kind, path, labels.lang);
  if (isObject(value)) {
    return (
      <Box
        component="div"
        role="group"
        aria-label={label}
        pl={depth > 1 ? 'sm' : 0}
        py={4}
        style={{
          gridColumn: '1 / -1',
          borderLeft: depth > 1 ? '3px solid var(--mantine-color-gray-3)' : undefined,
        }}
      >
        <Text fw={600} size="sm" c="teal.9" mb={2}>
          {label}
        </Text>
        <Rows labels={labels} kind={kind} path={path} obj={value} schema={schema} depth={depth + 1} />
      </Box>
    );
  }
  if (Array.isArray(value) && value.some(isObject)) {
    return (
      <Box style={{ gridColumn: '1 / -1' }} py={4}>
        <Text fw={600} size="sm" c="teal.9" mb={2}>
          {label}
        </Text>
        {value.map((item, i) => (
          <Node
            // biome-ignore lint/suspicious/noArrayIndexKey: the items of a stored version never move
            key={i}
            labels={labels}
            kind={kind}
            path={[...path, String(i)]}
            value={item}
            schema={schema?.items}
            depth={depth + 1}
          />
        ))}
      </Box>
    );
  }
  return (
    <>
      <Text component="dt" size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {label}
      </Text>
      <Text component="dd" size="sm" fw={500} m={0}>
        <Leaf labels={labels} path={path} value={value} />
      </Text>
    </>
  );
}

function Rows({
  labels,
  kind,
  path,
  obj,
  schema,
  depth,
}: {
  labels: Labels;
  kind: string;
  path: string[];
  obj: Json;
  schema: JsonSchema | undefined;
  depth: number;
}) {
  return (
    <Box
      component="dl"
      m={0}
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(8rem, 2fr) 3fr',
        columnGap: 'var(--mantine-spacing-md)',
        rowGap: 6,
        alignItems: 'baseline',
      }}
    >
      {ordered(obj, schema).map((key) => (
        <Node
          key={key}
          labels={labels}
          kind={kind}
          path={[...path, key]}
          value={obj[key]}
          schema={child(schema, key)}
          depth={depth}
        />
      ))}
    </Box>
  );
}

/**
 * All the data of a record, one card per section (child, mother, …) in the order of the form;
 * single values of the record (dates of application …) together under "General".
 */
export function RecordData({
  kind,
  data,
  headingLevel = 3,
}: {
  kind: string;
  data: Json;
  headingLevel?: 3 | 4;
}) {
  const labels = useLabels();
  const { m, lang } = labels;
  const { data: kinds } = useActKinds();
  const schema = kinds?.find((k) => k.code === kind)?.jsonSchema as JsonSchema | undefined;
  const keys = ordered(data, schema);
  const sections = keys.filter(
    (k) => isObject(data[k]) || (Array.isArray(data[k]) && (data[k] as unknown[]).some(isObject)),
  );
  const general = keys.filter((k) => !sections.includes(k));
  if (keys.length === 0) return <Text c="dimmed">{m.data.empty}</Text>;

  const card = (key: string, title: string, body: ReactNode) => (
    <Paper key={key} withBorder p="md" radius="sm" component="section" aria-label={title}>
      <Title order={headingLevel} size="h4" mb="xs">
        {title}
      </Title>
      {body}
    </Paper>
  );

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" verticalSpacing="md">
      {sections.map((key) => {
        const value = data[key];
        const sectionSchema = child(schema, key);
        return card(
          key,
          segmentLabel(kind, [key], lang),
          isObject(value) ? (
            <Rows labels={labels} kind={kind} path={[key]} obj={value} schema={sectionSchema} depth={1} />
          ) : (
            <Rows
              labels={labels}
              kind={kind}
              path={[key]}
              obj={Object.fromEntries((value as unknown[]).map((v, i) => [String(i), v]))}
              schema={undefined}
              depth={1}
            />
          ),
        );
      })}
      {general.length > 0 &&
        card(
          '_general',
          m.data.general,
          <Rows
            labels={labels}
            kind={kind}
            path={[]}
            obj={Object.fromEntries(general.map((k) => [k, data[k]]))}
            schema={schema}
            depth={1}
          />,
        )}
    </SimpleGrid>
  );
}
