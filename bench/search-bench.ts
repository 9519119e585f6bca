/**
 * The search benchmark: on a registry made by generate.ts, runs side by side, in one run on the
 * same data,
 *   - Sabt's `searchRecords` (called directly, as a central-office user, limit 20) and
 *   - a plain pg_trgm query on the names as typed (`similarity(...) > 0.3 ORDER BY similarity DESC
 *     LIMIT 20`), alone and with the date of birth,
 * over the labelled query set (spelling variants with ground truth), and reports p50/p95 latency,
 * recall and precision; then look-ups by act number and by national record ID, and `findDuplicates`
 * for new birth records. Slow statements are explained (EXPLAIN ANALYZE) into the results.
 *
 *   DATABASE_URL=postgres://… node bench/search-bench.ts [--queries bench/.data/queries-1000000.json]
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Actor } from '../packages/server/src/auth/sessions.ts';
import { connect } from '../packages/server/src/db/connect.ts';
import type { Database } from '../packages/server/src/db/schema.ts';
import { findDuplicates } from '../packages/server/src/duplicates/find-duplicates.ts';
import { CENTRAL_OFFICE_ID } from '../packages/server/src/offices/office-tree.ts';
import { searchRecords } from '../packages/server/src/search/search-records.ts';
import { BASELINE_INDEX_SQL, BENCH_USER_LOGIN, DATA_DIR, queriesPath } from './generate.ts';
import type { QuerySet } from './query-set.ts';
import {
  type BenchResult,
  type Latency,
  latency,
  type NoDateSearch,
  type Quality,
  QualityCounter,
  type SearchSystem,
  shapeOf,
  Trace,
  timed,
} from './search/figures.ts';
import { noDateSearches } from './search/no-date.ts';
import { report } from './search/report.ts';

export type { BenchResult, Latency, NoDateSearch, Quality, SearchSystem };
export { latency, report, Trace };

export interface BenchOptions {
  limit?: number;
  /** Queries run before measuring, to warm caches (default 20). */
  warmup?: number;
  /** Use only the first n search queries (default all). */
  maxQueries?: number;
  baselines?: ('pg_trgm' | 'pg_trgm+date')[];
  /** Per-query time limit of the baselines in ms (default 10,000): at 10 million rows one can take minutes. */
  baselineTimeoutMs?: number;
  /** Explain the slowest statements (EXPLAIN ANALYZE, BUFFERS). */
  explain?: number;
  /** Run only the searches without a date of birth (no dated search, baselines, look-ups or duplicates). */
  noDateOnly?: boolean;
  log?: (line: string) => void;
  trace?: Trace;
}

const TYPED = `lower(surname || ' ' || given_name)`;

/**
 * The plain pg_trgm baseline: trigram similarity of the name as typed, optionally with the date of
 * birth; null when it ran past the time limit.
 */
async function baseline(
  db: Kysely<Database>,
  text: string,
  birthDate: string | undefined,
  limit: number,
  timeoutMs: number,
): Promise<string[] | null> {
  try {
    return await db.transaction().execute(async (trx) => {
      // on PGlite the setting exists and is honoured too; the value is a checked integer
      await sql.raw(`SET LOCAL statement_timeout = ${Math.trunc(timeoutMs)}`).execute(trx);
      const res = await sql<{ record_id: string }>`
        SELECT record_id, max(similarity(${sql.raw(TYPED)}, ${text})) AS score
        FROM record_persons
        WHERE ${sql.raw(TYPED)} % ${text} AND similarity(${sql.raw(TYPED)}, ${text}) > 0.3
          ${birthDate ? sql`AND birth_date = ${birthDate}` : sql``}
        GROUP BY record_id
        ORDER BY score DESC, record_id
        LIMIT ${limit}`.execute(trx);
      return res.rows.map((r) => r.record_id);
    });
  } catch (e) {
    if ((e as { code?: string }).code === '57014') return null; // query_canceled: the time limit
    throw e;
  }
}

export async function centralActor(db: Kysely<Database>): Promise<Actor> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'login', 'full_name'])
    .where('login', '=', BENCH_USER_LOGIN)
    .executeTakeFirstOrThrow();
  return {
    id: user.id,
    login: user.login,
    fullName: user.full_name,
    role: 'registrar',
    officeId: CENTRAL_OFFICE_ID,
    officeKind: 'central',
    officePath: `${CENTRAL_OFFICE_ID}/`,
    sessionHash: '',
  };
}

export async function machineInfo(
  db: Kysely<Database>,
  engine: string,
): Promise<Record<string, string | number>> {
  const version = await sql<{ v: string }>`SELECT version() AS v`.execute(db);
  const counts = await sql<{ records: number; persons: number; links: number }>`
    SELECT (SELECT count(*)::int FROM records) AS records, (SELECT count(*)::int FROM record_persons) AS persons,
      (SELECT count(*)::int FROM record_links) AS links`.execute(db);
  let size = '';
  if (engine === 'postgres') {
    const s = await sql<{
      s: string;
    }>`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`.execute(db);
    size = s.rows[0]!.s;
  }
  const c = counts.rows[0]!;
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? '',
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    /** Other work on the machine skews latency: the load average when the run started. */
    loadAverage: os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
    database: `${engine}: ${version.rows[0]!.v.split(' on ')[0]}`,
    ...(size ? { databaseSize: size } : {}),
    records: c.records,
    searchRows: c.persons,
    links: c.links,
  };
}

export async function runBenchmark(
  db: Kysely<Database>,
  engine: 'postgres' | 'pglite',
  set: QuerySet,
  opts: BenchOptions = {},
): Promise<BenchResult> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const limit = opts.limit ?? 20;
  const trace = opts.trace;
  const setLabel = (l: string) => {
    if (trace) trace.label = l;
  };
  const baselines = opts.baselines ?? ['pg_trgm', 'pg_trgm+date'];
  const baselineTimeout = opts.baselineTimeoutMs ?? 10_000;
  const queries = set.search.slice(0, opts.maxQueries ?? set.search.length);
  const actor = await centralActor(db);
  await sql.raw(BASELINE_INDEX_SQL).execute(db);
  const machine = await machineInfo(db, engine);

  // Warm-up: a few of each, not measured.
  const warm = opts.warmup ?? 20;
  for (const q of queries.slice(-warm)) {
    await searchRecords(db, actor, { ...q.query, limit });
    for (const b of baselines)
      await baseline(
        db,
        `${q.query.surname} ${q.query.name}`.toLowerCase(),
        b === 'pg_trgm' ? undefined : q.query.birthDate,
        limit,
        baselineTimeout,
      );
  }
  for (const l of set.lookups.slice(-warm)) await searchRecords(db, actor, { nationalId: l.nationalId });

  const noDate = await noDateSearches(db, actor, queries, limit, setLabel, log);
  if (opts.noDateOnly)
    return {
      machine,
      search: {},
      noDate,
      lookups: { actNumber: { ...latency([]), found: 0 }, nationalId: { ...latency([]), found: 0 } },
      duplicates: {
        latency: latency([]),
        detected: 0,
        expected: 0,
        falseAlarms: 0,
        newEvents: 0,
        misses: [],
      },
      slowest: [],
      statements: [],
    };

  const search: Record<string, SearchSystem> = {};
  {
    const samples: number[] = [];
    const quality = new QualityCounter();
    const misses: NonNullable<SearchSystem['misses']> = [];
    setLabel('sabt search');
    for (const q of queries) {
      const [{ hits }, ms] = await timed(() => searchRecords(db, actor, { ...q.query, limit }));
      samples.push(ms);
      const ids = hits.map((h) => h.recordId);
      quality.add(q.variant, q.truth, ids);
      const missed = q.truth.filter((id) => !ids.includes(id));
      if (missed.length > 0 && misses.length < 100)
        misses.push({
          id: q.id,
          variant: q.variant,
          query: q.query,
          source: q.source,
          missed,
          returned: ids.length,
        });
    }
    setLabel('');
    search.Sabt = { latency: latency(samples), quality: quality.result(), misses };
    log(`Sabt search: ${JSON.stringify(search.Sabt.latency)} recall ${search.Sabt.quality.recall}`);
  }
  for (const b of baselines) {
    const samples: number[] = [];
    const quality = new QualityCounter();
    let timedOut = 0;
    setLabel(b);
    for (const q of queries) {
      const text = `${q.query.surname} ${q.query.name}`.toLowerCase();
      const [ids, ms] = await timed(() =>
        baseline(db, text, b === 'pg_trgm' ? undefined : q.query.birthDate, limit, baselineTimeout),
      );
      samples.push(ms);
      if (ids === null) timedOut++;
      quality.add(q.variant, q.truth, ids ?? []);
    }
    setLabel('');
    search[b] = { latency: latency(samples), quality: quality.result(), timedOut };
    log(`${b}: ${JSON.stringify(search[b].latency)} recall ${search[b].quality.recall}`);
  }

  // Look-ups by act number (+ year + office) and by national record ID.
  const byNumber: number[] = [];
  const byNid: number[] = [];
  let foundNumber = 0;
  let foundNid = 0;
  setLabel('look-up');
  for (const l of set.lookups) {
    const [a, msA] = await timed(() =>
      searchRecords(db, actor, { actNumber: l.number, year: l.year, office: l.officeId, limit }),
    );
    byNumber.push(msA);
    if (a.hits.some((h) => h.recordId === l.recordId)) foundNumber++;
    const [b, msB] = await timed(() => searchRecords(db, actor, { nationalId: l.nationalId, limit }));
    byNid.push(msB);
    if (b.hits.some((h) => h.recordId === l.recordId)) foundNid++;
  }
  setLabel('');

  // Duplicate check at registration: a new birth record, compared with the registry.
  const dupSamples: number[] = [];
  let detected = 0;
  let expected = 0;
  let falseAlarms = 0;
  let newEvents = 0;
  const dupMisses: BenchResult['duplicates']['misses'] = [];
  setLabel('findDuplicates');
  for (const d of set.duplicates) {
    const [found, ms] = await timed(() =>
      findDuplicates(db, { id: randomUUID(), kind: d.kind, data: d.data }),
    );
    dupSamples.push(ms);
    if (d.expect) {
      expected++;
      if (found.some((c) => c.candidateId === d.expect)) detected++;
      else dupMisses.push({ variant: d.variant, expect: d.expect, data: d.data });
    } else {
      newEvents++;
      if (found.length > 0) falseAlarms++;
    }
  }
  setLabel('');

  // The slowest statements, explained.
  const slowest: BenchResult['slowest'] = [];
  if (trace && (opts.explain ?? 3) > 0) {
    const bySql = new Map<string, (typeof trace.statements)[number]>();
    for (const s of trace.statements) {
      const shape = `${s.label}|${s.sql}`;
      const prev = bySql.get(shape);
      if (!prev || s.ms > prev.ms) bySql.set(shape, s);
    }
    const top = [...bySql.values()].sort((a, b) => b.ms - a.ms).slice(0, opts.explain ?? 3);
    for (const s of top) {
      const plan = await db
        .executeQuery<{ 'QUERY PLAN': string }>(
          CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, [...s.params]),
        )
        .then((r) => r.rows.map((x) => x['QUERY PLAN']).join('\n'))
        .catch((e: Error) => `EXPLAIN failed: ${e.message}`);
      slowest.push({
        label: s.label,
        ms: Math.round(s.ms * 100) / 100,
        sql: `${s.sql}\n-- params: ${JSON.stringify(s.params)}`,
        plan,
      });
    }
  }

  const shapes = new Map<string, { label: string; sql: string; ms: number[] }>();
  for (const st of trace?.statements ?? []) {
    const key = `${st.label}|${st.sql}`;
    const e = shapes.get(key) ?? { label: st.label, sql: st.sql, ms: [] };
    e.ms.push(st.ms);
    shapes.set(key, e);
  }
  const statements = [...shapes.values()].map((e) => ({
    label: e.label,
    sql: shapeOf(e.sql),
    latency: latency(e.ms),
  }));

  return {
    machine,
    statements,
    search,
    noDate,
    lookups: {
      actNumber: { ...latency(byNumber), found: foundNumber },
      nationalId: { ...latency(byNid), found: foundNid },
    },
    duplicates: {
      latency: latency(dupSamples),
      detected,
      expected,
      falseAlarms,
      newEvents,
      misses: dupMisses,
    },
    slowest,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      queries: { type: 'string' },
      'max-queries': { type: 'string' },
      baselines: { type: 'string', default: 'pg_trgm,pg_trgm+date' },
      'baseline-timeout': { type: 'string', default: '10000' },
      explain: { type: 'string', default: '4' },
      'no-date-only': { type: 'boolean', default: false },
      /** Suffix for the result files, e.g. an experiment's name. */
      tag: { type: 'string', default: '' },
    },
  });
  const databaseUrl = process.env.DATABASE_URL;
  const trace = new Trace();
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  let engine: 'postgres' | 'pglite';
  if (databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: trace.hook });
    close = () => db.destroy();
    engine = 'postgres';
  } else {
    const dbx = await connect({ dataDir: process.env.SABT_DATA_DIR ?? 'memory://' });
    db = dbx.db;
    close = dbx.close;
    engine = 'pglite';
  }
  try {
    let file = values.queries;
    if (!file) {
      const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM records`.execute(db);
      file = queriesPath(n.rows[0]!.n);
    }
    if (!existsSync(file)) throw new Error(`no query set at ${file}: run bench/generate.ts first`);
    const set = JSON.parse(readFileSync(file, 'utf8')) as QuerySet;
    const result = await runBenchmark(db, engine, set, {
      ...(values['max-queries'] ? { maxQueries: Number(values['max-queries']) } : {}),
      baselines: values.baselines.split(',').filter(Boolean) as BenchOptions['baselines'],
      explain: Number(values.explain),
      noDateOnly: values['no-date-only'],
      baselineTimeoutMs: Number(values['baseline-timeout']),
      trace,
    });
    console.log(report(result));
    mkdirSync(DATA_DIR, { recursive: true });
    const tag = values.tag ? `-${values.tag}` : '';
    const out = join(DATA_DIR, `results-${set.records}-${engine}${tag}.json`);
    writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2)}\n`);
    const plans = join(DATA_DIR, `plans-${set.records}-${engine}${tag}.txt`);
    writeFileSync(
      plans,
      result.slowest.map((s) => `### ${s.label}: ${s.ms} ms\n${s.sql}\n\n${s.plan ?? ''}\n`).join('\n'),
    );
    console.log(`\nresults: ${out}\nplans: ${plans}`);
  } finally {
    await close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
