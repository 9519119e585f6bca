import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import { connect } from '../db/connect.ts';
import { type FileStore, sha256Hex } from '../storage/file-store.ts';
import { FsBackend } from '../storage/fs-store.ts';
import { storageDb } from '../storage/tables.ts';
import {
  DATA_DIR_COPY,
  DUMP_FILE,
  FILES_DIR,
  headlineCounts,
  MANIFEST,
  type Manifest,
  migrationLevel,
  sabtVersion,
  tableDigests,
} from './manifest.ts';
import { runPgTool } from './pg-tools.ts';

/** A backup refused before anything was written: said to the operator as it is. */
export class BackupRefused extends Error {}

/** The entries of a PGlite data directory that are PostgreSQL's (not the file store or the anchor file kept beside them). */
export const PG_DATA_ENTRY =
  /^(PG_VERSION|base|global|pg_[a-z_]+|postgresql(\.auto)?\.conf|pg_hba\.conf|pg_ident\.conf)$/;

/** The target must be new or an empty directory: a backup never mixes with another. */
async function prepareTarget(target: string): Promise<void> {
  if (existsSync(target)) {
    const s = await stat(target);
    if (!s.isDirectory() || (await readdir(target)).length > 0)
      throw new BackupRefused(`${target} exists and is not an empty directory: name a new one`);
  }
  await mkdir(target, { recursive: true });
}

async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const bytes = await readFile(file);
  return { sha256: sha256Hex(bytes), size: bytes.length };
}

/**
 * The files the database names (as the backup's transaction sees them), copied out of the store
 * after the database: a file is always written before the row naming it commits, so every file
 * named in the snapshot is in the store by then. Each is checked against its hash on the way.
 */
async function copyFiles(
  files: FileStore,
  named: Manifest['fileStore']['files'],
  target: string,
): Promise<void> {
  const out = new FsBackend(path.join(target, FILES_DIR));
  for (const f of named) await out.create(f.sha256, await files.get(f.sha256));
}

/** What a backup wrote, for the report. */
export interface BackupResult {
  target: string;
  manifest: Manifest;
}

/**
 * `sabt backup <target>`: the database (pg_dump's custom format on PostgreSQL; a copy of the data
 * directory on PGlite), the file store's files, and a manifest written last.
 */
export async function createBackup(config: Config, files: FileStore, target: string): Promise<BackupResult> {
  if (config.files.store === 'memory')
    throw new BackupRefused(
      'the database and its files are in memory (SABT_DATA_DIR=memory://): nothing to back up',
    );
  target = path.resolve(target);
  if (!config.databaseUrl) await assertPgliteClosed(config.dataDir);
  await prepareTarget(target);
  const dbx = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  let seen: Pick<Manifest, 'tables' | 'migration'> & { named: Manifest['fileStore']['files'] };
  try {
    // One read-only snapshot: the counts, the list of files and (on PostgreSQL) pg_dump all see it.
    seen = await dbx.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const snapshot = config.databaseUrl
          ? (await sql<{ s: string }>`SELECT pg_export_snapshot() AS s`.execute(trx)).rows[0]!.s
          : '';
        const tables = await tableDigests(trx);
        const migration = await migrationLevel(trx);
        const named = (
          await storageDb(trx)
            .selectFrom('stored_files')
            .select(['sha256', 'size', 'content_type'])
            .orderBy('sha256')
            .execute()
        ).map((r) => ({ sha256: r.sha256, size: Number(r.size), contentType: r.content_type }));
        if (config.databaseUrl)
          await runPgTool(
            'pg_dump',
            ['--format=custom', `--snapshot=${snapshot}`, `--file=${path.join(target, DUMP_FILE)}`],
            config.databaseUrl,
          );
        return { tables, migration, named };
      });
  } finally {
    await dbx.close();
  }
  const database: Manifest['database'] = config.databaseUrl
    ? { kind: 'pg_dump-custom', file: DUMP_FILE, ...(await hashFile(path.join(target, DUMP_FILE))) }
    : {
        kind: 'pglite-data-dir',
        dir: DATA_DIR_COPY,
        files: await copyTree(config.dataDir, path.join(target, DATA_DIR_COPY), PG_DATA_ENTRY),
      };
  await copyFiles(files, seen.named, target);
  const manifest: Manifest = {
    format: 'sabt-backup/1',
    sabtVersion: sabtVersion(),
    createdAt: new Date().toISOString(),
    engine: config.databaseUrl ? 'postgres' : 'pglite',
    migration: seen.migration,
    database,
    tables: seen.tables,
    counts: headlineCounts(seen.tables, seen.named.length),
    fileStore: { backend: files.backend.name, files: seen.named },
  };
  const tmp = path.join(target, `${MANIFEST}.tmp`);
  await writeFile(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(tmp, path.join(target, MANIFEST));
  return { target, manifest };
}

/**
 * PGlite is one process: its data directory is copied only while no Sabt has it open. PGlite writes
 * postmaster.pid while it runs and removes it when closed cleanly.
 */
export async function assertPgliteClosed(dataDir: string): Promise<void> {
  if (dataDir.startsWith('memory://'))
    throw new BackupRefused('the database is in memory (SABT_DATA_DIR=memory://): nothing to back up');
  if (!existsSync(path.join(dataDir, 'PG_VERSION')))
    throw new BackupRefused(`${dataDir} holds no database (SABT_DATA_DIR)`);
  if (existsSync(path.join(dataDir, 'postmaster.pid')))
    throw new BackupRefused(
      `the embedded database in ${dataDir} is open (postmaster.pid): stop the Sabt server first, the embedded ` +
        'database has one process (after a crash, run `sabt migrate` once to close it cleanly)',
    );
}

/**
 * Copies the entries of `from` that match `entry` (and all below them) to `to`, returning each file's
 * path (relative, with /) and hash.
 */
export async function copyTree(
  from: string,
  to: string,
  entry: RegExp,
): Promise<{ path: string; sha256: string; size: number }[]> {
  const out: { path: string; sha256: string; size: number }[] = [];
  const walk = async (rel: string): Promise<void> => {
    const src = path.join(from, rel);
    const s = await stat(src);
    if (s.isDirectory()) {
      await mkdir(path.join(to, rel), { recursive: true });
      for (const name of (await readdir(src)).sort()) await walk(path.join(rel, name));
    } else if (s.isFile()) {
      const bytes = await readFile(src);
      await writeFile(path.join(to, rel), bytes);
      out.push({
        path: rel.split(path.sep).join('/'),
        sha256: createHash('sha256').update(bytes).digest('hex'),
        size: bytes.length,
      });
    }
  };
  await mkdir(to, { recursive: true });
  for (const name of (await readdir(from)).sort()) if (entry.test(name)) await walk(name);
  return out;
}
