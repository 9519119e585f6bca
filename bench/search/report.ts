import type { BenchResult, Latency, SearchSystem } from './figures.ts';

/** The figures as a Markdown table. */
export function report(r: BenchResult): string {
  const lines: string[] = [];
  lines.push('## Machine', '');
  for (const [k, v] of Object.entries(r.machine))
    lines.push(`- ${k}: ${typeof v === 'number' ? v.toLocaleString('en') : v}`);
  lines.push('', '## Name search (labelled spelling variants, top 20)', '');
  const systems = Object.keys(r.search);
  if (systems.length === 0) lines.push('(not run)');
  else lines.push(`| | ${systems.join(' | ')} |`, `|---|${systems.map(() => '---:').join('|')}|`);
  const row = (label: string, f: (s: SearchSystem) => string) => {
    if (systems.length) lines.push(`| ${label} | ${systems.map((s) => f(r.search[s]!)).join(' | ')} |`);
  };
  row('queries', (s) => String(s.quality.queries));
  row('p50 ms', (s) => s.latency.p50.toFixed(1));
  row('p95 ms', (s) => s.latency.p95.toFixed(1));
  row('p99 ms', (s) => s.latency.p99.toFixed(1));
  row('recall', (s) => s.quality.recall.toFixed(3));
  row('precision', (s) => s.quality.precision?.toFixed(3) ?? '–');
  row('all truth found', (s) => `${(s.quality.complete * 100).toFixed(1)}%`);
  row('results returned', (s) => String(s.quality.returned));
  row('stopped at the time limit', (s) => String(s.timedOut ?? 0));
  const variants = systems.length ? Object.keys(r.search[systems[0]!]!.quality.byVariant) : [];
  for (const v of variants)
    row(`recall / precision: ${v}`, (s) => {
      const x = s.quality.byVariant[v];
      return x ? `${x.recall.toFixed(3)} / ${x.precision?.toFixed(3) ?? '–'}` : '';
    });
  lines.push('', '## Name search without a date of birth (top 20)', '');
  lines.push(
    '| search | queries | p50 ms | p95 ms | p99 ms | asked person in first 20 | all their records |',
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const [label, x] of Object.entries(r.noDate)) {
    const pct = (n: number | null) =>
      n === null ? '–' : `${n}/${x.queries} (${((n / x.queries) * 100).toFixed(1)}%)`;
    lines.push(
      `| ${label} | ${x.queries} | ${x.latency.p50.toFixed(1)} | ${x.latency.p95.toFixed(1)} | ${x.latency.p99.toFixed(1)} | ${pct(x.found)} | ${pct(x.complete)} |`,
    );
  }
  const perVariant = Object.entries(r.noDate).filter(([, x]) => Object.keys(x.byVariant).length);
  if (perVariant.length) {
    lines.push('', 'Asked person in the first 20, per spelling of the query:', '');
    const variants = Object.keys(perVariant[0]![1].byVariant);
    lines.push(`| search | ${variants.join(' | ')} |`, `|---|${variants.map(() => '---:').join('|')}|`);
    for (const [label, x] of perVariant)
      lines.push(
        `| ${label} | ${variants.map((v) => `${x.byVariant[v]?.found ?? 0}/${x.byVariant[v]?.queries ?? 0}`).join(' | ')} |`,
      );
  }
  lines.push('', '## Look-ups and duplicate check', '');
  lines.push('| | n | p50 ms | p95 ms | p99 ms | max ms | result |', '|---|---:|---:|---:|---:|---:|---|');
  const l = r.lookups;
  const fmt = (x: Latency) =>
    `${x.n} | ${x.p50.toFixed(2)} | ${x.p95.toFixed(2)} | ${x.p99.toFixed(2)} | ${x.max.toFixed(2)}`;
  lines.push(
    `| act number + year + office | ${fmt(l.actNumber)} | found ${l.actNumber.found}/${l.actNumber.n} |`,
  );
  lines.push(`| national record ID | ${fmt(l.nationalId)} | found ${l.nationalId.found}/${l.nationalId.n} |`);
  const d = r.duplicates;
  lines.push(
    `| findDuplicates (new birth) | ${fmt(d.latency)} | detected ${d.detected}/${d.expected}, false alarms ${d.falseAlarms}/${d.newEvents} |`,
  );
  if (r.statements.length) {
    lines.push('', '## Statements per benchmarked call', '');
    lines.push('| call | statement | n | p50 ms | p95 ms | max ms |', '|---|---|---:|---:|---:|---:|');
    for (const s of r.statements)
      lines.push(
        `| ${s.label} | ${s.sql.split(' — ')[0]} | ${s.latency.n} | ${s.latency.p50.toFixed(2)} | ${s.latency.p95.toFixed(2)} | ${s.latency.max.toFixed(2)} |`,
      );
  }
  if (r.slowest.length) {
    lines.push('', '## Slowest statements', '');
    for (const s of r.slowest)
      lines.push(`- ${s.label}: ${s.ms} ms — ${s.sql.split('\n')[0]!.slice(0, 160)}`);
  }
  return lines.join('\n');
}
