import { FIELD_LABELS, fullYearsBetween, isPlainDate, todayIn, VALUE_LABELS } from '@sabt/core';
import type { Catalogue, Condition } from '../lib/catalogue-types.ts';
import { getAt } from '../lib/paths.ts';
import {
  adultFields,
  applicantSection,
  citizenshipField,
  copyPerson,
  filled,
  is,
  L,
  LABELS,
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

export const paternityCatalogue: Catalogue = {
  kind: 'PATERNITY',
  sections: [
    {
      id: 'childBefore',
      path: 'childBefore',
      title: L('Кӯдак то муқаррар намудани падарӣ', 'Ребёнок до установления отцовства', 'The child before'),
      fields: [
        {
          type: 'lookup',
          path: 'birthRecordId',
          label: L('Сабти таваллуди кӯдак', 'Запись о рождении ребёнка', 'The child’s birth record'),
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
        { type: 'date', path: 'childBefore.birthDate', label: LABELS.birthDate, required: true },
      ],
    },
    {
      id: 'childAfter',
      path: 'childAfter',
      title: L(
        'Кӯдак баъд аз муқаррар намудани падарӣ',
        'Ребёнок после установления отцовства',
        'The child after',
      ),
      hint: L(
        'Насаб ва номи падари кӯдак метавонад иваз шавад.',
        'Фамилия и отчество ребёнка могут измениться.',
        'The child’s surname and patronymic may change.',
      ),
      fields: nameFields('childAfter'),
    },
    { id: 'father', path: 'father', title: FIELD_LABELS.father, fields: adultFields('father') },
    {
      id: 'mother',
      path: 'mother',
      title: FIELD_LABELS.mother,
      fields: [
        ...nameFields('mother'),
        { type: 'date', path: 'mother.birthDate', label: LABELS.birthDate },
        citizenshipField('mother.citizenship', false),
      ],
    },
    {
      id: 'basis',
      path: 'basis',
      title: L('Асоси муқаррар намудани падарӣ', 'Основание установления отцовства', 'Basis'),
      fields: [
        {
          type: 'select',
          path: 'basis.type',
          label: FIELD_LABELS.basis,
          required: true,
          wide: true,
          options: [
            {
              value: 'JOINT_APPLICATION',
              label: L(
                'Аризаи муштараки падару модар',
                'Совместное заявление родителей',
                'Joint application of the parents',
              ),
            },
            {
              value: 'FATHER_APPLICATION',
              label: L('Аризаи падар', 'Заявление отца', 'Application of the father'),
            },
            { value: 'COURT_DECISION', label: VALUE_LABELS.COURT_DECISION },
          ],
        },
        {
          type: 'select',
          path: 'basis.fatherApplicationGround',
          label: L(
            'Чаро танҳо падар ариза медиҳад',
            'Почему заявление подаёт только отец',
            'Why the father alone applies',
          ),
          when: is('basis.type', 'FATHER_APPLICATION'),
          required: true,
          wide: true,
          options: [
            { value: 'MOTHER_DEAD', label: L('Модар вафот кардааст', 'Мать умерла', 'The mother has died') },
            {
              value: 'MOTHER_INCAPABLE',
              label: L(
                'Модар ғайри қобили амал эътироф шудааст',
                'Мать признана недееспособной',
                'The mother is declared incapable',
              ),
            },
            {
              value: 'MOTHER_WHEREABOUTS_UNKNOWN',
              label: L(
                'Ҷои будубоши модар номаълум аст',
                'Место пребывания матери неизвестно',
                'The mother’s whereabouts are unknown',
              ),
            },
            {
              value: 'MOTHER_DEPRIVED_OF_RIGHTS',
              label: L(
                'Модар аз ҳуқуқҳои волидайн маҳрум шудааст',
                'Мать лишена родительских прав',
                'The mother is deprived of parental rights',
              ),
            },
          ],
        },
        {
          type: 'group',
          path: 'basis.guardianshipConsent',
          label: L(
            'Розигии мақоми васоят ва парасторӣ',
            'Согласие органа опеки и попечительства',
            'Consent of the guardianship authority',
          ),
          when: is('basis.type', 'FATHER_APPLICATION'),
          required: true,
          wide: true,
          fields: [
            {
              type: 'text',
              path: 'basis.guardianshipConsent.number',
              label: LABELS.documentNumber,
              required: true,
              maxLength: 50,
            },
            {
              type: 'date',
              path: 'basis.guardianshipConsent.date',
              label: LABELS.documentDate,
              required: true,
            },
            {
              type: 'text',
              path: 'basis.guardianshipConsent.body',
              label: L('Номи мақом', 'Наименование органа', 'Name of the authority'),
              required: true,
              maxLength: 200,
            },
          ],
        },
        {
          type: 'court',
          path: 'basis.court',
          label: FIELD_LABELS.court,
          when: is('basis.type', 'COURT_DECISION'),
          required: true,
        },
        {
          type: 'yesno',
          path: 'childConsent',
          label: L(
            'Розигии фарзанди ба 18-солагӣ расида',
            'Согласие ребёнка, достигшего 18 лет',
            'Consent of the child aged 18 or over',
          ),
          when: adultChild,
          required: true,
          wide: true,
        },
      ],
    },
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
