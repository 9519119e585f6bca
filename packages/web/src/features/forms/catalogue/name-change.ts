import { VALUE_LABELS } from '@sabt/core';
import type { Catalogue } from '../lib/catalogue-types.ts';
import { citizenshipField, L, LABELS, nationalityField, sexField } from './common.ts';
import { nameChangeBirthLookup, nameChangeMarriageLookup } from './lookups.ts';

export const nameChangeCatalogue: Catalogue = {
  kind: 'NAME_CHANGE',
  sections: [
    {
      id: 'person',
      path: 'person',
      title: L('Шахс', 'Лицо', 'The person'),
      fields: [
        {
          type: 'lookup',
          path: 'birthRecordId',
          label: L('Сабти таваллуди шахс', 'Запись о рождении лица', 'The person’s birth record'),
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
          label: L('Насаби пештара', 'Прежняя фамилия', 'Surname before'),
          required: true,
          maxLength: 100,
        },
        {
          type: 'text',
          path: 'person.nameBefore',
          label: L('Номи пештара', 'Прежнее имя', 'Name before'),
          required: true,
          maxLength: 100,
        },
        {
          type: 'text',
          path: 'person.patronymicBefore',
          label: L('Номи падари пештара', 'Прежнее отчество', 'Patronymic before'),
          maxLength: 100,
        },
        {
          type: 'text',
          path: 'person.surnameAfter',
          label: L('Насаби нав', 'Новая фамилия', 'New surname'),
          required: true,
          maxLength: 100,
        },
        {
          type: 'text',
          path: 'person.nameAfter',
          label: L('Номи нав', 'Новое имя', 'New name'),
          required: true,
          maxLength: 100,
        },
        {
          type: 'text',
          path: 'person.patronymicAfter',
          label: L('Номи падари нав', 'Новое отчество', 'New patronymic'),
          maxLength: 100,
        },
        sexField('person.sex'),
        { type: 'date', path: 'person.birthDate', label: LABELS.birthDate, required: true },
        citizenshipField('person.citizenship'),
        nationalityField('person.nationality'),
        { type: 'place', path: 'person.birthPlace', label: LABELS.birthPlace },
        { type: 'place', path: 'person.residence', label: LABELS.residence, required: true },
        { type: 'document', path: 'person.idDocument', label: LABELS.idDocument },
      ],
    },
    {
      id: 'application',
      title: VALUE_LABELS.APPLICATION,
      fields: [
        { type: 'date', path: 'applicationDate', label: LABELS.applicationDate, required: true },
        {
          type: 'text',
          path: 'reasons',
          label: L('Сабабҳои иваз', 'Причины перемены', 'Reasons for the change'),
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
          label: L('Сабти ақди никоҳи амалкунанда', 'Запись о действующем браке', 'Marriage record in force'),
          lookup: nameChangeMarriageLookup,
          wide: true,
        },
        {
          type: 'recordList',
          path: 'childrenBirthRecordIds',
          kind: 'BIRTH',
          max: 20,
          label: L(
            'Сабтҳои таваллуди фарзандони ноболиғ',
            'Записи о рождении несовершеннолетних детей',
            'Birth records of the minor children',
          ),
          wide: true,
        },
      ],
    },
  ],
};
