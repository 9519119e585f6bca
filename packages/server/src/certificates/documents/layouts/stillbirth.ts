import type { BirthData } from '@sabt/core';
import { date, place, sexOfChild } from '../format.ts';
import { a5Certificate, FULL_WIDTH, LEFT } from './a5-frame.ts';
import { birthParent } from './birth.ts';
import { columnRow, placeRow } from './rows.ts';

/**
 * Reference on a stillbirth (маълумотнома дар бораи мурда таваллуд шудани кӯдак), handbook §2.1:
 * a stillborn child gets no birth certificate, only this reference, made from the birth record
 * kept with the perinatal death document: the mother and father, the date and place, the child's
 * sex, record number and date, office, issue date.
 */
export const stillbirthReferenceLayout = a5Certificate<BirthData>({
  document: 'STILLBIRTH_REFERENCE',
  recordKinds: ['BIRTH'],
  title: 'Маълумотнома дар бораи мурда таваллуд шудани кӯдак',
  statics: [
    {
      text: 'Дар бораи мурда таваллуд шудани кӯдак сабти санади ҳолати шаҳрвандӣ тартиб дода шудааст.',
      x: LEFT,
      y: 143,
      width: FULL_WIDTH,
      size: 7.5,
    },
  ],
  rows: [
    ...birthParent('mother', 57),
    ...birthParent('father', 71),
    columnRow(1, 'date', 'Санаи мурда таваллуд шудани кӯдак', ({ data }) => date(data.child?.birthDate), 85),
    columnRow(2, 'sex', 'Ҷинси кӯдак', ({ data }) => sexOfChild(data.child?.sex), 85, {}),
    placeRow('place', 'Ҷойи таваллуд', ({ data }) => place(data.child?.birthPlace), 96),
  ],
  record: { y: 114, label: 'Сабти санади таваллуд' },
  issuePlaceLabel: 'Ҷойи додани маълумотнома',
  check: ({ data }) =>
    data.child?.liveBorn === false
      ? undefined
      : 'A stillbirth reference is printed only for a birth record of a stillborn child (liveBorn: false)',
});
