/**
 * Generates a realistic synthetic civil registry for the benchmark: families over a century
 * (1925–2025) across the 69 district and city offices, each with the parents' own births, their
 * marriage, their children's births, deaths and some changes of name, linked as Sabt links them.
 * Names follow Tajik patterns of each era and are typed in the script of the time: Russian
 * Cyrillic in the Soviet archive, Tajik Cyrillic since, a few in Latin, legacy font glyphs,
 * keyboard substitutes and typos (see names.ts).
 *
 * Every record is valid for its kind's schema (a sample is checked with `checkRecordData`) and has
 * its act number per (office, kind, year), national record ID and search rows (`record_persons`)
 * computed as `indexRecord` computes them. Alongside, a labelled query set is written to
 * bench/.data/queries-<N>.json: people sampled from the data, a spelling of their name in another
 * script, and the ids of all records that name them (ground truth).
 *
 *   DATABASE_URL=postgres://… node bench/generate.ts --records 1000000 [--fresh]
 *   SABT_DATA_DIR=memory:// node bench/generate.ts --records 10000
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ADMIN_UNITS, checkRecordData, documentNumbers, getActKind, newbornNameWarnings } from '@sabt/core';
import { sql } from 'kysely';
import pg from 'pg';
import { connect, type Db } from '../packages/server/src/db/connect.ts';
import { addNoise } from '../packages/server/src/demo/generator/noise.ts';
import { type GenRecord, type Office, Registry } from '../packages/server/src/demo/generator/registry.ts';
import { Rng } from '../packages/server/src/demo/generator/rng.ts';
import { cachedKeys } from '../packages/server/src/demo/generator/search-keys.ts';
import { prepareDatabase } from '../packages/server/src/prepare.ts';
import { recountRecords } from '../packages/server/src/queries/record-counts.ts';
import { searchRows } from '../packages/server/src/search/index-record.ts';
import { Progress } from './progress.ts';
import type { Lookup, QuerySet } from './query-set.ts';
import { VARIANTS } from './query-set.ts';
import {
  duplicateProbe,
  type Group,
  groupKey,
  groupsOf,
  makeQuery,
  Reservoir,
} from './registry/ground-truth.ts';
import { arrayLiteral, BATCH_SQL, Batch, makeSink, secondaryIndexes } from './registry/sink.ts';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = join(BENCH_DIR, '.data');
export const BENCH_USER_LOGIN = 'bench';
export const BASELINE_INDEX = 'bench_persons_typed_trgm';
export const BASELINE_INDEX_SQL = `CREATE INDEX IF NOT EXISTS ${BASELINE_INDEX} ON record_persons USING gin (lower(surname || ' ' || given_name) gin_trgm_ops)`;

export interface GenerateOptions {
  records: number;
  seed?: number;
  /** Records per INSERT statement (whole families; default 2000). */
  batchSize?: number;
  searchQueries?: number;
  lookups?: number;
  duplicates?: number;
  /** Check every n-th record against the kind's schema and rules and its search rows against unmemoised keys (1 = all). */
  validateEvery?: number;
  /** Drop the secondary indexes during the load and build them after (default true). */
  rebuildIndexes?: boolean;
  /** Build the trigram index the plain pg_trgm baseline uses (default true). */
  baselineIndex?: boolean;
  progress?: boolean;
  log?: (line: string) => void;
}

export interface GenerateResult {
  records: number;
  persons: number;
  links: number;
  byKind: Record<string, number>;
  seconds: { load: number; indexes: number; total: number };
  queries: QuerySet;
}

export async function generate(
  dbx: Db,
  opts: GenerateOptions,
  databaseUrl?: string,
): Promise<GenerateResult> {
  const t0 = performance.now();
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const seed = opts.seed ?? 20251123;
  const rng = new Rng(seed);
  const total = opts.records;
  const batchSize = opts.batchSize ?? (dbx.engine === 'postgres' ? 2000 : 500);
  const validateEvery = opts.validateEvery ?? 997;
  const db = dbx.db;

  await prepareDatabase(db);
  const existing = await sql<{ n: number }>`SELECT count(*)::int AS n FROM records`.execute(db);
  if (existing.rows[0]!.n > 0)
    throw new Error(`the database already has ${existing.rows[0]!.n} records: use a fresh one (--fresh)`);

  // The bench user (no password: it cannot sign in).
  await sql`INSERT INTO users (id, login, full_name, role, office_id, password_hash)
    VALUES (gen_random_uuid(), ${BENCH_USER_LOGIN}, 'Benchmark loader', 'registrar', 'HQ-00-00', '!')
    ON CONFLICT (login) DO NOTHING`.execute(db);
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('login', '=', BENCH_USER_LOGIN)
    .executeTakeFirstOrThrow();
  const officeRows = await db
    .selectFrom('offices')
    .select(['id', 'path', 'numeric_code', 'unit', 'name_tg'])
    .where('kind', '=', 'district')
    .execute();
  const offices: Office[] = officeRows.map((o) => ({
    id: o.id,
    path: o.path,
    numeric: o.numeric_code,
    unit: o.unit!,
    name: o.name_tg.replace(/^.*— /u, ''),
  }));
  if (offices.length < ADMIN_UNITS.length) throw new Error(`expected ${ADMIN_UNITS.length} district offices`);

  // Secondary indexes are built after the load: kept in a table so a crashed load can be finished.
  const rebuild = opts.rebuildIndexes ?? true;
  await sql`CREATE TABLE IF NOT EXISTS bench_dropped_indexes (name text PRIMARY KEY, def text NOT NULL)`.execute(
    db,
  );
  if (rebuild) {
    for (const ix of await secondaryIndexes(dbx)) {
      await sql`INSERT INTO bench_dropped_indexes (name, def) VALUES (${ix.name}, ${ix.def}) ON CONFLICT DO NOTHING`.execute(
        db,
      );
      await sql.raw(`DROP INDEX IF EXISTS ${ix.name}`).execute(db);
    }
  }

  const registry = new Registry(rng, offices);
  const sink = await makeSink(dbx, databaseUrl);
  const progress = new Progress('records', total, opts.progress ?? true);
  const byKind: Record<string, number> = {};
  const groups = new Reservoir<Group>(opts.searchQueries ?? 300, rng);
  const lookups = new Reservoir<Lookup>(opts.lookups ?? 300, rng);
  const dupBirths = new Reservoir<{ rec: GenRecord; forms: Group['forms'] }>(opts.duplicates ?? 150, rng);
  const freshBirths = new Reservoir<GenRecord>(Math.ceil((opts.duplicates ?? 150) / 3), rng);
  let done = 0;
  let persons = 0;
  let links = 0;
  let batch = new Batch();
  const inflight = new Set<Promise<void>>();
  let failure: unknown;

  const flush = async () => {
    if (batch.records === 0) return;
    const b = batch;
    batch = new Batch();
    const pr = sink.run(BATCH_SQL, b.params(user.id)).catch((e) => {
      failure = e;
    });
    inflight.add(pr);
    void pr.finally(() => inflight.delete(pr));
    // let the query go out before generating the next batch
    await new Promise((r) => setImmediate(r));
    if (inflight.size >= sink.parallel) await Promise.race(inflight);
    if (failure) throw failure;
  };

  const addRecord = (rec: GenRecord) => {
    const def = getActKind(rec.kind)!;
    const sum = def.summary(rec.data as never);
    const flags =
      rec.kind === 'BIRTH' && newbornNameWarnings(rec.data.child as never, ['child']).length > 0
        ? ['naming-warning']
        : [];
    const versions = rec.versions ?? [];
    const earlier = versions.map((data) => ({ data, sealed: false }));
    const rows = searchRows(rec.id, rec.kind, rec.data, earlier, cachedKeys);
    if (validateEvery > 0 && (done % validateEvery === 0 || versions.length > 0)) {
      const check = checkRecordData(def, rec.data, 'complete', { today: rec.date });
      if (!check.ok)
        throw new Error(
          `invalid ${rec.kind} record: ${JSON.stringify(check.errors)}\n${JSON.stringify(rec.data)}`,
        );
      const expected = searchRows(rec.id, rec.kind, rec.data, earlier);
      if (JSON.stringify(expected) !== JSON.stringify(rows))
        throw new Error(`search rows differ from unmemoised keys for ${rec.id}`);
    }
    const r = batch.r;
    const vals = [
      rec.id,
      rec.kind,
      rec.office.id,
      rec.office.path,
      JSON.stringify(rec.data),
      arrayLiteral(flags),
      sum.surname ?? null,
      sum.name ?? null,
      sum.patronymic ?? null,
      sum.birthDate ?? null,
      sum.eventDate ?? null,
      rec.year!,
      rec.number!,
      rec.nationalId!,
      `${rec.date}T${String(8 + (done % 9)).padStart(2, '0')}:00:00+05:00`,
      Math.max(1, versions.length),
      sum.placeUnit ?? null,
      arrayLiteral(documentNumbers(rec.data)),
    ];
    for (let i = 0; i < vals.length; i++) r[i]!.push(vals[i]);
    for (const row of rows) {
      const pv = [
        row.record_id,
        row.role,
        row.historical,
        row.sealed,
        row.surname,
        row.given_name,
        row.patronymic,
        row.birth_date,
        row.birth_year,
        row.surname_key,
        row.name_key,
        row.patronymic_key,
        row.surname_stem,
        row.surname_loose,
        row.name_loose,
        row.latin,
      ];
      for (let i = 0; i < pv.length; i++) batch.p[i]!.push(pv[i]);
    }
    for (const [from, to, type] of rec.links) {
      batch.l[0]!.push(from);
      batch.l[1]!.push(to);
      batch.l[2]!.push(type);
    }
    versions.forEach((v, i) => {
      batch.v[0]!.push(rec.id);
      batch.v[1]!.push(i + 1);
      batch.v[2]!.push(JSON.stringify(v));
    });
    batch.records++;
    persons += rows.length;
    links += rec.links.length;
    byKind[rec.kind] = (byKind[rec.kind] ?? 0) + 1;
    lookups.offer(() => ({
      recordId: rec.id,
      kind: rec.kind,
      officeId: rec.office.id,
      year: rec.year!,
      number: rec.number!,
      nationalId: rec.nationalId!,
    }));
    done++;
  };

  while (done < total) {
    let recs = registry.family();
    const complete = done + recs.length <= total;
    if (!complete) {
      recs = recs.slice(0, total - done);
      const kept = new Set(recs.map((r) => r.id));
      for (const r of recs) r.links = r.links.filter(([a, b]) => kept.has(a) && kept.has(b));
    }
    for (const rec of recs) addNoise(rng, rec);
    for (const rec of recs) addRecord(rec);
    if (complete) {
      // Ground truth: the records that name each person under each of their names.
      const byGroup = groupsOf(recs);
      for (const g of byGroup.values()) groups.offer(() => g);
      for (const rec of recs) {
        if (rec.kind !== 'BIRTH' || rec.versions) continue;
        const m = rec.mentions[0]!;
        const g = byGroup.get(groupKey(m))!;
        dupBirths.offer(() => ({ rec, forms: g.forms }));
        freshBirths.offer(() => rec);
      }
    }
    if (batch.records >= batchSize) await flush();
    progress.update(done);
  }
  await flush();
  await Promise.all(inflight);
  if (failure) throw failure;
  await sink.close();
  progress.done(done);

  // Act counters, so that registrations after the load take the next numbers.
  const counters = registry.counterEntries();
  for (let i = 0; i < counters.length; i += 5000) {
    const part = counters.slice(i, i + 5000);
    await db
      .insertInto('act_counters')
      .values(
        part.map(([k, n]) => {
          const [office_id, kind, year] = k.split('|');
          return { office_id: office_id!, kind: kind!, year: Number(year), last_number: n };
        }),
      )
      .execute();
  }
  // The list and queue counters (record_counts): the sink writes with triggers off, so they are
  // counted here once, as `sabt records recount` counts them.
  await recountRecords(db);
  const tLoad = performance.now();
  log(
    `loaded ${done.toLocaleString('en')} records, ${persons.toLocaleString('en')} search rows, ` +
      `${links.toLocaleString('en')} links in ${((tLoad - t0) / 1000).toFixed(1)} s ` +
      `(${Math.round(done / ((tLoad - t0) / 1000)).toLocaleString('en')} records/s)`,
  );

  // Indexes back, the baseline's trigram index, statistics.
  const dropped = await sql<{
    name: string;
    def: string;
  }>`SELECT name, def FROM bench_dropped_indexes ORDER BY name`.execute(db);
  for (const ix of dropped.rows) {
    const t = performance.now();
    await sql.raw(ix.def.replace(/^CREATE (UNIQUE )?INDEX /u, 'CREATE $1INDEX IF NOT EXISTS ')).execute(db);
    await sql`DELETE FROM bench_dropped_indexes WHERE name = ${ix.name}`.execute(db);
    log(`index ${ix.name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  if (opts.baselineIndex ?? true) {
    const t = performance.now();
    await sql.raw(BASELINE_INDEX_SQL).execute(db);
    log(`index ${BASELINE_INDEX} (pg_trgm baseline): ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  {
    const t = performance.now();
    if (dbx.engine === 'postgres')
      await sql.raw('VACUUM (ANALYZE) records, record_persons, record_links').execute(db);
    else await sql.raw('ANALYZE').execute(db);
    log(`vacuum/analyze: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const tIdx = performance.now();

  // The labelled query set.
  const qrng = new Rng(seed + 1);
  const search = groups.items.map((g, i) => makeQuery(qrng, i + 1, VARIANTS[i % VARIANTS.length]!, g));
  const duplicates = [
    ...dupBirths.items.map((d) => duplicateProbe(qrng, d.rec, d.forms, false)),
    ...freshBirths.items.map((r) => duplicateProbe(qrng, r, undefined, true)),
  ];
  const queries: QuerySet = {
    records: done,
    seed,
    generatedAt: new Date().toISOString(),
    search,
    lookups: lookups.items,
    duplicates,
  };
  return {
    records: done,
    persons,
    links,
    byKind,
    seconds: { load: (tLoad - t0) / 1000, indexes: (tIdx - tLoad) / 1000, total: (tIdx - t0) / 1000 },
    queries,
  };
}

export function queriesPath(records: number): string {
  return join(DATA_DIR, `queries-${records}.json`);
}

/** Drops and creates the database named in the URL (connecting to the server's `postgres` database). */
export async function freshDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/u.test(name)) throw new Error(`unexpected database name: ${name}`);
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

async function main() {
  const { values } = parseArgs({
    options: {
      records: { type: 'string', default: '1000000' },
      seed: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      'batch-size': { type: 'string' },
      queries: { type: 'string', default: '300' },
      'validate-every': { type: 'string' },
      'no-baseline-index': { type: 'boolean', default: false },
    },
  });
  const records = Number(values.records.replaceAll('_', ''));
  const databaseUrl = process.env.DATABASE_URL;
  if (values.fresh && databaseUrl) await freshDatabase(databaseUrl);
  const dbx = await connect({ databaseUrl, dataDir: process.env.SABT_DATA_DIR ?? 'memory://', poolSize: 2 });
  try {
    const res = await generate(
      dbx,
      {
        records,
        ...(values.seed ? { seed: Number(values.seed) } : {}),
        ...(values['batch-size'] ? { batchSize: Number(values['batch-size']) } : {}),
        ...(values['validate-every'] ? { validateEvery: Number(values['validate-every']) } : {}),
        searchQueries: Number(values.queries),
        baselineIndex: !values['no-baseline-index'],
      },
      databaseUrl,
    );
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(queriesPath(res.records), `${JSON.stringify(res.queries, null, 1)}\n`);
    const { queries: _q, ...summary } = res;
    console.log(JSON.stringify({ ...summary, queriesFile: queriesPath(res.records) }, null, 2));
  } finally {
    await dbx.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
