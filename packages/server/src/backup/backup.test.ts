import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { sequenceAudit } from '../audit/sequencer.ts';
import { loadConfig } from '../config.ts';
import { connect } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { loadDemoData } from '../demo/demo-data.ts';
import { loadDemoRegistry } from '../demo/demo-registry.ts';
import { prepareDatabase } from '../prepare.ts';
import { FsBackend } from '../storage/fs-store.ts';
import { openFileStore } from '../storage/open-store.ts';
import { startS3Server } from '../storage/testing/s3-server.ts';
import { runCli, useCliDatabase } from '../test/cli.ts';
import { throwawayDatabase } from '../test/harness.ts';
import { type Manifest, userTables } from './manifest.ts';

/**
 * A registry (the demo registry: records of all seven acts, certificates with their PDFs in the file
 * store, the audit chain) backed up and restored into a fresh database and a fresh file store, on the
 * embedded database or, with SABT_TEST_DATABASE_URL, on PostgreSQL.
 */

const source = useCliDatabase('backup');
const scratch = mkdtempSync(path.join(tmpdir(), 'sabt-backup-sets-'));
const drops: (() => Promise<void>)[] = [];
const SET = path.join(scratch, 'set');

/** A fresh place to restore into: a new database (PostgreSQL) or data directory (PGlite), and a new file store. */
async function freshTarget(name: string): Promise<Record<string, string | undefined>> {
  const filesDir = path.join(scratch, `${name}-files`);
  const server = process.env.SABT_TEST_DATABASE_URL;
  if (server) {
    const db = await throwawayDatabase(server, 'sabt_restore');
    drops.push(db.drop);
    return {
      DATABASE_URL: db.url,
      SABT_DATA_DIR: path.join(scratch, `${name}-data`),
      SABT_FILES_DIR: filesDir,
    };
  }
  return {
    DATABASE_URL: undefined,
    SABT_DATA_DIR: path.join(scratch, `${name}-data`),
    SABT_FILES_DIR: filesDir,
  };
}

/** Runs fn with these variables set (undefined: unset), then puts the environment back. */
async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const set = (v: Record<string, string | undefined>) => {
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) delete process.env[k];
      else process.env[k] = x;
    }
  };
  set(vars);
  try {
    return await fn();
  } finally {
    set(saved);
  }
}

async function withDbOf<T>(
  env: Record<string, string | undefined>,
  fn: (db: Kysely<Database>) => Promise<T>,
) {
  return withEnv(env, async () => {
    const dbx = await connect({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.SABT_DATA_DIR! });
    try {
      return await fn(dbx.db);
    } finally {
      await dbx.close();
    }
  });
}

/** Every row of every table as text, table by table, sorted: what "identical" means here. */
async function contents(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL TimeZone = 'UTC'`.execute(trx);
    for (const name of await userTables(trx)) {
      const [schema, table] = name.split('.') as [string, string];
      const res = await sql<{
        r: string;
      }>`SELECT t::text AS r FROM ${sql.id(schema, table)} t ORDER BY 1`.execute(trx);
      out[name] = res.rows.map((x) => x.r);
    }
  });
  return out;
}

const sourceEnv = () => ({
  DATABASE_URL: process.env.DATABASE_URL,
  SABT_DATA_DIR: source.dataDir,
  SABT_FILES_DIR: undefined,
});
let before: Record<string, string[]>;
let manifest: Manifest;

beforeAll(async () => {
  const config = loadConfig();
  const files = openFileStore(config.files);
  const dbx = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(dbx.db, { files });
    await loadDemoData(dbx.db);
    const app = await buildApp({ config, dbx, files });
    await app.ready();
    await loadDemoRegistry(app, dbx, { records: 40 });
    await app.close();
    await sequenceAudit(dbx.db);
    before = await contents(dbx.db);
  } finally {
    await dbx.close();
  }
}, 180_000);

afterAll(async () => {
  for (const drop of drops) await drop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('sabt backup and sabt restore', () => {
  it('backs up the database and the file store into a set with a manifest', async () => {
    const run = await runCli(['backup', SET]);
    expect(run.code, run.err + run.out).toBe(0);
    expect(run.out).toMatch(/backup written to .*records, .*actions, .*audit entries/);
    manifest = JSON.parse(readFileSync(path.join(SET, 'manifest.json'), 'utf8'));
    expect(manifest.engine).toBe(process.env.SABT_TEST_DATABASE_URL ? 'postgres' : 'pglite');
    expect(manifest.migration).toMatch(/^\d{3}-.*\.sql$/);
    expect(manifest.counts.records).toBe(before['public.records']!.length);
    expect(manifest.counts.audit).toBe(before['public.audit_log']!.length);
    expect(manifest.counts.records).toBeGreaterThan(40);
    // certificates issued: their PDFs are in the store and in the set
    expect(manifest.fileStore.files.some((f) => f.contentType === 'application/pdf')).toBe(true);
    const inSet = new FsBackend(path.join(SET, 'files'));
    for (const f of manifest.fileStore.files) expect(await inSet.exists(f.sha256)).toBe(true);
  }, 120_000);

  it('refuses a target that is not a new or empty directory', async () => {
    const run = await runCli(['backup', SET]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('is not an empty directory');
  });

  it('restores into a fresh database and file store: identical rows, the chain verifies, identical files', async () => {
    const target = await freshTarget('fresh');
    const run = await withEnv(target, () => runCli(['restore', SET]));
    expect(run.code, run.err + run.out).toBe(0);
    expect(run.out).toContain('verified: complete and intact');
    expect(run.out).toMatch(/ok {5}audit chain: \d+ entries verified/);
    expect(run.out).not.toContain('FAILED');
    const after = await withDbOf(target, contents);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    const from = openFileStore(await withEnv(sourceEnv(), async () => loadConfig().files));
    const into = new FsBackend(target.SABT_FILES_DIR!);
    for (const f of manifest.fileStore.files)
      expect((await into.read(f.sha256))?.equals(await from.get(f.sha256)), f.sha256).toBe(true);

    // over the database now there: refused, nothing changed; with --force, replaced
    const again = await withEnv(target, () => runCli(['restore', SET]));
    expect(again.code).toBe(2);
    expect(again.err).toContain('refusing to restore');
    expect(again.err).toContain('--force');
    expect(await withDbOf(target, contents)).toEqual(after);
    const forced = await withEnv(target, () => runCli(['restore', SET, '--force']));
    expect(forced.code, forced.err + forced.out).toBe(0);
    expect(await withDbOf(target, contents)).toEqual(before);
  }, 180_000);

  it('refuses a set made by a newer Sabt, and a backup verify without a set', async () => {
    const newer = path.join(scratch, 'newer');
    cpSync(SET, newer, { recursive: true });
    writeFileSync(
      path.join(newer, 'manifest.json'),
      JSON.stringify({ ...manifest, sabtVersion: '9.0.0', migration: '999-from-the-future.sql' }),
    );
    const target = await freshTarget('newer');
    const run = await withEnv(target, () => runCli(['restore', newer]));
    expect(run.code).toBe(2);
    expect(run.err).toContain('this set was made by a newer Sabt (9.0.0, migration 999-from-the-future.sql)');
    const bare = await runCli(['backup', 'verify']);
    expect(bare.code).toBe(2);
    expect(bare.err).toContain('usage: sabt backup verify <set>');
  });

  it('restores into an S3 store and backs up from one: the same files, read through the store', async () => {
    const s3 = await startS3Server();
    try {
      const target = {
        ...(await freshTarget('s3')),
        SABT_FILES_DIR: undefined,
        SABT_STORAGE: 's3',
        SABT_S3_BUCKET: s3.settings.bucket,
        SABT_S3_PREFIX: s3.settings.prefix,
        SABT_S3_ENDPOINT: s3.settings.endpoint,
        SABT_S3_REGION: s3.settings.region,
        SABT_S3_ACCESS_KEY_ID: s3.settings.accessKeyId,
        SABT_S3_SECRET_ACCESS_KEY: s3.settings.secretAccessKey,
        SABT_S3_FORCE_PATH_STYLE: 'true',
      };
      const restored = await withEnv(target, () => runCli(['restore', SET]));
      expect(restored.code, restored.err + restored.out).toBe(0);
      const again = path.join(scratch, 'from-s3');
      const backup = await withEnv(target, () => runCli(['backup', again]));
      expect(backup.code, backup.err + backup.out).toBe(0);
      expect(backup.out).toContain('from the s3 store');
      const m: Manifest = JSON.parse(readFileSync(path.join(again, 'manifest.json'), 'utf8'));
      expect(m.fileStore.backend).toBe('s3');
      expect(m.fileStore.files).toEqual(manifest.fileStore.files);
      expect(m.tables).toEqual(manifest.tables);
      const first = new FsBackend(path.join(SET, 'files'));
      const second = new FsBackend(path.join(again, 'files'));
      for (const f of m.fileStore.files)
        expect((await second.read(f.sha256))?.equals((await first.read(f.sha256))!), f.sha256).toBe(true);
    } finally {
      await s3.close();
    }
  }, 180_000);

  it('verifies a set by restoring it into a throwaway database', async () => {
    const run = await runCli(['backup', 'verify', SET]);
    expect(run.code, run.err + run.out).toBe(0);
    expect(run.out).toContain('verified: complete and intact');
  }, 120_000);

  it('detects a damaged set (a file changed) and restores nothing from it', async () => {
    const damaged = path.join(scratch, 'damaged');
    cpSync(SET, damaged, { recursive: true });
    const pdf = manifest.fileStore.files.find((f) => f.contentType === 'application/pdf')!;
    const file = path.join(damaged, 'files', pdf.sha256.slice(0, 2), pdf.sha256.slice(2, 4), pdf.sha256);
    chmodSync(file, 0o640);
    const bytes = readFileSync(file);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 1;
    writeFileSync(file, bytes);

    const verify = await runCli(['backup', 'verify', damaged]);
    expect(verify.code).toBe(1);
    expect(verify.out).toContain(`${pdf.sha256} altered`);

    const target = await freshTarget('damaged');
    const run = await withEnv(target, () => runCli(['restore', damaged]));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(
      /FAILED stored files in the set: \d+ of \d+ match their hashes: [0-9a-f]{64} altered/,
    );
    expect(run.out).toContain('nothing restored');
    const tables = await withDbOf(target, (db) => userTables(db));
    expect(tables).toEqual([]);
  }, 120_000);

  it('detects a damaged database dump', async () => {
    const damaged = path.join(scratch, 'damaged-db');
    cpSync(SET, damaged, { recursive: true });
    const dbFile =
      manifest.database.kind === 'pg_dump-custom'
        ? path.join(damaged, manifest.database.file)
        : path.join(
            damaged,
            'database',
            manifest.database.files.find((f) => f.path.startsWith('base/'))!.path,
          );
    const bytes = readFileSync(dbFile);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 1;
    writeFileSync(dbFile, bytes);
    const run = await runCli(['backup', 'verify', damaged]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/FAILED database in the set .*altered/);
    expect(readdirSync(damaged)).toContain('manifest.json');
  }, 60_000);

  it.skipIf(!process.env.SABT_TEST_DATABASE_URL)(
    'takes a consistent backup while another process writes (one snapshot for the counts and pg_dump)',
    async () => {
      const dbx = await connect({ databaseUrl: process.env.DATABASE_URL, dataDir: '', poolSize: 2 });
      let writing = true;
      let written = 0;
      const writer = (async () => {
        while (writing) {
          await appendAudit(dbx.db, [{ event: 'backup.test-write', detail: { n: written } }]);
          written += 1;
          if (written % 5 === 0) await sequenceAudit(dbx.db);
        }
      })();
      const live = path.join(scratch, 'live');
      while (written < 3) await new Promise((r) => setTimeout(r, 10));
      try {
        const run = await runCli(['backup', live]);
        expect(run.code, run.err + run.out).toBe(0);
      } finally {
        writing = false;
        await writer;
        await dbx.close();
      }
      const m: Manifest = JSON.parse(readFileSync(path.join(live, 'manifest.json'), 'utf8'));
      // written before, during and after the backup: the set holds some of them, not all
      expect(m.counts.audit).toBeGreaterThan(before['public.audit_log']!.length);
      expect(m.counts.audit).toBeLessThan(before['public.audit_log']!.length + written);
      const verify = await runCli(['backup', 'verify', live]);
      expect(verify.code, verify.out).toBe(0);
      expect(verify.out).toMatch(/tables: (\d+) of \1 equal to the manifest/);
    },
    120_000,
  );
});
