/**
 * Reads beside writes, on PostgreSQL (never part of the test suite): --writers clients register
 * births through the HTTP API (in-process, as the API tests do: create, submit, validate, register,
 * each with an Idempotency-Key) while --readers clients read registered records (GET /records/:id,
 * an audited read), for --seconds; then the readers alone. Prints registrations and write requests
 * per second, the p50/p95 of reads and writes, the audit chain verified at the end, and the
 * machine's load average. Then the same without HTTP (--raw-clients at once, half writing through
 * runWrite an audit entry and a row, half appending a read's audit entry), where the database's own
 * queueing shows rather than the server's CPU.
 *
 *   DATABASE_URL=postgres://… node bench/audit-contention.ts [--writers 8] [--readers 4] [--seconds 10]
 *     [--raw-clients 32]
 *
 * DATABASE_URL names the server: the benchmark makes a database of its own there and drops it.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { verifyAudit } from '../packages/server/src/audit/audit-log.ts';
import { sequenceAudit } from '../packages/server/src/audit/sequencer.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { testActor } from '../packages/server/src/jobs/testing/helpers.ts';
import { auditRead, readEvent, runWrite } from '../packages/server/src/unit-of-work/write.ts';
import { demoDesk, variedBirths } from './support/demo-desk.ts';
import { loadAverage as load, percentileOf as pct } from './support/figures.ts';
import { postgresServerOrExit, scratchPostgres } from './support/scratch-postgres.ts';

const { values: args } = parseArgs({
  options: {
    writers: { type: 'string', default: '8' },
    readers: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '10' },
    'raw-clients': { type: 'string', default: '32' },
  },
});
const server = postgresServerOrExit();

const { dbx, drop } = await scratchPostgres(server, 'sabt_audit_bench');
try {
  const config = loadConfig({ SABT_DATA_DIR: 'memory://' });
  const desk = await demoDesk(dbx);
  const { app } = desk;
  const births = variedBirths();
  const registerOne = async (writes: number[]) => {
    const timed = async (login: 'front' | 'back' | 'registrar', path: string, body?: unknown) => {
      const t = performance.now();
      const answer = await desk.post(login, path, body);
      writes.push(performance.now() - t);
      return answer;
    };
    const rec = await timed('front', '/api/v1/records', { kind: 'BIRTH', data: births() });
    await timed('front', `/api/v1/records/${rec.id}/submit`);
    await timed('back', `/api/v1/records/${rec.id}/validate`);
    await timed('registrar', `/api/v1/records/${rec.id}/register`);
    return rec.id as string;
  };
  const read = async (id: string, reads: number[]) => {
    const t = performance.now();
    await desk.get('back', `/api/v1/records/${id}`);
    reads.push(performance.now() - t);
  };

  const ids: string[] = [];
  for (let i = 0; i < 20; i++) ids.push(await registerOne([]));
  const seconds = Number(args.seconds);
  const run = async (writers: number, readers: number) => {
    const writes: number[] = [];
    const reads: number[] = [];
    let registered = 0;
    const until = performance.now() + seconds * 1000;
    const began = performance.now();
    await Promise.all([
      ...Array.from({ length: writers }, async () => {
        while (performance.now() < until) {
          ids.push(await registerOne(writes));
          registered += 1;
        }
      }),
      ...Array.from({ length: readers }, async (_, r) => {
        for (let i = r; performance.now() < until; i += readers) await read(ids[i % ids.length]!, reads);
      }),
    ]);
    const took = (performance.now() - began) / 1000;
    const f = (v: number) => `${v.toFixed(1)} ms`;
    console.log(
      `${writers} writers, ${readers} readers, ${took.toFixed(1)} s: ` +
        (writers
          ? `${(registered / took).toFixed(1)} registrations/s, ${(writes.length / took).toFixed(0)} writes/s (p50 ${f(pct(writes, 50))}, p95 ${f(pct(writes, 95))}); `
          : '') +
        `${(reads.length / took).toFixed(0)} reads/s (p50 ${f(pct(reads, 50))}, p95 ${f(pct(reads, 95))}); load ${load()}`,
    );
  };
  console.log(`load at start: ${load()}`);
  await run(0, Number(args.readers));
  await run(Number(args.writers), Number(args.readers));
  await run(Number(args.writers), 0);
  await app.close();

  // without HTTP: the unit of work's writes and audited reads alone
  await sql`CREATE TABLE bench_rows (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())`.execute(
    dbx.db,
  );
  const raw = async (clients: number) => {
    const writes: number[] = [];
    const reads: number[] = [];
    const until = performance.now() + seconds * 1000;
    const began = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        while (performance.now() < until) {
          const t = performance.now();
          if (c % 2 === 0) {
            await runWrite(dbx, testActor, config, { key: undefined, fingerprint: c }, async (ctx) => {
              await sql`INSERT INTO bench_rows DEFAULT VALUES`.execute(ctx.trx);
              ctx.audit.push({ event: 'bench.write', detail: { c } });
              return { status: 200, body: {} };
            });
            writes.push(performance.now() - t);
          } else {
            await auditRead(dbx, [readEvent(testActor, 'bench.read', null, { c })]);
            reads.push(performance.now() - t);
          }
        }
      }),
    );
    const took = (performance.now() - began) / 1000;
    const f = (v: number) => `${v.toFixed(1)} ms`;
    console.log(
      `raw, ${clients} clients, ${took.toFixed(1)} s: ${(writes.length / took).toFixed(0)} writes/s (p50 ${f(pct(writes, 50))}, p95 ${f(pct(writes, 95))}); ` +
        `${(reads.length / took).toFixed(0)} audited reads/s (p50 ${f(pct(reads, 50))}, p95 ${f(pct(reads, 95))}); load ${load()}`,
    );
  };
  await raw(Number(args['raw-clients']));
  await sequenceAudit(dbx.db);
  const audit = await verifyAudit(dbx.db);
  console.log(
    `audit chain: ${audit.ok ? 'intact' : 'BROKEN'}, ${audit.entries} entries verified, ${audit.findings.length} findings`,
  );
} finally {
  await drop();
}
