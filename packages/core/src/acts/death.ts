import { z } from 'zod';
import { addMonths, dateRange, fullYearsBetween, isPartialDate } from '../dates/plain-date.ts';
import { checkCourtDecision, courtDecision, documentDateIssues } from './basis-documents.ts';
import {
  applicant,
  checkApplicant,
  clockTime,
  countryCode,
  fullName,
  idDocument,
  longText,
  partialDate,
  place,
  plainDate,
  recordId,
  sex,
  shortText,
  text,
} from './common.ts';
import { exampleAdult } from './examples.ts';
import { defineActKind } from './kind.ts';
import { pick, summaryOf } from './persons.ts';

export const DEATH_BASIS_TYPES = [
  'MEDICAL_DEATH_CERTIFICATE',
  'PERINATAL_DEATH_CERTIFICATE',
  'COURT_DECISION_DEATH_ESTABLISHED',
  'COURT_DECISION_DECLARED_DEAD',
] as const;

export const CAUSE_LINES = ['a', 'b', 'c', 'd', 'II'] as const;

const icd10 = z
  .string()
  .regex(/^[A-Z]\d{2}(\.\d{1,2})?$/, { error: 'error.icd10' })
  .meta({ examples: ['I21.9'] });

const deathSchemaV1 = z.strictObject({
  deceased: z.strictObject({
    ...fullName,
    sex,
    birthDate: partialDate.optional(),
    birthPlace: place.optional(),
    citizenship: countryCode.optional(),
    nationality: shortText.optional(),
    residence: place.optional(),
    idDocument: idDocument.optional(),
    identityEstablished: z.boolean(),
    maritalStatus: z.enum(['MARRIED', 'NEVER_MARRIED', 'DIVORCED', 'WIDOWED', 'UNKNOWN']).optional(),
    /** The deceased's birth record, when the clerk found it; otherwise the registry looks for it. */
    birthRecordId: recordId.optional(),
  }),
  death: z.strictObject({
    date: partialDate,
    time: clockTime.optional(),
    place: place,
    placeType: z.enum(['FACILITY', 'HOME', 'OTHER', 'UNKNOWN']).optional(),
  }),
  cause: z.strictObject({
    lines: z
      .array(
        z.strictObject({
          line: z.enum(CAUSE_LINES),
          text: longText,
          icd10: icd10.optional(),
          interval: text(50).optional(),
        }),
      )
      .min(1)
      .max(8),
    manner: z
      .enum([
        'DISEASE',
        'ACCIDENT',
        'SELF_HARM',
        'ASSAULT',
        'LEGAL_INTERVENTION',
        'WAR',
        'PENDING',
        'UNKNOWN',
      ])
      .optional(),
    icdVersion: z.enum(['ICD-10', 'ICD-11']).optional(),
  }),
  basis: z.strictObject({
    type: z.enum(DEATH_BASIS_TYPES),
    number: text(50, { min: 1 }),
    date: plainDate,
    issuer: shortText,
    doctor: shortText.optional(),
    court: courtDecision.optional(),
  }),
  applicant,
});

export type DeathData = z.infer<typeof deathSchemaV1>;

const example: DeathData = {
  deceased: {
    ...exampleAdult(
      {
        surname: 'Қурбонов',
        name: 'Абдулло',
        patronymic: 'Саидович',
        sex: 'M' as const,
        birthDate: '1948-05-11',
        birthPlace: { country: 'TJ', unit: 'KT-09' },
        residence: { country: 'TJ', unit: 'DU-03', settlement: 'Душанбе', address: 'кӯчаи Борбад 48' },
      },
      '400233871',
    ),
    identityEstablished: true,
    maritalStatus: 'MARRIED',
  },
  death: {
    date: '2025-04-02',
    time: '23:10',
    place: { country: 'TJ', unit: 'DU-03', settlement: 'Душанбе', address: 'Маркази миллии тиббӣ' },
    placeType: 'FACILITY',
  },
  cause: {
    lines: [
      { line: 'a', text: 'Инфаркти шадиди миокард', icd10: 'I21.9', interval: '2 соат' },
      { line: 'b', text: 'Бемории ишемиявии музмини дил', icd10: 'I25.9', interval: '6 сол' },
      { line: 'II', text: 'Диабети қанд, навъи 2', icd10: 'E11.9' },
    ],
    manner: 'DISEASE',
    icdVersion: 'ICD-10',
  },
  basis: {
    type: 'MEDICAL_DEATH_CERTIFICATE',
    number: 'ТВ-2025-01893',
    date: '2025-04-03',
    issuer: 'Маркази миллии тиббӣ «Шифобахш»',
    doctor: 'Ҳакимова М. Р.',
  },
  applicant: { type: 'RELATIVE', surname: 'Қурбонов', name: 'Фирӯз', patronymic: 'Абдуллоевич' },
};

export const deathKind = defineActKind('DEATH', deathSchemaV1, example, {
  labels: { tg: 'Вафот', ru: 'Смерть', en: 'Death' },
  rules(d, ctx, report) {
    const died = d.death?.date && isPartialDate(d.death.date) ? dateRange(d.death.date) : undefined;
    const born =
      d.deceased?.birthDate && isPartialDate(d.deceased.birthDate)
        ? dateRange(d.deceased.birthDate)
        : undefined;
    if (died && born) {
      if (died.latest < born.earliest) report.error(['death', 'date'], 'error.date.beforeBirth');
      else {
        const age = fullYearsBetween(born.latest, died.earliest);
        if (age > 125)
          report.error(['deceased', 'birthDate'], 'error.age.implausible', { age, min: 0, max: 125 });
      }
    }
    report.addErrors(documentDateIssues(d.basis?.date, ['basis', 'date'], ctx.today, d.death?.date));
    const basisType = d.basis?.type;
    checkCourtDecision(report, d.basis?.court, ['basis', 'court'], ctx.today, {
      required: typeof basisType === 'string' && basisType.startsWith('COURT_DECISION'),
      // The day of death of a person declared dead is the day the decision comes into force, so only
      // a decision establishing the fact of death is dated after the death.
      event: basisType === 'COURT_DECISION_DEATH_ESTABLISHED' ? d.death?.date : undefined,
    });
    checkApplicant(d.applicant, report);
    if (died && died.latest <= ctx.today && addMonths(died.latest, 12) < ctx.today) {
      report.flag('late-registration');
      report.warn(['death', 'date'], 'warning.lateDeath');
    }
  },
  persons(d) {
    return [pick({ role: 'subject', ...d.deceased })];
  },
  summary: (d) => summaryOf(d.deceased, { eventDate: d.death?.date, placeUnit: d.death?.place?.unit }),
});
