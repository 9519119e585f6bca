import type { AdoptionData } from '@sabt/core';
import { a5Certificate, personBlock, personWithCitizenship } from './common.ts';

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
    ...personBlock<AdoptionData>(
      'childBefore',
      'Кӯдак то фарзандхондӣ: насаб, ном, номи падар',
      ({ data }) => data.childBefore,
      55,
      ['citizenship'],
    ),
    ...personBlock<AdoptionData>(
      'childAfter',
      'Кӯдак баъд аз фарзандхондӣ: насаб, ном, номи падар',
      ({ data }) => data.childAfter,
      76,
      ['citizenship'],
    ),
    ...personWithCitizenship<AdoptionData>(
      'adoptiveFather',
      'Падархонд: насаб, ном, номи падар',
      ({ data }) => data.adoptiveFather,
      98,
    ),
    ...personWithCitizenship<AdoptionData>(
      'adoptiveMother',
      'Модархонд: насаб, ном, номи падар',
      ({ data }) => data.adoptiveMother,
      111,
    ),
  ],
  record: { y: 126, label: 'Сабти санади фарзандхондӣ' },
});
