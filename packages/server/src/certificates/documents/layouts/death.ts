import type { DeathData } from '@sabt/core';
import { citizenship, date, fullName, place } from '../format.ts';
import { a5Certificate } from './a5-frame.ts';
import { columnRow, nameRow, placeRow } from './rows.ts';

/**
 * Death certificate (шаҳодатнома дар бораи вафот), handbook §2.2: full name, date and place of
 * birth, date and place of death, record number and date, office, issue date. The cause of death
 * is NOT printed: no field here reads `cause`.
 */
export const deathCertificateLayout = a5Certificate<DeathData>({
  document: 'DEATH_CERTIFICATE',
  recordKinds: ['DEATH'],
  title: 'Шаҳодатнома дар бораи вафот',
  rows: [
    nameRow('deceased', 'Насаб, ном, номи падар', ({ data }) => fullName(data.deceased), 57, 12),
    columnRow(1, 'birthDate', 'Санаи таваллуд', ({ data }) => date(data.deceased?.birthDate), 69, {}),
    columnRow(2, 'citizenship', 'Шаҳрвандӣ', ({ data }) => citizenship(data.deceased?.citizenship), 69, {
      size: 9,
    }),
    placeRow('birthPlace', 'Ҷойи таваллуд', ({ data }) => place(data.deceased?.birthPlace), 80),
    columnRow(1, 'deathDate', 'Санаи вафот', ({ data }) => date(data.death?.date), 95),
    placeRow('deathPlace', 'Ҷойи вафот', ({ data }) => place(data.death?.place), 106),
  ],
  record: { y: 124, label: 'Сабти санади вафот' },
});
