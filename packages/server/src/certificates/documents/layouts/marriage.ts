import type { MarriageData } from '@sabt/core';
import { date } from '../format.ts';
import { a5Certificate } from './a5-frame.ts';
import { bothSpouses, columnRow, surnamesAfter } from './rows.ts';

/**
 * Marriage certificate (шаҳодатнома дар бораи ақди никоҳ), handbook §2.3: both spouses' names
 * before and after, dates and places of birth, citizenship, date of marriage, record number and
 * date, office, issue date.
 */
export const marriageCertificateLayout = a5Certificate<MarriageData>({
  document: 'MARRIAGE_CERTIFICATE',
  recordKinds: ['MARRIAGE'],
  title: 'Шаҳодатнома дар бораи ақди никоҳ',
  rows: [
    ...bothSpouses<MarriageData>('nameBefore', 'насаб (то ақди никоҳ), ном, номи падар', 55),
    columnRow(1, 'marriageDate', 'Санаи ақди никоҳ', ({ data }) => date(data.registrationDate), 97),
    ...surnamesAfter<MarriageData>('баъд аз ақди никоҳ', 107),
  ],
  record: { y: 124, label: 'Сабти санади ақди никоҳ' },
});
