import { z } from 'zod';
import { formatDate } from '../dates/plain-date.ts';
import { marriageEarliestDate } from '../workflow/waiting-period.ts';
import { checkCourtDecision, courtDecision } from './basis-documents.ts';
import { applicant, checkApplicant, mayBeFuture, plainDate, recordId, shortText } from './common.ts';
import { exampleAdult, exampleApplicant } from './examples.ts';
import { ageOn, documentNumber, isDate, officeRef, spouseFields } from './family-common.ts';
import { type DeepPartial, defineActKind } from './kind.ts';
import { spousePersons, summaryOf } from './persons.ts';
import type { RuleReport } from './validation.ts';

export const PREVIOUS_MARITAL_STATUSES = ['NEVER_MARRIED', 'DIVORCED', 'WIDOWED'] as const;
export const MARRIAGE_END_DOCUMENT_TYPES = [
  'DIVORCE_RECORD',
  'DEATH_RECORD',
  'COURT_DECISION',
  'OTHER_DOCUMENT',
] as const;

/** Family Code Art 13: 18 for both; a court may lower it by at most one year. */
export const MARRIAGE_AGE = 18;
export const MARRIAGE_AGE_BY_COURT = 17;

/** A person marrying: ФИО before and after, identity, and what ended any earlier marriage. */
const spouse = z.strictObject({
  ...spouseFields,
  previousMaritalStatus: z.enum(PREVIOUS_MARITAL_STATUSES),
  /** The divorce or death record (or court decision) that ended the previous marriage. */
  previousMarriageEnd: z
    .strictObject({
      type: z.enum(MARRIAGE_END_DOCUMENT_TYPES),
      recordId: recordId.optional(),
      number: documentNumber.optional(),
      date: plainDate.optional(),
      office: officeRef.optional(),
    })
    .optional(),
  /** The person's own birth record, when the clerk found it: lets the registry check kinship. */
  birthRecordId: recordId.optional(),
  /** For a 17-year-old: the court decision lowering the marriage age. */
  courtAgeReduction: courtDecision.optional(),
});

const marriageSchemaV1 = z.strictObject({
  husband: spouse,
  wife: spouse,
  applicationDate: plainDate,
  /** The day of the ceremony (state registration): set ahead when it is fixed, so it may lie in the future. */
  registrationDate: mayBeFuture(plainDate).optional(),
  /** The compulsory pre-marital medical examination (since 1 Jul 2016). */
  medicalExamination: z.strictObject({
    number: documentNumber,
    date: plainDate,
    facility: shortText,
  }),
  marriageContract: z
    .strictObject({
      number: documentNumber,
      date: plainDate,
      notary: shortText,
    })
    .optional(),
  applicant: applicant.optional(),
});

export type MarriageData = z.infer<typeof marriageSchemaV1>;
export type MarriageSpouse = MarriageData['husband'];

const husband: MarriageSpouse = {
  ...exampleAdult(
    {
      surnameBefore: 'Шарипов',
      surnameAfter: 'Шарипов',
      name: 'Далер',
      patronymic: 'Рустамович',
      birthDate: '1997-11-03',
      birthPlace: { country: 'TJ', unit: 'SU-01', settlement: 'Хуҷанд' },
      residence: {
        country: 'TJ',
        unit: 'DU-03',
        settlement: 'Душанбе',
        address: 'кӯчаи Шерозӣ 7, ҳуҷраи 22',
      },
    },
    '403761920',
    'ВКД ноҳияи Фирдавсӣ',
  ),
  previousMaritalStatus: 'DIVORCED',
  previousMarriageEnd: { type: 'DIVORCE_RECORD', number: '57', date: '2022-03-15', office: 'SU-01-00' },
};

const example: MarriageData = {
  husband,
  wife: {
    ...exampleAdult(
      {
        surnameBefore: 'Назарова',
        surnameAfter: 'Шарипова',
        name: 'Мадина',
        patronymic: 'Фарҳодовна',
        birthDate: '2001-07-30',
        birthPlace: { country: 'TJ', unit: 'RA-04', settlement: 'Ҳисор' },
        residence: { country: 'TJ', unit: 'RA-04', settlement: 'Ҳисор', address: 'кӯчаи Исмоили Сомонӣ 31' },
      },
      '405118467',
      'ШВКД ноҳияи Ҳисор',
    ),
    previousMaritalStatus: 'NEVER_MARRIED',
  },
  applicationDate: '2025-04-18',
  registrationDate: '2025-05-24',
  medicalExamination: {
    number: 'ТМ-2025-0312',
    date: '2025-04-10',
    facility: 'Маркази саломатии шаҳрии №5, ш. Душанбе',
  },
  applicant: exampleApplicant('SPOUSE', husband),
};

type D = DeepPartial<MarriageData>;

function checkSpouse(report: RuleReport, who: 'husband' | 'wife', d: D, on: string, today: string) {
  const s = d[who];
  checkCourtDecision(report, s?.courtAgeReduction, [who, 'courtAgeReduction'], today);
  const age = ageOn(s?.birthDate, on);
  if (age !== undefined && age < MARRIAGE_AGE && (age < MARRIAGE_AGE_BY_COURT || !s?.courtAgeReduction))
    report.error([who, 'birthDate'], 'error.marriage.underAge', { age });
  const status = s?.previousMaritalStatus;
  if ((status === 'DIVORCED' || status === 'WIDOWED') && !s?.previousMarriageEnd)
    report.error([who, 'previousMarriageEnd'], 'error.required');
}

export const marriageKind = defineActKind('MARRIAGE', marriageSchemaV1, example, {
  labels: { tg: 'Ақди никоҳ', ru: 'Заключение брака', en: 'Marriage' },
  rules(d, ctx, report) {
    const registered = isDate(d.registrationDate) ? d.registrationDate : ctx.today;
    checkSpouse(report, 'husband', d, registered, ctx.today);
    checkSpouse(report, 'wife', d, registered, ctx.today);
    if (isDate(d.applicationDate) && isDate(d.registrationDate) && d.registrationDate < d.applicationDate)
      report.error(['registrationDate'], 'error.marriage.beforeApplication');
    else if (isDate(d.applicationDate) && isDate(d.registrationDate)) {
      // within the month after the application: only on the head of office's decision
      const earliest = marriageEarliestDate(d.applicationDate);
      if (d.registrationDate < earliest)
        report.warn(['registrationDate'], 'warning.marriage.waitingPeriod', {
          earliest: formatDate(earliest),
        });
    }
    checkApplicant(d.applicant, report);
  },
  persons: (d) => spousePersons(d),
  summary: (d) =>
    summaryOf({ ...d.husband, surname: d.husband?.surnameBefore }, { eventDate: d.registrationDate }),
});
