import type { PaternityData } from '@sabt/core';
import { citizenship, date, fullName } from '../format.ts';
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
  personRow,
  recordFields,
} from './common.ts';

/**
 * Certificate of the establishment of paternity (шаҳодатнома дар бораи муқаррар намудани падарӣ),
 * handbook §2.6: the father (name, date and place of birth, citizenship) recognised as the father
 * of the child (name and date of birth as before), the mother, the child's name after, record
 * number and date, office, issue date.
 */
export const paternityCertificateLayout = defineLayout<PaternityData>({
  document: 'PATERNITY_CERTIFICATE',
  recordKinds: ['PATERNITY'],
  page: A5_PORTRAIT,
  title: 'Шаҳодатнома дар бораи муқаррар намудани падарӣ',
  header: A5_HEADER,
  statics: [...A5_FOOTER_STATICS],
  lines: [...A5_FOOTER_LINES],
  fields: [
    blankNumberField(),
    {
      key: 'father',
      label: 'Падар: насаб, ном, номи падар',
      value: ({ data }) => fullName(data.father),
      x: LEFT,
      y: 55,
      width: FULL_WIDTH,
      size: 11,
      bold: true,
    },
    ...personRow<PaternityData>('father', 64, ({ data }) => data.father),
    {
      key: 'childBefore',
      label: 'Падари кӯдак эътироф шуд — кӯдак: насаб, ном, номи падар',
      value: ({ data }) => fullName(data.childBefore),
      x: LEFT,
      y: 77,
      width: FULL_WIDTH,
      size: 11,
      bold: true,
    },
    {
      key: 'childBefore.birthDate',
      label: 'Санаи таваллуди кӯдак',
      value: ({ data }) => date(data.childBefore?.birthDate),
      x: LEFT,
      y: 86,
      width: COL1_WIDTH,
      size: 9.5,
    },
    {
      key: 'mother',
      label: 'Модари кӯдак: насаб, ном, номи падар',
      value: ({ data }) => fullName(data.mother),
      x: LEFT,
      y: 97,
      width: COL1_WIDTH,
      lines: 2,
      bold: true,
    },
    {
      key: 'mother.citizenship',
      label: 'Шаҳрвандӣ',
      value: ({ data }) => citizenship(data.mother?.citizenship),
      x: COL2,
      y: 97,
      width: COL2_WIDTH,
      size: 9,
    },
    {
      key: 'childAfter',
      label: 'Ба кӯдак дода шуд: насаб, ном, номи падар',
      value: ({ data }) => fullName(data.childAfter),
      x: LEFT,
      y: 111,
      width: FULL_WIDTH,
      size: 11,
      bold: true,
    },
    ...recordFields<PaternityData>(125, 'Сабти санади муқаррар намудани падарӣ'),
    ...a5Footer<PaternityData>(),
  ],
  repeatMark: A5_REPEAT_MARK,
  qr: A5_QR,
  verifyUrl: A5_VERIFY_URL,
});
