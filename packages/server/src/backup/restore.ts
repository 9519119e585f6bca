import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.ts';
import { connect } from '../db/connect.ts';
import { FileStore } from '../storage/file-store.ts';
import { FsBackend } from '../storage/fs-store.ts';
import { BackupRefused, copyTree, PG_DATA_ENTRY } from './backup.ts';
import {
  DATA_DIR_COPY,
  DUMP_FILE,
  FILES_DIR,
  type Manifest,
  newestMigration,
  userTables,
} from './manifest.ts';
import { runPgTool } from './pg-tools.ts';
import { checkRestored, checkSet, type Report, readManifest } from './verify.ts';

export interface RestoreResult {
  manifest: Manifest;
  /** The set checked against its manifest, then (when it held) the restored database and store. */
  set: Report;
  restored: Report | null;
  /** Where the embedded database's earlier files were moved by --force. */
  movedAside?: string;
}

function engineOf(config: Config): Manifest['engine'] {
  return config.databaseUrl ? 'postgres' : 'pglite';
}

/**
 * `sabt restore <source> [--force]`: the set checked against its manifest, the database restored
 * into the configured one (refused when it holds tables, unless forced), the files written into the
 * configured store, and the result verified against the manifest.
 */
export async function restoreBackup(
  config: Config,
  files: FileStore,
  source: string,
  opts: { force: boolean },
): Promise<RestoreResult> {
  source = path.resolve(source);
  const manifest = await readManifest(source);
  if (manifest.engine !== engineOf(config))
    throw new BackupRefused(
      manifest.engine === 'postgres'
        ? 'this set is of a PostgreSQL database: set DATABASE_URL to the database to restore into'
        : 'this set is of the embedded database: unset DATABASE_URL and set SABT_DATA_DIR to restore into',
    );
  if (config.files.store === 'memory')
    throw new BackupRefused('SABT_DATA_DIR is memory://: restore into a database and file store that last');
  if (manifest.migration && manifest.migration > newestMigration())
    throw new BackupRefused(
      `this set was made by a newer Sabt (${manifest.sabtVersion}, migration ${manifest.migration}); this one ` +
        `knows migrations up to ${newestMigration()}: restore it with the version that made it`,
    );
  const set = await checkSet(source, manifest);
  if (!set.ok) return { manifest, set, restored: null };

  let movedAside: string | undefined;
  if (config.databaseUrl) {
    const tables = await tablesIn(config.databaseUrl);
    if (tables > 0) {
      if (!opts.force) throw notEmpty(`the database of DATABASE_URL holds ${tables} tables`);
      await emptyDatabase(config.databaseUrl);
    }
    await runPgTool(
      'pg_restore',
      [
        '--no-owner',
        '--exit-on-error',
        '--single-transaction',
        `--dbname=${pgDbName(config.databaseUrl)}`,
        path.join(source, DUMP_FILE),
      ],
      config.databaseUrl,
    );
  } else {
    const dir = config.dataDir;
    if (existsSync(path.join(dir, 'PG_VERSION'))) {
      if (!opts.force) throw notEmpty(`${dir} (SABT_DATA_DIR) holds a database`);
      movedAside = await moveAside(dir);
    }
    await copyTree(path.join(source, DATA_DIR_COPY), dir, /./);
  }
  const from = new FsBackend(path.join(source, FILES_DIR));
  for (const f of manifest.fileStore.files) {
    const bytes = await from.read(f.sha256);
    if (bytes) await files.backend.create(f.sha256, bytes, f.contentType);
  }
  const dbx = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    return {
      manifest,
      set,
      restored: await checkRestored(dbx.db, files, manifest),
      ...(movedAside ? { movedAside } : {}),
    };
  } finally {
    await dbx.close();
  }
}

function notEmpty(what: string): BackupRefused {
  return new BackupRefused(
    `refusing to restore: ${what}. Restore into an empty database, or add --force to replace ` +
      'everything in it with the backup (PostgreSQL: every schema is dropped first; the embedded database: ' +
      'its files are moved aside)',
  );
}

/** pg_restore connects by the libpq variables; --dbname names the database again (it is required). */
function pgDbName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function tablesIn(url: string): Promise<number> {
  const dbx = await connect({ databaseUrl: url, dataDir: '', poolSize: 1 });
  try {
    return (await userTables(dbx.db)).length;
  } finally {
    await dbx.close();
  }
}

/** --force on PostgreSQL: every schema but the system's dropped, and an empty public made again, in one transaction. */
async function emptyDatabase(url: string): Promise<void> {
  await withClient(url, async (c) => {
    const res = await c.query<{ n: string }>(
      `SELECT nspname AS n FROM pg_namespace
        WHERE nspname NOT IN ('pg_catalog', 'information_schema')
          AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%'`,
    );
    await c.query('BEGIN');
    for (const { n } of res.rows) await c.query(`DROP SCHEMA ${pg.escapeIdentifier(n)} CASCADE`);
    await c.query('CREATE SCHEMA public AUTHORIZATION pg_database_owner');
    await c.query('GRANT USAGE ON SCHEMA public TO PUBLIC');
    await c.query('COMMIT');
  });
}

/** --force on PGlite: the database's own entries moved to a sibling directory (the file store, if inside, stays). */
async function moveAside(dir: string): Promise<string> {
  const aside = `${dir.replace(/\/+$/, '')}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await mkdir(aside, { recursive: true });
  for (const name of await readdir(dir))
    if (PG_DATA_ENTRY.test(name) || name === 'postmaster.pid')
      await rename(path.join(dir, name), path.join(aside, name));
  return aside;
}

/**
 * `sabt backup verify <set>`: the set checked against its manifest, then restored into a throwaway
 * database (a new database on the PostgreSQL server of DATABASE_URL, dropped afterwards; or a
 * scratch embedded one) and verified there, with the set's own files as the store.
 */
export async function verifyBackup(
  config: Config,
  set: string,
): Promise<{ manifest: Manifest; set: Report; restored: Report | null }> {
  set = path.resolve(set);
  const manifest = await readManifest(set);
  const checked = await checkSet(set, manifest);
  if (!checked.ok) return { manifest, set: checked, restored: null };
  const files = new FileStore(new FsBackend(path.join(set, FILES_DIR)), config.files.limits);
  if (manifest.engine === 'postgres') {
    if (!config.databaseUrl)
      throw new BackupRefused(
        'verifying a PostgreSQL backup restores it into a throwaway database: set DATABASE_URL to a server where Sabt may create one',
      );
    const name = `sabt_verify_${randomBytes(6).toString('hex')}`;
    await withClient(config.databaseUrl, (c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(config.databaseUrl);
    url.pathname = `/${name}`;
    try {
      await runPgTool(
        'pg_restore',
        [
          '--no-owner',
          '--exit-on-error',
          '--single-transaction',
          `--dbname=${name}`,
          path.join(set, DUMP_FILE),
        ],
        url.toString(),
      );
      const dbx = await connect({ databaseUrl: url.toString(), dataDir: '', poolSize: 2 });
      try {
        return { manifest, set: checked, restored: await checkRestored(dbx.db, files, manifest) };
      } finally {
        await dbx.close();
      }
    } finally {
      await withClient(config.databaseUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  }
  const scratch = await mkdtemp(path.join(tmpdir(), 'sabt-verify-'));
  try {
    await copyTree(path.join(set, DATA_DIR_COPY), scratch, /./);
    const dbx = await connect({ dataDir: scratch });
    try {
      return { manifest, set: checked, restored: await checkRestored(dbx.db, files, manifest) };
    } finally {
      await dbx.close();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
