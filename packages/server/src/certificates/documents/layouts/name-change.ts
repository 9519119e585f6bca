import type { NameChangeData } from '@sabt/core';
import { fullName } from '../format.ts';
import type { LayoutContext } from '../layout-types.ts';
import { a5Certificate } from './a5-frame.ts';
import { nameRow, personRow } from './rows.ts';

/** The person's full name before or after the change. */
function nameAt(when: 'Before' | 'After'): (ctx: LayoutContext<NameChangeData>) => string {
  return ({ data }) =>
    fullName({
      surname: data.person?.[`surname${when}`],
      name: data.person?.[`name${when}`],
      patronymic: data.person?.[`patronymic${when}`],
    });
}

/**
 * Certificate of a change of surname, name, patronymic (шаҳодатнома дар бораи иваз намудани
 * насаб, ном ва номи падар), handbook §2.7: the name before, date and place of birth,
 * citizenship, the name after, record number and date, office, issue date.
 */
export const nameChangeCertificateLayout = a5Certificate<NameChangeData>({
  document: 'NAME_CHANGE_CERTIFICATE',
  recordKinds: ['NAME_CHANGE'],
  title: 'Шаҳодатнома дар бораи иваз намудани насаб, ном ва номи падар',
  rows: [
    nameRow('nameBefore', 'Насаб, ном, номи падар то иваз', nameAt('Before'), 57, 12),
    ...personRow<NameChangeData>('person', 67, ({ data }) => data.person),
    nameRow('nameAfter', 'Насаб, ном, номи падар баъд аз иваз', nameAt('After'), 86, 12),
  ],
  record: { y: 108, label: 'Сабти санади иваз намудани насаб, ном ва номи падар' },
});
