/** The searches without a date of birth: the whole name, as fields and as free text, and the surname. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../packages/server/src/auth/sessions.ts';
import type { Database } from '../../packages/server/src/db/schema.ts';
import { type SearchQuery, searchRecords } from '../../packages/server/src/search/search-records.ts';
import type { QuerySet } from '../query-set.ts';
import { latency, type NoDateSearch, timed } from './figures.ts';

/** The actor of a district office: a registrar there, seeing only that district's records. */
async function districtActor(db: Kysely<Database>, central: Actor, recordId: string): Promise<Actor> {
  const r = await db
    .selectFrom('records')
    .select(['office_id', 'office_path'])
    .where('id', '=', recordId)
    .executeTakeFirstOrThrow();
  return { ...central, officeId: r.office_id, officeKind: 'district', officePath: r.office_path };
}

/**
 * Searches without a date of birth, over the queries of the set that carry the whole name: as
 * fields and as free text ("surname name patronymic"), as the central office and as the district
 * that holds the person's first record; and the surname alone, for its latency.
 */
export async function noDateSearches(
  db: Kysely<Database>,
  central: Actor,
  queries: QuerySet['search'],
  limit: number,
  setLabel: (l: string) => void,
  log: (line: string) => void,
): Promise<Record<string, NoDateSearch>> {
  const full = queries.filter((q) => q.full);
  const districts = new Map<string, Actor>();
  for (const q of full) districts.set(q.truth[0]!, await districtActor(db, central, q.truth[0]!));
  const cases: [string, (q: (typeof full)[number]) => [Actor, SearchQuery], boolean][] = [
    ['whole name as fields, central office', (q) => [central, { ...q.full! }], true],
    [
      'whole name as free text, central office',
      (q) => [central, { q: `${q.full!.surname} ${q.full!.name} ${q.full!.patronymic}` }],
      true,
    ],
    ['whole name as fields, district office', (q) => [districts.get(q.truth[0]!)!, { ...q.full! }], true],
    ['surname alone, central office', (q) => [central, { surname: q.full!.surname }], false],
    [
      'surname and given name, central office',
      (q) => [central, { surname: q.full!.surname, name: q.full!.name }],
      false,
    ],
  ];
  // warm-up, not measured
  for (const q of full.slice(-10)) for (const [, ask] of cases) await searchRecords(db, ...ask(q));
  const out: Record<string, NoDateSearch> = {};
  for (const [label, ask, measure] of cases) {
    const samples: number[] = [];
    let found = 0;
    let complete = 0;
    const byVariant: NoDateSearch['byVariant'] = {};
    setLabel(`no date: ${label}`);
    for (const q of full) {
      const [actor, query] = ask(q);
      const [{ hits }, ms] = await timed(() => searchRecords(db, actor, { ...query, limit }));
      samples.push(ms);
      const ids = new Set(hits.map((h) => h.recordId));
      const v = byVariant[q.variant] ?? { queries: 0, found: 0 };
      byVariant[q.variant] = v;
      v.queries++;
      if (q.truth.some((id) => ids.has(id))) {
        found++;
        v.found++;
      }
      if (q.truth.every((id) => ids.has(id))) complete++;
    }
    setLabel('');
    out[label] = {
      latency: latency(samples),
      queries: full.length,
      found: measure ? found : null,
      complete: measure ? complete : null,
      byVariant: measure ? byVariant : {},
    };
    log(`no date, ${label}: ${JSON.stringify(out[label]!.latency)} found ${found}/${full.length}`);
  }
  return out;
}
