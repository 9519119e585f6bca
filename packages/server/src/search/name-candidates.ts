import type { Status } from '@sabt/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { SEALED_ADOPTION_SQL } from '../policies/sealing.ts';
import { type AskedName, mayFit, type PersonCandidate, TYPO_SIMILARITY_SAME_DATE } from './score.ts';

/** Which records a search may return: the actor's jurisdiction and the query's filters. */
export interface RecordScope {
  officePath: string;
  /** Sealed names and sealed adoption records are searched (policies/sealing.ts `searchesSealed`). */
  seeSealed: boolean;
  kind?: string | undefined;
  status?: Status | undefined;
  office?: string | undefined;
  place?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const PERSON_COLUMNS = [
  'p.record_id',
  'p.role',
  'p.historical',
  'p.surname',
  'p.given_name',
  'p.patronymic',
  'p.birth_date',
  'p.sealed',
] as const;

/** Rows read per query: enough for any one person's records, bounded for the most common names. */
const MAX_ROWS = 1000;
/** People born on one day in the whole registry, read in full to catch typos no key catches. */
const MAX_SAME_DATE_ROWS = 20_000;

export function recordsInScope(db: Kysely<Database>, scope: RecordScope) {
  let r = db.selectFrom('records as r').where('r.office_path', 'like', `${scope.officePath}%`);
  if (!scope.seeSealed) r = r.where(sql<boolean>`not ${SEALED_ADOPTION_SQL}`);
  if (scope.kind) r = r.where('r.kind', '=', scope.kind);
  if (scope.status) r = r.where('r.status', '=', scope.status);
  if (scope.office) r = r.where('r.office_id', '=', scope.office);
  if (scope.place) r = r.where('r.place_unit', '=', scope.place);
  if (scope.from) r = r.where('r.event_date', '>=', scope.from);
  if (scope.to) r = r.where('r.event_date', '<=', `${scope.to}~`);
  return r;
}

/**
 * With a date of birth: everyone born that day (about a thousand people even in a national registry),
 * read from the date index that carries their keys (no table rows), filtered on those keys with the
 * typo tolerance of an exact date; then the full rows of the few that fit, within the scope.
 */
async function sameDateCandidates(
  db: Kysely<Database>,
  asked: AskedName,
  birthDate: string,
  scope: RecordScope,
): Promise<PersonCandidate[]> {
  let q = db
    .selectFrom('record_persons as p')
    .select([
      'p.id',
      'p.surname_key',
      'p.name_key',
      'p.patronymic_key',
      'p.surname_loose',
      'p.name_loose',
      'p.surname_stem',
    ])
    .where('p.birth_date', '=', birthDate);
  if (!scope.seeSealed) q = q.where('p.sealed', '=', false);
  const keyed = await q.limit(MAX_SAME_DATE_ROWS).execute();
  const fit = keyed.filter((p) => mayFit(asked, p, TYPO_SIMILARITY_SAME_DATE));
  if (fit.length === 0) return [];
  return (await recordsInScope(db, scope)
    .innerJoin('record_persons as p', 'p.record_id', 'r.id')
    .select([...PERSON_COLUMNS])
    .where(
      'p.id',
      'in',
      fit.map((p) => p.id),
    )
    .execute()) as PersonCandidate[];
}

/**
 * Without a date: equality on the stored keys, each condition answered by one composite index.
 * The loose key folds the match key further, so loose equality covers match-key equality too.
 */
async function keyCandidates(
  db: Kysely<Database>,
  asked: AskedName,
  birthYear: number | undefined,
  scope: RecordScope,
): Promise<PersonCandidate[]> {
  let q = recordsInScope(db, scope)
    .innerJoin('record_persons as p', 'p.record_id', 'r.id')
    .select([...PERSON_COLUMNS]);
  q = q.where((eb) => {
    const surname = (k: NonNullable<AskedName['surname']>, name?: string) => {
      const alts = [
        name === undefined
          ? eb('p.surname_loose', '=', k.looseKey)
          : eb.and([eb('p.surname_loose', '=', k.looseKey), eb('p.name_loose', '=', name)]),
      ];
      if (asked.broad)
        alts.push(
          name === undefined
            ? eb('p.surname_stem', '=', k.stemKey)
            : eb.and([eb('p.surname_stem', '=', k.stemKey), eb('p.name_loose', '=', name)]),
        );
      return alts;
    };
    const ors = [];
    if (asked.surname) ors.push(...surname(asked.surname, asked.name?.looseKey));
    else if (asked.name) ors.push(eb('p.name_loose', '=', asked.name.looseKey));
    for (const w of asked.words) {
      ors.push(...surname(w));
      ors.push(eb('p.name_loose', '=', w.looseKey));
    }
    return eb.or(ors);
  });
  if (!scope.seeSealed) q = q.where('p.sealed', '=', false);
  if (birthYear) q = q.where('p.birth_year', '=', birthYear);
  return (await q.limit(MAX_ROWS).execute()) as PersonCandidate[];
}

/** Typos no key catches, without a date to narrow by: trigram similarity of the whole Latin name. */
async function trigramCandidates(
  db: Kysely<Database>,
  asked: AskedName,
  birthYear: number | undefined,
  scope: RecordScope,
): Promise<PersonCandidate[]> {
  const latin = [
    asked.surname?.latin,
    asked.name?.latin,
    asked.patronymic?.latin,
    ...asked.words.map((w) => w.latin),
  ]
    .filter(Boolean)
    .join(' ');
  if (latin.length < 4) return [];
  let q = recordsInScope(db, scope)
    .innerJoin('record_persons as p', 'p.record_id', 'r.id')
    .select([...PERSON_COLUMNS])
    .where(sql<boolean>`p.latin % ${latin}`);
  if (!scope.seeSealed) q = q.where('p.sealed', '=', false);
  if (birthYear) q = q.where('p.birth_year', '=', birthYear);
  return (await q.limit(200).execute()) as PersonCandidate[];
}

/**
 * The stored people who may be the one asked for. A date of birth narrows to one day and tolerates
 * typos; otherwise the keys decide, and trigrams are tried only when no key matches at all (a
 * national registry shares trigrams with nearly every name, so they are the slowest way in).
 */
export async function nameCandidates(
  db: Kysely<Database>,
  asked: AskedName,
  dates: { birthDate?: string | undefined; birthYear?: number | undefined },
  scope: RecordScope,
): Promise<PersonCandidate[]> {
  if (dates.birthDate) return sameDateCandidates(db, asked, dates.birthDate, scope);
  const byKeys = await keyCandidates(db, asked, dates.birthYear, scope);
  if (byKeys.length > 0) return byKeys;
  return trigramCandidates(db, asked, dates.birthYear, scope);
}
