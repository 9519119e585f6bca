import type { z } from 'zod';
import type { APPLICANT_TYPES, place } from './common.ts';

/** The people of the kinds' examples: the details every example adult shares, and an applicant who is one of them. */

type Place = z.infer<typeof place>;

/**
 * An example adult: a Tajik citizen of Tajik nationality who showed a passport of series A (with its
 * issuer, when given). The person's own fields keep their order; the details follow the place of birth.
 */
export function exampleAdult<P extends { birthPlace: Place; residence: Place }>(
  person: P,
  passport: string,
  issuer?: string,
) {
  const { birthPlace, residence, ...own } = person;
  return {
    ...own,
    birthPlace,
    citizenship: 'TJ',
    nationality: 'тоҷик',
    residence,
    idDocument: { type: 'PASSPORT' as const, series: 'A', number: passport, ...(issuer ? { issuer } : {}) },
  };
}

/** An example applicant who is a person the record names (a spouse by the surname they bore before the act). */
export function exampleApplicant(
  type: (typeof APPLICANT_TYPES)[number],
  person: { surname?: string; surnameBefore?: string; name: string; patronymic?: string | undefined },
) {
  return {
    type,
    surname: person.surname ?? person.surnameBefore,
    name: person.name,
    patronymic: person.patronymic,
  };
}
