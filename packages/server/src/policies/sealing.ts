import { type Role, readsSealed, recordPart, sealedAccess } from '@sabt/core';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';
import { forbidden } from '../errors/domain-error.ts';

/**
 * Adoption secrecy on the server: every read path asks here what of a record is sealed and what
 * this reader sees of it; the rule itself is core's `sealedAccess`.
 */
export interface SealInfo {
  /** Whether this record holds sealed data at all. */
  sealed: boolean;
  /** The whole record is secret (an adoption record), not only earlier versions. */
  whole: boolean;
  versions: Set<number>;
  /** Actions up to this one carry the sealed original data. */
  untilActionId: number;
  /** The user may see sealed data (every such view is audited). */
  canSee: boolean;
}

/** What of a record is sealed under adoption secrecy, and whether this reader (null: the public) may see it. */
export async function sealInfo(
  db: Kysely<Database>,
  reader: Actor | Role | null,
  rec: { id: string; kind: string; flags: string[] },
): Promise<SealInfo> {
  const canSee = readsSealed(roleOf(reader));
  if (!rec.flags.includes('sealed')) {
    return { sealed: false, whole: false, versions: new Set(), untilActionId: 0, canSee };
  }
  const rows = await db
    .selectFrom('sealed_versions')
    .select(['version', 'action_id'])
    .where('record_id', '=', rec.id)
    .execute();
  const whole = recordPart(rec) === 'adoption-record';
  return {
    sealed: true,
    whole,
    versions: new Set(rows.map((r) => r.version)),
    untilActionId: whole
      ? Number.MAX_SAFE_INTEGER
      : Math.max(0, ...rows.map((r) => Number(r.action_id ?? 0))),
    canSee,
  };
}

const roleOf = (reader: Actor | Role | null): Role | null =>
  reader === null || typeof reader === 'string' ? reader : reader.role;

/** Nothing sealed, all shown: for records read without a reader's seal (presenters' default). */
export const NOT_SEALED: SealInfo = {
  sealed: false,
  whole: false,
  versions: new Set(),
  untilActionId: 0,
  canSee: true,
};

/** The record's current data is withheld from this reader (an adoption record to one who may not see it). */
export function dataHidden(seal: SealInfo): boolean {
  return seal.whole && !seal.canSee;
}

/** A version of the record is sealed (whoever reads it). */
export function versionSealed(seal: SealInfo, version: number): boolean {
  return seal.whole || seal.versions.has(version);
}

/** A version's data is withheld from this reader. */
export function versionHidden(seal: SealInfo, version: number): boolean {
  return versionSealed(seal, version) && !seal.canSee;
}

/** An action's payload (data, differences, a patch) names sealed data this reader may not see. */
export function actionHidden(seal: SealInfo, actionId: number): boolean {
  return seal.sealed && !seal.canSee && actionId <= seal.untilActionId;
}

/** Corrections and notations an extract lists only after this action (0: all of them). */
export function extractNotesAfter(seal: SealInfo): number {
  return seal.sealed && !seal.canSee ? seal.untilActionId : 0;
}

/** Refuses a document of a sealed version (an adoption certificate, a birth certificate of before) to one who may not see it. */
export function assertMaySeeVersion(seal: SealInfo, version: number): void {
  if (versionHidden(seal, version)) throw forbidden();
}

/** Refuses a document of the record as it stands when its data is withheld (an adoption record). */
export function assertMaySeeData(seal: SealInfo): void {
  if (dataHidden(seal)) throw forbidden();
}

/** Sealed data was shown to this reader: the read is audited as a sealed read. */
export function sealedShown(seal: SealInfo, what: 'record' | 'any' = 'any'): boolean {
  return seal.canSee && (what === 'record' ? seal.whole : seal.sealed);
}

/** Search: whether a reader's search looks through sealed names and sealed adoption records. */
export function searchesSealed(actor: Actor): boolean {
  return readsSealed(actor.role);
}

/**
 * SQL on `records as r`: the record is an adoption record under seal. Search leaves these out for
 * one who may not see them: finding one by a name, a document or a number would tell the adoption.
 */
export const SEALED_ADOPTION_SQL = sql<boolean>`(r.kind = 'ADOPTION' and 'sealed' = any(r.flags))`;

/** A list or search row of a record: its names and dates are withheld where the record's data is. */
export function rowAccess(actor: Actor, rec: { kind: string; flags: readonly string[] }) {
  return sealedAccess(actor.role, recordPart(rec));
}

/**
 * The records among list or search rows whose sealed data this reader was shown, to audit the
 * read: adoption records shown in full, and records found by a sealed name (`sealedMatch`).
 */
export function sealedRowsShown(
  actor: Actor,
  rows: readonly { id: string; kind: string; flags: readonly string[]; sealedMatch?: boolean }[],
): string[] {
  if (!readsSealed(actor.role)) return [];
  return rows.filter((r) => r.sealedMatch || recordPart(r) === 'adoption-record').map((r) => r.id);
}

/**
 * The public check of a certificate (read with `sealInfo(db, null, record)`) names the people on
 * it only when the certified version is not sealed; an adoption's own certificate names nobody
 * even before the seal, as the adoption itself is the secret.
 */
export function publicNamesShown(seal: SealInfo, rec: { kind: string }, version: number): boolean {
  return rec.kind !== 'ADOPTION' && !versionHidden(seal, version);
}
