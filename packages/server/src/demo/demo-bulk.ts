/**
 * The demo registry's bulk: families made by the benchmark's generator (generator/), written as
 * registered records with everything a registered record has — the row, its action log (created,
 * submitted, validated, registered; by the demo clerks in the demo office), its versions, its search
 * rows, its links — and the act counters, so that new registrations continue the numbers.
 */
import { documentNumbers, getActKind, newbornNameWarnings } from '@sabt/core';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { searchRows } from '../search/index-record.ts';
import { addNoise } from './generator/noise.ts';
import { type GenRecord, type Office, Registry } from './generator/registry.ts';
import type { Rng } from './generator/rng.ts';
import { cachedKeys } from './generator/search-keys.ts';

export interface BulkActors {
  /** The demo office, whose records name the demo clerks in their history. */
  officeId: string;
  front: string;
  back: string;
  registrar: string;
}

export interface BulkResult {
  records: number;
  byKind: Record<string, number>;
  persons: number;
  links: number;
  /** Ids of some of the demo office's generated births (for the showcase's possible duplicate). */
  sampleBirths: GenRecord[];
}

const CHUNK = 400;

/** The district offices the generator registers in, the demo office weighted to a third of the families. */
async function generatorOffices(trx: Transaction<Database>): Promise<Office[]> {
  const rows = await trx
    .selectFrom('offices')
    .select(['id', 'path', 'numeric_code', 'unit', 'name_tg'])
    .where('kind', '=', 'district')
    .execute();
  return rows.map((o) => ({
    id: o.id,
    path: o.path,
    numeric: o.numeric_code,
    unit: o.unit!,
    name: o.name_tg.replace(/^.*— /u, ''),
  }));
}

const stamp = (date: string, hour: number, minute = 0) =>
  `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+05:00`;

/** Generates about `target` records of whole families and writes them in `trx`. */
export async function writeBulk(
  trx: Transaction<Database>,
  rng: Rng,
  target: number,
  actors: BulkActors,
  homeUnit: string,
): Promise<BulkResult> {
  const offices = await generatorOffices(trx);
  const registry = new Registry(rng, offices);
  // A third of the families live in the demo office's district: its clerks find them.
  const home = registry.office(homeUnit);
  const extra = Math.round(registry.unitPool.length / 2);
  for (let i = 0; i < extra; i++) registry.unitPool.push(home);

  const recs: GenRecord[] = [];
  while (recs.length < target) {
    const family = registry.family();
    for (const r of family) addNoise(rng, r);
    recs.push(...family);
  }
  const byKind: Record<string, number> = {};
  let persons = 0;
  let links = 0;
  for (let i = 0; i < recs.length; i += CHUNK) {
    const part = recs.slice(i, i + CHUNK);
    persons += await writeChunk(trx, part, actors);
  }
  links = await writeLinks(trx, recs);
  for (const r of recs) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;

  for (const [k, n] of registry.counterEntries()) {
    const [office_id, kind, year] = k.split('|');
    await trx
      .insertInto('act_counters')
      .values({ office_id: office_id!, kind: kind!, year: Number(year), last_number: n })
      .onConflict((oc) =>
        oc.columns(['office_id', 'kind', 'year']).doUpdateSet({
          last_number: sql`greatest(act_counters.last_number, excluded.last_number)`,
        }),
      )
      .execute();
  }
  const sampleBirths = recs.filter(
    (r) => r.kind === 'BIRTH' && r.office.id === actors.officeId && !r.versions && r.date >= '2015-01-01',
  );
  return { records: recs.length, byKind, persons, links, sampleBirths };
}

async function writeChunk(trx: Transaction<Database>, part: GenRecord[], actors: BulkActors) {
  const records: Record<string, unknown>[] = [];
  const actions: Record<string, unknown>[] = [];
  const versions: Record<string, unknown>[] = [];
  const personRows: Record<string, unknown>[] = [];
  for (const rec of part) {
    const def = getActKind(rec.kind)!;
    const sum = def.summary(rec.data as never);
    const flags =
      rec.kind === 'BIRTH' && newbornNameWarnings(rec.data.child as never, ['child']).length > 0
        ? ['naming-warning']
        : [];
    const all = rec.versions ?? [rec.data];
    const earlier = (rec.versions ?? []).map((data) => ({ data, sealed: false }));
    const registeredAt = stamp(rec.date, 14, rec.number! % 60);
    records.push({
      id: rec.id,
      kind: rec.kind,
      status: 'registered',
      office_id: rec.office.id,
      office_path: rec.office.path,
      schema_version: def.schemaVersion,
      data: JSON.stringify(rec.data),
      flags: sql`${`{${flags.join(',')}}`}::text[]`,
      surname: sum.surname ?? null,
      given_name: sum.name ?? null,
      patronymic: sum.patronymic ?? null,
      birth_date: sum.birthDate ?? null,
      event_date: sum.eventDate ?? null,
      year: rec.year!,
      number: rec.number!,
      national_id: rec.nationalId!,
      documents: sql`${`{${documentNumbers(rec.data)
        .map((d) => `"${d.replace(/["\\]/g, '')}"`)
        .join(',')}}`}::text[]`,
      registered_at: registeredAt,
      version: all.length,
      revision: 3 + all.length,
      created_by: actors.front,
      created_at: stamp(rec.date, 9, 10),
      updated_at: registeredAt,
    });
    // The office's clerks took it through the workflow; elsewhere, that office's staff (not demo users).
    const ours = rec.office.id === actors.officeId;
    const steps: [string, string | null, string, string, string, number][] = [
      ['create', null, 'draft', 'front_office', stamp(rec.date, 9, 10), 1],
      ['submit', 'draft', 'submitted', 'front_office', stamp(rec.date, 9, 40), 2],
      ['validate', 'submitted', 'validated', 'back_office', stamp(rec.date, 11, 15), 3],
      ['register', 'validated', 'registered', 'registrar', registeredAt, 4],
    ];
    for (const [action, from, to, role, at, revision] of steps) {
      const actor =
        role === 'front_office' ? actors.front : role === 'back_office' ? actors.back : actors.registrar;
      actions.push({
        record_id: rec.id,
        action,
        actor_id: ours ? actor : null,
        actor_role: role,
        office_id: rec.office.id,
        at,
        from_status: from,
        to_status: to,
        revision,
        reason: null,
        payload: JSON.stringify(action === 'create' ? { data: all[0] } : {}),
      });
    }
    all.forEach((data, i) => {
      versions.push({
        record_id: rec.id,
        version: i + 1,
        schema_version: def.schemaVersion,
        data: JSON.stringify(data),
        action_id: null,
        created_at: i === 0 ? registeredAt : stamp(rec.date, 14),
      });
    });
    for (const row of searchRows(rec.id, rec.kind, rec.data, earlier, cachedKeys)) personRows.push(row);
  }
  await trx
    .insertInto('records')
    .values(records as never)
    .execute();
  await trx
    .insertInto('record_actions')
    .values(actions as never)
    .execute();
  await trx
    .insertInto('record_versions')
    .values(versions as never)
    .execute();
  if (personRows.length) {
    for (let i = 0; i < personRows.length; i += 2000)
      await trx
        .insertInto('record_persons')
        .values(personRows.slice(i, i + 2000) as never)
        .execute();
  }
  return personRows.length;
}

/** Links after all records of the load exist (a family's links may point into another chunk). */
async function writeLinks(trx: Transaction<Database>, recs: GenRecord[]): Promise<number> {
  const rows = recs.flatMap((r) =>
    r.links.map(([a, b, type]) => ({ record_id: a, linked_record_id: b, type })),
  );
  for (let i = 0; i < rows.length; i += 2000)
    await trx
      .insertInto('record_links')
      .values(rows.slice(i, i + 2000))
      .execute();
  return rows.length;
}
