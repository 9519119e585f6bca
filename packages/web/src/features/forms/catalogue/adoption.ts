import { FIELD_LABELS, type LocalizedText } from '@sabt/core';
import type { Catalogue, Field, Section } from '../lib/catalogue-types.ts';
import { adultFields, applicantSection, copyPerson, L, LABELS, nameFields, sexField } from './common.ts';
import { adoptionBirthLookup } from './lookups.ts';

const birthParent = (id: 'birthMother' | 'birthFather', title: LocalizedText): Section => ({
  id,
  path: id,
  title,
  hint: L(
    'Чӣ тавре ки дар сабти таваллуд навишта шудааст.',
    'Как записано в записи о рождении.',
    'As the birth record names them.',
  ),
  fields: [...nameFields(id), { type: 'date', path: `${id}.birthDate`, label: LABELS.birthDate }],
});

const adopter = (id: 'adoptiveMother' | 'adoptiveFather', title: LocalizedText): Section => ({
  id,
  path: id,
  title,
  hint: L(
    'Ақаллан як фарзандхонандаро пур кунед.',
    'Заполните сведения хотя бы об одном усыновителе.',
    'Fill in at least one adopter.',
  ),
  fields: adultFields(id),
});

const childAfter: Field[] = [
  ...nameFields('childAfter'),
  { type: 'date', path: 'childAfter.birthDate', label: LABELS.birthDate, required: true },
  { type: 'place', path: 'childAfter.birthPlace', label: LABELS.birthPlace, required: true },
];

export const adoptionCatalogue: Catalogue = {
  kind: 'ADOPTION',
  sections: [
    {
      id: 'childBefore',
      path: 'childBefore',
      title: L('Кӯдак то фарзандхондӣ', 'Ребёнок до усыновления', 'The child before the adoption'),
      fields: [
        {
          type: 'lookup',
          path: 'birthRecordId',
          label: L('Сабти таваллуди кӯдак', 'Запись о рождении ребёнка', 'The child’s birth record'),
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
        { type: 'date', path: 'childBefore.birthDate', label: LABELS.birthDate, required: true },
        { type: 'place', path: 'childBefore.birthPlace', label: LABELS.birthPlace, required: true },
      ],
    },
    {
      id: 'childAfter',
      path: 'childAfter',
      title: L('Кӯдак баъд аз фарзандхондӣ', 'Ребёнок после усыновления', 'The child after the adoption'),
      hint: L(
        'Суд метавонад ном, сана ва ҷои таваллудро иваз кунад.',
        'Суд может изменить ФИО, дату и место рождения.',
        'The court may change the names and the date and place of birth.',
      ),
      fields: childAfter,
    },
    birthParent('birthMother', FIELD_LABELS.birthMother),
    birthParent('birthFather', FIELD_LABELS.birthFather),
    adopter('adoptiveMother', L('Модари фарзандхонанда', 'Усыновительница', 'Adoptive mother')),
    adopter('adoptiveFather', L('Падари фарзандхонанда', 'Усыновитель', 'Adoptive father')),
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
          label: FIELD_LABELS.court,
          required: true,
        },
        {
          type: 'yesno',
          path: 'adoptersRecordedAsParents',
          label: L(
            'Фарзандхонандагон ҳамчун падару модар сабт шаванд',
            'Усыновители записываются родителями',
            'Record the adopters as the parents',
          ),
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
