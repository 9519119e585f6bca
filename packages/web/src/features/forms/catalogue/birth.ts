import type { CatalogueSpec } from '../lib/catalogue-types.ts';
import {
  adultFields,
  applicantSection,
  copyPerson,
  filled,
  is,
  L,
  nameFields,
  not,
  sexField,
} from './common.ts';
import { parentsRecordLookup } from './lookups.ts';

const noFather = is('fatherBasis.type', 'NONE');
const fromRecord = is('fatherBasis.type', 'MARRIAGE_RECORD', 'PATERNITY_RECORD', 'ADOPTION_RECORD');

export const birthCatalogue: CatalogueSpec = {
  kind: 'BIRTH',
  sections: [
    {
      id: 'child',
      path: 'child',
      fields: [
        ...nameFields('child'),
        sexField('child.sex'),
        { type: 'date', path: 'child.birthDate', required: true },
        {
          type: 'time',
          path: 'child.birthTime',
        },
        {
          type: 'checkbox',
          path: 'child.liveBorn',
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
        },
        {
          type: 'number',
          path: 'child.birthOrder',
          integer: true,
          min: 1,
          max: 8,
          when: (v) => Number((v.child as { plurality?: unknown } | undefined)?.plurality ?? 1) > 1,
          required: true,
        },
        { type: 'place', path: 'child.birthPlace', required: true },
      ],
    },
    {
      id: 'birthBasis',
      path: 'birthBasis',
      fields: [
        {
          type: 'select',
          path: 'birthBasis.type',
          required: true,
          wide: true,
        },
        {
          type: 'text',
          path: 'birthBasis.number',
          required: true,
          maxLength: 50,
        },
        { type: 'date', path: 'birthBasis.date', required: true },
        { type: 'text', path: 'birthBasis.issuer', required: true, maxLength: 200 },
        {
          type: 'court',
          path: 'birthBasis.court',
          when: is('birthBasis.type', 'COURT_DECISION'),
          required: true,
        },
      ],
    },
    {
      id: 'fatherBasis',
      path: 'fatherBasis',
      fields: [
        {
          type: 'select',
          path: 'fatherBasis.type',
          required: true,
          wide: true,
        },
        {
          type: 'lookup',
          path: 'fatherBasis.recordId',
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
          maxLength: 30,
          when: fromRecord,
        },
        {
          type: 'date',
          path: 'fatherBasis.recordDate',
          when: fromRecord,
        },
        {
          type: 'text',
          path: 'fatherBasis.recordOffice',
          maxLength: 200,
          when: fromRecord,
        },
      ],
    },
    {
      id: 'mother',
      path: 'mother',
      fields: adultFields('mother'),
    },
    {
      id: 'father',
      path: 'father',
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
        },
        {
          type: 'number',
          path: 'statistics.lengthCm',
          integer: false,
          min: 20,
          max: 70,
        },
        {
          type: 'number',
          path: 'statistics.gestationWeeks',
          integer: true,
          min: 20,
          max: 45,
        },
        {
          type: 'number',
          path: 'statistics.childOrderOfMother',
          integer: true,
          min: 1,
          max: 25,
        },
        {
          type: 'select',
          path: 'statistics.attendant',
        },
        {
          type: 'select',
          path: 'statistics.placeType',
        },
        {
          type: 'select',
          path: 'statistics.motherEducation',
        },
        {
          type: 'select',
          path: 'statistics.motherMaritalStatus',
        },
      ],
    },
  ],
};

function getType(v: Record<string, unknown>): string | undefined {
  const a = v.applicant as { type?: unknown } | undefined;
  return typeof a?.type === 'string' ? a.type : undefined;
}
