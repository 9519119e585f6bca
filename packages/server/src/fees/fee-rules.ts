import {
  calculateFee,
  checkFeeVersionDraft,
  type FeeQuery,
  type FeeVersion,
  type FeeVersionDraft,
  feeRules,
  feeVersionDraftSchema,
  mayAdministerFees,
  previewFeeVersion,
  todayIn,
} from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';
import { DomainError, forbidden } from '../errors/domain-error.ts';
import type { WriteContext } from '../unit-of-work/write.ts';
import { feeDb } from './tables.ts';

/**
 * The fee rules as Sabt applies them: the shipped defaults (core) overlaid by the versions the
 * central department stored (fee_rule_versions, append-only). Every read takes the stored versions
 * afresh, so every server computes with the same rules the moment one is added.
 */

type Row = {
  id: string | number;
  kind: FeeVersion['kind'];
  key: string;
  valid_from: string;
  valid_to: string | null;
  value: unknown;
  basis: unknown;
  verified: boolean;
  note: unknown;
  recorded_at: Date | string;
  recorded_by_login: string | null;
};

function present(r: Row): FeeVersion {
  const draft = feeVersionDraftSchema.parse({
    kind: r.kind,
    key: r.key,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    value: r.value,
    basis: r.basis,
    verified: r.verified,
    note: r.note,
  });
  return {
    ...draft,
    id: `v${r.id}`,
    source: 'stored',
    recordedAt: new Date(r.recorded_at).toISOString(),
    recordedBy: r.recorded_by_login,
  } as FeeVersion;
}

const storedRows = (db: Kysely<Database>) =>
  feeDb(db)
    .selectFrom('fee_rule_versions as v')
    .leftJoin('users as u', 'u.id', 'v.recorded_by')
    .selectAll('v')
    .select('u.login as recorded_by_login');

/** Every stored version, oldest first. */
export async function storedFeeVersions(db: Kysely<Database>): Promise<FeeVersion[]> {
  const rows = await storedRows(db).orderBy('v.id').execute();
  return rows.map((r) => present(r as unknown as Row));
}

/** The rules in effect now (defaults + stored versions). */
export async function currentFeeRules(db: Kysely<Database>) {
  return feeRules(await storedFeeVersions(db));
}

/** The public calculator: the fee of a service, or the field issues of the question. */
export async function computeFee(db: Kysely<Database>, query: FeeQuery) {
  const out = calculateFee(await currentFeeRules(db), query);
  if (!out.ok) throw new DomainError('invalid', 'problem.validation', {}, out.issues);
  return out.fee;
}

function assertFeeAdmin(actor: Actor) {
  if (!mayAdministerFees(actor.role)) throw forbidden();
}

/** Every version, shipped and stored, with who stored it (the central department's screen). */
export async function feeVersionsForAdmin(db: Kysely<Database>, actor: Actor) {
  assertFeeAdmin(actor);
  return { versions: feeRules(await storedFeeVersions(db)).versions };
}

/** What a new version would change, and what is wrong with it, before it is stored. */
export async function previewFeeChange(
  db: Kysely<Database>,
  actor: Actor,
  timeZone: string,
  draft: FeeVersionDraft,
  sampleDate: string | undefined,
) {
  assertFeeAdmin(actor);
  const stored = await storedFeeVersions(db);
  const today = todayIn(timeZone);
  const date = sampleDate ?? (draft.validFrom > today ? draft.validFrom : today);
  return {
    sampleDate: date,
    issues: checkFeeVersionDraft(feeRules(stored), draft, today),
    rows: previewFeeVersion(stored, draft, date),
  };
}

/** Stores a new version from its date on; the versions before it stay, and so does every past fee. */
export async function addFeeVersion(ctx: WriteContext, draft: FeeVersionDraft): Promise<FeeVersion> {
  assertFeeAdmin(ctx.actor);
  const stored = await storedFeeVersions(ctx.trx);
  const issues = checkFeeVersionDraft(feeRules(stored), draft, ctx.today);
  if (issues.length) throw new DomainError('invalid', 'problem.validation', {}, issues);
  const row = await feeDb(ctx.trx)
    .insertInto('fee_rule_versions')
    .values({
      kind: draft.kind,
      key: draft.key,
      valid_from: draft.validFrom,
      valid_to: draft.validTo,
      value: JSON.stringify(draft.value),
      basis: JSON.stringify(draft.basis) as never,
      verified: draft.verified,
      note: (draft.note ? JSON.stringify(draft.note) : null) as never,
      recorded_by: ctx.actor.id,
      recorded_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ctx.audit.push({
    event: 'fees.version-added',
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: ctx.actor.officeId,
    detail: {
      versionId: `v${row.id}`,
      kind: draft.kind,
      key: draft.key,
      validFrom: draft.validFrom,
      validTo: draft.validTo,
      value: draft.value,
      verified: draft.verified,
    },
  });
  const added = await storedRows(ctx.trx).where('v.id', '=', row.id).executeTakeFirstOrThrow();
  return present(added as unknown as Row);
}
