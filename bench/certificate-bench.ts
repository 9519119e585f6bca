/**
 * The certificate benchmark: the server time of issuing a certificate through the HTTP API (in
 * process, as the API tests do), on the embedded database and on PostgreSQL (never part of the
 * test suite).
 *
 *   1. A district office with --count birth certificate blanks in stock and --count registered births.
 *   2. One certificate issued for each birth, one at a time (full and overlay mode by turns):
 *      the request's time from the server taking it to its answer (the blank taken, the QR payload
 *      signed, the PDF laid out, rendered, signed and stored, the rows and the audit written),
 *      p50, p95, p99 and max; the first issue (fonts and keys opened) apart; the server process's
 *      CPU time per issue (mean and p95: on a busy machine the clearer figure, as waiting for a core
 *      is not in it; the embedded database runs in the process and is counted, PostgreSQL is not);
 *      the machine's load average before and after.
 *
 *   node bench/certificate-bench.ts [--count 200] [--db pglite,postgres]
 *
 * PostgreSQL: DATABASE_URL names the server (postgres://…); the benchmark makes a database of its
 * own there and drops it at the end. Without it, only PGlite runs.
 */
import { parseArgs } from 'node:util';
import { certificateDesk, registeredBirth } from '../packages/server/src/certificates/testing/fixtures.ts';
import { startTestApp } from '../packages/server/src/test/harness.ts';
import { loadAverage as load, percentile } from './support/figures.ts';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '200' },
    db: { type: 'string', default: 'pglite,postgres' },
  },
});
const count = Number(args.count);
const server = process.env.DATABASE_URL;
const databases = String(args.db)
  .split(',')
  .filter((d) => d === 'pglite' || (d === 'postgres' && server?.startsWith('postgres')));

const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(9);

async function run(database: 'pglite' | 'postgres') {
  if (database === 'postgres') process.env.SABT_TEST_DATABASE_URL = server;
  else delete process.env.SABT_TEST_DATABASE_URL;
  const t = await startTestApp();
  try {
    // the desk's ten blanks and as many more as the run issues
    const { staff, head } = await certificateDesk(t);
    const more = await head.post('/api/v1/blanks/batches', {
      document: 'BIRTH_CERTIFICATE',
      series: 'I-ДУ',
      from: '000011',
      to: String(10 + count).padStart(6, '0'),
    });
    if (more.status !== 201) throw new Error(`blanks: ${more.status} ${JSON.stringify(more.body)}`);
    const records: string[] = [];
    for (let i = 0; i < count; i++) records.push((await registeredBirth(staff)).id as string);

    const loadBefore = load();
    const times: number[] = [];
    const cpu: number[] = [];
    for (const [i, id] of records.entries()) {
      const mode = i % 2 ? 'overlay' : 'full';
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      const res = await staff.front.post(`/api/v1/records/${id}/certificates`, { mode });
      const took = performance.now() - start;
      const used = process.cpuUsage(cpuStart);
      if (res.status !== 201) throw new Error(`issue: ${res.status} ${JSON.stringify(res.body)}`);
      times.push(took);
      if (i > 0) cpu.push((used.user + used.system) / 1000);
    }
    const first = times[0]!;
    const rest = times.slice(1).sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    return {
      database,
      issued: times.length,
      first,
      p50: percentile(rest, 50),
      p95: percentile(rest, 95),
      p99: percentile(rest, 99),
      max: rest.at(-1)!,
      cpuMean: cpu.reduce((a, b) => a + b, 0) / cpu.length,
      cpuP95: percentile(cpu, 95),
      loadBefore,
      loadAfter: load(),
    };
  } finally {
    await t.close();
  }
}

console.log(`Issuing ${count} birth certificates through the API, one at a time (full and overlay by turns)`);
console.log(
  `${'database'.padEnd(9)} ${'first'.padStart(9)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'p99'.padStart(9)} ${'max'.padStart(9)} ${'CPU mean'.padStart(9)} ${'CPU p95'.padStart(9)}  load average (1, 5, 15 min) before → after`,
);
for (const database of databases as ('pglite' | 'postgres')[]) {
  const r = await run(database);
  console.log(
    `${r.database.padEnd(9)} ${ms(r.first)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.p99)} ${ms(r.max)} ${ms(r.cpuMean)} ${ms(r.cpuP95)}  ${r.loadBefore} → ${r.loadAfter}`,
  );
}
