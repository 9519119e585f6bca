import { fullYearsBetween, isPlainDate } from '../dates/plain-date.ts';
import { personDetails, personName, plainDate, shortText, text } from './common.ts';

/** Shapes and rule helpers shared by the act kinds: document numbers, office references, ages. */

/** The number of an act record or a document as written on it (e.g. 214, 2-114/2025). */
export const documentNumber = text(50, { min: 1 });

/** An office that registered an earlier act: its Sabt code (e.g. DU-03-00) or, for older records, its name. */
export const officeRef = shortText.meta({
  description: 'Office code RR-DD-SS (e.g. DU-03-00), or the office name for records kept outside Sabt',
  examples: ['DU-03-00'],
});

/**
 * A spouse of a marriage or a divorce: the surname before the act and after it (the one borne during
 * the marriage and the one chosen on divorce), the other names and the person's details.
 */
export const spouseFields = {
  surnameBefore: personName,
  surnameAfter: personName,
  name: personName,
  patronymic: personName.optional(),
  birthDate: plainDate,
  ...personDetails,
};

/** A full date that rules can compare. Drafts may hold anything, so the type is checked too. */
export const isDate = (value: unknown): value is string => typeof value === 'string' && isPlainDate(value);

/** Completed years on `on` of a person born on `born`, or undefined while either date is missing or wrong. */
export function ageOn(born: unknown, on: unknown): number | undefined {
  return isDate(born) && isDate(on) ? fullYearsBetween(born, on) : undefined;
}
