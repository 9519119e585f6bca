import type { PaternityData } from '@sabt/core';
import { date, fullName } from '../format.ts';
import { a5Certificate } from './a5-frame.ts';
import { columnRow, nameRow, personBlock, personWithCitizenship } from './rows.ts';

/**
 * Certificate of the establishment of paternity (шаҳодатнома дар бораи муқаррар намудани падарӣ),
 * handbook §2.6: the father (name, date and place of birth, citizenship) recognised as the father
 * of the child (name and date of birth as before), the mother, the child's name after, record
 * number and date, office, issue date.
 */
export const paternityCertificateLayout = a5Certificate<PaternityData>({
  document: 'PATERNITY_CERTIFICATE',
  recordKinds: ['PATERNITY'],
  title: 'Шаҳодатнома дар бораи муқаррар намудани падарӣ',
  rows: [
    ...personBlock<PaternityData>('father', 'Падар: насаб, ном, номи падар', ({ data }) => data.father, 55),
    nameRow(
      'childBefore',
      'Падари кӯдак эътироф шуд — кӯдак: насаб, ном, номи падар',
      ({ data }) => fullName(data.childBefore),
      77,
    ),
    columnRow(
      1,
      'childBefore.birthDate',
      'Санаи таваллуди кӯдак',
      ({ data }) => date(data.childBefore?.birthDate),
      86,
      {
        size: 9.5,
      },
    ),
    ...personWithCitizenship<PaternityData>(
      'mother',
      'Модари кӯдак: насаб, ном, номи падар',
      ({ data }) => data.mother,
      97,
    ),
    nameRow(
      'childAfter',
      'Ба кӯдак дода шуд: насаб, ном, номи падар',
      ({ data }) => fullName(data.childAfter),
      111,
    ),
  ],
  record: { y: 125, label: 'Сабти санади муқаррар намудани падарӣ' },
});
