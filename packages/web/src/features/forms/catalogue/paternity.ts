import { fullYearsBetween, isPlainDate, todayIn } from '@sabt/core';
import type { CatalogueSpec, Condition } from '../lib/catalogue-types.ts';
import { getAt } from '../lib/paths.ts';
import {
  adultFields,
  applicantSection,
  basisSection,
  citizenshipField,
  copyPerson,
  filled,
  is,
  L,
  nameFields,
  sexField,
} from './common.ts';
import { paternityBirthLookup } from './lookups.ts';

/** A child of 18 or over must consent (asked only then, or when an answer is already given). */
const adultChild: Condition = (v) => {
  const born = getAt(v, 'childBefore.birthDate');
  const adult =
    typeof born === 'string' && isPlainDate(born) && fullYearsBetween(born, todayIn('Asia/Dushanbe')) >= 18;
  return adult || filled('childConsent')(v);
};

export const paternityCatalogue: CatalogueSpec = {
  kind: 'PATERNITY',
  sections: [
    {
      id: 'childBefore',
      path: 'childBefore',
      fields: [
        {
          type: 'lookup',
          path: 'birthRecordId',
          hint: L(
            'Сабтро ёбед: маълумоти кӯдак ва модар худкор пур мешавад.',
            'Найдите запись: сведения о ребёнке и матери заполнятся сами.',
            'Find the record: the child and the mother are filled in for you.',
          ),
          lookup: paternityBirthLookup,
          wide: true,
        },
        ...nameFields('childBefore'),
        sexField('childBefore.sex'),
        { type: 'date', path: 'childBefore.birthDate', required: true },
      ],
    },
    {
      id: 'childAfter',
      path: 'childAfter',
      hint: L(
        'Насаб ва номи падари кӯдак метавонад иваз шавад.',
        'Фамилия и отчество ребёнка могут измениться.',
        'The child’s surname and patronymic may change.',
      ),
      fields: nameFields('childAfter'),
    },
    { id: 'father', path: 'father', fields: adultFields('father') },
    {
      id: 'mother',
      path: 'mother',
      fields: [
        ...nameFields('mother'),
        { type: 'date', path: 'mother.birthDate' },
        citizenshipField('mother.citizenship', false),
      ],
    },
    basisSection([
      {
        type: 'select',
        path: 'basis.fatherApplicationGround',
        when: is('basis.type', 'FATHER_APPLICATION'),
        required: true,
        wide: true,
      },
      {
        type: 'group',
        path: 'basis.guardianshipConsent',
        when: is('basis.type', 'FATHER_APPLICATION'),
        required: true,
        wide: true,
        fields: [
          {
            type: 'text',
            path: 'basis.guardianshipConsent.number',
            required: true,
            maxLength: 50,
          },
          {
            type: 'date',
            path: 'basis.guardianshipConsent.date',
            required: true,
          },
          {
            type: 'text',
            path: 'basis.guardianshipConsent.body',
            required: true,
            maxLength: 200,
          },
        ],
      },
      {
        type: 'court',
        path: 'basis.court',
        when: is('basis.type', 'COURT_DECISION'),
        required: true,
      },
      {
        type: 'yesno',
        path: 'childConsent',
        when: adultChild,
        required: true,
        wide: true,
      },
    ]),
    applicantSection({
      optional: true,
      copyFrom: [
        copyPerson(
          L('Аз маълумоти падар', 'Из сведений об отце', 'Copy from the father'),
          'father',
          () => true,
          undefined,
          'FATHER',
        ),
      ],
    }),
  ],
};
