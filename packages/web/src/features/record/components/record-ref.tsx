import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useLabels } from '../hooks/use-labels.ts';

/** A link to another record: "Таваллуд № 5 / 2025", or its short id while it has no number. */
export function RecordRef({
  id,
  kind,
  number,
  year,
}: {
  id: string;
  kind?: string | null | undefined;
  number?: number | null | undefined;
  year?: number | null | undefined;
}) {
  const { m, kindLabel } = useLabels();
  const num = number != null ? `№ ${number}${year ? ` / ${year}` : ''}` : m.links.noNumber;
  const text = kind ? m.links.act(kindLabel(kind), num) : number != null ? num : `${id.slice(0, 8)}…`;
  return (
    <Anchor component={Link} to={`/records/${id}`} fw={500} fz="inherit" title={id}>
      {text}
    </Anchor>
  );
}
