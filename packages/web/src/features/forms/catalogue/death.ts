import { FIELD_LABELS } from '@sabt/core';
import type { CatalogueSpec } from '../lib/catalogue-types.ts';
import {
  applicantSection,
  basisSection,
  citizenshipField,
  is,
  L,
  nameFields,
  nationalityField,
  sexField,
} from './common.ts';
import { deceasedBirthLookup } from './lookups.ts';

const isCourt = is('basis.type', 'COURT_DECISION_DEATH_ESTABLISHED', 'COURT_DECISION_DECLARED_DEAD');

export const deathCatalogue: CatalogueSpec = {
  kind: 'DEATH',
  sections: [
    {
      id: 'deceased',
      path: 'deceased',
      fields: [
        {
          type: 'lookup',
          path: 'deceased.birthRecordId',
          hint: L(
            'Агар сабт дар «Сабт» бошад, онро ёбед: ному насаб ва санаи таваллуд худкор пур мешаванд.',
            'Если запись есть в «Сабт», найдите её: ФИО и дата рождения заполнятся сами.',
            'If the record is in Sabt, find it: the names and the date of birth are filled in for you.',
          ),
          lookup: deceasedBirthLookup,
          wide: true,
        },
        ...nameFields('deceased'),
        sexField('deceased.sex'),
        {
          type: 'partialDate',
          path: 'deceased.birthDate',
        },
        { type: 'place', path: 'deceased.birthPlace' },
        citizenshipField('deceased.citizenship', false),
        nationalityField('deceased.nationality'),
        {
          type: 'select',
          path: 'deceased.maritalStatus',
        },
        {
          type: 'checkbox',
          path: 'deceased.identityEstablished',
          default: true,
        },
        {
          type: 'place',
          path: 'deceased.residence',
        },
        { type: 'document', path: 'deceased.idDocument' },
      ],
    },
    {
      id: 'death',
      path: 'death',
      fields: [
        {
          type: 'partialDate',
          path: 'death.date',
          required: true,
        },
        { type: 'time', path: 'death.time' },
        {
          type: 'select',
          path: 'death.placeType',
        },
        {
          type: 'place',
          path: 'death.place',
          required: true,
        },
      ],
    },
    {
      id: 'cause',
      path: 'cause',
      hint: L(
        'Аз шаҳодатномаи тиббии вафот. Дар шаҳодатнома чоп намешавад.',
        'Из медицинского свидетельства о смерти. В свидетельство не печатается.',
        'From the medical death certificate. Not printed on the certificate.',
      ),
      fields: [
        {
          type: 'list',
          path: 'cause.lines',
          itemLabel: FIELD_LABELS.line,
          addLabel: L('Илова кардани сатр', 'Добавить строку', 'Add a line'),
          max: 8,
          required: true,
          wide: true,
          newItem: (i) => ({ line: ['a', 'b', 'c', 'd', 'II'][Math.min(i, 4)] }),
          item: [
            {
              type: 'select',
              path: 'line',
              required: true,
            },
            {
              type: 'text',
              path: 'text',
              required: true,
              maxLength: 1000,
            },
            {
              type: 'text',
              path: 'icd10',
              upper: true,
              maxLength: 6,
            },
            {
              type: 'text',
              path: 'interval',
              maxLength: 50,
            },
          ],
        },
        {
          type: 'select',
          path: 'cause.manner',
        },
        {
          type: 'select',
          path: 'cause.icdVersion',
        },
      ],
    },
    basisSection([
      { type: 'text', path: 'basis.number', required: true, maxLength: 50 },
      { type: 'date', path: 'basis.date', required: true },
      { type: 'text', path: 'basis.issuer', required: true, maxLength: 200 },
      {
        type: 'text',
        path: 'basis.doctor',
        hint: L('Ному насаб', 'ФИО', 'Full name'),
        maxLength: 200,
      },
      {
        type: 'court',
        path: 'basis.court',
        when: isCourt,
        required: true,
      },
    ]),
    applicantSection({ optional: false }),
  ],
};
