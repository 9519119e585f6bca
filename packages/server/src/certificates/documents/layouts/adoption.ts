import type { AdoptionData } from '@sabt/core';
import type { LayoutField } from '../layout-types.ts';
import { a5Certificate } from './a5-frame.ts';
import { personBlock, personWithCitizenship } from './rows.ts';

type Rows = LayoutField<AdoptionData>[];

/** The child before or after the adoption: name, then date and place of birth. */
function child(key: 'childBefore' | 'childAfter', when: string, y: number): Rows {
  const label = `Кӯдак ${when} фарзандхондӣ: насаб, ном, номи падар`;
  return personBlock<AdoptionData>(key, label, ({ data }) => data[key], y, ['citizenship']);
}

/** An adopter: name and citizenship. */
function adopter(key: 'adoptiveFather' | 'adoptiveMother', who: string, y: number): Rows {
  const label = `${who}: насаб, ном, номи падар`;
  return personWithCitizenship<AdoptionData>(key, label, ({ data }) => data[key], y);
}

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
    ...child('childBefore', 'то', 55),
    ...child('childAfter', 'баъд аз', 76),
    ...adopter('adoptiveFather', 'Падархонд', 98),
    ...adopter('adoptiveMother', 'Модархонд', 111),
  ],
  record: { y: 126, label: 'Сабти санади фарзандхондӣ' },
});
