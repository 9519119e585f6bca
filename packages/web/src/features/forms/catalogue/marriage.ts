import {
  FIELD_LABELS,
  fullYearsBetween,
  isPlainDate,
  type LocalizedText,
  todayIn,
  VALUE_LABELS,
} from '@sabt/core';
import type { Catalogue, Condition, Field, Section } from '../lib/catalogue-types.ts';
import { getAt } from '../lib/paths.ts';
import {
  applicantSection,
  citizenshipField,
  filled,
  is,
  L,
  LABELS,
  nationalityField,
  SPOUSE_COPIES,
  WIDOWED_OPTION,
} from './common.ts';
import { previousMarriageEndLookup, spouseBirthLookup } from './lookups.ts';

/** Under 18 on the day of registration (or of the application): the court's decision is needed. */
const underAge =
  (side: string): Condition =>
  (v) => {
    const born = getAt(v, `${side}.birthDate`);
    const on = [getAt(v, 'registrationDate'), getAt(v, 'applicationDate')].find(
      (d): d is string => typeof d === 'string' && isPlainDate(d),
    );
    if (typeof born !== 'string' || !isPlainDate(born)) return false;
    return fullYearsBetween(born, on ?? todayIn('Asia/Dushanbe')) < 18;
  };

function spouseSection(side: 'husband' | 'wife', title: LocalizedText): Section {
  const p = (k: string) => `${side}.${k}`;
  const ended = is(p('previousMaritalStatus'), 'DIVORCED', 'WIDOWED');
  const fields: Field[] = [
    {
      type: 'lookup',
      path: p('birthRecordId'),
      label: LABELS.birthRecord,
      hint: L(
        'Ихтиёрӣ: сабти таваллуд имкон медиҳад, ки хешутаборӣ санҷида шавад.',
        'Необязательно: по записи о рождении проверяется родство.',
        'Optional: the birth record lets the registry check kinship.',
      ),
      lookup: spouseBirthLookup(side),
      wide: true,
    },
    {
      type: 'text',
      path: p('surnameBefore'),
      label: L('Насаб то ақди никоҳ', 'Фамилия до заключения брака', 'Surname before the marriage'),
      required: true,
      maxLength: 100,
    },
    {
      type: 'text',
      path: p('surnameAfter'),
      label: L('Насаб баъд аз ақди никоҳ', 'Фамилия после заключения брака', 'Surname after the marriage'),
      required: true,
      maxLength: 100,
    },
    { type: 'text', path: p('name'), label: LABELS.name, required: true, maxLength: 100 },
    { type: 'text', path: p('patronymic'), label: LABELS.patronymic, maxLength: 100 },
    { type: 'date', path: p('birthDate'), label: LABELS.birthDate, required: true },
    citizenshipField(p('citizenship')),
    nationalityField(p('nationality')),
    { type: 'place', path: p('birthPlace'), label: LABELS.birthPlace },
    { type: 'place', path: p('residence'), label: LABELS.residence, required: true },
    { type: 'document', path: p('idDocument'), label: LABELS.idDocument },
    {
      type: 'select',
      path: p('previousMaritalStatus'),
      label: L('Вазъи оилавӣ то ин никоҳ', 'Семейное положение до этого брака', 'Marital status before'),
      required: true,
      options: [
        {
          value: 'NEVER_MARRIED',
          label: L('Қаблан дар никоҳ набуд', 'В браке не состоял(а)', 'Never married'),
        },
        { value: 'DIVORCED', label: L('Никоҳ бекор шудааст', 'Разведён (разведена)', 'Divorced') },
        WIDOWED_OPTION,
      ],
    },
    {
      type: 'group',
      path: p('previousMarriageEnd'),
      label: L(
        'Ҳуҷҷати қатъ гардидани никоҳи қаблӣ',
        'Документ о прекращении предыдущего брака',
        'Document that ended the previous marriage',
      ),
      when: (v) => ended(v) || filled(p('previousMarriageEnd'))(v),
      required: true,
      wide: true,
      fields: [
        {
          type: 'select',
          path: p('previousMarriageEnd.type'),
          label: L('Намуди ҳуҷҷат', 'Вид документа', 'Type of document'),
          required: true,
          options: [
            {
              value: 'DIVORCE_RECORD',
              label: VALUE_LABELS.DIVORCE_RECORD,
            },
            {
              value: 'DEATH_RECORD',
              label: L('Сабти вафоти ҳамсар', 'Запись акта о смерти супруга', 'Death record of the spouse'),
            },
            { value: 'COURT_DECISION', label: VALUE_LABELS.COURT_DECISION },
            { value: 'OTHER_DOCUMENT', label: L('Ҳуҷҷати дигар', 'Иной документ', 'Another document') },
          ],
        },
        {
          type: 'lookup',
          path: p('previousMarriageEnd.recordId'),
          label: L('Сабт дар «Сабт»', 'Запись в «Сабт»', 'Record in Sabt'),
          lookup: previousMarriageEndLookup(side),
          when: is(p('previousMarriageEnd.type'), 'DIVORCE_RECORD', 'DEATH_RECORD'),
          wide: true,
        },
        { type: 'text', path: p('previousMarriageEnd.number'), label: LABELS.number, maxLength: 50 },
        { type: 'date', path: p('previousMarriageEnd.date'), label: LABELS.date },
        {
          type: 'text',
          path: p('previousMarriageEnd.office'),
          label: L('Идора ё суд', 'Орган или суд', 'Office or court'),
          maxLength: 200,
        },
      ],
    },
    {
      type: 'court',
      path: p('courtAgeReduction'),
      label: FIELD_LABELS.courtAgeReduction,
      when: (v) => underAge(side)(v) || filled(p('courtAgeReduction'))(v),
      required: true,
    },
  ];
  return { id: side, path: side, title, fields };
}

const documentGroup = (path: string, who: Field): Field[] => [
  { type: 'text', path: `${path}.number`, label: LABELS.documentNumber, required: true, maxLength: 50 },
  { type: 'date', path: `${path}.date`, label: LABELS.documentDate, required: true },
  who,
];

export const marriageCatalogue: Catalogue = {
  kind: 'MARRIAGE',
  sections: [
    spouseSection('husband', L('Шавҳар', 'Жених (муж)', 'Husband')),
    spouseSection('wife', L('Зан', 'Невеста (жена)', 'Wife')),
    {
      id: 'registration',
      title: L('Ариза ва бақайдгирӣ', 'Заявление и регистрация', 'Application and registration'),
      fields: [
        { type: 'date', path: 'applicationDate', label: LABELS.applicationDate, required: true },
        {
          type: 'date',
          path: 'registrationDate',
          label: L('Санаи бақайдгирии никоҳ', 'Дата регистрации брака', 'Date of the marriage registration'),
          hint: L(
            'Рӯзи маросим; вақте ки баргузор мешавад, пур кунед.',
            'День торжественной регистрации; заполните, когда она состоится.',
            'The day of the ceremony; fill in when it is held.',
          ),
        },
      ],
    },
    {
      id: 'medicalExamination',
      path: 'medicalExamination',
      title: L(
        'Муоинаи тиббии пеш аз никоҳ',
        'Добрачное медицинское обследование',
        'Pre-marital medical examination',
      ),
      fields: documentGroup('medicalExamination', {
        type: 'text',
        path: 'medicalExamination.facility',
        label: VALUE_LABELS.FACILITY,
        required: true,
        maxLength: 200,
      }),
    },
    {
      id: 'marriageContract',
      path: 'marriageContract',
      title: FIELD_LABELS.marriageContract,
      hint: L('Агар бошад.', 'Если заключён.', 'If there is one.'),
      fields: documentGroup('marriageContract', {
        type: 'text',
        path: 'marriageContract.notary',
        label: FIELD_LABELS.notary,
        required: true,
        maxLength: 200,
      }),
    },
    applicantSection({ optional: true, copyFrom: SPOUSE_COPIES }),
  ],
};
