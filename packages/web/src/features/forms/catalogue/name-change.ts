import { VALUE_LABELS } from '@sabt/core';
import type { CatalogueSpec } from '../lib/catalogue-types.ts';
import { citizenshipField, L, nationalityField, sexField } from './common.ts';
import { nameChangeBirthLookup, nameChangeMarriageLookup } from './lookups.ts';

export const nameChangeCatalogue: CatalogueSpec = {
  kind: 'NAME_CHANGE',
  sections: [
    {
      id: 'person',
      path: 'person',
      fields: [
        {
          type: 'lookup',
          path: 'birthRecordId',
          hint: L(
            'Сабтро ёбед: ному насаб ва санаи таваллуд худкор пур мешаванд.',
            'Найдите запись: ФИО и дата рождения заполнятся сами.',
            'Find the record: the names and the date of birth are filled in for you.',
          ),
          lookup: nameChangeBirthLookup,
          wide: true,
        },
        {
          type: 'text',
          path: 'person.surnameBefore',
          required: true,
          maxLength: 100,
        },
        {
          type: 'text',
          path: 'person.nameBefore',
          required: true,
          maxLength: 100,
        },
        {
          type: 'text',
          path: 'person.patronymicBefore',
          maxLength: 100,
        },
        {
          type: 'text',
          path: 'person.surnameAfter',
          required: true,
          maxLength: 100,
        },
        {
          type: 'text',
          path: 'person.nameAfter',
          required: true,
          maxLength: 100,
        },
        {
          type: 'text',
          path: 'person.patronymicAfter',
          maxLength: 100,
        },
        sexField('person.sex'),
        { type: 'date', path: 'person.birthDate', required: true },
        citizenshipField('person.citizenship'),
        nationalityField('person.nationality'),
        { type: 'place', path: 'person.birthPlace' },
        { type: 'place', path: 'person.residence', required: true },
        { type: 'document', path: 'person.idDocument' },
      ],
    },
    {
      id: 'application',
      title: VALUE_LABELS.APPLICATION,
      fields: [
        { type: 'date', path: 'applicationDate', required: true },
        {
          type: 'text',
          path: 'reasons',
          required: true,
          multiline: true,
          maxLength: 1000,
          wide: true,
        },
      ],
    },
    {
      id: 'related',
      title: L(
        'Сабтҳое, ки тағйир дода мешаванд',
        'Записи, в которые вносятся изменения',
        'Records to amend',
      ),
      hint: L(
        'Баъд аз бақайдгирӣ ба ин сабтҳо тағйирот ворид мешавад ва шаҳодатномаҳои нав дода мешаванд.',
        'После регистрации в эти записи вносятся изменения и выдаются новые свидетельства.',
        'After registration these records are amended and new certificates are issued.',
      ),
      fields: [
        {
          type: 'lookup',
          path: 'marriageRecordId',
          lookup: nameChangeMarriageLookup,
          wide: true,
        },
        {
          type: 'recordList',
          path: 'childrenBirthRecordIds',
          kind: 'BIRTH',
          max: 20,
          wide: true,
        },
      ],
    },
  ],
};
