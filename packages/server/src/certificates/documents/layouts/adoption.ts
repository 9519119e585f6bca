import type { AdoptionData } from '@sabt/core';
import { citizenship, fullName } from '../format.ts';
import { a5Certificate, nameAndCitizenship, nameRow, personRow } from './common.ts';

/**
 * Adoption certificate (шаҳодатнома дар бораи фарзандхондӣ), handbook §2.5: the child before and
 * after the adoption (the court may change the name and the date and place of birth), the
 * adopters and their citizenship, record number and date, office, issue date.
 */
export const adoptionCertificateLayout = a5Certificate<AdoptionData>({
  document: 'ADOPTION_CERTIFICATE',
  recordKinds: ['ADOPTION'],
  title: 'Шаҳодатнома дар бораи фарзандхондӣ',
  rows: [
    nameRow(
      'childBefore',
      'Кӯдак то фарзандхондӣ: насаб, ном, номи падар',
      ({ data }) => fullName(data.childBefore),
      55,
    ),
    ...personRow<AdoptionData>('childBefore', 64, ({ data }) => data.childBefore, ['citizenship']),
    nameRow(
      'childAfter',
      'Кӯдак баъд аз фарзандхондӣ: насаб, ном, номи падар',
      ({ data }) => fullName(data.childAfter),
      76,
    ),
    ...personRow<AdoptionData>('childAfter', 85, ({ data }) => data.childAfter, ['citizenship']),
    ...nameAndCitizenship<AdoptionData>(
      {
        key: 'adoptiveFather',
        label: 'Падархонд: насаб, ном, номи падар',
        value: ({ data }) => fullName(data.adoptiveFather),
      },
      {
        key: 'adoptiveFather.citizenship',
        label: 'Шаҳрвандӣ',
        value: ({ data }) => (data.adoptiveFather ? citizenship(data.adoptiveFather.citizenship) : ''),
      },
      98,
    ),
    ...nameAndCitizenship<AdoptionData>(
      {
        key: 'adoptiveMother',
        label: 'Модархонд: насаб, ном, номи падар',
        value: ({ data }) => fullName(data.adoptiveMother),
      },
      {
        key: 'adoptiveMother.citizenship',
        label: 'Шаҳрвандӣ',
        value: ({ data }) => (data.adoptiveMother ? citizenship(data.adoptiveMother.citizenship) : ''),
      },
      111,
    ),
  ],
  record: { y: 126, label: 'Сабти санади фарзандхондӣ' },
});
