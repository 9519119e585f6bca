import { sql } from 'kysely';
import type { PgBoss } from 'pg-boss';
import type { Db } from '../db/connect.ts';
import { dispatchBacklog } from '../jobs/job-admin.ts';
import type { FileStore } from '../storage/file-store.ts';
import { withTimeout } from './timeout.ts';

export type CheckName = 'database' | 'jobs' | 'files';

export interface CheckResult {
  name: CheckName;
  ok: boolean;
  /** What is wrong, for the operator (no personal data: these are Sabt's own errors). */
  problem?: string;
  ms: number;
}

export interface ReadinessDeps {
  dbx: Db;
  files: FileStore;
  /**
   * The job runtime this process runs: undefined when it runs none (SABT_JOBS=off, `sabt worker`
   * does), null while it is not started yet.
   */
  jobs?: (() => { boss: PgBoss } | null) | undefined;
  timeoutMs: number;
}

/**
 * Whether this process can serve: the database answers, the job queue works (the dispatch tables
 * read; the queue of this process's runtime answers), the file store writes and reads back. Each
 * check has `timeoutMs`; they run side by side, so /ready answers within about that time even
 * when the database hangs.
 */
export async function checkReadiness(deps: ReadinessDeps): Promise<CheckResult[]> {
  const { dbx, files, timeoutMs } = deps;
  const check = async (name: CheckName, run: () => Promise<unknown>): Promise<CheckResult> => {
    const start = performance.now();
    try {
      await withTimeout(run(), timeoutMs, `${name}: no answer`);
      return { name, ok: true, ms: Math.round(performance.now() - start) };
    } catch (err) {
      return { name, ok: false, problem: (err as Error).message, ms: Math.round(performance.now() - start) };
    }
  };
  return Promise.all([
    check('database', () => sql`SELECT 1`.execute(dbx.db)),
    check('jobs', async () => {
      await dispatchBacklog(dbx);
      if (!deps.jobs) return;
      const runtime = deps.jobs();
      if (!runtime) throw new Error('the job runtime of this process has not started');
      await runtime.boss.getQueues();
    }),
    check('files', () => files.probe()),
  ]);
}
