import { z } from 'zod';
import { iso } from './shapes.ts';

/**
 * A signed anchor of the audit chain (GET /audit/anchors/latest): the chain's head, its sequence
 * number and hash, signed with Sabt's anchor key. Whoever keeps anchors can later show that the
 * chain still holds each of them (`sabt audit verify --anchors`).
 */
export const auditAnchorSchema = z
  .object({
    format: z.literal('sabt-audit-anchor/1'),
    seq: z.int().nonnegative().describe('the sequence number of the newest audit entry anchored'),
    hash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('its hash (SHA-256, hex)'),
    at: iso.describe('when it was signed'),
    keyId: z.string().describe('the first 16 hex digits of the SHA-256 of the public key'),
    publicKey: z.string().describe('the Ed25519 public key, its raw 32 bytes in base64'),
    signature: z
      .string()
      .describe(
        'Ed25519 signature (base64) of the canonical JSON of {format, seq, hash, at, keyId}, keys sorted',
      ),
  })
  .describe('The newest signed anchor of the audit chain');
export type AuditAnchorAnswer = z.infer<typeof auditAnchorSchema>;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** An entry's place in the chain: `chained` (it has its seq and hashes) or `waiting` for the sequencer. */
export const AUDIT_CHAIN_STATES = ['chained', 'waiting'] as const;
export type AuditChainState = (typeof AUDIT_CHAIN_STATES)[number];

/** One audit log entry as the auditor's view shows it (GET /audit/entries). */
export const auditEntrySchema = z
  .object({
    id: z.int().describe("the entry's own number, in the order entries were written"),
    seq: z.int().nullable().describe('its place in the hash chain; null while it waits for the sequencer'),
    at: iso,
    actor: z
      .object({
        id: z.string().nullable(),
        login: z.string().nullable(),
        name: z.string().nullable().describe("the user's full name, when the login is a user's"),
      })
      .nullable()
      .describe('who did it; null for what Sabt did by itself'),
    office: z
      .object({ id: z.string(), name: z.object({ tg: z.string(), ru: z.string(), en: z.string() }) })
      .nullable(),
    event: z.string().describe('what was done or read, e.g. record.register, record.read, search'),
    recordId: z.string().nullable().describe('the record the entry names'),
    detail: z
      .record(z.string(), z.unknown())
      .describe("what the entry says besides, personal data masked as the reader's role sees it"),
    chain: z.enum(AUDIT_CHAIN_STATES),
    prevHash: sha256Hex.nullable(),
    hash: sha256Hex.nullable(),
  })
  .describe('An audit log entry');
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditEntriesSchema = z
  .object({
    limit: z.int(),
    next: z
      .string()
      .nullable()
      .describe('page token of the next (older) page: pass it as `page`; null on the last page'),
    items: z.array(auditEntrySchema),
  })
  .describe('One page of audit entries, newest first; pages follow one another by their tokens');
export type AuditEntries = z.infer<typeof auditEntriesSchema>;

export const auditFindingSchema = z.object({
  seq: z.int(),
  problem: z.string().describe('altered, missing, inserted, broken-link, head-mismatch, anchor …'),
  detail: z.string(),
});

/** The chain's status as the auditor's view shows it (GET /audit/status). */
export const auditStatusSchema = z
  .object({
    head: z.object({ seq: z.int(), hash: sha256Hex }).describe("the chain's head: its last chained entry"),
    waiting: z
      .int()
      .describe('entries committed and not chained yet (the sequencer chains them within a second)'),
    verified: z
      .object({
        from: z.int().describe('the walk started after this entry (the last anchor, or 0 for the start)'),
        to: z.int().describe('the walk checked every entry up to this one'),
        entries: z.int(),
        complete: z.boolean().describe('true when the walk reached the head'),
        ok: z.boolean(),
      })
      .describe('the walk this answer made: every hash and link from the last anchor on'),
    anchor: z
      .object({
        seq: z.int(),
        hash: sha256Hex,
        at: iso,
        keyId: z.string(),
        signatureValid: z.boolean().describe("signed by this server's anchor key"),
        inChain: z.boolean().describe('the chain still holds the anchored entry with that hash'),
      })
      .nullable()
      .describe('the newest anchor; null before the first'),
    lastFullWalk: z
      .object({
        at: iso,
        entries: z.int(),
        upTo: z.int(),
        ok: z.boolean(),
        findings: z.int(),
      })
      .nullable()
      .describe(
        'the last walk of the whole chain (`sabt audit verify`), as its audit entry says; null if never',
      ),
    ok: z.boolean().describe('nothing found broken'),
    findings: z.array(auditFindingSchema),
  })
  .describe("The audit chain's status");
export type AuditStatus = z.infer<typeof auditStatusSchema>;
