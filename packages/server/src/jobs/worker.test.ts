import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../audit/audit-log.ts';
import { connect, type Db } from '../db/connect.ts';
import { prepareDatabase } from '../prepare.ts';
import { throwawayDatabase } from '../test/harness.ts';
import { waitFor } from './testing/helpers.ts';

/**
 * `sabt worker` as an operator runs it beside servers started with SABT_JOBS=off: a real process on
 * PostgreSQL (the embedded database belongs to one process, and the worker refuses it).
 */

const MAIN = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
const server = process.env.SABT_TEST_DATABASE_URL;

let dbx: Db;
let url: string;
let drop: () => Promise<void>;
let dataDir: string;

beforeAll(async () => {
  if (!server) return;
  ({ url, drop } = await throwawayDatabase(server));
  dataDir = mkdtempSync(join(tmpdir(), 'sabt-worker-'));
  dbx = await connect({ databaseUrl: url, dataDir: '' });
  await prepareDatabase(dbx.db);
});
afterAll(async () => {
  await dbx?.close();
  await drop?.();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!server)('sabt worker', () => {
  it('chains audit entries no server is left to chain, and stops cleanly on SIGTERM', async () => {
    const waiting = async () =>
      (
        await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log
          WHERE event = 'test.worker-chains' AND hash IS NULL`.execute(dbx.db)
      ).rows[0]!.n;
    const anchors = async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_anchors`.execute(dbx.db)).rows[0]!.n;
    await appendAudit(dbx.db, [{ event: 'test.worker-start', actorLogin: 'ops' }]);
    const proc = spawn(process.execPath, [MAIN, 'worker'], {
      env: { ...process.env, DATABASE_URL: url, SABT_DATA_DIR: dataDir, SABT_LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    proc.stdout.on('data', (c: Buffer) => (output += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve));
    try {
      // the worker anchors the chain at its start, chaining what waits; what comes after waits for
      // a sequencer (the next anchor is an hour away)
      await waitFor('the first anchor', async () => (await anchors()) > 0, 60_000);
      await appendAudit(dbx.db, [{ event: 'test.worker-chains', actorLogin: 'ops' }]);
      expect(await waiting()).toBe(1);
      await waitFor('the worker to chain the entry', async () => (await waiting()) === 0, 10_000);
    } finally {
      proc.kill('SIGTERM');
    }
    expect(await exited, output).toBe(0);
  });
});
