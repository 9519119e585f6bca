import type { BirthData } from '@sabt/core';
import { citizenship, date, fullName, place } from '../format.ts';
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
 * Birth certificate (шаҳодатнома дар бораи таваллуд), handbook §2.1: the child's full name, date
 * and place of birth; the parents' full names and citizenship; record number and date, the
 * registering office; place and date of issue, registrar, blank series and number.
 */
export const birthCertificateLayout = defineLayout<BirthData>({
  document: 'BIRTH_CERTIFICATE',
  recordKinds: ['BIRTH'],
  page: A5_PORTRAIT,
  title: 'Шаҳодатнома дар бораи таваллуд',
  header: A5_HEADER,
  statics: [...A5_FOOTER_STATICS],
  lines: [...A5_FOOTER_LINES],
  fields: [
    blankNumberField(),
    {
      key: 'child',
      label: 'Насаб, ном, номи падар',
      value: ({ data }) => fullName(data.child),
      x: LEFT,
      y: 57,
      width: FULL_WIDTH,
      size: 12,
      bold: true,
    },
    {
      key: 'birthDate',
      label: 'Санаи таваллуд',
      value: ({ data }) => date(data.child?.birthDate),
      x: LEFT,
      y: 69,
      width: COL1_WIDTH,
      bold: true,
    },
    {
      key: 'birthPlace',
      label: 'Ҷойи таваллуд',
      value: ({ data }) => place(data.child?.birthPlace),
      x: LEFT,
      y: 80,
      width: FULL_WIDTH,
      lines: 2,
    },
    {
      key: 'father',
      label: 'Падар: насаб, ном, номи падар',
      value: ({ data }) => fullName(data.father),
      x: LEFT,
      y: 95,
      width: COL1_WIDTH,
      lines: 2,
      bold: true,
    },
    {
      key: 'fatherCitizenship',
      label: 'Шаҳрвандии падар',
      value: ({ data }) => (data.father ? citizenship(data.father.citizenship) : ''),
      x: COL2,
      y: 95,
      width: COL2_WIDTH,
      size: 9,
    },
    {
      key: 'mother',
      label: 'Модар: насаб, ном, номи падар',
      value: ({ data }) => fullName(data.mother),
      x: LEFT,
      y: 109,
      width: COL1_WIDTH,
      lines: 2,
      bold: true,
    },
    {
      key: 'motherCitizenship',
      label: 'Шаҳрвандии модар',
      value: ({ data }) => citizenship(data.mother?.citizenship),
      x: COL2,
      y: 109,
      width: COL2_WIDTH,
      size: 9,
    },
    ...recordFields<BirthData>(124, 'Сабти санади таваллуд'),
    ...a5Footer<BirthData>(),
  ],
  repeatMark: A5_REPEAT_MARK,
  qr: A5_QR,
  verifyUrl: A5_VERIFY_URL,
  check: ({ data }) =>
    data.child?.liveBorn === false
      ? 'A stillborn child gets a reference (STILLBIRTH_REFERENCE), not a birth certificate'
      : undefined,
});
