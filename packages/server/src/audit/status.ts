import type { AuditStatus } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { anchorKey, anchorSignatureValid, latestAnchor } from './anchor.ts';
import { FULL_WALK_EVENT, GENESIS_HASH, waitingEntries, walkChain } from './audit-log.ts';

/** The most entries the status walks in one answer (about a second's work); `sabt audit verify` walks them all. */
export const STATUS_WALK_LIMIT = 100_000;

/**
 * The chain's status for the auditor's view, computed without a lock (writers and the sequencer go
 * on while it reads):
 *
 * - the head and the entries waiting for the sequencer;
 * - the newest anchor: whether this server's anchor key signed it and whether the chain still holds
 *   the anchored entry with that hash;
 * - a walk from that anchor to the head (every hash and link, the head's hash): the entries before
 *   the anchor were walked when it was signed and are held by it, so what is walked here is what was
 *   chained since (the anchor job signs every SABT_AUDIT_ANCHOR_MINUTES), never the whole log. With
 *   no anchor, or one the chain no longer holds, the walk starts at the beginning; it stops after
 *   `walkLimit` entries (then `complete` is false and `sabt audit verify` is the full walk);
 * - the last walk of the whole chain, as `sabt audit verify` left it in the log (`audit.verified`).
 */
export async function auditChainStatus(
  db: Kysely<Database>,
  config: { keyPassphrase: string },
  walkLimit = STATUS_WALK_LIMIT,
): Promise<AuditStatus> {
  const findings: AuditStatus['findings'] = [];
  // the head first: every entry up to it is chained and visible (the sequencer moves both at once)
  const headRow = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const head = { seq: Number(headRow?.seq ?? 0), hash: headRow?.hash ?? GENESIS_HASH };
  const waiting = await waitingEntries(db);

  const last = await latestAnchor(db);
  let anchor: AuditStatus['anchor'] = null;
  let start = { seq: 0, hash: GENESIS_HASH };
  if (last) {
    const signatureValid = anchorSignatureValid(last, anchorKey(config.keyPassphrase).publicKey);
    const entry =
      last.seq === 0
        ? { hash: GENESIS_HASH }
        : await db.selectFrom('audit_log').select('hash').where('seq', '=', last.seq).executeTakeFirst();
    const inChain = entry?.hash === last.hash && head.seq >= last.seq;
    anchor = { seq: last.seq, hash: last.hash, at: last.at, keyId: last.keyId, signatureValid, inChain };
    if (!signatureValid)
      findings.push({
        seq: last.seq,
        problem: 'anchor-signature',
        detail: `the newest anchor (entry ${last.seq}) is not signed by the anchor key`,
      });
    if (!inChain)
      findings.push({
        seq: last.seq,
        problem: 'anchor-not-in-chain',
        detail: `the chain no longer holds entry ${last.seq} as anchored on ${last.at}`,
      });
    if (signatureValid && inChain) start = { seq: last.seq, hash: last.hash };
  }

  const wanted = Math.max(0, head.seq - start.seq);
  const walk = await walkChain(db, start, { maxEntries: Math.min(wanted, walkLimit) });
  findings.push(...walk.findings);
  if (wanted <= walkLimit) {
    if (walk.last.seq !== head.seq)
      findings.push({
        seq: head.seq,
        problem: 'head-mismatch',
        detail: `the chain ends at entry ${walk.last.seq}, the head says ${head.seq}`,
      });
    else if (walk.last.hash !== head.hash)
      findings.push({
        seq: head.seq,
        problem: 'head-mismatch',
        detail: `the head's hash is not entry ${head.seq}'s`,
      });
  }

  const full = await db
    .selectFrom('audit_log')
    .select(['at', 'detail'])
    .where('event', '=', FULL_WALK_EVENT)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const fullDetail = (full?.detail ?? {}) as {
    entries?: number;
    upTo?: number;
    ok?: boolean;
    findings?: number;
  };

  return {
    head,
    waiting,
    verified: {
      from: start.seq,
      to: walk.last.seq,
      entries: walk.entries,
      complete: walk.last.seq >= head.seq,
      ok: walk.findings.length === 0,
    },
    anchor,
    lastFullWalk: full
      ? {
          at: new Date(full.at).toISOString(),
          entries: Number(fullDetail.entries ?? 0),
          upTo: Number(fullDetail.upTo ?? 0),
          ok: fullDetail.ok === true,
          findings: Number(fullDetail.findings ?? 0),
        }
      : null,
    ok: findings.length === 0,
    findings,
  };
}
