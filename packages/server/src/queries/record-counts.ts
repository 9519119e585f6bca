import { COUNT_CAP, STALE_DRAFT_DAYS } from '@sabt/core';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';

/**
 * Counts of records read from `record_counts` (migration 024): per office, act kind and status, and
 * per flag within those, kept by triggers on `records` in the transaction of every change. A
 * jurisdiction's count is the sum over the offices under its path, a few hundred rows at most
 * whatever the size of the registry.
 */

export interface CountedFilter {
  status?: string | undefined;
  kind?: string | undefined;
  office?: string | undefined;
  flag?: string | undefined;
}

/** How many records of the jurisdiction (an office path prefix) fit a filter the counters keep. */
export async function countedTotal(db: Kysely<Database>, officePath: string, f: CountedFilter) {
  let q = db
    .selectFrom('record_counts')
    .select(sql<string>`coalesce(sum(n), 0)`.as('n'))
    .where('office_path', 'like', `${officePath}%`)
    .where('flag', '=', f.flag ?? '');
  if (f.status) q = q.where('status', '=', f.status);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.office) q = q.where('office_id', '=', f.office);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The rows of a query counted up to COUNT_CAP: exact below it, `atLeast` the cap at it. */
export async function cappedCount<O>(
  db: Kysely<Database>,
  q: SelectQueryBuilder<Database, 'records', O>,
): Promise<{ total: number; totalIs: 'exact' | 'atLeast' }> {
  const row = await db
    .selectFrom(q.select(sql`1`.as('one')).limit(COUNT_CAP).as('capped'))
    .select(db.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(row.n);
  return { total, totalIs: total >= COUNT_CAP ? 'atLeast' : 'exact' };
}

/** The flags that are work queues, by the name the counts answer gives them. */
const QUEUE_FLAGS = {
  rejected: 'rejected',
  possibleDuplicate: 'possible-duplicate',
  amendmentRequested: 'amendment-requested',
  selfRegistered: 'self-registered',
} as const;

/**
 * How many records wait in each work queue of the user's jurisdiction (no personal data): the
 * statuses and queue flags from the counters; the stale drafts (a matter of time, not of a change)
 * counted on the drafts' index up to COUNT_CAP.
 */
export async function queueCounts(db: Kysely<Database>, actor: Actor) {
  const prefix = `${actor.officePath}%`;
  const staleSince = new Date(Date.now() - STALE_DRAFT_DAYS * 86_400_000);
  const [rows, stale] = await Promise.all([
    db
      .selectFrom('record_counts')
      .select(['status', 'flag', sql<string>`sum(n)`.as('n')])
      .where('office_path', 'like', prefix)
      .where('flag', 'in', ['', ...Object.values(QUEUE_FLAGS)])
      .groupBy(['status', 'flag'])
      .execute(),
    cappedCount(
      db,
      db
        .selectFrom('records')
        .where('status', '=', 'draft')
        .where('updated_at', '<', staleSince)
        .where('office_path', 'like', prefix),
    ),
  ]);
  const sum = (pick: (r: (typeof rows)[number]) => boolean) =>
    rows.filter(pick).reduce((n, r) => n + Number(r.n), 0);
  const byStatus = (status: string) => sum((r) => r.flag === '' && r.status === status);
  const byFlag = (flag: string) => sum((r) => r.flag === flag);
  return {
    draft: byStatus('draft'),
    submitted: byStatus('submitted'),
    validated: byStatus('validated'),
    registered: byStatus('registered'),
    rejected: byFlag(QUEUE_FLAGS.rejected),
    possibleDuplicate: byFlag(QUEUE_FLAGS.possibleDuplicate),
    amendmentRequested: byFlag(QUEUE_FLAGS.amendmentRequested),
    staleDrafts: stale.total,
    staleDraftsIs: stale.totalIs,
    selfRegistered: byFlag(QUEUE_FLAGS.selfRegistered),
  };
}

/** One counter that was wrong: what it said and what the records say. */
export interface CounterFix {
  officeId: string;
  kind: string;
  status: string;
  flag: string;
  was: number;
  is: number;
}

/**
 * The counters rebuilt from the records, under a SHARE lock on `records` (reads go on, writes wait
 * for the recount, so nothing changes between counting and writing); returns the counters that
 * were wrong. The benchmark's loader, which writes rows with triggers off, ends with it.
 */
export async function recountRecords(db: Kysely<Database>): Promise<CounterFix[]> {
  return db.transaction().execute(async (trx) => {
    await sql`LOCK TABLE records IN SHARE MODE`.execute(trx);
    await sql`
      CREATE TEMPORARY TABLE record_counts_truth ON COMMIT DROP AS
      SELECT r.office_id, min(r.office_path) AS office_path, r.kind, r.status, f.flag, count(*) AS n
        FROM records r
        CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(ARRAY['']::text[] || r.flags) x) f(flag)
       GROUP BY r.office_id, r.kind, r.status, f.flag
    `.execute(trx);
    const { rows } = await sql<{
      office_id: string;
      kind: string;
      status: string;
      flag: string;
      was: string | null;
      is: string | null;
    }>`
      SELECT office_id, kind, status, flag, c.n AS was, t.n AS is
        FROM record_counts_truth t
        FULL JOIN record_counts c USING (office_id, kind, status, flag)
       WHERE coalesce(c.n, 0) <> coalesce(t.n, 0)
    `.execute(trx);
    await sql`DELETE FROM record_counts`.execute(trx);
    await sql`
      INSERT INTO record_counts (office_id, office_path, kind, status, flag, n)
      SELECT office_id, office_path, kind, status, flag, n FROM record_counts_truth
       ORDER BY office_id, kind, status, flag
    `.execute(trx);
    return rows
      .map((r) => ({
        officeId: r.office_id,
        kind: r.kind,
        status: r.status,
        flag: r.flag,
        was: Number(r.was ?? 0),
        is: Number(r.is ?? 0),
      }))
      .filter((r) => r.was !== r.is);
  });
}
