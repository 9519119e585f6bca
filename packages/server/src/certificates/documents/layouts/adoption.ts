import type { AdoptionData } from '@sabt/core';
import { citizenship, fullName } from '../format.ts';
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
 * Adoption certificate (шаҳодатнома дар бораи фарзандхондӣ), handbook §2.5: the child before and
 * after the adoption (the court may change the name and the date and place of birth), the
 * adopters and their citizenship, record number and date, office, issue date.
 */
export const adoptionCertificateLayout = defineLayout<AdoptionData>({
  document: 'ADOPTION_CERTIFICATE',
  recordKinds: ['ADOPTION'],
  page: A5_PORTRAIT,
  title: 'Шаҳодатнома дар бораи фарзандхондӣ',
  header: A5_HEADER,
  statics: [...A5_FOOTER_STATICS],
  lines: [...A5_FOOTER_LINES],
  fields: [
    blankNumberField(),
    {
      key: 'childBefore',
      label: 'Кӯдак то фарзандхондӣ: насаб, ном, номи падар',
      value: ({ data }) => fullName(data.childBefore),
      x: LEFT,
      y: 55,
      width: FULL_WIDTH,
      size: 11,
      bold: true,
    },
    ...personRow<AdoptionData>('childBefore', 64, ({ data }) => data.childBefore, ['citizenship']),
    {
      key: 'childAfter',
      label: 'Кӯдак баъд аз фарзандхондӣ: насаб, ном, номи падар',
      value: ({ data }) => fullName(data.childAfter),
      x: LEFT,
      y: 76,
      width: FULL_WIDTH,
      size: 11,
      bold: true,
    },
    ...personRow<AdoptionData>('childAfter', 85, ({ data }) => data.childAfter, ['citizenship']),
    {
      key: 'adoptiveFather',
      label: 'Падархонд: насаб, ном, номи падар',
      value: ({ data }) => fullName(data.adoptiveFather),
      x: LEFT,
      y: 98,
      width: COL1_WIDTH,
      lines: 2,
      bold: true,
    },
    {
      key: 'adoptiveFather.citizenship',
      label: 'Шаҳрвандӣ',
      value: ({ data }) => (data.adoptiveFather ? citizenship(data.adoptiveFather.citizenship) : ''),
      x: COL2,
      y: 98,
      width: COL2_WIDTH,
      size: 9,
    },
    {
      key: 'adoptiveMother',
      label: 'Модархонд: насаб, ном, номи падар',
      value: ({ data }) => fullName(data.adoptiveMother),
      x: LEFT,
      y: 111,
      width: COL1_WIDTH,
      lines: 2,
      bold: true,
    },
    {
      key: 'adoptiveMother.citizenship',
      label: 'Шаҳрвандӣ',
      value: ({ data }) => (data.adoptiveMother ? citizenship(data.adoptiveMother.citizenship) : ''),
      x: COL2,
      y: 111,
      width: COL2_WIDTH,
      size: 9,
    },
    ...recordFields<AdoptionData>(126, 'Сабти санади фарзандхондӣ'),
    ...a5Footer<AdoptionData>(),
  ],
  repeatMark: A5_REPEAT_MARK,
  qr: A5_QR,
  verifyUrl: A5_VERIFY_URL,
});
