import { fullYearsBetween, isPlainDate, todayIn } from '@sabt/core';
import type { CatalogueSpec, Condition, FieldSpec, SectionSpec } from '../lib/catalogue-types.ts';
import { getAt } from '../lib/paths.ts';
import {
  applicantSection,
  citizenshipField,
  filled,
  is,
  L,
  nationalityField,
  SPOUSE_COPIES,
  spouseNameFields,
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

function spouseSection(side: 'husband' | 'wife'): SectionSpec {
  const p = (k: string) => `${side}.${k}`;
  const ended = is(p('previousMaritalStatus'), 'DIVORCED', 'WIDOWED');
  const fields: FieldSpec[] = [
    {
      type: 'lookup',
      path: p('birthRecordId'),
      hint: L(
        'Ихтиёрӣ: сабти таваллуд имкон медиҳад, ки хешутаборӣ санҷида шавад.',
        'Необязательно: по записи о рождении проверяется родство.',
        'Optional: the birth record lets the registry check kinship.',
      ),
      lookup: spouseBirthLookup(side),
      wide: true,
    },
    ...spouseNameFields(side),
    citizenshipField(p('citizenship')),
    nationalityField(p('nationality')),
    { type: 'place', path: p('birthPlace') },
    { type: 'place', path: p('residence'), required: true },
    { type: 'document', path: p('idDocument') },
    {
      type: 'select',
      path: p('previousMaritalStatus'),
      required: true,
    },
    {
      type: 'group',
      path: p('previousMarriageEnd'),
      when: (v) => ended(v) || filled(p('previousMarriageEnd'))(v),
      required: true,
      wide: true,
      fields: [
        {
          type: 'select',
          path: p('previousMarriageEnd.type'),
          required: true,
        },
        {
          type: 'lookup',
          path: p('previousMarriageEnd.recordId'),
          lookup: previousMarriageEndLookup(side),
          when: is(p('previousMarriageEnd.type'), 'DIVORCE_RECORD', 'DEATH_RECORD'),
          wide: true,
        },
        { type: 'text', path: p('previousMarriageEnd.number'), maxLength: 50 },
        { type: 'date', path: p('previousMarriageEnd.date') },
        {
          type: 'text',
          path: p('previousMarriageEnd.office'),
          maxLength: 200,
        },
      ],
    },
    {
      type: 'court',
      path: p('courtAgeReduction'),
      when: (v) => underAge(side)(v) || filled(p('courtAgeReduction'))(v),
      required: true,
    },
  ];
  return { id: side, path: side, fields };
}

const documentGroup = (path: string, who: FieldSpec): FieldSpec[] => [
  { type: 'text', path: `${path}.number`, required: true, maxLength: 50 },
  { type: 'date', path: `${path}.date`, required: true },
  who,
];

export const marriageCatalogue: CatalogueSpec = {
  kind: 'MARRIAGE',
  sections: [
    spouseSection('husband'),
    spouseSection('wife'),
    {
      id: 'registration',
      title: L('Ариза ва бақайдгирӣ', 'Заявление и регистрация', 'Application and registration'),
      fields: [
        { type: 'date', path: 'applicationDate', required: true },
        {
          type: 'date',
          path: 'registrationDate',
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
      fields: documentGroup('medicalExamination', {
        type: 'text',
        path: 'medicalExamination.facility',
        required: true,
        maxLength: 200,
      }),
    },
    {
      id: 'marriageContract',
      path: 'marriageContract',
      hint: L('Агар бошад.', 'Если заключён.', 'If there is one.'),
      fields: documentGroup('marriageContract', {
        type: 'text',
        path: 'marriageContract.notary',
        required: true,
        maxLength: 200,
      }),
    },
    applicantSection({ optional: true, copyFrom: SPOUSE_COPIES }),
  ],
};
