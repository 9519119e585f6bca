import { SEALED_READERS } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';

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

/** What of a record is sealed under adoption secrecy, and whether this user may see it. */
export async function sealInfo(
  db: Kysely<Database>,
  actor: Actor,
  rec: { id: string; kind: string; flags: string[] },
): Promise<SealInfo> {
  const canSee = SEALED_READERS.includes(actor.role);
  if (!rec.flags.includes('sealed')) {
    return { sealed: false, whole: false, versions: new Set(), untilActionId: 0, canSee };
  }
  const rows = await db
    .selectFrom('sealed_versions')
    .select(['version', 'action_id'])
    .where('record_id', '=', rec.id)
    .execute();
  return {
    sealed: true,
    whole: rec.kind === 'ADOPTION',
    versions: new Set(rows.map((r) => r.version)),
    untilActionId:
      rec.kind === 'ADOPTION'
        ? Number.MAX_SAFE_INTEGER
        : Math.max(0, ...rows.map((r) => Number(r.action_id ?? 0))),
    canSee,
  };
}
