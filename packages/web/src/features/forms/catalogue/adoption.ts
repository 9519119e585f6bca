import type { CatalogueSpec, FieldSpec, SectionSpec } from '../lib/catalogue-types.ts';
import { adultFields, applicantSection, copyPerson, L, nameFields, sexField } from './common.ts';
import { adoptionBirthLookup } from './lookups.ts';

const birthParent = (id: 'birthMother' | 'birthFather'): SectionSpec => ({
  id,
  path: id,
  hint: L(
    'Чӣ тавре ки дар сабти таваллуд навишта шудааст.',
    'Как записано в записи о рождении.',
    'As the birth record names them.',
  ),
  fields: [...nameFields(id), { type: 'date', path: `${id}.birthDate` }],
});

const adopter = (id: 'adoptiveMother' | 'adoptiveFather'): SectionSpec => ({
  id,
  path: id,
  hint: L(
    'Ақаллан як фарзандхонандаро пур кунед.',
    'Заполните сведения хотя бы об одном усыновителе.',
    'Fill in at least one adopter.',
  ),
  fields: adultFields(id),
});

const childAfter: FieldSpec[] = [
  ...nameFields('childAfter'),
  { type: 'date', path: 'childAfter.birthDate', required: true },
  { type: 'place', path: 'childAfter.birthPlace', required: true },
];

export const adoptionCatalogue: CatalogueSpec = {
  kind: 'ADOPTION',
  sections: [
    {
      id: 'childBefore',
      path: 'childBefore',
      fields: [
        {
          type: 'lookup',
          path: 'birthRecordId',
          hint: L(
            'Сабтро ёбед: маълумоти кӯдак ва падару модари биологӣ худкор пур мешавад.',
            'Найдите запись: сведения о ребёнке и биологических родителях заполнятся сами.',
            'Find the record: the child and the birth parents are filled in for you.',
          ),
          lookup: adoptionBirthLookup,
          wide: true,
        },
        ...nameFields('childBefore'),
        sexField('childBefore.sex'),
        { type: 'date', path: 'childBefore.birthDate', required: true },
        { type: 'place', path: 'childBefore.birthPlace', required: true },
      ],
    },
    {
      id: 'childAfter',
      path: 'childAfter',
      hint: L(
        'Суд метавонад ном, сана ва ҷои таваллудро иваз кунад.',
        'Суд может изменить ФИО, дату и место рождения.',
        'The court may change the names and the date and place of birth.',
      ),
      fields: childAfter,
    },
    birthParent('birthMother'),
    birthParent('birthFather'),
    adopter('adoptiveMother'),
    adopter('adoptiveFather'),
    {
      id: 'court',
      title: L(
        'Қарори суд дар бораи фарзандхондӣ',
        'Решение суда об усыновлении',
        'Court decision on the adoption',
      ),
      fields: [
        {
          type: 'court',
          path: 'court',
          required: true,
        },
        {
          type: 'yesno',
          path: 'adoptersRecordedAsParents',
          required: true,
          wide: true,
        },
      ],
    },
    applicantSection({
      optional: true,
      copyFrom: [
        copyPerson(
          L(
            'Аз маълумоти модари фарзандхонанда',
            'Из сведений об усыновительнице',
            'Copy from the adoptive mother',
          ),
          'adoptiveMother',
          () => true,
          undefined,
          'MOTHER',
        ),
        copyPerson(
          L(
            'Аз маълумоти падари фарзандхонанда',
            'Из сведений об усыновителе',
            'Copy from the adoptive father',
          ),
          'adoptiveFather',
          () => true,
          undefined,
          'FATHER',
        ),
      ],
    }),
  ],
};
