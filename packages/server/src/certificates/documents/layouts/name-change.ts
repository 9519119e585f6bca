import type { NameChangeData } from '@sabt/core';
import { fullName } from '../format.ts';
import { A5_PORTRAIT, defineLayout } from '../layout-types.ts';
import {
  A5_FOOTER_LINES,
  A5_FOOTER_STATICS,
  A5_HEADER,
  A5_QR,
  A5_REPEAT_MARK,
  A5_VERIFY_URL,
  a5Footer,
  blankNumberField,
  FULL_WIDTH,
  LEFT,
  personRow,
  recordFields,
} from './common.ts';

/**
 * Certificate of a change of surname, name, patronymic (шаҳодатнома дар бораи иваз намудани
 * насаб, ном ва номи падар), handbook §2.7: the name before, date and place of birth,
 * citizenship, the name after, record number and date, office, issue date.
 */
export const nameChangeCertificateLayout = defineLayout<NameChangeData>({
  document: 'NAME_CHANGE_CERTIFICATE',
  recordKinds: ['NAME_CHANGE'],
  page: A5_PORTRAIT,
  title: 'Шаҳодатнома дар бораи иваз намудани насаб, ном ва номи падар',
  header: A5_HEADER,
  statics: [...A5_FOOTER_STATICS],
  lines: [...A5_FOOTER_LINES],
  fields: [
    blankNumberField(),
    {
      key: 'nameBefore',
      label: 'Насаб, ном, номи падар то иваз',
      value: ({ data }) =>
        fullName({
          surname: data.person?.surnameBefore,
          name: data.person?.nameBefore,
          patronymic: data.person?.patronymicBefore,
        }),
      x: LEFT,
      y: 57,
      width: FULL_WIDTH,
      size: 12,
      bold: true,
    },
    ...personRow<NameChangeData>('person', 67, ({ data }) => data.person),
    {
      key: 'nameAfter',
      label: 'Насаб, ном, номи падар баъд аз иваз',
      value: ({ data }) =>
        fullName({
          surname: data.person?.surnameAfter,
          name: data.person?.nameAfter,
          patronymic: data.person?.patronymicAfter,
        }),
      x: LEFT,
      y: 86,
      width: FULL_WIDTH,
      size: 12,
      bold: true,
    },
    ...recordFields<NameChangeData>(108, 'Сабти санади иваз намудани насаб, ном ва номи падар'),
    ...a5Footer<NameChangeData>(),
  ],
  repeatMark: A5_REPEAT_MARK,
  qr: A5_QR,
  verifyUrl: A5_VERIFY_URL,
});
