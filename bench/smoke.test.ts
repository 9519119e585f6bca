/**
 * Smoke run of the national-scale benchmark: 10,000 records into in-memory PGlite, then the search
 * benchmark on 50 labelled queries. Checks that it completes with sane figures, not timing targets
 * (those are measured on PostgreSQL with 1 and 10 million records, see bench/README.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Db } from '../packages/server/src/db/connect.ts';
import { type GenerateResult, generate } from './generate.ts';
import { type BenchResult, report, runBenchmark } from './search-bench.ts';

describe('benchmark smoke run (10,000 records, PGlite)', () => {
  let dbx: Db;
  let gen: GenerateResult;
  let bench: BenchResult;

  beforeAll(async () => {
    dbx = await connect({ dataDir: 'memory://' });
    gen = await generate(dbx, {
      records: 10_000,
      searchQueries: 50,
      lookups: 50,
      duplicates: 30,
      // every 20th record is checked against its kind's schema and rules and the server's personRow
      validateEvery: 20,
      progress: false,
      log: () => undefined,
    });
    bench = await runBenchmark(dbx.db, dbx.engine, gen.queries, { warmup: 5, log: () => undefined });
    console.log(report(bench));
  }, 300_000);

  afterAll(async () => {
    await dbx?.close();
  });

  it('generates the registry with every kind, links and search rows', () => {
    expect(gen.records).toBe(10_000);
    expect(gen.byKind.BIRTH).toBeGreaterThan(5000);
    for (const kind of ['DEATH', 'MARRIAGE', 'NAME_CHANGE']) expect(gen.byKind[kind]).toBeGreaterThan(0);
    expect(gen.persons).toBeGreaterThan(gen.records);
    expect(gen.links).toBeGreaterThan(0);
    expect(bench.machine.records).toBe(10_000);
    expect(gen.queries.search).toHaveLength(50);
    for (const q of gen.queries.search) expect(q.truth.length).toBeGreaterThan(0);
  });

  it('finds the labelled people with Sabt search, beside the pg_trgm baseline', () => {
    const sabt = bench.search.Sabt!;
    expect(sabt.quality.queries).toBe(50);
    expect(sabt.quality.recall).toBeGreaterThan(0.8);
    expect(sabt.quality.precision ?? 0).toBeGreaterThan(0.8);
    expect(sabt.latency.p50).toBeGreaterThan(0);
    expect(sabt.latency.p95).toBeGreaterThanOrEqual(sabt.latency.p50);
    const trgm = bench.search.pg_trgm!;
    expect(trgm.quality.queries).toBe(50);
    expect(trgm.latency.n).toBe(50);
  });

  it('looks records up by act number and national ID, and checks duplicates', () => {
    expect(bench.lookups.actNumber.found).toBe(50);
    expect(bench.lookups.nationalId.found).toBe(50);
    expect(bench.duplicates.latency.n).toBe(bench.duplicates.expected + bench.duplicates.newEvents);
    expect(bench.duplicates.detected).toBeGreaterThan(bench.duplicates.expected * 0.8);
  });

  it('finds the asked person without a date of birth, by the whole name in the first 20', () => {
    const fields = bench.noDate['whole name as fields, central office']!;
    expect(fields.queries).toBe(50);
    expect(fields.found! / fields.queries).toBeGreaterThanOrEqual(0.95);
    expect(bench.noDate['whole name as free text, central office']!.found! / 50).toBeGreaterThanOrEqual(0.85);
    expect(bench.noDate['whole name as fields, district office']!.found! / 50).toBeGreaterThanOrEqual(0.95);
    expect(bench.noDate['surname alone, central office']!.latency.n).toBe(50);
    expect(report(bench)).toContain('Name search without a date of birth');
  });
});
