import { type DivorceData, HOLDER_LABELS } from '@sabt/core';
import { actRef, date, fullName } from '../format.ts';
import { a5Certificate, FULL_WIDTH, LEFT } from './a5-frame.ts';
import { bothSpouses, columnRow, surnamesAfter } from './rows.ts';

/**
 * Divorce certificate (шаҳодатнома дар бораи бекор кардани ақди никоҳ), handbook §2.4: both former
 * spouses (one certificate is issued to each, with the same content and the holder named), the
 * marriage that ended and the date it ended, the surnames chosen on divorce, record number and date,
 * office, issue date.
 */
export const divorceCertificateLayout = a5Certificate<DivorceData>({
  document: 'DIVORCE_CERTIFICATE',
  recordKinds: ['DIVORCE'],
  title: 'Шаҳодатнома дар бораи бекор кардани ақди никоҳ',
  rows: [
    ...bothSpouses<DivorceData>('name', 'насаб, ном, номи падар', 55),
    {
      key: 'marriageRecord',
      label: 'Сабти санади ақди никоҳ, ки бекор карда шуд',
      value: ({ data, input }) => actRef(data.marriage, input.officeNames),
      x: LEFT,
      y: 97,
      width: FULL_WIDTH,
      size: 9.5,
    },
    columnRow(
      1,
      'marriageEndDate',
      'Санаи қатъ гардидани ақди никоҳ',
      ({ data }) => date(data.marriageEndDate),
      107,
    ),
    ...surnamesAfter<DivorceData>('баъд аз бекор кардан', 117),
  ],
  record: { y: 130, label: 'Сабти санади бекор кардани ақди никоҳ' },
  afterRecord: [
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
  ],
});
