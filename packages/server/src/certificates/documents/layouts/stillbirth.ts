import type { BirthData } from '@sabt/core';
import { citizenship, date, fullName, place, sexOfChild } from '../format.ts';
import { A5_PORTRAIT, defineLayout } from '../layout-types.ts';
import {
  A5_FOOTER_LINES,
  A5_FOOTER_STATICS,
  A5_HEADER,
  A5_QR,
  A5_REPEAT_MARK,
  A5_VERIFY_URL,
  a5Footer,
  blankNumberField,
  COL1_WIDTH,
  COL2,
  COL2_WIDTH,
  FULL_WIDTH,
  LEFT,
  recordFields,
} from './common.ts';

/**
 * Reference on a stillbirth (маълумотнома дар бораи мурда таваллуд шудани кӯдак), handbook §2.1:
 * a stillborn child gets no birth certificate, only this reference, made from the birth record
 * kept with the perinatal death document: the mother and father, the date and place, the child's
 * sex, record number and date, office, issue date.
 */
export const stillbirthReferenceLayout = defineLayout<BirthData>({
  document: 'STILLBIRTH_REFERENCE',
  recordKinds: ['BIRTH'],
  page: A5_PORTRAIT,
  title: 'Маълумотнома дар бораи мурда таваллуд шудани кӯдак',
  header: A5_HEADER,
  statics: [
    {
      text: 'Дар бораи мурда таваллуд шудани кӯдак сабти санади ҳолати шаҳрвандӣ тартиб дода шудааст.',
      x: LEFT,
      y: 143,
      width: FULL_WIDTH,
      size: 7.5,
    },
    ...A5_FOOTER_STATICS,
  ],
  lines: [...A5_FOOTER_LINES],
  fields: [
    blankNumberField(),
    {
      key: 'mother',
      label: 'Модар: насаб, ном, номи падар',
      value: ({ data }) => fullName(data.mother),
      x: LEFT,
      y: 57,
      width: COL1_WIDTH,
      lines: 2,
      bold: true,
    },
    {
      key: 'motherCitizenship',
      label: 'Шаҳрвандии модар',
      value: ({ data }) => citizenship(data.mother?.citizenship),
      x: COL2,
      y: 57,
      width: COL2_WIDTH,
      size: 9,
    },
    {
      key: 'father',
      label: 'Падар: насаб, ном, номи падар',
      value: ({ data }) => fullName(data.father),
      x: LEFT,
      y: 71,
      width: COL1_WIDTH,
      lines: 2,
      bold: true,
    },
    {
      key: 'fatherCitizenship',
      label: 'Шаҳрвандии падар',
      value: ({ data }) => (data.father ? citizenship(data.father.citizenship) : ''),
      x: COL2,
      y: 71,
      width: COL2_WIDTH,
      size: 9,
    },
    {
      key: 'date',
      label: 'Санаи мурда таваллуд шудани кӯдак',
      value: ({ data }) => date(data.child?.birthDate),
      x: LEFT,
      y: 85,
      width: COL1_WIDTH,
      bold: true,
    },
    {
      key: 'sex',
      label: 'Ҷинси кӯдак',
      value: ({ data }) => sexOfChild(data.child?.sex),
      x: COL2,
      y: 85,
      width: COL2_WIDTH,
    },
    {
      key: 'place',
      label: 'Ҷойи таваллуд',
      value: ({ data }) => place(data.child?.birthPlace),
      x: LEFT,
      y: 96,
      width: FULL_WIDTH,
      lines: 2,
    },
    ...recordFields<BirthData>(114, 'Сабти санади таваллуд'),
    ...a5Footer<BirthData>('Ҷойи додани маълумотнома'),
  ],
  repeatMark: A5_REPEAT_MARK,
  qr: A5_QR,
  verifyUrl: A5_VERIFY_URL,
  check: ({ data }) =>
    data.child?.liveBorn === false
      ? undefined
      : 'A stillbirth reference is printed only for a birth record of a stillborn child (liveBorn: false)',
});
