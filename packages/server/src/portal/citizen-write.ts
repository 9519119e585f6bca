import { createHash } from 'node:crypto';
import { todayIn } from '@sabt/core';
import type { Kysely, Transaction } from 'kysely';
import { type AuditEvent, canonicalJson } from '../audit/audit-log.ts';
import { auditWritten } from '../audit/sequencer.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { DomainError } from '../errors/domain-error.ts';
import { appendAuditAndEvents } from '../outbox/append-outbox.ts';
import { retryOnConflict, type WriteRequest, type WriteResult } from '../unit-of-work/write.ts';
import { applicationDb } from './application-tables.ts';
import type { CitizenActor } from './sessions.ts';

/** What a citizen's command gets: its transaction, the citizen, the civil date, the audit entries to append. */
export interface CitizenWriteContext {
  trx: Transaction<Database>;
  citizen: CitizenActor;
  config: Config;
  now: Date;
  today: string;
  audit: AuditEvent[];
}

/** The keys' table (migration 039) as application-tables.ts types it. */
const keysOf = (db: Kysely<Database> | Transaction<Database>) => applicationDb(db as Kysely<Database>);

/**
 * A citizen's write, as unit-of-work/write.ts runWrite is a staff user's: one transaction, the
 * Idempotency-Key's stored answer given back (a key reused for another request refused), the
 * answer kept under the key (citizen_idempotency_keys, migration 039) beside the audit entries. A
 * concurrent request with the same key gives way to the first and answers with its answer; a
 * transaction that lost a race (deadlock, serialisation) runs again.
 */
export async function runCitizenWrite<T>(
  { db }: Db,
  citizen: CitizenActor,
  config: Config,
  req: WriteRequest,
  command: (ctx: CitizenWriteContext) => Promise<WriteResult<T>>,
): Promise<WriteResult<T>> {
  const key = req.key;
  if (key !== undefined && (key.length === 0 || key.length > 200)) {
    throw new DomainError('malformed', 'problem.validation', {}, [
      { path: ['Idempotency-Key'], key: 'error.tooLong', params: { max: 200 } },
    ]);
  }
  const requestHash = createHash('sha256').update(canonicalJson(req.fingerprint)).digest('hex');
  const stored = async (q: Kysely<Database> | Transaction<Database>): Promise<WriteResult<T> | undefined> => {
    const prior = await keysOf(q)
      .selectFrom('citizen_idempotency_keys')
      .select(['request_hash', 'status_code', 'response'])
      .where('citizen_id', '=', citizen.id)
      .where('key', '=', key!)
      .executeTakeFirst();
    if (!prior) return undefined;
    if (prior.request_hash !== requestHash) throw new DomainError('invalid', 'problem.idempotencyMismatch');
    return { status: prior.status_code, body: prior.response as T, replayed: true };
  };
  let wroteAudit = false;
  let written: WriteResult<T>;
  try {
    written = await retryOnConflict(() =>
      db.transaction().execute(async (trx) => {
        wroteAudit = false;
        if (key) {
          const replay = await stored(trx);
          if (replay) return replay;
        }
        const now = new Date();
        const ctx: CitizenWriteContext = {
          trx,
          citizen,
          config,
          now,
          today: todayIn(config.timeZone, now),
          audit: [],
        };
        const result = await command(ctx);
        if (key) {
          const kept = await keysOf(trx)
            .insertInto('citizen_idempotency_keys')
            .values({
              citizen_id: citizen.id,
              key,
              request_hash: requestHash,
              status_code: result.status,
              response: JSON.stringify(result.body),
            })
            .onConflict((oc) => oc.columns(['citizen_id', 'key']).doNothing())
            .returning('key')
            .executeTakeFirst();
          if (!kept) throw new KeyTaken();
        }
        await appendAuditAndEvents(trx, ctx.audit, []);
        wroteAudit = ctx.audit.length > 0;
        return result;
      }),
    );
  } catch (err) {
    const replay = key ? await stored(db) : undefined;
    if (replay) return replay;
    throw err;
  }
  if (wroteAudit) auditWritten();
  return written;
}

class KeyTaken extends Error {}
