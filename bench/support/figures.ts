import { loadavg } from 'node:os';

/** The nearest-rank percentile of values sorted ascending (NaN when there are none). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The same of values in any order. */
export function percentileOf(values: number[], p: number): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    p,
  );
}

/** Milliseconds as the benchmarks print them. */
export const ms = (v: number) => `${v.toFixed(1)} ms`;

/** The machine's load average (1, 5, 15 minutes): other work on it skews every figure. */
export const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
