import { z } from 'zod';
import { dateRange, isPartialDate, isPlainDate } from '../dates/plain-date.ts';
import { isAdminUnitCode } from '../offices/admin-units.ts';
import type { DeepPartial } from './kind.ts';
import { walkData } from './schema-walk.ts';
import type { FieldIssue, RuleReport } from './validation.ts';

/** Reusable field shapes for act-kind schemas. Error messages are message keys (see i18n/messages.ts). */

/**
 * Characters no text field holds, being invisible or able to make what is shown differ from what is
 * stored: bidirectional embeddings, overrides, isolates and marks (a right-to-left override turns an
 * address around on a certificate), zero-width space, word joiner, byte-order mark and soft hyphen.
 * Control characters (C0, DEL, C1) are refused beside them, the line break only outside multi-line fields.
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

/** Whether a text holds a control or invisible character (a line break passes in a multi-line field). */
export function hasForbiddenCharacters(s: string, multiline = false): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 0x20 || (c >= 0x7f && c <= 0x9f)) && !(multiline && ch === '\n')) return true;
  }
  return INVISIBLE.test(s);
}

/**
 * Free text of at most `max` characters (`min` 1: required when present): every text field of an act is
 * one of these, so none of them holds a control or invisible character. Only a multi-line field keeps
 * its line breaks.
 */
export function text(
  max: number,
  { min = 0, multiline = false }: { min?: number; multiline?: boolean } = {},
) {
  const s = z
    .string()
    .refine((v) => !hasForbiddenCharacters(v, multiline), { error: 'error.invalidCharacters', abort: true })
    .trim();
  return (min > 0 ? s.min(min) : s).max(max);
}

/** The scripts whose letters look alike and must not meet in one word of a name (Latin a/o/x in Cyrillic). */
const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Arabic', 'Hebrew'].map(
  (name) => new RegExp(`\\p{Script=${name}}`, 'u'),
);

/** Whether one word of a name mixes the letters of two scripts (Latin look-alikes typed among Cyrillic ones). */
export function mixesScripts(name: string): boolean {
  return name.split(/[-'ʼ’ ]+/u).some((word) => {
    const seen = new Set<number>();
    for (const ch of word) {
      const i = SCRIPTS.findIndex((r) => r.test(ch));
      if (i >= 0) seen.add(i);
    }
    return seen.size > 1;
  });
}

/**
 * A name part: words of letters of one script (with their marks), each beginning with a letter, and
 * the hyphen, apostrophe and space that join or mark them (Абдулло-Ҷон, Саъдӣ, O'Neil). Digits, other
 * signs, a lone accent and a Latin letter inside a Cyrillic word are typing mistakes.
 */
export const personName = text(100, { min: 1 })
  // Empty passes here: a missing name is reported once, as required.
  .regex(/^(?:\p{L}[\p{L}\p{M}]*(?:[-'ʼ’ ]+\p{L}[\p{L}\p{M}]*)*)?$/u, {
    error: 'error.name.letters',
    abort: true,
  })
  .refine((v) => !mixesScripts(v), { error: 'error.name.mixedScripts' });
export const shortText = text(200, { min: 1 });
/** A long single-line text (an address, a cause of death). */
export const longText = text(1000, { min: 1 });
/** A text of several lines (the reasons for a change of name). */
export const multilineText = text(1000, { min: 1, multiline: true });

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

/**
 * The date fields of acts and whether the law lets them lie ahead. Every event and document an act
 * records has happened, so a date field is past-only unless made with `mayBeFuture`; the check
 * (futureDateIssues) walks every kind's schema for these.
 */
const DATE_FIELDS = new WeakMap<z.ZodType, 'past' | 'any'>([
  [plainDate, 'past'],
  [partialDate, 'past'],
]);

/** A date field that may lie in the future (none of today's acts has one). */
export function mayBeFuture<T extends typeof plainDate | typeof partialDate>(schema: T): T {
  const copy = schema.clone() as T;
  DATE_FIELDS.set(copy, 'any');
  return copy;
}

/** Every date in `data` after `today` that its field does not allow to be (a partial date by its first day). */
export function futureDateIssues(schema: z.ZodType, data: unknown, today: string): FieldIssue[] {
  const out: FieldIssue[] = [];
  walkData(schema, data, (leaf, value, path) => {
    if (DATE_FIELDS.get(leaf) !== 'past' || typeof value !== 'string' || !isPartialDate(value)) return;
    if (dateRange(value).earliest > today) out.push({ path, key: 'error.date.future' });
  });
  return out;
}

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
  series: text(10).optional(),
  number: text(20, { min: 1 }),
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
