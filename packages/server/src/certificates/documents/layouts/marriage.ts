import type { MarriageData } from '@sabt/core';
import { date, fullName } from '../format.ts';
import { A5_PORTRAIT, defineLayout, type LayoutField } from '../layout-types.ts';
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

type Side = 'husband' | 'wife';

/** One spouse: name before the marriage; date and place of birth and citizenship below it. */
function spouse(side: Side, heading: string, y: number): LayoutField<MarriageData>[] {
  return [
    {
      key: `${side}.nameBefore`,
      label: `${heading}: насаб (то ақди никоҳ), ном, номи падар`,
      value: ({ data }) =>
        fullName({
          surname: data[side]?.surnameBefore,
          name: data[side]?.name,
          patronymic: data[side]?.patronymic,
        }),
      x: LEFT,
      y,
      width: FULL_WIDTH,
      size: 11,
      bold: true,
    },
    ...personRow<MarriageData>(side, y + 9, ({ data }) => data[side]),
  ];
}

/**
 * Marriage certificate (шаҳодатнома дар бораи ақди никоҳ), handbook §2.3: both spouses' names
 * before and after, dates and places of birth, citizenship, date of marriage, record number and
 * date, office, issue date.
 */
export const marriageCertificateLayout = defineLayout<MarriageData>({
  document: 'MARRIAGE_CERTIFICATE',
  recordKinds: ['MARRIAGE'],
  page: A5_PORTRAIT,
  title: 'Шаҳодатнома дар бораи ақди никоҳ',
  header: A5_HEADER,
  statics: [...A5_FOOTER_STATICS],
  lines: [...A5_FOOTER_LINES],
  fields: [
    blankNumberField(),
    ...spouse('husband', 'Шавҳар', 55),
    ...spouse('wife', 'Зан', 76),
    {
      key: 'marriageDate',
      label: 'Санаи ақди никоҳ',
      value: ({ data }) => date(data.registrationDate),
      x: LEFT,
      y: 97,
      width: COL1_WIDTH,
      bold: true,
    },
    {
      key: 'husband.surnameAfter',
      label: 'Насаби шавҳар баъд аз ақди никоҳ',
      value: ({ data }) => data.husband?.surnameAfter ?? '',
      x: LEFT,
      y: 107,
      width: COL1_WIDTH,
      bold: true,
    },
    {
      key: 'wife.surnameAfter',
      label: 'Насаби зан баъд аз ақди никоҳ',
      value: ({ data }) => data.wife?.surnameAfter ?? '',
      x: COL2,
      y: 107,
      width: COL2_WIDTH,
      bold: true,
    },
    ...recordFields<MarriageData>(124, 'Сабти санади ақди никоҳ'),
    ...a5Footer<MarriageData>(),
  ],
  repeatMark: A5_REPEAT_MARK,
  qr: A5_QR,
  verifyUrl: A5_VERIFY_URL,
});
