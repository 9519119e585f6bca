import { FIELD_LABELS, VALUE_LABELS } from '@sabt/core';
import type { Catalogue, Option } from '../lib/catalogue-types.ts';
import {
  adultFields,
  applicantSection,
  copyPerson,
  ELSEWHERE_OPTION,
  FACILITY_OPTION,
  filled,
  is,
  L,
  LABELS,
  nameFields,
  not,
  sexField,
} from './common.ts';
import { parentsRecordLookup } from './lookups.ts';

const BASIS: Option[] = [
  {
    value: 'MEDICAL_CERTIFICATE',
    label: L(
      'Маълумотномаи тиббӣ дар бораи таваллуд',
      'Медицинский документ о рождении',
      'Medical birth certificate',
    ),
  },
  {
    value: 'WITNESS_STATEMENT',
    label: L(
      'Аризаи шахсе, ки ҳангоми таваллуд ҳозир буд',
      'Заявление лица, присутствовавшего при родах',
      'Statement of a person present at the birth',
    ),
  },
  {
    value: 'COURT_DECISION',
    label: L(
      'Қарори суд дар бораи муқаррар кардани далели таваллуд',
      'Решение суда об установлении факта рождения',
      'Court decision establishing the birth',
    ),
  },
];

const FATHER_BASIS: Option[] = [
  {
    value: 'MARRIAGE_RECORD',
    label: L(
      'Сабти ақди никоҳи падару модар',
      'Запись акта о заключении брака родителей',
      'Parents’ marriage record',
    ),
  },
  {
    value: 'PATERNITY_RECORD',
    label: VALUE_LABELS.PATERNITY_RECORD,
  },
  {
    value: 'ADOPTION_RECORD',
    label: L('Сабти фарзандхондӣ', 'Запись акта об усыновлении', 'Adoption record'),
  },
  {
    value: 'MOTHER_STATEMENT',
    label: L('Аризаи модар', 'Заявление матери', 'Mother’s statement'),
  },
  {
    value: 'NONE',
    label: L(
      'Маълумот дар бораи падар нест (хати тире)',
      'Сведения об отце не вносятся (прочерк)',
      'No father recorded (dash)',
    ),
  },
];

const noFather = is('fatherBasis.type', 'NONE');
const fromRecord = is('fatherBasis.type', 'MARRIAGE_RECORD', 'PATERNITY_RECORD', 'ADOPTION_RECORD');

export const birthCatalogue: Catalogue = {
  kind: 'BIRTH',
  sections: [
    {
      id: 'child',
      path: 'child',
      title: FIELD_LABELS.child,
      fields: [
        ...nameFields('child'),
        sexField('child.sex'),
        { type: 'date', path: 'child.birthDate', label: LABELS.birthDate, required: true },
        {
          type: 'time',
          path: 'child.birthTime',
          label: FIELD_LABELS.birthTime,
        },
        {
          type: 'checkbox',
          path: 'child.liveBorn',
          label: FIELD_LABELS.liveBorn,
          default: true,
        },
        {
          type: 'number',
          path: 'child.plurality',
          integer: true,
          min: 1,
          max: 8,
          default: 1,
          required: true,
          label: L(
            'Шумораи кӯдакони якҷоя таваллудшуда',
            'Сколько детей родилось (одноплодные, двойня …)',
            'Children born together (single, twins …)',
          ),
        },
        {
          type: 'number',
          path: 'child.birthOrder',
          integer: true,
          min: 1,
          max: 8,
          label: L('Тартиби таваллуд (чандум)', 'Порядок рождения (который по счёту)', 'Birth order'),
          when: (v) => Number((v.child as { plurality?: unknown } | undefined)?.plurality ?? 1) > 1,
          required: true,
        },
        { type: 'place', path: 'child.birthPlace', label: LABELS.birthPlace, required: true },
      ],
    },
    {
      id: 'birthBasis',
      path: 'birthBasis',
      title: L('Асоси бақайдгирии таваллуд', 'Основание записи о рождении', 'Basis of the birth record'),
      fields: [
        {
          type: 'select',
          path: 'birthBasis.type',
          label: L('Намуди ҳуҷҷат', 'Вид документа', 'Type of document'),
          options: BASIS,
          required: true,
          wide: true,
        },
        {
          type: 'text',
          path: 'birthBasis.number',
          label: LABELS.documentNumber,
          required: true,
          maxLength: 50,
        },
        { type: 'date', path: 'birthBasis.date', label: LABELS.documentDate, required: true },
        { type: 'text', path: 'birthBasis.issuer', label: LABELS.issuer, required: true, maxLength: 200 },
        {
          type: 'court',
          path: 'birthBasis.court',
          label: FIELD_LABELS.court,
          when: is('birthBasis.type', 'COURT_DECISION'),
          required: true,
        },
      ],
    },
    {
      id: 'fatherBasis',
      path: 'fatherBasis',
      title: L(
        'Асоси маълумот дар бораи падар',
        'Основание внесения сведений об отце',
        'Basis of the father’s data',
      ),
      fields: [
        {
          type: 'select',
          path: 'fatherBasis.type',
          label: FIELD_LABELS.basis,
          options: FATHER_BASIS,
          required: true,
          wide: true,
        },
        {
          type: 'lookup',
          path: 'fatherBasis.recordId',
          label: L('Сабт дар «Сабт»', 'Запись в «Сабт»', 'Record in Sabt'),
          hint: L(
            'Сабтро ёбед: маълумоти падару модар худкор пур мешавад.',
            'Найдите запись: сведения о родителях заполнятся сами.',
            'Find the record: the parents’ data is filled in for you.',
          ),
          lookup: parentsRecordLookup,
          when: not(is('fatherBasis.type', 'MOTHER_STATEMENT', 'NONE')),
          wide: true,
        },
        {
          type: 'text',
          path: 'fatherBasis.recordNumber',
          label: FIELD_LABELS.recordNumber,
          maxLength: 30,
          when: fromRecord,
        },
        {
          type: 'date',
          path: 'fatherBasis.recordDate',
          label: FIELD_LABELS.recordDate,
          when: fromRecord,
        },
        {
          type: 'text',
          path: 'fatherBasis.recordOffice',
          label: LABELS.office,
          maxLength: 200,
          when: fromRecord,
        },
      ],
    },
    {
      id: 'mother',
      path: 'mother',
      title: FIELD_LABELS.mother,
      fields: adultFields('mother'),
    },
    {
      id: 'father',
      path: 'father',
      title: FIELD_LABELS.father,
      when: not(noFather),
      fields: adultFields('father'),
    },
    applicantSection({
      optional: false,
      copyFrom: [
        copyPerson(
          L('Аз маълумоти модар', 'Из сведений о матери', 'Copy from the mother'),
          'mother',
          (v) => ['MOTHER', 'PARENTS', undefined].includes(getType(v)),
          undefined,
          'MOTHER',
        ),
        copyPerson(
          L('Аз маълумоти падар', 'Из сведений об отце', 'Copy from the father'),
          'father',
          (v) => ['FATHER', 'PARENTS'].includes(getType(v) ?? '') && filled('father.surname')(v),
          undefined,
          'FATHER',
        ),
      ],
    }),
    {
      id: 'statistics',
      path: 'statistics',
      title: L('Маълумоти оморӣ', 'Статистические сведения', 'Statistical data'),
      hint: L(
        'Аз ҳуҷҷати тиббӣ дар бораи таваллуд.',
        'Из медицинского документа о рождении.',
        'From the medical birth certificate.',
      ),
      fields: [
        {
          type: 'number',
          path: 'statistics.birthWeightGrams',
          integer: true,
          min: 200,
          max: 8000,
          label: L('Вазн ҳангоми таваллуд, грамм', 'Вес при рождении, г', 'Birth weight, grams'),
        },
        {
          type: 'number',
          path: 'statistics.lengthCm',
          integer: false,
          min: 20,
          max: 70,
          label: L('Қад, см', 'Рост, см', 'Length, cm'),
        },
        {
          type: 'number',
          path: 'statistics.gestationWeeks',
          integer: true,
          min: 20,
          max: 45,
          label: L('Муддати ҳомиладорӣ, ҳафта', 'Срок беременности, недель', 'Gestation, weeks'),
        },
        {
          type: 'number',
          path: 'statistics.childOrderOfMother',
          integer: true,
          min: 1,
          max: 25,
          label: L(
            'Чандумин фарзанди модар',
            'Который по счёту ребёнок у матери',
            'Which child of the mother',
          ),
        },
        {
          type: 'select',
          path: 'statistics.attendant',
          label: L('Кӣ ҳангоми таваллуд ёрӣ расонд', 'Кто принимал роды', 'Attendant at the birth'),
          options: [
            { value: 'DOCTOR', label: VALUE_LABELS.DOCTOR },
            { value: 'MIDWIFE', label: L('Доя (акушерка)', 'Акушерка', 'Midwife') },
            { value: 'NURSE', label: L('Ҳамшираи тиббӣ', 'Медицинская сестра', 'Nurse') },
            { value: 'OTHER', label: L('Шахси дигар', 'Другое лицо', 'Another person') },
            { value: 'NONE', label: L('Ҳеҷ кас', 'Никто', 'Nobody') },
          ],
        },
        {
          type: 'select',
          path: 'statistics.placeType',
          label: L('Дар куҷо таваллуд шуд', 'Где произошли роды', 'Where the birth took place'),
          options: [
            FACILITY_OPTION,
            { value: 'HOME', label: L('Дар хона', 'На дому', 'At home') },
            ELSEWHERE_OPTION,
          ],
        },
        {
          type: 'select',
          path: 'statistics.motherEducation',
          label: L('Маълумоти модар', 'Образование матери', 'Mother’s education'),
          options: [
            { value: 'NONE', label: L('Маълумот надорад', 'Нет образования', 'None') },
            { value: 'PRIMARY', label: VALUE_LABELS.PRIMARY },
            { value: 'BASIC', label: L('Умумии асосӣ', 'Основное общее', 'Basic secondary') },
            { value: 'SECONDARY', label: L('Миёнаи умумӣ', 'Среднее общее', 'Secondary') },
            { value: 'VOCATIONAL', label: L('Миёнаи касбӣ', 'Среднее профессиональное', 'Vocational') },
            { value: 'HIGHER', label: VALUE_LABELS.HIGHER },
          ],
        },
        {
          type: 'select',
          path: 'statistics.motherMaritalStatus',
          label: L('Вазъи оилавии модар', 'Семейное положение матери', 'Mother’s marital status'),
          options: [
            { value: 'MARRIED', label: L('Дар никоҳ', 'Состоит в браке', 'Married') },
            {
              value: 'NEVER_MARRIED',
              label: L('Ҳеҷ гоҳ дар никоҳ набуд', 'Никогда не состояла в браке', 'Never married'),
            },
            { value: 'DIVORCED', label: L('Ҷудошуда', 'Разведена', 'Divorced') },
            { value: 'WIDOWED', label: L('Бевазан', 'Вдова', 'Widowed') },
          ],
        },
      ],
    },
  ],
};

function getType(v: Record<string, unknown>): string | undefined {
  const a = v.applicant as { type?: unknown } | undefined;
  return typeof a?.type === 'string' ? a.type : undefined;
}
