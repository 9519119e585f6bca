import type { BirthData } from '@sabt/core';
import { date, fullName, place } from '../format.ts';
import type { LayoutField } from '../layout-types.ts';
import { a5Certificate } from './a5-frame.ts';
import { columnRow, nameRow, personWithCitizenship, placeRow } from './rows.ts';

/** A parent on a birth record (certificate or stillbirth reference): the name and citizenship. */
export function birthParent(side: 'father' | 'mother', y: number): LayoutField<BirthData>[] {
  const [heading, of] = side === 'father' ? ['Падар', 'падар'] : ['Модар', 'модар'];
  return personWithCitizenship<BirthData>(
    side,
    `${heading}: насаб, ном, номи падар`,
    ({ data }) => data[side],
    y,
    { key: `${side}Citizenship`, label: `Шаҳрвандии ${of}` },
  );
}

/**
 * Birth certificate (шаҳодатнома дар бораи таваллуд), handbook §2.1: the child's full name, date
 * and place of birth; the parents' full names and citizenship; record number and date, the
 * registering office; place and date of issue, registrar, blank series and number.
 */
export const birthCertificateLayout = a5Certificate<BirthData>({
  document: 'BIRTH_CERTIFICATE',
  recordKinds: ['BIRTH'],
  title: 'Шаҳодатнома дар бораи таваллуд',
  rows: [
    nameRow('child', 'Насаб, ном, номи падар', ({ data }) => fullName(data.child), 57, 12),
    columnRow(1, 'birthDate', 'Санаи таваллуд', ({ data }) => date(data.child?.birthDate), 69),
    placeRow('birthPlace', 'Ҷойи таваллуд', ({ data }) => place(data.child?.birthPlace), 80),
    ...birthParent('father', 95),
    ...birthParent('mother', 109),
  ],
  record: { y: 124, label: 'Сабти санади таваллуд' },
  check: ({ data }) =>
    data.child?.liveBorn === false
      ? 'A stillborn child gets a reference (STILLBIRTH_REFERENCE), not a birth certificate'
      : undefined,
});
