/** What the search benchmark measures and counts: latencies, the quality of answers, statement traces. */
import type { LogEvent } from 'kysely';
import type { Variant } from '../query-set.ts';
import { percentile } from '../support/figures.ts';

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export interface Quality {
  queries: number;
  /** Σ truth records returned / Σ truth records. */
  recall: number;
  /** Σ truth records returned / Σ records returned (null when nothing was returned). */
  precision: number | null;
  /** Share of queries whose every truth record was returned. */
  complete: number;
  returned: number;
  byVariant: Record<string, { queries: number; recall: number; precision: number | null }>;
}

export interface SearchSystem {
  latency: Latency;
  quality: Quality;
  /** Queries stopped at the time limit (counted with no results and the limit as their latency). */
  timedOut?: number;
  /** Queries where some truth record was not returned (up to 100), to read what went wrong. */
  misses?: {
    id: number;
    variant: string;
    query: unknown;
    source: unknown;
    missed: string[];
    returned: number;
  }[];
}

/** A search without a date of birth: its latency and how often the asked person is in the first 20. */
export interface NoDateSearch {
  latency: Latency;
  queries: number;
  /** Queries with some record of the asked person among the first 20 results (null: not measured, a surname alone). */
  found: number | null;
  /** Queries with every record of the asked person among the first 20 results. */
  complete: number | null;
  /** Per spelling variant of the query: queries, and those with the asked person in the first 20. */
  byVariant: Record<string, { queries: number; found: number }>;
}

export interface BenchResult {
  machine: Record<string, string | number>;
  search: Record<string, SearchSystem>;
  /**
   * Name searches without a date of birth: the whole name (surname, given name, patronymic) as
   * fields and as free text, as a central-office user and as a user of the district that holds the
   * person's record; a surname alone (latency only: any namesake fits).
   */
  noDate: Record<string, NoDateSearch>;
  lookups: { actNumber: Latency & { found: number }; nationalId: Latency & { found: number } };
  duplicates: {
    latency: Latency;
    detected: number;
    expected: number;
    /** New events (no duplicate exists) for which some candidate was still reported. */
    falseAlarms: number;
    newEvents: number;
    /** The repeated events not detected, with how they were spelled. */
    misses: { variant: string; expect: string; data: unknown }[];
  };
  slowest: { label: string; ms: number; sql: string; plan?: string }[];
  /** Per statement shape (what each benchmarked call sends to the database): count and latency. */
  statements: { label: string; sql: string; latency: Latency }[];
}

/** Statement timings from Kysely's log hook, labelled by what the benchmark was doing. */
export class Trace {
  label = '';
  readonly statements: { label: string; ms: number; sql: string; params: readonly unknown[] }[] = [];
  readonly hook = (e: LogEvent) => {
    if (!this.label) return;
    this.statements.push({
      label: this.label,
      ms: e.queryDurationMillis,
      sql: e.query.sql,
      params: e.query.parameters,
    });
  };
}

export function latency(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => percentile(s, p * 100);
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    n: s.length,
    p50: r(q(0.5)),
    p95: r(q(0.95)),
    p99: r(q(0.99)),
    mean: r(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)),
    max: r(s.at(-1) ?? Number.NaN),
  };
}

export class QualityCounter {
  private tp = 0;
  private truth = 0;
  private returned = 0;
  private complete = 0;
  private queries = 0;
  private readonly variants = new Map<
    string,
    { queries: number; tp: number; truth: number; returned: number }
  >();

  add(variant: Variant, truth: readonly string[], returned: readonly string[]) {
    const t = new Set(truth);
    const tp = new Set(returned.filter((id) => t.has(id))).size;
    this.tp += tp;
    this.truth += t.size;
    this.returned += returned.length;
    this.queries++;
    if (tp === t.size) this.complete++;
    const v = this.variants.get(variant) ?? { queries: 0, tp: 0, truth: 0, returned: 0 };
    v.queries++;
    v.tp += tp;
    v.truth += t.size;
    v.returned += returned.length;
    this.variants.set(variant, v);
  }

  result(): Quality {
    const r = (x: number) => Math.round(x * 10000) / 10000;
    return {
      queries: this.queries,
      recall: r(this.tp / Math.max(1, this.truth)),
      precision: this.returned ? r(this.tp / this.returned) : null,
      complete: r(this.complete / Math.max(1, this.queries)),
      returned: this.returned,
      byVariant: Object.fromEntries(
        [...this.variants].map(([k, v]) => [
          k,
          {
            queries: v.queries,
            recall: r(v.tp / Math.max(1, v.truth)),
            precision: v.returned ? r(v.tp / v.returned) : null,
          },
        ]),
      ),
    };
  }
}

export async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await f();
  return [v, performance.now() - t];
}

/** A short name for a statement: what it selects from and its distinctive condition. */
export function shapeOf(text: string): string {
  const oneLine = text.replace(/\s+/gu, ' ').trim();
  const from = /from "?([a-z_]+)"?/iu.exec(oneLine)?.[1] ?? '';
  const cond =
    /(p\.latin % \$\d+|"p"\."surname_key" = |"p"\."name_key" = |"r"\."national_id" = |"r"\."number" = |similarity|"record_id" = |"record_id" in|data->'deceased')/u.exec(
      oneLine,
    )?.[1] ?? '';
  return `${from}${cond ? `: ${cond.replaceAll('"', '')}` : ''} — ${oneLine.slice(0, 100)}`;
}
