import { z } from 'zod';
import { addMonths } from '../dates/plain-date.ts';
import { checkCourtDecision, courtDecision, documentDateIssues } from './basis-documents.ts';
import {
  adult,
  applicant,
  checkApplicant,
  clockTime,
  fullName,
  place,
  plainDate,
  recordId,
  sex,
  shortText,
  text,
} from './common.ts';
import { exampleAdult, exampleApplicant } from './examples.ts';
import { ageOn, isDate } from './family-common.ts';
import { type DeepPartial, defineActKind } from './kind.ts';
import { newbornNameWarnings } from './naming-rules.ts';
import { pick, summaryOf } from './persons.ts';
import type { RuleReport } from './validation.ts';

export const BIRTH_BASIS_TYPES = ['MEDICAL_CERTIFICATE', 'WITNESS_STATEMENT', 'COURT_DECISION'] as const;
export const FATHER_BASIS_TYPES = [
  'MARRIAGE_RECORD',
  'PATERNITY_RECORD',
  'ADOPTION_RECORD',
  'MOTHER_STATEMENT',
  'NONE',
] as const;

const birthSchemaV1 = z.strictObject({
  child: z.strictObject({
    ...fullName,
    sex,
    birthDate: plainDate,
    birthTime: clockTime.optional(),
    birthPlace: place,
    liveBorn: z.boolean(),
    plurality: z.int().min(1).max(8),
    birthOrder: z.int().min(1).max(8).optional(),
  }),
  birthBasis: z.strictObject({
    type: z.enum(BIRTH_BASIS_TYPES),
    number: text(50, { min: 1 }),
    date: plainDate,
    issuer: shortText,
    court: courtDecision.optional(),
  }),
  mother: adult,
  father: adult.optional(),
  fatherBasis: z.strictObject({
    type: z.enum(FATHER_BASIS_TYPES),
    recordId: recordId.optional(),
    recordNumber: text(30).optional(),
    recordDate: plainDate.optional(),
    recordOffice: shortText.optional(),
  }),
  applicant,
  statistics: z
    .strictObject({
      birthWeightGrams: z.int().min(200).max(8000).optional(),
      lengthCm: z.number().min(20).max(70).optional(),
      gestationWeeks: z.int().min(20).max(45).optional(),
      childOrderOfMother: z.int().min(1).max(25).optional(),
      attendant: z.enum(['DOCTOR', 'MIDWIFE', 'NURSE', 'OTHER', 'NONE']).optional(),
      placeType: z.enum(['FACILITY', 'HOME', 'OTHER']).optional(),
      motherEducation: z.enum(['NONE', 'PRIMARY', 'BASIC', 'SECONDARY', 'VOCATIONAL', 'HIGHER']).optional(),
      motherMaritalStatus: z.enum(['MARRIED', 'NEVER_MARRIED', 'DIVORCED', 'WIDOWED']).optional(),
    })
    .optional(),
});

export type BirthData = z.infer<typeof birthSchemaV1>;

const mother = exampleAdult(
  {
    surname: 'Каримова',
    name: 'Нигина',
    patronymic: 'Саидовна',
    birthDate: '1996-08-02',
    birthPlace: { country: 'TJ', unit: 'KT-02' },
    residence: { country: 'TJ', unit: 'DU-03', settlement: 'Душанбе', address: 'кӯчаи Айнӣ 12, ҳуҷраи 5' },
  },
  '402543058',
  'ВКД ноҳияи Фирдавсӣ',
);

const example: BirthData = {
  child: {
    surname: 'Раҳимзода',
    name: 'Фарзона',
    patronymic: 'Ҷамшед',
    sex: 'F',
    birthDate: '2025-03-14',
    birthTime: '06:40',
    birthPlace: { country: 'TJ', unit: 'DU-03', settlement: 'Душанбе', address: 'Таваллудхонаи шаҳрии №3' },
    liveBorn: true,
    plurality: 1,
  },
  birthBasis: {
    type: 'MEDICAL_CERTIFICATE',
    number: '103-2025-00417',
    date: '2025-03-14',
    issuer: 'Таваллудхонаи шаҳрии №3, ш. Душанбе',
  },
  mother,
  father: exampleAdult(
    {
      surname: 'Раҳимзода',
      name: 'Ҷамшед',
      patronymic: 'Абдуллоевич',
      birthDate: '1993-01-20',
      birthPlace: { country: 'TJ', unit: 'DU-00' },
      residence: mother.residence,
    },
    '401118233',
  ),
  fatherBasis: {
    type: 'MARRIAGE_RECORD',
    recordNumber: '214',
    recordDate: '2019-09-07',
    recordOffice: 'ШАҲС ноҳияи Фирдавсӣ',
  },
  applicant: exampleApplicant('MOTHER', mother),
  statistics: {
    birthWeightGrams: 3250,
    lengthCm: 51,
    gestationWeeks: 39,
    childOrderOfMother: 2,
    attendant: 'DOCTOR',
    placeType: 'FACILITY',
    motherEducation: 'HIGHER',
    motherMaritalStatus: 'MARRIED',
  },
};

type D = DeepPartial<BirthData>;

function parentAge(report: RuleReport, who: 'mother' | 'father', d: D, min: number, max: number) {
  const age = ageOn(d[who]?.birthDate, d.child?.birthDate);
  if (age !== undefined && (age < min || age > max))
    report.error([who, 'birthDate'], 'error.age.implausible', { age, min, max });
}

export const birthKind = defineActKind('BIRTH', birthSchemaV1, example, {
  labels: { tg: 'Таваллуд', ru: 'Рождение', en: 'Birth' },
  rules(d, ctx, report) {
    const born = d.child?.birthDate;
    const attests = d.birthBasis?.type !== 'COURT_DECISION' ? born : undefined;
    report.addErrors(documentDateIssues(d.birthBasis?.date, ['birthBasis', 'date'], ctx.today, attests));
    parentAge(report, 'mother', d, 10, 65);
    parentAge(report, 'father', d, 12, 100);
    const plurality = d.child?.plurality;
    const order = d.child?.birthOrder;
    if (typeof plurality === 'number' && plurality > 1 && order === undefined) {
      report.error(['child', 'birthOrder'], 'error.required');
    } else if (typeof plurality === 'number' && typeof order === 'number' && order > plurality) {
      report.error(['child', 'birthOrder'], 'error.birthOrder', { max: plurality });
    }
    const fatherBasis = d.fatherBasis?.type;
    if (fatherBasis === 'NONE' && d.father !== undefined)
      report.error(['father'], 'error.father.notExpected');
    if (fatherBasis && fatherBasis !== 'NONE' && d.father === undefined)
      report.error(['father'], 'error.father.required');
    checkCourtDecision(report, d.birthBasis?.court, ['birthBasis', 'court'], ctx.today, {
      required: d.birthBasis?.type === 'COURT_DECISION',
      event: born,
    });
    checkApplicant(d.applicant, report);
    if (isDate(born) && born <= ctx.today && addMonths(born, 3) < ctx.today) {
      report.flag('late-registration');
      report.warn(['child', 'birthDate'], 'warning.lateBirth');
    }
    if (d.child) {
      const warnings = newbornNameWarnings(d.child, ['child']);
      for (const w of warnings) report.warn(w.path, w.key, w.params);
      if (warnings.length > 0) report.flag('naming-warning');
    }
  },
  persons(d) {
    return [
      pick({ role: 'subject', ...d.child }),
      ...(d.mother ? [pick({ role: 'mother', ...d.mother })] : []),
      ...(d.father ? [pick({ role: 'father', ...d.father })] : []),
    ];
  },
  summary: (d) => summaryOf(d.child, { eventDate: d.child?.birthDate, placeUnit: d.child?.birthPlace?.unit }),
});
