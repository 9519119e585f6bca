import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { verifyAudit } from '../audit/audit-log.ts';
import { verifyRecords } from '../audit/record-hashes.ts';
import type { Database } from '../db/schema.ts';
import { type FileStore, sha256Hex } from '../storage/file-store.ts';
import { FsBackend } from '../storage/fs-store.ts';
import { storageDb } from '../storage/tables.ts';
import {
  DATA_DIR_COPY,
  DUMP_FILE,
  FILES_DIR,
  MANIFEST,
  type Manifest,
  manifestSchema,
  tableDigests,
} from './manifest.ts';

/** One line of a verification report: what was checked, and whether it held. */
export interface Check {
  ok: boolean;
  line: string;
}

export interface Report {
  ok: boolean;
  checks: Check[];
}

export function report(checks: Check[]): Report {
  return { ok: checks.every((c) => c.ok), checks };
}

export function printReport(title: string, r: Report): void {
  console.log(title);
  for (const c of r.checks) console.log(`  ${c.ok ? 'ok    ' : 'FAILED'} ${c.line}`);
  console.log(r.ok ? 'verified: complete and intact' : 'NOT VERIFIED: see the lines marked FAILED');
}

/** The set's manifest, read and checked; a readable message when it is missing or not one. */
export async function readManifest(set: string): Promise<Manifest> {
  const file = path.join(set, MANIFEST);
  if (!existsSync(file))
    throw new Error(
      `${set} is not a complete backup set: it has no ${MANIFEST} (written last by sabt backup)`,
    );
  const parsed = manifestSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a Sabt backup manifest: ${parsed.error.message}`);
  return parsed.data;
}

/** The set against its manifest before anything is restored: the database's files and the stored files, by hash. */
export async function checkSet(set: string, m: Manifest): Promise<Report> {
  const checks: Check[] = [];
  const db = m.database;
  const dbFiles =
    db.kind === 'pg_dump-custom'
      ? [{ path: DUMP_FILE, sha256: db.sha256 }]
      : db.files.map((f) => ({ path: `${DATA_DIR_COPY}/${f.path}`, sha256: f.sha256 }));
  const badDb: string[] = [];
  for (const f of dbFiles) {
    const file = path.join(set, f.path);
    if (!existsSync(file)) badDb.push(`${f.path} missing`);
    else if (sha256Hex(await readFile(file)) !== f.sha256) badDb.push(`${f.path} altered`);
  }
  checks.push({
    ok: badDb.length === 0,
    line: `database in the set (${dbFiles.length} file(s)) matches the manifest's hashes${badDb.length ? `: ${badDb.slice(0, 10).join(', ')}` : ''}`,
  });
  const setFiles = new FsBackend(path.join(set, FILES_DIR));
  const badFiles: string[] = [];
  for (const f of m.fileStore.files) {
    const bytes = await setFiles.read(f.sha256);
    if (!bytes) badFiles.push(`${f.sha256} missing`);
    else if (sha256Hex(bytes) !== f.sha256) badFiles.push(`${f.sha256} altered`);
  }
  checks.push({
    ok: badFiles.length === 0,
    line: `stored files in the set: ${m.fileStore.files.length - badFiles.length} of ${m.fileStore.files.length} match their hashes${badFiles.length ? `: ${badFiles.slice(0, 10).join(', ')}` : ''}`,
  });
  return report(checks);
}

/**
 * A restored database and file store against the manifest: every table's rows and checksum, the
 * audit chain and the registry's rows against it, every file the database names present in the
 * store and matching its hash.
 */
export async function checkRestored(db: Kysely<Database>, files: FileStore, m: Manifest): Promise<Report> {
  const checks: Check[] = [];
  const tables = await db.transaction().execute((trx) => tableDigests(trx));
  const names = [...new Set([...Object.keys(m.tables), ...Object.keys(tables)])].sort();
  const differ = names.filter(
    (n) => tables[n]?.rows !== m.tables[n]?.rows || tables[n]?.checksum !== m.tables[n]?.checksum,
  );
  const rows = (n: string) => tables[`public.${n}`]?.rows ?? 0;
  checks.push({
    ok: rows('records') === m.counts.records,
    line: `records: ${rows('records')} (manifest ${m.counts.records})`,
  });
  checks.push({
    ok: rows('record_actions') === m.counts.actions,
    line: `actions: ${rows('record_actions')} (manifest ${m.counts.actions})`,
  });
  checks.push({
    ok: rows('audit_log') === m.counts.audit,
    line: `audit entries: ${rows('audit_log')} (manifest ${m.counts.audit})`,
  });
  checks.push({
    ok: differ.length === 0,
    line:
      `tables: ${names.length - differ.length} of ${names.length} equal to the manifest in rows and contents` +
      (differ.length
        ? `; different: ${differ
            .slice(0, 10)
            .map(
              (n) => `${n} (${tables[n]?.rows ?? 'missing'} rows, manifest ${m.tables[n]?.rows ?? 'none'})`,
            )
            .join(', ')}`
        : ''),
  });
  const chain = await verifyAudit(db);
  checks.push({
    ok: chain.ok,
    line:
      `audit chain: ${chain.entries} entries verified` +
      (chain.pending ? `, ${chain.pending} not chained yet (the sequencer chains them when Sabt runs)` : '') +
      (chain.findings.length
        ? `; ${chain.findings
            .map((f) => f.detail)
            .slice(0, 5)
            .join('; ')}`
        : ''),
  });
  const records = await verifyRecords(db);
  checks.push({
    ok: records.ok,
    line:
      `registry against the chain: ${records.actions} actions, ${records.versions} versions` +
      (records.findings.length
        ? `; ${records.findings
            .map((f) => `${f.table} ${f.id}: ${f.detail}`)
            .slice(0, 5)
            .join('; ')}`
        : ''),
  });
  const named = await storageDb(db).selectFrom('stored_files').select('sha256').execute();
  const bad: string[] = [];
  for (const { sha256 } of named) {
    try {
      await files.get(sha256);
    } catch (e) {
      bad.push(e instanceof Error ? e.message : String(e));
    }
  }
  checks.push({
    ok: bad.length === 0 && named.length === m.fileStore.files.length,
    line:
      `files: ${named.length - bad.length} of ${named.length} named by the database present and matching their hashes (manifest ${m.fileStore.files.length})` +
      (bad.length ? `; ${bad.slice(0, 5).join('; ')}` : ''),
  });
  return report(checks);
}
