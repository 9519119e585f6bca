import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import {
  AnchorRefused,
  anchorAudit,
  anchorKey,
  publicKeyFromBase64,
  readAnchorFile,
  verifyAnchors,
} from './anchor.ts';
import { appendAudit, FULL_WALK_EVENT, verifyAudit } from './audit-log.ts';
import { verifyRecords } from './record-hashes.ts';
import { sequenceAudit } from './sequencer.ts';

export const AUDIT_HELP = `  sabt audit verify [--anchors FILE] [--public-key KEY]
                               chain the audit entries committed but not chained yet, then check the
                               audit log's hash chain and the registry's actions, versions and
                               registered data against it; with --anchors, also that the chain
                               still holds every anchor of FILE (signed by KEY, base64; default: the
                               anchor key of SABT_KEY_PASSPHRASE); exit 1 if anything was altered;
                               the outcome is kept as an audit entry (audit.verified), which the
                               auditor's view shows as the last walk of the whole chain
  sabt audit anchor            sign the audit chain's head now (as the job audit.anchor does every
                               SABT_AUDIT_ANCHOR_MINUTES) and append it to SABT_AUDIT_ANCHOR_FILE`;

/** `sabt audit anchor`: the head signed (or the newest anchor, when the head has not moved). */
export async function auditAnchorCommand(db: Kysely<Database>, config: Config): Promise<number> {
  try {
    const { anchor, created } = await anchorAudit(db, config);
    console.log(
      created
        ? `audit chain anchored at entry ${anchor.seq} (${anchor.hash})`
        : `audit chain unchanged since its anchor at entry ${anchor.seq} (${anchor.hash}): nothing signed`,
    );
    console.log(`anchor key: ${anchor.keyId} public key ${anchor.publicKey}`);
    console.log(`anchor file: ${config.auditAnchorFile || 'none (SABT_AUDIT_ANCHOR_FILE)'}`);
    return 0;
  } catch (e) {
    if (e instanceof AnchorRefused) {
      console.error(`not anchored: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

/** `sabt audit verify [--anchors FILE] [--public-key KEY]`. */
export async function auditVerifyCommand(
  db: Kysely<Database>,
  config: Config,
  opts: { anchors?: string | undefined; publicKey?: string | undefined },
): Promise<number> {
  let anchorProblems = 0;
  let anchorsChecked = 0;
  if (opts.anchors) {
    let anchors: ReturnType<typeof readAnchorFile>;
    let trusted: ReturnType<typeof publicKeyFromBase64>;
    try {
      anchors = readAnchorFile(opts.anchors);
      trusted = opts.publicKey
        ? publicKeyFromBase64(opts.publicKey)
        : anchorKey(config.keyPassphrase).publicKey;
    } catch (e) {
      console.error(e instanceof Error ? e.message : String(e));
      return 2;
    }
    const found = await verifyAnchors(db, anchors, trusted);
    for (const f of found) console.log(`anchor ${f.seq}: ${f.problem} — ${f.detail}`);
    anchorProblems = found.length;
    anchorsChecked = anchors.length;
  }
  await sequenceAudit(db);
  const chain = await verifyAudit(db);
  for (const f of chain.findings) console.log(`entry ${f.seq}: ${f.problem} — ${f.detail}`);
  const records = await verifyRecords(db);
  for (const f of records.findings) console.log(`${f.table} ${f.id}: ${f.problem} — ${f.detail}`);
  const problems = anchorProblems + chain.findings.length + records.findings.length;
  // the walk is itself an audit entry: the auditor's view tells when the whole chain was last walked
  await appendAudit(db, [
    {
      event: FULL_WALK_EVENT,
      detail: {
        entries: chain.entries,
        upTo: chain.upTo,
        ok: problems === 0,
        findings: problems,
        actions: records.actions,
        versions: records.versions,
        ...(opts.anchors ? { anchors: anchorsChecked } : {}),
      },
    },
  ]);
  await sequenceAudit(db);
  const also =
    `${records.actions} actions, ${records.versions} versions` +
    (opts.anchors ? `, ${anchorsChecked} anchors` : '') +
    (chain.pending ? `; ${chain.pending} entries committed since, not chained yet` : '');
  console.log(
    problems === 0
      ? `audit log intact: ${chain.entries} entries verified; ${also}`
      : `audit log TAMPERED: ${problems} finding(s) in ${chain.entries} entries; ${also}`,
  );
  return problems === 0 ? 0 : 1;
}
