import { type KeyObject, sign, verify } from 'node:crypto';
import { z } from 'zod';

/**
 * The text in a certificate's QR code: `SABT1.<base64url(JSON)>.<base64url(Ed25519 signature)>`,
 * the signature over everything before the last dot. Short on purpose (a small, readable QR):
 * r record id, v record version, c certificate number (series + number), k key id, d issue date.
 */

export const PAYLOAD_PREFIX = 'SABT1';
/** Longer input is not a payload: refuse it before any parsing. */
export const MAX_PAYLOAD_LENGTH = 600;

export interface QrClaims {
  r: string;
  v: number;
  c: string;
  k: string;
  d: string;
}

const claimsSchema = z.strictObject({
  r: z.uuid(),
  v: z.number().int().min(1).max(100_000),
  c: z.string().min(1).max(60),
  k: z.string().min(1).max(60),
  d: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export function signPayload(claims: QrClaims, key: KeyObject): string {
  // fixed key order: the same claims always make the same text
  const json = JSON.stringify({ r: claims.r, v: claims.v, c: claims.c, k: claims.k, d: claims.d });
  const body = `${PAYLOAD_PREFIX}.${Buffer.from(json, 'utf8').toString('base64url')}`;
  const signature = sign(null, Buffer.from(body, 'ascii'), key);
  return `${body}.${signature.toString('base64url')}`;
}

export type ParsedPayload =
  | { ok: true; claims: QrClaims; body: string; signature: Buffer }
  | { ok: false; reason: 'format' };

const B64URL = /^[A-Za-z0-9_-]+$/;

/** Reads a payload (or a verification URL that carries one as `?c=`) without trusting it yet. */
export function parsePayload(input: string): ParsedPayload {
  let text = input.trim();
  if (text.length > MAX_PAYLOAD_LENGTH * 3) return { ok: false, reason: 'format' };
  const inUrl = /[?&]c=([^&#\s]+)/.exec(text);
  if (inUrl?.[1]) {
    try {
      text = decodeURIComponent(inUrl[1]);
    } catch {
      return { ok: false, reason: 'format' };
    }
  }
  if (text.length > MAX_PAYLOAD_LENGTH) return { ok: false, reason: 'format' };
  const parts = text.split('.');
  if (parts.length !== 3 || parts[0] !== PAYLOAD_PREFIX) return { ok: false, reason: 'format' };
  const [, json64, sig64] = parts as [string, string, string];
  if (!B64URL.test(json64) || !B64URL.test(sig64)) return { ok: false, reason: 'format' };
  const signature = Buffer.from(sig64, 'base64url');
  if (signature.length !== 64) return { ok: false, reason: 'format' };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(json64, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'format' };
  }
  const claims = claimsSchema.safeParse(raw);
  if (!claims.success) return { ok: false, reason: 'format' };
  return { ok: true, claims: claims.data, body: `${PAYLOAD_PREFIX}.${json64}`, signature };
}

export function verifySignature(parsed: { body: string; signature: Buffer }, key: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(parsed.body, 'ascii'), key, parsed.signature);
  } catch {
    return false;
  }
}
