import { diffData } from '@sabt/core';
import { hashedVersion } from '../audit/record-hashes.ts';
import { indexRecord } from '../search/index-record.ts';
import {
  appendAction,
  kindOf,
  requireValidData,
  summaryColumns,
  withFlags,
} from '../unit-of-work/record-store.ts';
import type { WriteContext } from '../unit-of-work/write.ts';
import { recordAmended } from './record-events.ts';

/**
 * Keeps a registered version of a record's data; versions are append-only. Its hash joins the audit
 * entry of the action that made it (appendAction's), so the chain covers the version too.
 */
export async function saveVersion(
  ctx: WriteContext,
  recordId: string,
  version: number,
  schemaVersion: number,
  data: unknown,
  actionId: number,
) {
  const row = hashedVersion({
    record_id: recordId,
    version,
    schema_version: schemaVersion,
    data,
    action_id: actionId,
    created_at: ctx.now,
  });
  await ctx.trx.insertInto('record_versions').values(row).execute();
  const entry = ctx.audit.find((e) => e.detail?.actionId === actionId);
  if (!entry) throw new Error(`saveVersion: no audit entry for action ${actionId}`);
  entry.detail = { ...entry.detail, version, versionHash: row.hash };
}

export interface AmendInput {
  /** Why the record changes: an approved amendment request, or a later act (paternity, adoption, change of name). */
  cause: { type: string; recordId?: string; requestId?: string };
  reason?: string | null;
  basis?: unknown;
  addFlags?: string[];
}

/**
 * Produces the next version of a registered record: the new data must be complete and valid,
 * the old version stays readable, and the action log keeps the field-by-field difference.
 */
export async function amendRegistered(
  ctx: WriteContext,
  recordId: string,
  newData: unknown,
  input: AmendInput,
) {
  const rec = await ctx.trx
    .selectFrom('records')
    .selectAll()
    .where('id', '=', recordId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const def = kindOf(rec.kind);
  requireValidData(ctx, def, newData, 'complete');
  const version = rec.version + 1;
  const revision = rec.revision + 1;
  const changes = diffData(rec.data, newData);
  const flags = withFlags(rec.flags, input.addFlags ?? []);
  await ctx.trx
    .updateTable('records')
    .set({
      data: JSON.stringify(newData),
      version,
      revision,
      flags,
      ...summaryColumns(def, newData),
      schema_version: def.schemaVersion,
      updated_at: ctx.now,
    })
    .where('id', '=', recordId)
    .execute();
  const actionId = await appendAction(ctx, {
    recordId,
    action: 'amend',
    fromStatus: rec.status,
    toStatus: rec.status,
    revision,
    reason: input.reason ?? null,
    payload: {
      version,
      previousVersion: rec.version,
      changes,
      cause: input.cause,
      basis: input.basis ?? null,
    },
  });
  await saveVersion(ctx, recordId, version, def.schemaVersion, newData, actionId);
  await indexRecord(ctx.trx, recordId);
  recordAmended(ctx, rec, {
    version,
    previousVersion: rec.version,
    changedFields: changes.map((c) => c.path),
    cause: input.cause,
  });
  return { version, changes, actionId };
}
