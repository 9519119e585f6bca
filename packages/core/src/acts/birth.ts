import { z } from 'zod';
import { addMonths, fullYearsBetween, isPlainDate } from '../dates/plain-date.ts';
import { courtDecision, courtDecisionIssues } from './basis-documents.ts';
import {
  adult,
  applicant,
  clockTime,
  ORGANISATION_APPLICANTS,
  personName,
  place,
  plainDate,
  recordId,
  sex,
  shortText,
} from './common.ts';
import type { ActKindDefinition, DeepPartial } from './kind.ts';
import { newbornNameWarnings } from './naming-rules.ts';
import { pick } from './persons.ts';
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
    surname: personName,
    name: personName,
    patronymic: personName.optional(),
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
    number: z.string().trim().min(1).max(50),
    date: plainDate,
    issuer: shortText,
    court: courtDecision.optional(),
  }),
  mother: adult,
  father: adult.optional(),
  fatherBasis: z.strictObject({
    type: z.enum(FATHER_BASIS_TYPES),
    recordId: recordId.optional(),
    recordNumber: z.string().trim().max(30).optional(),
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
  mother: {
    surname: 'Каримова',
    name: 'Нигина',
    patronymic: 'Саидовна',
    birthDate: '1996-08-02',
    birthPlace: { country: 'TJ', unit: 'KT-02' },
    citizenship: 'TJ',
    nationality: 'тоҷик',
    residence: { country: 'TJ', unit: 'DU-03', settlement: 'Душанбе', address: 'кӯчаи Айнӣ 12, ҳуҷраи 5' },
    idDocument: { type: 'PASSPORT', series: 'A', number: '402543058', issuer: 'ВКД ноҳияи Фирдавсӣ' },
  },
  father: {
    surname: 'Раҳимзода',
    name: 'Ҷамшед',
    patronymic: 'Абдуллоевич',
    birthDate: '1993-01-20',
    birthPlace: { country: 'TJ', unit: 'DU-00' },
    citizenship: 'TJ',
    nationality: 'тоҷик',
    residence: { country: 'TJ', unit: 'DU-03', settlement: 'Душанбе', address: 'кӯчаи Айнӣ 12, ҳуҷраи 5' },
    idDocument: { type: 'PASSPORT', series: 'A', number: '401118233' },
  },
  fatherBasis: {
    type: 'MARRIAGE_RECORD',
    recordNumber: '214',
    recordDate: '2019-09-07',
    recordOffice: 'ШАҲС ноҳияи Фирдавсӣ',
  },
  applicant: { type: 'MOTHER', surname: 'Каримова', name: 'Нигина', patronymic: 'Саидовна' },
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
  const born = d[who]?.birthDate;
  const childBorn = d.child?.birthDate;
  if (!born || !childBorn || !isPlainDate(born) || !isPlainDate(childBorn)) return;
  const age = fullYearsBetween(born, childBorn);
  if (age < min || age > max) report.error([who, 'birthDate'], 'error.age.implausible', { age, min, max });
}

export const birthKind: ActKindDefinition<BirthData> = {
  code: 'BIRTH',
  schemaVersion: 1,
  labels: { tg: 'Таваллуд', ru: 'Рождение', en: 'Birth' },
  schema: birthSchemaV1,
  example,
  rules(d, ctx, report) {
    const born = d.child?.birthDate;
    const bornOk = born !== undefined && isPlainDate(born);
    if (bornOk && born > ctx.today) report.error(['child', 'birthDate'], 'error.date.future');
    const basisDate = d.birthBasis?.date;
    if (basisDate && isPlainDate(basisDate)) {
      if (basisDate > ctx.today) report.error(['birthBasis', 'date'], 'error.date.future');
      else if (bornOk && basisDate < born && d.birthBasis?.type !== 'COURT_DECISION')
        report.error(['birthBasis', 'date'], 'error.date.beforeEvent');
    }
    parentAge(report, 'mother', d, 10, 65);
    parentAge(report, 'father', d, 12, 100);
    for (const who of ['mother', 'father'] as const) {
      const pb = d[who]?.birthDate;
      if (pb && isPlainDate(pb) && pb > ctx.today) report.error([who, 'birthDate'], 'error.date.future');
    }
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
    if (d.birthBasis?.type === 'COURT_DECISION' && !d.birthBasis.court)
      report.error(['birthBasis', 'court'], 'error.required');
    report.addErrors(courtDecisionIssues(d.birthBasis?.court, ['birthBasis', 'court'], ctx.today, born));
    checkApplicant(d.applicant, report);
    if (bornOk && born <= ctx.today && addMonths(born, 3) < ctx.today) {
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
  summary(d) {
    return {
      surname: d.child?.surname,
      name: d.child?.name,
      patronymic: d.child?.patronymic,
      birthDate: d.child?.birthDate,
      eventDate: d.child?.birthDate,
      placeUnit: d.child?.birthPlace?.unit,
    } as ReturnType<ActKindDefinition['summary']>;
  },
};

/** Person applicants give their name; organisations give theirs. */
export function checkApplicant(a: DeepPartial<BirthData['applicant']> | undefined, report: RuleReport) {
  if (!a?.type) return;
  if (ORGANISATION_APPLICANTS.includes(a.type)) {
    if (!a.organisation) report.error(['applicant', 'organisation'], 'error.required');
  } else {
    if (!a.surname) report.error(['applicant', 'surname'], 'error.required');
    if (!a.name) report.error(['applicant', 'name'], 'error.required');
  }
}
