/** The labelled query set that `generate.ts` writes next to the data and `search-bench.ts` reads. */

/** How the query spells the name (DOMAIN §5.3–5.4). */
export type Variant = 'ru' | 'passport' | 'bgn' | 'uzbek' | 'icao-ru' | 'loose' | 'typo';

export const VARIANTS: readonly Variant[] = ['ru', 'passport', 'bgn', 'uzbek', 'icao-ru', 'loose', 'typo'];

export interface NameQuery {
  id: number;
  variant: Variant;
  /** What is asked: name parts in the variant spelling and the date of birth. */
  query: { surname: string; name: string; patronymic?: string; birthDate: string };
  /** The whole name (surname, given name, patronymic) in the same spelling, for searches without a date. */
  full?: { surname: string; name: string; patronymic: string };
  /** The person's name as registered (Tajik Cyrillic), for reading the results. */
  source: { surname: string; name: string; patronymic: string; birthDate: string };
  /** Ground truth: every record that names this person under this surname and name, in any spelling. */
  truth: string[];
}

export interface Lookup {
  recordId: string;
  kind: string;
  officeId: string;
  year: number;
  number: number;
  nationalId: string;
}

export interface DuplicateProbe {
  kind: string;
  /** Data of a new record to be checked at registration. */
  data: unknown;
  /** The existing record it duplicates (the same birth typed again in another spelling), or null for a new event. */
  expect: string | null;
  variant: string;
}

export interface QuerySet {
  records: number;
  seed: number;
  generatedAt: string;
  search: NameQuery[];
  lookups: Lookup[];
  duplicates: DuplicateProbe[];
}
