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
/**
 * Rows read for a single name part (a surname alone: 4 % of a national registry share the commonest):
 * every one of them ranks the same but for its form, and each costs a read of its record.
 */
const SINGLE_PART_ROWS = 200;
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
  return (await q.limit(SINGLE_PART_ROWS).execute()) as PersonCandidate[];
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

/** One reading of the asked name: the key each part must have (free text is read in several orders). */
interface Reading {
  surname: string;
  name: string;
  patronymic?: string | undefined;
}

/**
 * The readings of an asked name with at least a surname and a given name: the parts as asked, or the
 * free-text words as "surname name patronymic" (Tajik and Russian order), "name surname" and "name
 * patronymic surname" (passport and Russian everyday order).
 */
function readings(asked: AskedName): Reading[] {
  const out: Reading[] = [];
  if (asked.surname && asked.name)
    out.push({
      surname: asked.surname.looseKey,
      name: asked.name.looseKey,
      patronymic: asked.patronymic?.matchKey,
    });
  const [a, b, c] = asked.words.map((w) => ({ loose: w.looseKey, key: w.matchKey }));
  if (a && b) {
    out.push({ surname: a.loose, name: b.loose, patronymic: c?.key });
    out.push({ surname: b.loose, name: a.loose });
    if (c) out.push({ surname: c.loose, name: a.loose, patronymic: b.key });
  }
  const seen = new Set<string>();
  return out.filter((r) => {
    const k = `${r.surname}|${r.name}|${r.patronymic ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Without a date, the whole name first: the people whose surname, given name and patronymic keys
 * all equal a reading of the asked name, then those with that surname and given name recorded
 * without a patronymic (or, when no whole name matched, with any: a patronymic spelt past its key),
 * each from one composite index (record_persons_full_name), so the strongest matches are read
 * first and namesakes of a common name are narrowed by the patronymic before any limit applies.
 */
async function fullNameCandidates(
  db: Kysely<Database>,
  asked: AskedName,
  birthYear: number | undefined,
  scope: RecordScope,
): Promise<PersonCandidate[]> {
  const out: PersonCandidate[] = [];
  const seen = new Set<string>();
  const read = async (r: Reading, patronymic: 'equal' | 'none' | 'any') => {
    let q = recordsInScope(db, scope)
      .innerJoin('record_persons as p', 'p.record_id', 'r.id')
      .select([...PERSON_COLUMNS, 'p.id'])
      .where('p.surname_loose', '=', r.surname)
      .where('p.name_loose', '=', r.name);
    if (patronymic === 'equal') q = q.where('p.patronymic_key', '=', r.patronymic!);
    else if (patronymic === 'none') q = q.where('p.patronymic_key', 'is', null);
    if (!scope.seeSealed) q = q.where('p.sealed', '=', false);
    if (birthYear) q = q.where('p.birth_year', '=', birthYear);
    for (const row of await q.limit(MAX_ROWS).execute()) {
      if (seen.has(String(row.id))) continue;
      seen.add(String(row.id));
      const { id: _id, ...person } = row;
      out.push(person as PersonCandidate);
    }
  };
  const all = readings(asked);
  for (const r of all) if (r.patronymic !== undefined) await read(r, 'equal');
  // Once the whole name matched, the others of that surname and given name are other people
  // (their patronymic differs), save those recorded without one; otherwise the patronymic may be
  // spelt past its key (a typo), and scoring judges it.
  const found = out.length > 0;
  for (const r of all) await read(r, found && r.patronymic !== undefined ? 'none' : 'any');
  return out;
}

/**
 * The stored people who may be the one asked for. A date of birth narrows to one day and tolerates
 * typos. Otherwise the whole name decides first (surname, given name and patronymic keys together);
 * single parts are read only when no whole name matches (or in broad mode, for surname changes);
 * trigrams are tried only when no key matches at all (a national registry shares trigrams with
 * nearly every name, so they are the slowest way in).
 */
export async function nameCandidates(
  db: Kysely<Database>,
  asked: AskedName,
  dates: { birthDate?: string | undefined; birthYear?: number | undefined },
  scope: RecordScope,
): Promise<PersonCandidate[]> {
  if (dates.birthDate) return sameDateCandidates(db, asked, dates.birthDate, scope);
  const whole = await fullNameCandidates(db, asked, dates.birthYear, scope);
  if (whole.length > 0 && !asked.broad) return whole;
  const byKeys = await keyCandidates(db, asked, dates.birthYear, scope);
  if (whole.length + byKeys.length > 0) return [...whole, ...byKeys];
  return trigramCandidates(db, asked, dates.birthYear, scope);
}
