import { type DivorceData, HOLDER_LABELS } from '@sabt/core';
import { actRef, date, fullName } from '../format.ts';
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

function formerSpouse(side: Side, heading: string, y: number): LayoutField<DivorceData>[] {
  return [
    {
      key: `${side}.name`,
      label: `${heading}: насаб, ном, номи падар`,
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
    ...personRow<DivorceData>(side, y + 9, ({ data }) => data[side]),
  ];
}

/**
 * Divorce certificate (шаҳодатнома дар бораи бекор кардани ақди никоҳ), handbook §2.4: both former
 * spouses (one certificate is issued to each, with the same content and the holder named), the
 * marriage that ended and the date it ended, the surnames chosen on divorce, record number and date,
 * office, issue date.
 */
export const divorceCertificateLayout = defineLayout<DivorceData>({
  document: 'DIVORCE_CERTIFICATE',
  recordKinds: ['DIVORCE'],
  page: A5_PORTRAIT,
  title: 'Шаҳодатнома дар бораи бекор кардани ақди никоҳ',
  header: A5_HEADER,
  statics: [...A5_FOOTER_STATICS],
  lines: [...A5_FOOTER_LINES],
  fields: [
    blankNumberField(),
    ...formerSpouse('husband', 'Шавҳар', 55),
    ...formerSpouse('wife', 'Зан', 76),
    {
      key: 'marriageRecord',
      label: 'Сабти санади ақди никоҳ, ки бекор карда шуд',
      value: ({ data, input }) => actRef(data.marriage, input.officeNames),
      x: LEFT,
      y: 97,
      width: FULL_WIDTH,
      size: 9.5,
    },
    {
      key: 'marriageEndDate',
      label: 'Санаи қатъ гардидани ақди никоҳ',
      value: ({ data }) => date(data.marriageEndDate),
      x: LEFT,
      y: 107,
      width: COL1_WIDTH,
      bold: true,
    },
    {
      key: 'husband.surnameAfter',
      label: 'Насаби шавҳар баъд аз бекор кардан',
      value: ({ data }) => data.husband?.surnameAfter ?? '',
      x: LEFT,
      y: 117,
      width: COL1_WIDTH,
      bold: true,
    },
    {
      key: 'wife.surnameAfter',
      label: 'Насаби зан баъд аз бекор кардан',
      value: ({ data }) => data.wife?.surnameAfter ?? '',
      x: COL2,
      y: 117,
      width: COL2_WIDTH,
      bold: true,
    },
    ...recordFields<DivorceData>(130, 'Сабти санади бекор кардани ақди никоҳ'),
    {
      key: 'holder',
      label: 'Шаҳодатнома дода шуд ба',
      value: ({ data, input }) => {
        const side = input.certificate.holder;
        if (!side) return '';
        const p = data[side];
        const name = fullName({
          surname: p?.surnameAfter || p?.surnameBefore,
          name: p?.name,
          patronymic: p?.patronymic,
        });
        return `${HOLDER_LABELS[side].tg}: ${name}`;
      },
      x: LEFT,
      y: 150,
      width: FULL_WIDTH,
      size: 9.5,
    },
    ...a5Footer<DivorceData>(),
  ],
  repeatMark: A5_REPEAT_MARK,
  qr: A5_QR,
  verifyUrl: A5_VERIFY_URL,
});
