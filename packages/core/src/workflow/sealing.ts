import type { Role } from './roles.ts';

/**
 * Adoption secrecy (тайна усыновления): who may read what an adoption sealed. The one rule every
 * read path asks (search, lists and queues, the record with its versions and history,
 * certificates and extracts, the public check of a certificate).
 *
 * - `current`: a record as it stands, the adopted child's birth record as the adoption made it
 *   included. Everyone who may read the record reads it in full: this is the post-adoption data.
 * - `sealed-version`: what an adopted child's birth record said before the adoption (its earlier
 *   versions, the actions and differences that name them, the names they held), and after a
 *   court annulled the adoption, the versions that named the adopters.
 * - `adoption-record`: the adoption record itself (the child before and after, the birth and the
 *   adoptive parents, the court decision); its existence shows, its data and names do not.
 */
export type SealedPart = 'current' | 'sealed-version' | 'adoption-record';

/** `full`: the data as stored; `masked`: the sealed data withheld (only post-adoption data shown). */
export type SealedAccess = 'full' | 'masked';

/**
 * Roles that may read sealed data: the registrar, who registers and amends acts, and the head of
 * office, who answers for the office's records. Everyone else (front and back office, archivist,
 * verifier, central administrator, statistician, auditor) and the public reading a certificate's
 * check see only post-adoption data. Every view of sealed data by a reader is audited.
 */
export const SEALED_READERS: readonly Role[] = ['registrar', 'head_of_office'];

/** What a reader sees of a part of a record; `null` is the public (a certificate's check). */
export function sealedAccess(role: Role | null, part: SealedPart): SealedAccess {
  if (part === 'current') return 'full';
  return role !== null && SEALED_READERS.includes(role) ? 'full' : 'masked';
}

/** Whether a role reads sealed data in full (the parts other than `current`). */
export function readsSealed(role: Role | null): boolean {
  return sealedAccess(role, 'sealed-version') === 'full';
}

/** A record's own part as it stands: an adoption record under seal, else its current data. */
export function recordPart(rec: { kind: string; flags: readonly string[] }): SealedPart {
  return rec.kind === 'ADOPTION' && rec.flags.includes('sealed') ? 'adoption-record' : 'current';
}
