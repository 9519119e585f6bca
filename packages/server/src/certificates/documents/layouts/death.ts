import type { DeathData } from '@sabt/core';
import { citizenship, date, fullName, place } from '../format.ts';
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
  COL1_WIDTH,
  COL2,
  COL2_WIDTH,
  FULL_WIDTH,
  LEFT,
  recordFields,
} from './common.ts';

/**
 * Death certificate (шаҳодатнома дар бораи вафот), handbook §2.2: full name, date and place of
 * birth, date and place of death, record number and date, office, issue date. The cause of death
 * is NOT printed: no field here reads `cause`.
 */
export const deathCertificateLayout = defineLayout<DeathData>({
  document: 'DEATH_CERTIFICATE',
  recordKinds: ['DEATH'],
  page: A5_PORTRAIT,
  title: 'Шаҳодатнома дар бораи вафот',
  header: A5_HEADER,
  statics: [...A5_FOOTER_STATICS],
  lines: [...A5_FOOTER_LINES],
  fields: [
    blankNumberField(),
    {
      key: 'deceased',
      label: 'Насаб, ном, номи падар',
      value: ({ data }) => fullName(data.deceased),
      x: LEFT,
      y: 57,
      width: FULL_WIDTH,
      size: 12,
      bold: true,
    },
    {
      key: 'birthDate',
      label: 'Санаи таваллуд',
      value: ({ data }) => date(data.deceased?.birthDate),
      x: LEFT,
      y: 69,
      width: COL1_WIDTH,
    },
    {
      key: 'citizenship',
      label: 'Шаҳрвандӣ',
      value: ({ data }) => citizenship(data.deceased?.citizenship),
      x: COL2,
      y: 69,
      width: COL2_WIDTH,
      size: 9,
    },
    {
      key: 'birthPlace',
      label: 'Ҷойи таваллуд',
      value: ({ data }) => place(data.deceased?.birthPlace),
      x: LEFT,
      y: 80,
      width: FULL_WIDTH,
      lines: 2,
    },
    {
      key: 'deathDate',
      label: 'Санаи вафот',
      value: ({ data }) => date(data.death?.date),
      x: LEFT,
      y: 95,
      width: COL1_WIDTH,
      bold: true,
    },
    {
      key: 'deathPlace',
      label: 'Ҷойи вафот',
      value: ({ data }) => place(data.death?.place),
      x: LEFT,
      y: 106,
      width: FULL_WIDTH,
      lines: 2,
    },
    ...recordFields<DeathData>(124, 'Сабти санади вафот'),
    ...a5Footer<DeathData>(),
  ],
  repeatMark: A5_REPEAT_MARK,
  qr: A5_QR,
  verifyUrl: A5_VERIFY_URL,
});
