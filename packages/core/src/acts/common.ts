import { z } from 'zod';
import { isPartialDate, isPlainDate } from '../dates/plain-date.ts';
import { isAdminUnitCode } from '../offices/admin-units.ts';
import type { DeepPartial } from './kind.ts';
import type { RuleReport } from './validation.ts';

/** Reusable field shapes for act-kind schemas. Error messages are message keys (see i18n/messages.ts). */

/**
 * A name part: letters of any script (with their marks), and the hyphen, apostrophe and space that
 * join or mark them (Абдулло-Ҷон, Саъдӣ, O'Neil). Digits and other signs are typing mistakes.
 */
export const personName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  // Empty passes here: a missing name is reported once, as required.
  .regex(/^(?:[\p{L}\p{M}]+(?:[-'ʼ’ ]+[\p{L}\p{M}]+)*)?$/u, { error: 'error.name.letters' });
export const shortText = z.string().trim().min(1).max(200);
export const longText = z.string().trim().min(1).max(1000);

export const plainDate = z
  .string()
  .max(10)
  .refine(isPlainDate, { error: 'error.date.invalid' })
  .meta({ format: 'date', examples: ['2025-03-14'] });

export const partialDate = z
  .string()
  .max(10)
  .refine(isPartialDate, { error: 'error.date.partialInvalid' })
  .meta({ description: 'YYYY-MM-DD, YYYY-MM or YYYY', examples: ['1950', '1950-06', '1950-06-21'] });

export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'error.time' })
  .meta({ examples: ['14:05'] });

export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: 'error.country' })
  .meta({ description: 'ISO 3166-1 alpha-2', examples: ['TJ'] });

export const adminUnitCode = z
  .string()
  .max(10)
  .refine(isAdminUnitCode, { error: 'error.unit' })
  .meta({ description: 'District or city of Tajikistan, e.g. DU-03', examples: ['DU-03'] });

export const recordId = z.uuid({ error: 'error.uuid' });

export const sex = z.enum(['M', 'F']);

/** A place: a district or city of Tajikistan, or a foreign country, with a settlement and free text. */
export const place = z.strictObject({
  country: countryCode,
  unit: adminUnitCode.optional(),
  settlement: shortText.optional(),
  address: longText.optional(),
});

export const ID_DOCUMENT_TYPES = [
  'PASSPORT',
  'ID_CARD',
  'FOREIGN_PASSPORT',
  'BIRTH_CERTIFICATE',
  'RESIDENCE_PERMIT',
  'OTHER',
] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

export const idDocument = z.strictObject({
  type: z.enum(ID_DOCUMENT_TYPES),
  series: z.string().trim().max(10).optional(),
  number: z.string().trim().min(1).max(20),
  issuer: shortText.optional(),
  issueDate: plainDate.optional(),
});

/** Where an adult was born, their citizenship and nationality, where they live and the document they showed. */
export const personDetails = {
  birthPlace: place.optional(),
  citizenship: countryCode,
  nationality: shortText.optional(),
  residence: place,
  idDocument: idDocument.optional(),
};

/** Surname, name and patronymic (the patronymic is not everyone's), the fields every named person starts with. */
export const fullName = {
  surname: personName,
  name: personName,
  patronymic: personName.optional(),
};

/** Mother, father, spouse: a named adult with their documents. */
export const adult = z.strictObject({
  ...fullName,
  birthDate: plainDate,
  ...personDetails,
});

export const APPLICANT_TYPES = [
  'MOTHER',
  'FATHER',
  'PARENTS',
  'SPOUSE',
  'RELATIVE',
  'OTHER_PERSON',
  'MEDICAL_FACILITY',
  'GUARDIANSHIP_BODY',
  'POLICE',
  'ORGANISATION',
] as const;
export const ORGANISATION_APPLICANTS: readonly string[] = [
  'MEDICAL_FACILITY',
  'GUARDIANSHIP_BODY',
  'POLICE',
  'ORGANISATION',
];

/** Who applied: a person (with a document) or an organisation (with its name and address). */
export const applicant = z.strictObject({
  type: z.enum(APPLICANT_TYPES),
  surname: personName.optional(),
  name: personName.optional(),
  patronymic: personName.optional(),
  organisation: shortText.optional(),
  residence: place.optional(),
  idDocument: idDocument.optional(),
});

/** Person applicants give their name; organisations give theirs. */
export function checkApplicant(a: DeepPartial<z.infer<typeof applicant>> | undefined, report: RuleReport) {
  if (!a?.type) return;
  if (ORGANISATION_APPLICANTS.includes(a.type)) {
    if (!a.organisation) report.error(['applicant', 'organisation'], 'error.required');
  } else {
    if (!a.surname) report.error(['applicant', 'surname'], 'error.required');
    if (!a.name) report.error(['applicant', 'name'], 'error.required');
  }
}
