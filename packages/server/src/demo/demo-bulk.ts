/**
 * The demo registry's bulk: families made by the benchmark's generator (generator/), written as
 * registered records with everything a registered record has — the row, its action log (created,
 * submitted, validated, registered; by the demo clerks in the demo office), its versions, its search
 * rows, its links — and the act counters, so that new registrations continue the numbers. What a
 * later act did to an earlier record is in the earlier record's log too, as the effects write it: a
 * death's notation (and the flag `deceased`) on the birth record and the end of the marriage
 * (flag `ended`), a change of name's amendment.
 */
import { diffData, documentNumbers, getActKind, newbornNameWarnings } from '@sabt/core';
import { sql, type Transaction } from 'kysely';
import { hashedAction, hashedVersion } from '../audit/record-hashes.ts';
import type { Database } from '../db/schema.ts';
import { searchRows } from '../search/index-record.ts';
import { addNoise } from './generator/noise.ts';
import type { Person } from './generator/people.ts';
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
  const later = laterEvents(recs);
  for (let i = 0; i < recs.length; i += CHUNK) {
    const part = recs.slice(i, i + CHUNK);
    persons += await writeChunk(trx, part, actors, later);
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

/** What a later act wrote in an earlier record's log (effects/death.ts, effects/name-change.ts). */
interface LaterEvent {
  action: 'notation' | 'amend';
  at: string;
  office: string;
  payload: Record<string, unknown>;
  flag?: string;
}

function laterEvents(recs: GenRecord[]): Map<string, LaterEvent[]> {
  const byId = new Map(recs.map((r) => [r.id, r]));
  const later = new Map<string, LaterEvent[]>();
  const add = (id: string, e: LaterEvent) => later.set(id, [...(later.get(id) ?? []), e]);
  // A death ends the marriage of the one who died first (effects/death.ts): linked, noted, flagged.
  const marriageOf = new Map<Person, GenRecord>();
  for (const rec of recs)
    if (rec.kind === 'MARRIAGE') for (const m of rec.mentions.slice(0, 2)) marriageOf.set(m.person, rec);
  const ended = new Set<string>();
  const deaths = recs.filter((r) => r.kind === 'DEATH').sort((a, b) => (a.date < b.date ? -1 : 1));
  for (const rec of deaths) {
    const person = rec.mentions[0]!.person;
    const m = marriageOf.get(person);
    if (!m || ended.has(m.id) || m.date >= rec.date) continue;
    ended.add(m.id);
    const side = m.mentions[0]!.person === person ? 'husband' : 'wife';
    rec.links.push([rec.id, m.id, 'ended-marriage'], [m.id, rec.id, 'ended-by-death']);
    add(m.id, {
      action: 'notation',
      at: stamp(rec.date, 15, 30),
      office: rec.office.id,
      payload: {
        type: 'marriage-ended-by-death',
        deceased: side,
        widowed: side === 'husband' ? 'wife' : 'husband',
        recordId: rec.id,
        number: rec.number,
        year: rec.year,
        nationalId: rec.nationalId,
        officeId: rec.office.id,
        eventDate: (rec.data.death as { date: string }).date,
      },
      flag: 'ended',
    });
  }
  for (const rec of recs) {
    const cite = {
      recordId: rec.id,
      number: rec.number,
      year: rec.year,
      nationalId: rec.nationalId,
      officeId: rec.office.id,
    };
    for (const [from, to, type] of rec.links) {
      if (from !== rec.id) continue;
      const at = stamp(rec.date, 15);
      if (type === 'birth-of-deceased') {
        const death = rec.data.death as { date: string };
        add(to, {
          action: 'notation',
          at,
          office: rec.office.id,
          payload: { type: 'death', ...cite, eventDate: death.date },
          flag: 'deceased',
        });
      }
      const birth = byId.get(to);
      if (type === 'amends-birth' && birth?.versions?.length === 2) {
        add(to, {
          action: 'amend',
          at,
          office: rec.office.id,
          payload: {
            version: 2,
            previousVersion: 1,
            changes: diffData(birth.versions[0], birth.versions[1]),
            cause: { type: rec.kind, recordId: rec.id },
            basis: null,
          },
        });
      }
    }
  }
  return later;
}

async function writeChunk(
  trx: Transaction<Database>,
  part: GenRecord[],
  actors: BulkActors,
  later: Map<string, LaterEvent[]>,
) {
  const records: Record<string, unknown>[] = [];
  const actions: Record<string, unknown>[] = [];
  const versions: Record<string, unknown>[] = [];
  const personRows: Record<string, unknown>[] = [];
  for (const rec of part) {
    const def = getActKind(rec.kind)!;
    const sum = def.summary(rec.data as never);
    const events = (later.get(rec.id) ?? []).sort((a, b) => (a.at < b.at ? -1 : 1));
    const flags = [
      ...(rec.kind === 'BIRTH' && newbornNameWarnings(rec.data.child as never, ['child']).length > 0
        ? ['naming-warning']
        : []),
      ...events.flatMap((e) => (e.flag ? [e.flag] : [])),
    ].sort();
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
      revision: 4 + events.length,
      created_by: actors.front,
      created_at: stamp(rec.date, 9, 10),
      updated_at: events.at(-1)?.at ?? registeredAt,
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
      actions.push(
        hashedAction({
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
          payload: action === 'create' ? { data: all[0] } : {},
        }),
      );
    }
    events.forEach((e, i) => {
      actions.push(
        hashedAction({
          record_id: rec.id,
          action: e.action,
          actor_id: e.office === actors.officeId ? actors.registrar : null,
          actor_role: 'registrar',
          office_id: e.office,
          at: e.at,
          from_status: 'registered',
          to_status: 'registered',
          revision: 5 + i,
          reason: null,
          payload: e.payload,
        }),
      );
    });
    all.forEach((data, i) => {
      versions.push(
        hashedVersion({
          record_id: rec.id,
          version: i + 1,
          schema_version: def.schemaVersion,
          data,
          action_id: null,
          created_at: i === 0 ? registeredAt : (events.find((e) => e.action === 'amend')?.at ?? registeredAt),
        }),
      );
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
