import { z } from 'zod';
import { checkCourtDecision, courtDecision } from './basis-documents.ts';
import {
  adult,
  applicant,
  checkApplicant,
  countryCode,
  fullName,
  plainDate,
  recordId,
  sex,
  shortText,
  text,
} from './common.ts';
import { exampleAdult, exampleApplicant } from './examples.ts';
import { ageOn } from './family-common.ts';
import { defineActKind } from './kind.ts';
import { pick, summaryOf } from './persons.ts';

export const PATERNITY_BASIS_TYPES = ['JOINT_APPLICATION', 'FATHER_APPLICATION', 'COURT_DECISION'] as const;
/** When the father alone may apply (with the guardianship body's consent). */
export const FATHER_APPLICATION_GROUNDS = [
  'MOTHER_DEAD',
  'MOTHER_INCAPABLE',
  'MOTHER_WHEREABOUTS_UNKNOWN',
  'MOTHER_DEPRIVED_OF_RIGHTS',
] as const;

/** A child of this age or older must consent to the establishment of paternity. */
export const PATERNITY_CONSENT_AGE = 18;

const paternitySchemaV1 = z.strictObject({
  /** The child's birth record, which is amended once paternity is registered. */
  birthRecordId: recordId.optional(),
  childBefore: z.strictObject({
    ...fullName,
    sex,
    birthDate: plainDate,
  }),
  /** The child after paternity is established: the surname and patronymic may change. */
  childAfter: z.strictObject({
    ...fullName,
  }),
  father: adult,
  mother: z.strictObject({
    ...fullName,
    birthDate: plainDate.optional(),
    citizenship: countryCode.optional(),
  }),
  basis: z.strictObject({
    type: z.enum(PATERNITY_BASIS_TYPES),
    court: courtDecision.optional(),
    fatherApplicationGround: z.enum(FATHER_APPLICATION_GROUNDS).optional(),
    guardianshipConsent: z
      .strictObject({
        number: text(50, { min: 1 }),
        date: plainDate,
        body: shortText,
      })
      .optional(),
  }),
  /** The consent of a child aged 18 or over. */
  childConsent: z.boolean().optional(),
  applicant: applicant.optional(),
});

export type PaternityData = z.infer<typeof paternitySchemaV1>;

const father = exampleAdult(
  {
    surname: 'Ғафуров',
    name: 'Бахтиёр',
    patronymic: 'Алиевич',
    birthDate: '1996-02-19',
    birthPlace: { country: 'TJ', unit: 'KT-02', settlement: 'Кӯлоб' },
    residence: {
      country: 'TJ',
      unit: 'DU-02',
      settlement: 'Душанбе',
      address: 'кӯчаи Фирдавсӣ 56, ҳуҷраи 3',
    },
  },
  '404218837',
);

const example: PaternityData = {
  childBefore: {
    surname: 'Сафарзода',
    name: 'Нилуфар',
    sex: 'F',
    birthDate: '2024-11-05',
  },
  childAfter: {
    surname: 'Ғафурзода',
    name: 'Нилуфар',
    patronymic: 'Бахтиёр',
  },
  father,
  mother: {
    surname: 'Сафарова',
    name: 'Мавзуна',
    patronymic: 'Ҳасановна',
    birthDate: '1999-04-12',
    citizenship: 'TJ',
  },
  basis: { type: 'JOINT_APPLICATION' },
  applicant: exampleApplicant('PARENTS', father),
};

export const paternityKind = defineActKind('PATERNITY', paternitySchemaV1, example, {
  labels: { tg: 'Муқаррар намудани падарӣ', ru: 'Установление отцовства', en: 'Establishment of paternity' },
  rules(d, ctx, report) {
    const basis = d.basis;
    checkCourtDecision(report, basis?.court, ['basis', 'court'], ctx.today, {
      required: basis?.type === 'COURT_DECISION',
      event: d.childBefore?.birthDate,
    });
    if (basis?.type === 'FATHER_APPLICATION') {
      if (!basis.fatherApplicationGround)
        report.error(['basis', 'fatherApplicationGround'], 'error.required');
      if (!basis.guardianshipConsent) report.error(['basis', 'guardianshipConsent'], 'error.required');
    }
    const childAge = ageOn(d.childBefore?.birthDate, ctx.today);
    if (childAge !== undefined && childAge >= PATERNITY_CONSENT_AGE) {
      if (d.childConsent === undefined) report.error(['childConsent'], 'error.required');
      else if (d.childConsent !== true) report.error(['childConsent'], 'error.paternity.childConsent');
    }
    const fatherAge = ageOn(d.father?.birthDate, d.childBefore?.birthDate);
    if (fatherAge !== undefined && (fatherAge < 12 || fatherAge > 100))
      report.error(['father', 'birthDate'], 'error.age.implausible', { age: fatherAge, min: 12, max: 100 });
    checkApplicant(d.applicant, report);
  },
  persons(d) {
    return [
      pick({ role: 'subject', ...d.childAfter, birthDate: d.childBefore?.birthDate }),
      pick({ role: 'subject', ...d.childBefore, historical: true }),
      ...(d.father ? [pick({ role: 'father', ...d.father })] : []),
      ...(d.mother ? [pick({ role: 'mother', ...d.mother })] : []),
    ];
  },
  summary: (d) => summaryOf({ ...d.childAfter, birthDate: d.childBefore?.birthDate }),
});
