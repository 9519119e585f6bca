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
