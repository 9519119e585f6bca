import type { Config } from '../config.ts';
import type { FileStore } from '../storage/file-store.ts';
import { BackupRefused, createBackup } from './backup.ts';
import { restoreBackup, verifyBackup } from './restore.ts';
import { printReport, type Report } from './verify.ts';

export const BACKUP_HELP = `  sabt backup <target>         a backup set in the new directory <target>: the database (pg_dump's
                               custom format on PostgreSQL, a snapshot taken while Sabt runs; a copy
                               of the embedded database's directory, with the server stopped), every
                               file the database names, and manifest.json (version, migration, rows
                               and a checksum per table, file hashes)
  sabt backup verify <set>     restore the set into a throwaway database and verify it (PostgreSQL:
                               a new database on DATABASE_URL's server, dropped afterwards)
  sabt restore <set> [--force] restore a set into the configured database and file store, then
                               verify it against the manifest (counts, contents, the audit chain,
                               file hashes); refused over a database with tables unless --force;
                               exit 1 when anything does not verify`;

function said(e: unknown): number {
  if (e instanceof BackupRefused) {
    console.error(e.message);
    return 2;
  }
  throw e;
}

function printChecks(set: Report, restored: Report | null): number {
  printReport('backup set against its manifest:', set);
  if (!restored) {
    console.log('nothing restored: the set is damaged');
    return 1;
  }
  printReport('restored database and files against the manifest:', restored);
  return restored.ok ? 0 : 1;
}

/** `sabt backup <target>` and `sabt backup verify <set>`. */
export async function backupCommand(config: Config, files: FileStore, args: string[]): Promise<number> {
  try {
    if (args[0] === 'verify') {
      if (args.length !== 2) {
        console.error('usage: sabt backup verify <set> (a target named verify: ./verify)');
        return 2;
      }
      const r = await verifyBackup(config, args[1]!);
      console.log(
        `backup of ${r.manifest.createdAt} (Sabt ${r.manifest.sabtVersion}, ${r.manifest.engine}, migration ${r.manifest.migration ?? 'none'})`,
      );
      return printChecks(r.set, r.restored);
    }
    if (!args[0] || args.length > 1) {
      console.error('usage: sabt backup <target> | sabt backup verify <set>');
      return 2;
    }
    const { target, manifest: m } = await createBackup(config, files, args[0]);
    const bytes = m.fileStore.files.reduce((n, f) => n + f.size, 0);
    console.log(
      `backup written to ${target}: ${m.engine}, migration ${m.migration ?? 'none'}; ` +
        `${m.counts.records} records, ${m.counts.actions} actions, ${m.counts.audit} audit entries, ` +
        `${Object.keys(m.tables).length} tables; ${m.counts.files} files (${bytes} bytes, from the ${m.fileStore.backend} store)`,
    );
    return 0;
  } catch (e) {
    return said(e);
  }
}

/** `sabt restore <set> [--force]`. */
export async function restoreCommand(
  config: Config,
  files: FileStore,
  args: string[],
  force: boolean,
): Promise<number> {
  if (args.length !== 1) {
    console.error('usage: sabt restore <set> [--force]');
    return 2;
  }
  try {
    const r = await restoreBackup(config, files, args[0]!, { force });
    console.log(
      `backup of ${r.manifest.createdAt} (Sabt ${r.manifest.sabtVersion}, ${r.manifest.engine}, migration ${r.manifest.migration ?? 'none'})`,
    );
    if (r.movedAside) console.log(`the database that was there was moved to ${r.movedAside}`);
    const code = printChecks(r.set, r.restored);
    if (code === 0) console.log('restored; `sabt start` applies any newer migrations');
    return code;
  } catch (e) {
    return said(e);
  }
}
