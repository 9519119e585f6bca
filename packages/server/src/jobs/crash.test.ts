import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequenceAudit } from '../audit/sequencer.ts';
import { loadConfig } from '../config.ts';
import { connect, type Db } from '../db/connect.ts';
import { readOutbox } from '../outbox/read-outbox.ts';
import { throwawayDatabase } from '../test/harness.ts';
import { dispatchBatch } from './dispatcher.ts';
import { defineSubscriber } from './job.ts';
import { queueCounts } from './job-admin.ts';
import { silentLog } from './log.ts';
import { openQueue } from './queue.ts';
import { startJobs } from './runtime.ts';
import { waitFor } from './testing/helpers.ts';

/**
 * Crashes: a Sabt process killed (SIGKILL) after committing events and before dispatching them,
 * then a restart; a worker stopped (SIGTERM) in the middle of a job. The processes are real
 * (testing/crash-child.ts), on a PGlite directory or on a database of SABT_TEST_DATABASE_URL.
 */

const CHILD = fileURLToPath(new URL('./testing/crash-child.ts', import.meta.url));
const server = process.env.SABT_TEST_DATABASE_URL;
const config = loadConfig({ SABT_DATA_DIR: 'memory://' });

let target: { env: Record<string, string>; open(): Promise<Db>; drop(): Promise<void> };

beforeAll(async () => {
  if (server) {
    const { url, drop } = await throwawayDatabase(server);
    target = {
      env: { DATABASE_URL: url },
      open: () => connect({ databaseUrl: url, dataDir: '' }),
      drop,
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'sabt-crash-'));
    target = {
      env: { DATABASE_URL: '', SABT_DATA_DIR: dir },
      open: () => connect({ dataDir: dir }),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
});
afterAll(() => target?.drop());

/** A child process and the lines it has written. */
function child(mode: string): { proc: ChildProcess; lines: string[]; exited: Promise<number | null> } {
  const proc = spawn(process.execPath, [CHILD, mode], {
    env: { ...process.env, ...target.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let rest = '';
  proc.stdout!.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString()).split('\n');
    rest = parts.pop()!;
    lines.push(...parts);
  });
  let stderr = '';
  proc.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    proc.on('exit', (code) => {
      if (code) console.error(`crash-child ${mode} exited with ${code}:\n${stderr}`);
      resolve(code);
    }),
  );
  return { proc, lines, exited };
}

describe('a process killed between commit and dispatch', () => {
  it('left exactly its committed events in the outbox; after a restart each is delivered once', async () => {
    const writer = child('write');
    await waitFor(
      'the writer to commit 10 events',
      () => writer.lines.filter((l) => l.startsWith('committed ')).length >= 10,
      150_000,
    );
    writer.proc.kill('SIGKILL');
    await writer.exited;
    const said = writer.lines
      .filter((l) => l.startsWith('committed '))
      .map((l) => l.slice('committed '.length));

    const dbx = await target.open();
    try {
      const events = await readOutbox(dbx.db, { limit: 100_000 });
      const written = events.map((e) => e.recordId);
      // every write it said it committed has its event; a write in flight at the kill has none
      // unless it committed (then it also has its audit entry): an event exactly with its change
      for (const id of said) expect(written).toContain(id);
      expect(events.length - said.length).toBeLessThanOrEqual(1);
      // what the killed process committed and did not chain yet, the next sequencer chains
      await sequenceAudit(dbx.db);
      const audited = await dbx.db
        .selectFrom('audit_log')
        .select('record_id')
        .where('event', '=', 'test.event')
        .orderBy('seq')
        .execute();
      expect(audited.map((a) => a.record_id)).toEqual(written);
      expect(events.every((e) => e.dispatchedAt === null)).toBe(true);

      // the restart: each delivery is counted as it happens (no `once`), so a second one would show
      const counter = defineSubscriber({
        name: 'crash-count',
        events: ['record.annulled'],
        handler: async (_e, ctx) => {
          await sql`INSERT INTO test_effects (queue, key) VALUES ('crash-count', ${ctx.key})`.execute(dbx.db);
        },
      });
      const registry = { jobs: [], subscribers: [counter] };
      const runtime = await startJobs({ dbx, config, registry, log: silentLog, pollIntervalSeconds: 0.5 });
      try {
        await waitFor(
          'every event to be delivered and the queue to be empty',
          async () => {
            const [q] = await queueCounts(dbx, runtime.boss);
            return (
              q &&
              q.counts.completed === events.length &&
              q.counts.created + q.counts.retry + q.counts.active === 0
            );
          },
          60_000,
        );
      } finally {
        await runtime.stop();
      }
      const delivered = await sql<{ key: string; n: number }>`
        SELECT key, count(*)::int AS n FROM test_effects WHERE queue = 'crash-count' GROUP BY key ORDER BY key`.execute(
        dbx.db,
      );
      expect(delivered.rows).toEqual(
        events.map((e) => ({ key: `event:${e.position}`, n: 1 })).sort((a, b) => (a.key < b.key ? -1 : 1)),
      );
      expect((await readOutbox(dbx.db, { limit: 100_000 })).every((e) => e.dispatchedAt !== null)).toBe(true);
      // and nothing is left to dispatch again
      const boss = await openQueue(dbx, { log: silentLog, supervise: false });
      try {
        expect(await dispatchBatch(dbx, boss, registry)).toMatchObject({ events: 0, requests: 0 });
      } finally {
        await boss.stop({ graceful: false });
      }
    } finally {
      await dbx.close();
    }
  }, 240_000);
});

describe('a worker stopped by SIGTERM', () => {
  it('finishes the job it is running, then exits', async () => {
    const worker = child('slow');
    const started = await waitFor(
      'the job to start',
      () => worker.lines.find((l) => l.startsWith('started ')),
      150_000,
    );
    const key = started.slice('started '.length);
    worker.proc.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(worker.lines.slice(worker.lines.indexOf(started))).toEqual([started, `done ${key}`, 'stopped']);

    const dbx = await target.open();
    try {
      const effects = await sql<{
        key: string;
      }>`SELECT key FROM test_effects WHERE queue = 'crash-slow'`.execute(dbx.db);
      expect(effects.rows).toEqual([{ key }]);
      const jobs = await sql<{
        state: string;
      }>`SELECT state::text FROM pgboss.job WHERE name = 'crash-slow'`.execute(dbx.db);
      expect(jobs.rows).toEqual([{ state: 'completed' }]);
    } finally {
      await dbx.close();
    }
  }, 240_000);
});
