import { execFile, execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { pgBindir } from '../backup/pg-tools.ts';
import { PRIMARY_WAL_END_SQL } from '../db/read-replica.ts';

/**
 * A PostgreSQL 15 primary of its own and a streaming replica of it, in a temporary directory, for
 * the tests of scaling out (several Sabt processes, reads from the replica). The primary runs with
 * wal_level=replica and WAL senders; the replica is `pg_basebackup -R` of it through a replication
 * slot (so the primary keeps the WAL a stopped replica has yet to replay), hot standby on a port of
 * its own. As root, the binaries run as the `postgres` user (initdb refuses root), as in
 * scripts/test.mjs. Durability is traded for speed (fsync off), as for the suite's throwaway server.
 */
export interface ReplicaPair {
  /** The primary's `postgres` database (superuser, trust). */
  primaryUrl: string;
  /** The same database on the replica. */
  replicaUrl: string;
  /** A database's URL on the primary and on the replica. */
  urls(database: string): { primary: string; replica: string };
  /** Stops the replica at once (as a crash), and starts it again. */
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  /** Holds the replica's replay (it keeps receiving WAL, and answers with what it had), and lets it go on. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Waits until the replica has replayed all the primary has written so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const IS_ROOT = process.getuid?.() === 0;

function run(bin: string, args: string[], cwd: string): Promise<string> {
  const dir = pgBindir();
  const path = dir ? join(dir, bin) : bin;
  const [cmd, argv] = IS_ROOT ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
  return new Promise((resolve, reject) => {
    execFile(cmd, argv, { cwd, timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${bin} ${args.join(' ')} failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end();
  }
}

export async function startReplicaPair(): Promise<ReplicaPair> {
  const dir = mkdtempSync('/tmp/sabt-replica-pair-');
  if (IS_ROOT) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const primaryDir = join(dir, 'primary');
  const replicaDir = join(dir, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const common = (port: number) =>
    [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${dir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c max_connections=120',
      '-c shared_buffers=64MB',
    ].join(' ');
  const start = (data: string, port: number, extra: string) =>
    run(
      'pg_ctl',
      ['-D', data, '-l', `${data}.log`, '-w', '-t', '60', '-o', `${common(port)} ${extra}`, 'start'],
      dir,
    );
  const stop = (data: string) =>
    run('pg_ctl', ['-D', data, 'stop', '-m', 'immediate', '-w', '-t', '30'], dir);

  const url = (port: number, database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let primaryUp = false;
  let replicaUp = false;
  const close = async () => {
    if (replicaUp) await stop(replicaDir).catch(() => {});
    if (primaryUp) await stop(primaryDir).catch(() => {});
    replicaUp = primaryUp = false;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // initdb's pg_hba.conf with -A trust lets local and loopback replication connections in
    await run(
      'initdb',
      ['-D', primaryDir, '-A', 'trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'],
      dir,
    );
    await start(
      primaryDir,
      primaryPort,
      '-c wal_level=replica -c max_wal_senders=4 -c max_replication_slots=4',
    );
    primaryUp = true;
    await run(
      'pg_basebackup',
      [
        '-h',
        '127.0.0.1',
        '-p',
        String(primaryPort),
        '-U',
        'postgres',
        '-D',
        replicaDir,
        '-R',
        '-X',
        'stream',
        '-C',
        '-S',
        'sabt_replica',
        '--checkpoint=fast',
        '--no-sync',
      ],
      dir,
    );
    await start(replicaDir, replicaPort, '-c hot_standby=on');
    replicaUp = true;
  } catch (err) {
    await close();
    throw err;
  }

  const pair: ReplicaPair = {
    primaryUrl: url(primaryPort),
    replicaUrl: url(replicaPort),
    urls: (database) => ({ primary: url(primaryPort, database), replica: url(replicaPort, database) }),
    async stopReplica() {
      await stop(replicaDir);
      replicaUp = false;
    },
    async startReplica() {
      await start(replicaDir, replicaPort, '-c hot_standby=on');
      replicaUp = true;
    },
    async pauseReplay() {
      await query(url(replicaPort), 'SELECT pg_wal_replay_pause()');
    },
    async resumeReplay() {
      await query(url(replicaPort), 'SELECT pg_wal_replay_resume()');
    },
    async caughtUp(timeoutMs = 30_000) {
      const [position] = await query<{ lsn: string }>(
        url(primaryPort),
        `SELECT ${PRIMARY_WAL_END_SQL}::text AS lsn`,
      );
      const lsn = position!.lsn;
      const until = Date.now() + timeoutMs;
      for (;;) {
        const [row] = await query<{ done: boolean }>(
          url(replicaPort),
          `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS done`,
        );
        if (row?.done) return;
        if (Date.now() > until) throw new Error(`the replica has not replayed up to ${lsn}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close,
  };
  return pair;
}
