import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { type AuditEvent, appendAudit, canonicalJson } from '../audit/audit-log.ts';
import { auditWritten } from '../audit/sequencer.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { WriteRequest, WriteResult } from '../unit-of-work/write.ts';
import { questionDb } from './question-tables.ts';
import type { CitizenActor } from './sessions.ts';

/** What a citizen's command gets: its transaction, the citizen, the moment and the audit entries to append. */
export interface CitizenWriteContext {
  trx: Transaction<Database>;
  citizen: CitizenActor;
  config: Config;
  now: Date;
  audit: AuditEvent[];
}

class KeyTaken extends Error {}

/**
 * A citizen's write, as unit-of-work/write.ts's runWrite is a staff member's: one transaction, its
 * audit entries appended in it, and with an Idempotency-Key the answer stored under the citizen and
 * the key, so that a retry (or the same request sent twice at once) gets the first answer and
 * changes nothing. A key used again for another request is refused; a failed command leaves nothing.
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
  const stored = async (q: Kysely<Database>): Promise<WriteResult<T> | undefined> => {
    const prior = await questionDb(q)
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
    written = await db.transaction().execute(async (trx) => {
      if (key) {
        const replay = await stored(trx);
        if (replay) return replay;
      }
      const ctx: CitizenWriteContext = { trx, citizen, config, now: new Date(), audit: [] };
      const result = await command(ctx);
      if (key) {
        const kept = await questionDb(trx)
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
      await appendAudit(trx, ctx.audit);
      wroteAudit = ctx.audit.length > 0;
      return result;
    });
  } catch (err) {
    // rolled back: a request with the same key that committed meanwhile answers for this one
    const replay = key ? await stored(db) : undefined;
    if (replay) return replay;
    throw err;
  }
  if (wroteAudit) auditWritten();
  return written;
}
