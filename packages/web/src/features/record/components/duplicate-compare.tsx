import { Table, Text } from '@mantine/core';
import type { ActKindCode } from '@sabt/core';
import type { ReactNode } from 'react';
import { formatInstant } from '../../../lib/dates.ts';
import type { RecordView } from '../../../lib/records.ts';
import { useLabels } from '../hooks/use-labels.ts';
import { getAt } from '../lib/data-paths.ts';
import { ThreeColumnTable } from './diff-table.tsx';
import { RecordRef } from './record-ref.tsx';

const NAMES = ['surname', 'name', 'patronymic'];
const person = (who: string, extra: string[] = ['birthDate']) =>
  [...NAMES, ...extra].map((k) => `${who}.${k}`);
const spouse = (who: string) => [
  `${who}.surnameBefore`,
  `${who}.surnameAfter`,
  `${who}.name`,
  `${who}.patronymic`,
  `${who}.birthDate`,
];

/** What is compared per act kind: whom the act is about, the dates, the parents or spouses. */
export const COMPARED: Record<ActKindCode, string[]> = {
  BIRTH: [
    ...person('child', ['sex', 'birthDate', 'birthPlace.unit', 'birthPlace.settlement']),
    ...person('mother'),
    ...person('father'),
  ],
  DEATH: [
    ...person('deceased', ['sex', 'birthDate']),
    'death.date',
    'death.place.unit',
    'deceased.birthRecordId',
  ],
  MARRIAGE: [...spouse('husband'), ...spouse('wife'), 'registrationDate', 'applicationDate'],
  DIVORCE: [...spouse('husband'), ...spouse('wife'), 'marriage.number', 'marriage.date', 'marriageEndDate'],
  ADOPTION: [...person('childBefore', ['sex', 'birthDate']), ...person('childAfter'), 'court.caseNumber'],
  PATERNITY: [...person('childBefore', ['sex', 'birthDate']), ...person('father'), ...person('mother')],
  NAME_CHANGE: [
    'person.surnameBefore',
    'person.nameBefore',
    'person.patronymicBefore',
    'person.surnameAfter',
    'person.nameAfter',
    'person.patronymicAfter',
    'person.birthDate',
  ],
};

interface Row {
  key: string;
  label: string;
  left: ReactNode;
  right: ReactNode;
  differs: boolean;
}

/** The record and one similar record side by side; rows that differ are marked (in colour and in words). */
export function DuplicateCompare({
  record,
  other,
  caption,
}: {
  record: RecordView;
  other: RecordView;
  caption: string;
}) {
  const { m, pathLabel, value, officeName, statusLabel, kindLabel } = useLabels();
  const rows: Row[] = [];
  const numberOf = (r: RecordView) => (r.number !== null ? `№ ${r.number} / ${r.year}` : '—');

  const add = (key: string, label: string, a: string, b: string, left?: ReactNode, right?: ReactNode) =>
    rows.push({ key, label, left: left ?? a, right: right ?? b, differs: a !== b });
  // where the two records stand in the workflow differs by nature: shown, not marked
  const plain = (key: string, label: string, left: ReactNode, right: ReactNode) =>
    rows.push({ key, label, left, right, differs: false });

  for (const path of COMPARED[record.kind] ?? []) {
    const segments = path.split('.');
    const a = getAt(record.data, segments);
    const b = getAt(other.data, segments);
    if (a === undefined && b === undefined) continue;
    add(path, pathLabel(record.kind, segments), value(segments, a), value(segments, b));
  }
  add('kind', m.duplicates.rows.kind ?? '', kindLabel(record.kind), kindLabel(other.kind));
  add('office', m.duplicates.rows.office ?? '', officeName(record.office), officeName(other.office));
  plain(
    'number',
    m.duplicates.rows.number ?? '',
    numberOf(record),
    <RecordRef id={other.id} number={other.number} year={other.year} />,
  );
  plain('nationalId', m.duplicates.rows.nationalId ?? '', record.nationalId ?? '—', other.nationalId ?? '—');
  plain('status', m.duplicates.rows.status ?? '', statusLabel(record.status), statusLabel(other.status));
  plain(
    'created',
    m.duplicates.rows.created ?? '',
    formatInstant(record.createdAt),
    formatInstant(other.createdAt),
  );

  const cell = (content: ReactNode, differs: boolean) => (
    <Table.Td
      style={{
        background: differs ? 'var(--mantine-color-yellow-1)' : undefined,
        fontWeight: differs ? 600 : undefined,
        overflowWrap: 'anywhere',
      }}
    >
      {content}
      {differs && <span className="sabt-visually-hidden"> ({m.duplicates.differs})</span>}
    </Table.Td>
  );

  return (
    <ThreeColumnTable
      minWidth={560}
      caption={caption}
      heads={[m.duplicates.field, m.duplicates.thisRecord, m.duplicates.otherRecord]}
      firstWidth="32%"
      layout="fixed"
    >
      {rows.map((r) => (
        <Table.Tr key={r.key}>
          <Table.Th scope="row" fw={500}>
            <Text size="sm" component="span">
              {r.label}
            </Text>
            {r.differs && (
              <Text component="span" size="xs" c="orange.9" fw={700} aria-hidden="true">
                {' '}
                ≠
              </Text>
            )}
          </Table.Th>
          {cell(r.left, r.differs)}
          {cell(r.right, r.differs)}
        </Table.Tr>
      ))}
    </ThreeColumnTable>
  );
}
