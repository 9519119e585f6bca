import {
  createHash,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  scryptSync,
  sign,
  verify,
} from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { canonicalJson, lockAuditHead } from './audit-log.ts';
import { sequenceAudit } from './sequencer.ts';

/**
 * Anchors of the audit chain outside the database. An anchor is the chain's head (sequence number
 * and hash) signed with the anchor key, an Ed25519 key derived from SABT_KEY_PASSPHRASE, which the
 * database does not hold. Each anchor is kept in `audit_anchors`, published at
 * GET /api/v1/audit/anchors/latest and appended as a JSON line to SABT_AUDIT_ANCHOR_FILE, a file an
 * external party keeps. `sabt audit verify --anchors FILE` then finds any rewrite of the chain older
 * than the newest anchor: the chain must still hold every anchored (seq, hash) and extend it.
 */

export const ANCHOR_FORMAT = 'sabt-audit-anchor/1';

export interface AuditAnchor {
  format: typeof ANCHOR_FORMAT;
  seq: number;
  hash: string;
  /** When it was signed (ISO 8601). */
  at: string;
  /** The first 16 hex digits of the SHA-256 of the public key. */
  keyId: string;
  /** The Ed25519 public key, raw 32 bytes in base64. */
  publicKey: string;
  /** Ed25519 over the canonical JSON of {format, seq, hash, at, keyId}, base64. */
  signature: string;
}

const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

export interface AnchorKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** raw 32 bytes, base64 */
  publicKeyBase64: string;
  keyId: string;
}

const keys = new Map<string, AnchorKey>();

/** The anchor key: derived from the passphrase with scrypt under a salt of its own. */
export function anchorKey(passphrase: string): AnchorKey {
  const id = createHash('sha256').update(passphrase).digest('hex');
  let key = keys.get(id);
  if (!key) {
    const seed = scryptSync(passphrase, 'sabt-audit-anchor-key/1', 32, {
      N: 2 ** 15,
      maxmem: 64 * 1024 * 1024,
    });
    const privateKey = createPrivateKey({
      key: Buffer.concat([PKCS8_ED25519, seed]),
      format: 'der',
      type: 'pkcs8',
    });
    const publicKey = createPublicKey(privateKey);
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519.length);
    key = {
      privateKey,
      publicKey,
      publicKeyBase64: raw.toString('base64'),
      keyId: keyIdOf(raw),
    };
    keys.set(id, key);
  }
  return key;
}

const keyIdOf = (raw: Buffer) => createHash('sha256').update(raw).digest('hex').slice(0, 16);

/** A public key given as base64 of its raw 32 bytes (as anchors and `sabt audit anchor` show it). */
export function publicKeyFromBase64(b64: string): KeyObject {
  const raw = Buffer.from(b64.trim(), 'base64');
  if (raw.length !== 32) throw new Error('an anchor public key is 32 bytes in base64');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: 'der', type: 'spki' });
}

const signedPart = (a: Pick<AuditAnchor, 'seq' | 'hash' | 'at' | 'keyId'>) =>
  Buffer.from(canonicalJson({ format: ANCHOR_FORMAT, seq: a.seq, hash: a.hash, at: a.at, keyId: a.keyId }));

/** True when the anchor is signed by `publicKey` (and names that key). */
export function anchorSignatureValid(a: AuditAnchor, publicKey: KeyObject): boolean {
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519.length);
  if (a.keyId !== keyIdOf(raw)) return false;
  try {
    return verify(null, signedPart(a), publicKey, Buffer.from(a.signature, 'base64'));
  } catch {
    return false;
  }
}

type AnchorRow = Database['audit_anchors'];

function fromRow(r: AnchorRow): AuditAnchor {
  return {
    format: ANCHOR_FORMAT,
    seq: Number(r.seq),
    hash: r.hash,
    at: new Date(r.signed_at).toISOString(),
    keyId: r.key_id,
    publicKey: r.public_key,
    signature: r.signature,
  };
}

/** The newest anchor, or null before the first. */
export async function latestAnchor(db: Kysely<Database>): Promise<AuditAnchor | null> {
  const row = await db
    .selectFrom('audit_anchors')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

export class AnchorRefused extends Error {}

/**
 * Chains the entries waiting for the sequencer, then signs the chain's head, unless the newest
 * anchor already names it (then that one is the answer: anchoring is idempotent while the head
 * does not move). Refused, and nothing signed, when the
 * chain no longer holds the newest anchor's entry or its head went back: a rewritten chain is
 * never anchored. Each anchor, new or not, is then in the anchor file.
 */
export async function anchorAudit(
  db: Kysely<Database>,
  config: Pick<Config, 'keyPassphrase' | 'auditAnchorFile'>,
): Promise<{ anchor: AuditAnchor; created: boolean }> {
  const key = anchorKey(config.keyPassphrase);
  // what has committed is chained first, so the anchor covers it
  await sequenceAudit(db);
  const result = await db.transaction().execute(async (trx) => {
    const head = await lockAuditHead(trx);
    const last = await latestAnchor(trx);
    if (last) {
      if (!anchorSignatureValid(last, key.publicKey))
        throw new AnchorRefused(`the newest anchor (entry ${last.seq}) is not signed by the anchor key`);
      if (head.seq === last.seq && head.hash === last.hash) return { anchor: last, created: false };
      const entry = await trx
        .selectFrom('audit_log')
        .select('hash')
        .where('seq', '=', last.seq)
        .executeTakeFirst();
      if (head.seq < last.seq || entry?.hash !== last.hash)
        throw new AnchorRefused(
          `the audit chain no longer holds the anchored entry ${last.seq}: it was rewritten (run sabt audit verify)`,
        );
    }
    const unsigned = { seq: head.seq, hash: head.hash, at: new Date().toISOString(), keyId: key.keyId };
    const anchor: AuditAnchor = {
      format: ANCHOR_FORMAT,
      ...unsigned,
      publicKey: key.publicKeyBase64,
      signature: sign(null, signedPart(unsigned), key.privateKey).toString('base64'),
    };
    await trx
      .insertInto('audit_anchors')
      .values({
        seq: anchor.seq,
        hash: anchor.hash,
        signed_at: new Date(anchor.at),
        key_id: anchor.keyId,
        public_key: anchor.publicKey,
        signature: anchor.signature,
      })
      .execute();
    return { anchor, created: true };
  });
  if (config.auditAnchorFile) appendAnchorLine(config.auditAnchorFile, result.anchor);
  return result;
}

/** Appends the anchor to the file unless its last line is that anchor already. */
function appendAnchorLine(file: string, anchor: AuditAnchor) {
  const line = JSON.stringify(anchor);
  if (existsSync(file)) {
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    if (lines.at(-1) === line) return;
  } else {
    mkdirSync(path.dirname(file), { recursive: true });
  }
  appendFileSync(file, `${line}\n`, { mode: 0o644 });
}

/** The anchors of an anchor file (JSON lines); a line that is not an anchor is an error. */
export function readAnchorFile(file: string): AuditAnchor[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      let a: AuditAnchor;
      try {
        a = JSON.parse(l);
      } catch {
        throw new Error(`${file}, line ${i + 1}: not JSON`);
      }
      if (
        a?.format !== ANCHOR_FORMAT ||
        !Number.isInteger(a.seq) ||
        typeof a.hash !== 'string' ||
        typeof a.signature !== 'string'
      )
        throw new Error(`${file}, line ${i + 1}: not a Sabt audit anchor`);
      return a;
    });
}

export interface AnchorFinding {
  seq: number;
  problem: 'bad-signature' | 'not-in-chain' | 'chain-too-short';
  detail: string;
}

/**
 * Checks anchors against the chain in the database: each signed by the trusted key, and each
 * anchored (seq, hash) still an entry of the chain. With verifyAudit's walk (every link and hash,
 * the head) this shows the chain extends every anchor.
 */
export async function verifyAnchors(
  db: Kysely<Database>,
  anchors: AuditAnchor[],
  trusted: KeyObject,
): Promise<AnchorFinding[]> {
  const findings: AnchorFinding[] = [];
  const head = await db.selectFrom('audit_head').select(['seq']).where('id', '=', 1).executeTakeFirst();
  const headSeq = Number(head?.seq ?? 0);
  for (const a of anchors) {
    if (!anchorSignatureValid(a, trusted)) {
      findings.push({
        seq: a.seq,
        problem: 'bad-signature',
        detail: `the anchor of entry ${a.seq} is not signed by the anchor key`,
      });
      continue;
    }
    if (a.seq === 0) continue;
    const entry = await db.selectFrom('audit_log').select('hash').where('seq', '=', a.seq).executeTakeFirst();
    if (!entry)
      findings.push({
        seq: a.seq,
        problem: 'chain-too-short',
        detail: `entry ${a.seq}, anchored on ${a.at}, is gone: the chain was cut back`,
      });
    else if (entry.hash !== a.hash)
      findings.push({
        seq: a.seq,
        problem: 'not-in-chain',
        detail: `entry ${a.seq} is not the one anchored on ${a.at}: the chain was rewritten`,
      });
    else if (headSeq < a.seq)
      findings.push({
        seq: a.seq,
        problem: 'chain-too-short',
        detail: `the head (${headSeq}) was moved back before entry ${a.seq}, anchored on ${a.at}`,
      });
  }
  return findings;
}
