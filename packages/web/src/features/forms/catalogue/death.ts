import { FIELD_LABELS, VALUE_LABELS } from '@sabt/core';
import type { Catalogue } from '../lib/catalogue-types.ts';
import {
  applicantSection,
  citizenshipField,
  ELSEWHERE_OPTION,
  FACILITY_OPTION,
  is,
  L,
  LABELS,
  nameFields,
  nationalityField,
  sexField,
  WIDOWED_OPTION,
} from './common.ts';
import { deceasedBirthLookup } from './lookups.ts';

const isCourt = is('basis.type', 'COURT_DECISION_DEATH_ESTABLISHED', 'COURT_DECISION_DECLARED_DEAD');

export const deathCatalogue: Catalogue = {
  kind: 'DEATH',
  sections: [
    {
      id: 'deceased',
      path: 'deceased',
      title: L('Фавтида', 'Умерший', 'The deceased'),
      fields: [
        {
          type: 'lookup',
          path: 'deceased.birthRecordId',
          label: L('Сабти таваллуди фавтида', 'Запись о рождении умершего', 'Birth record of the deceased'),
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
          label: LABELS.birthDate,
        },
        { type: 'place', path: 'deceased.birthPlace', label: LABELS.birthPlace },
        citizenshipField('deceased.citizenship', false),
        nationalityField('deceased.nationality'),
        {
          type: 'select',
          path: 'deceased.maritalStatus',
          label: FIELD_LABELS.maritalStatus,
          options: [
            { value: 'MARRIED', label: L('Дар никоҳ буд', 'Состоял(а) в браке', 'Married') },
            {
              value: 'NEVER_MARRIED',
              label: L('Ҳеҷ гоҳ дар никоҳ набуд', 'Никогда не состоял(а) в браке', 'Never married'),
            },
            { value: 'DIVORCED', label: L('Ҷудошуда', 'Разведён (разведена)', 'Divorced') },
            WIDOWED_OPTION,
            { value: 'UNKNOWN', label: VALUE_LABELS.UNKNOWN },
          ],
        },
        {
          type: 'checkbox',
          path: 'deceased.identityEstablished',
          label: FIELD_LABELS.identityEstablished,
          default: true,
        },
        {
          type: 'place',
          path: 'deceased.residence',
          label: L('Ҷои охирини зист', 'Последнее место жительства', 'Last place of residence'),
        },
        { type: 'document', path: 'deceased.idDocument', label: LABELS.idDocument },
      ],
    },
    {
      id: 'death',
      path: 'death',
      title: L('Вафот', 'Смерть', 'The death'),
      fields: [
        {
          type: 'partialDate',
          path: 'death.date',
          label: L('Санаи вафот', 'Дата смерти', 'Date of death'),
          required: true,
        },
        { type: 'time', path: 'death.time', label: L('Вақти вафот', 'Время смерти', 'Time of death') },
        {
          type: 'select',
          path: 'death.placeType',
          label: L('Дар куҷо вафот кард', 'Где наступила смерть', 'Where the death took place'),
          options: [
            FACILITY_OPTION,
            { value: 'HOME', label: L('Дар хона', 'Дома', 'At home') },
            ELSEWHERE_OPTION,
            { value: 'UNKNOWN', label: VALUE_LABELS.UNKNOWN },
          ],
        },
        {
          type: 'place',
          path: 'death.place',
          label: L('Ҷои вафот', 'Место смерти', 'Place of death'),
          required: true,
        },
      ],
    },
    {
      id: 'cause',
      path: 'cause',
      title: L('Сабаби вафот', 'Причина смерти', 'Cause of death'),
      hint: L(
        'Аз шаҳодатномаи тиббии вафот. Дар шаҳодатнома чоп намешавад.',
        'Из медицинского свидетельства о смерти. В свидетельство не печатается.',
        'From the medical death certificate. Not printed on the certificate.',
      ),
      fields: [
        {
          type: 'list',
          path: 'cause.lines',
          label: L('Сатрҳои сабаби вафот', 'Строки причины смерти', 'Lines of the cause of death'),
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
              label: FIELD_LABELS.line,
              required: true,
              options: [
                {
                  value: 'a',
                  label: L('I а) сабаби бевосита', 'I а) непосредственная причина', 'I (a) direct cause'),
                },
                {
                  value: 'b',
                  label: L('I б) ҳолати боиси он', 'I б) состояние, вызвавшее её', 'I (b) due to'),
                },
                {
                  value: 'c',
                  label: L('I в) ҳолати боиси он', 'I в) состояние, вызвавшее его', 'I (c) due to'),
                },
                {
                  value: 'd',
                  label: L('I г) сабаби аввалия', 'I г) первоначальная причина', 'I (d) underlying cause'),
                },
                {
                  value: 'II',
                  label: L(
                    'II дигар ҳолатҳои муҳим',
                    'II прочие важные состояния',
                    'II other significant conditions',
                  ),
                },
              ],
            },
            {
              type: 'text',
              path: 'text',
              label: FIELD_LABELS.text,
              required: true,
              maxLength: 1000,
            },
            {
              type: 'text',
              path: 'icd10',
              label: FIELD_LABELS.icd10,
              upper: true,
              maxLength: 6,
            },
            {
              type: 'text',
              path: 'interval',
              label: L('Муддат то марг', 'Период до смерти', 'Interval to death'),
              maxLength: 50,
            },
          ],
        },
        {
          type: 'select',
          path: 'cause.manner',
          label: FIELD_LABELS.manner,
          options: [
            { value: 'DISEASE', label: L('Аз беморӣ', 'От заболевания', 'Disease') },
            { value: 'ACCIDENT', label: VALUE_LABELS.ACCIDENT },
            { value: 'SELF_HARM', label: L('Худкушӣ', 'Самоубийство', 'Intentional self-harm') },
            { value: 'ASSAULT', label: VALUE_LABELS.ASSAULT },
            {
              value: 'LEGAL_INTERVENTION',
              label: VALUE_LABELS.LEGAL_INTERVENTION,
            },
            { value: 'WAR', label: VALUE_LABELS.WAR },
            {
              value: 'PENDING',
              label: L('Ҳанӯз муайян нашудааст', 'Ещё не установлен', 'Pending investigation'),
            },
            { value: 'UNKNOWN', label: L('Номаълум', 'Не установлен', 'Unknown') },
          ],
        },
        {
          type: 'select',
          path: 'cause.icdVersion',
          label: FIELD_LABELS.icdVersion,
          options: [
            { value: 'ICD-10', label: VALUE_LABELS['ICD-10'] },
            { value: 'ICD-11', label: VALUE_LABELS['ICD-11'] },
          ],
        },
      ],
    },
    {
      id: 'basis',
      path: 'basis',
      title: L('Асоси бақайдгирии вафот', 'Основание записи о смерти', 'Basis of the death record'),
      fields: [
        {
          type: 'select',
          path: 'basis.type',
          label: L('Намуди ҳуҷҷат', 'Вид документа', 'Type of document'),
          required: true,
          wide: true,
          options: [
            {
              value: 'MEDICAL_DEATH_CERTIFICATE',
              label: L(
                'Маълумотномаи тиббӣ дар бораи марг',
                'Медицинское свидетельство о смерти',
                'Medical death certificate',
              ),
            },
            {
              value: 'PERINATAL_DEATH_CERTIFICATE',
              label: L(
                'Маълумотномаи тиббӣ дар бораи марги перинаталӣ',
                'Медицинское свидетельство о перинатальной смерти',
                'Perinatal death certificate',
              ),
            },
            {
              value: 'COURT_DECISION_DEATH_ESTABLISHED',
              label: L(
                'Қарори суд дар бораи муқаррар кардани далели вафот',
                'Решение суда об установлении факта смерти',
                'Court decision establishing the death',
              ),
            },
            {
              value: 'COURT_DECISION_DECLARED_DEAD',
              label: VALUE_LABELS.COURT_DECISION_DECLARED_DEAD,
            },
          ],
        },
        { type: 'text', path: 'basis.number', label: LABELS.documentNumber, required: true, maxLength: 50 },
        { type: 'date', path: 'basis.date', label: LABELS.documentDate, required: true },
        { type: 'text', path: 'basis.issuer', label: LABELS.issuer, required: true, maxLength: 200 },
        {
          type: 'text',
          path: 'basis.doctor',
          label: L('Духтур (ному насаб)', 'Врач (ФИО)', 'Doctor (full name)'),
          maxLength: 200,
        },
        {
          type: 'court',
          path: 'basis.court',
          label: FIELD_LABELS.court,
          when: isCourt,
          required: true,
        },
      ],
    },
    applicantSection({ optional: false }),
  ],
};
