import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { OUTBOX_CHANNEL, outboxWritten } from '../outbox/outbox-signal.ts';
import type { JobDefinition } from './job.ts';
import { jobsDb } from './tables.ts';

/**
 * Asks for a job. Inside a transaction the job exists only if the transaction commits: the
 * request is a row of `job_requests`, which the dispatcher moves into the queue (in the transaction
 * that marks it dispatched). With a `key`, a second request with the same key for the same job is
 * ignored, and the key is what the handler's `once` records. The data is checked against the job's
 * schema here, so a wrong request fails its own transaction rather than its job.
 *
 * No pg-boss call is made here, so it is safe in any transaction, on PGlite's single connection too.
 */
export async function enqueue<T>(
  db: Kysely<Database> | Transaction<Database>,
  job: JobDefinition<T>,
  data: T,
  opts: { key?: string; startAfter?: Date } = {},
): Promise<void> {
  const checked = job.schema.parse(data);
  if (opts.key !== undefined && (opts.key.length === 0 || opts.key.length > 200))
    throw new Error('a job key is 1 to 200 characters');
  await jobsDb(db as Kysely<Database>)
    .with('asked', (q) =>
      q
        .insertInto('job_requests')
        .values({
          queue: job.name,
          dedupe_key: opts.key ?? null,
          data: JSON.stringify(checked ?? null),
          start_after: opts.startAfter ?? null,
        })
        .onConflict((oc) =>
          oc.columns(['queue', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing(),
        )
        .returning('id'),
    )
    .selectFrom('asked')
    .select(sql<string>`pg_notify(${OUTBOX_CHANNEL}, '')`.as('notified'))
    .execute();
  // Outside a transaction it is committed already: the dispatcher of this process may move it now.
  if (!db.isTransaction) outboxWritten();
}
