import { z } from 'zod';
import { checkCourtDecision, courtDecision } from './basis-documents.ts';
import { applicant, checkApplicant, countryCode, place, plainDate, recordId } from './common.ts';
import { exampleAdult, exampleApplicant } from './examples.ts';
import { documentNumber, isDate, officeRef, spouseFields } from './family-common.ts';
import { defineActKind } from './kind.ts';
import { spousePersons, summaryOf } from './persons.ts';

export const DIVORCE_BASIS_TYPES = ['JOINT_APPLICATION', 'COURT_DECISION', 'SPOUSE_APPLICATION'] as const;
/** When one spouse alone may divorce at the office: the other is missing, incapable or sentenced to over 3 years. */
export const DIVORCE_SPECIAL_CASES = ['MISSING', 'INCAPABLE', 'IMPRISONED_OVER_3_YEARS'] as const;

const formerSpouse = z.strictObject({
  ...spouseFields,
  citizenship: countryCode.optional(),
  residence: place.optional(),
});

const divorceSchemaV1 = z.strictObject({
  /** The marriage record in Sabt, when the clerk found it; otherwise the registry looks for it. */
  marriageRecordId: recordId.optional(),
  /** The marriage record as cited: number, date and office. */
  marriage: z.strictObject({
    number: documentNumber,
    date: plainDate,
    office: officeRef,
  }),
  husband: formerSpouse,
  wife: formerSpouse,
  basis: z.strictObject({
    type: z.enum(DIVORCE_BASIS_TYPES),
    /** The divorce decision, or (one spouse's application) the decision declaring the other missing, incapable or sentenced. */
    court: courtDecision.optional(),
    specialCase: z.enum(DIVORCE_SPECIAL_CASES).optional(),
    commonMinorChildren: z.boolean().optional(),
  }),
  marriageEndDate: plainDate,
  applicationDate: plainDate,
  applicant: applicant.optional(),
});

export type DivorceData = z.infer<typeof divorceSchemaV1>;

const husband = exampleAdult(
  {
    surnameBefore: 'Юсуфов',
    surnameAfter: 'Юсуфов',
    name: 'Баҳром',
    patronymic: 'Ҳакимович',
    birthDate: '1988-02-14',
    birthPlace: { country: 'TJ', unit: 'SU-01', settlement: 'Хуҷанд' },
    residence: {
      country: 'TJ',
      unit: 'SU-01',
      settlement: 'Хуҷанд',
      address: 'кӯчаи Камоли Хуҷандӣ 112, ҳуҷраи 9',
    },
  },
  '400985214',
);

const example: DivorceData = {
  marriage: { number: '305', date: '2012-08-18', office: 'SU-01-00' },
  husband,
  wife: exampleAdult(
    {
      surnameBefore: 'Юсуфова',
      surnameAfter: 'Раҷабова',
      name: 'Гулнора',
      patronymic: 'Аҳмадовна',
      birthDate: '1991-10-05',
      birthPlace: { country: 'TJ', unit: 'SU-16' },
      residence: { country: 'TJ', unit: 'SU-16', settlement: 'Ғафуров', address: 'кӯчаи Истиқлол 4' },
    },
    '401730566',
  ),
  basis: { type: 'JOINT_APPLICATION', commonMinorChildren: false },
  marriageEndDate: '2025-04-28',
  applicationDate: '2025-03-27',
  applicant: exampleApplicant('SPOUSE', husband),
};

export const divorceKind = defineActKind('DIVORCE', divorceSchemaV1, example, {
  labels: { tg: 'Бекор кардани ақди никоҳ', ru: 'Расторжение брака', en: 'Divorce' },
  rules(d, ctx, report) {
    // A divorce decision comes after the marriage; a decision on a spouse (missing, incapable,
    // sentenced) may be older.
    const decidesOn = d.basis?.type === 'COURT_DECISION' ? d.marriage?.date : undefined;
    checkCourtDecision(report, d.basis?.court, ['basis', 'court'], ctx.today, { event: decidesOn });
    const married = d.marriage?.date;
    if (isDate(married) && isDate(d.marriageEndDate) && d.marriageEndDate < married)
      report.error(['marriageEndDate'], 'error.divorce.endBeforeMarriage');
    const basis = d.basis;
    switch (basis?.type) {
      case 'JOINT_APPLICATION':
        // At the office only by mutual consent and with no common minor children; otherwise by court.
        if (basis.commonMinorChildren === true)
          report.error(['basis', 'commonMinorChildren'], 'error.divorce.minorChildren');
        else if (basis.commonMinorChildren === undefined)
          report.error(['basis', 'commonMinorChildren'], 'error.required');
        break;
      case 'COURT_DECISION':
        if (!basis.court) report.error(['basis', 'court'], 'error.required');
        break;
      case 'SPOUSE_APPLICATION':
        if (!basis.specialCase) report.error(['basis', 'specialCase'], 'error.required');
        if (!basis.court) report.error(['basis', 'court'], 'error.required');
        break;
    }
    checkApplicant(d.applicant, report);
  },
  persons: (d) => spousePersons(d),
  summary: (d) =>
    summaryOf({ ...d.husband, surname: d.husband?.surnameBefore }, { eventDate: d.marriageEndDate }),
});
