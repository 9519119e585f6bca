import { randomUUID } from 'node:crypto';
import { type CourtDecision, courtDecisionIssues, documentDateIssues } from '@sabt/core';
import { assertOfficeOpen } from '../admin/offices.ts';
import { canonicalJson } from '../audit/audit-log.ts';
import { DomainError, refuseIssues } from '../errors/domain-error.ts';
import { authorize } from '../policies/records.ts';
import { indexNewRecord, searchColumns } from '../search/index-record.ts';
import { appendAction, kindOf, requireValidData, summaryColumns } from '../unit-of-work/record-store.ts';
import type { WriteContext } from '../unit-of-work/write.ts';

export interface CreateRecordInput {
  id?: string | undefined;
  kind: string;
  data: Record<string, unknown>;
  /** The citizen's online application the draft is made from (kept in the creation's payload). */
  onlineApplication?: { id: string; trackingCode: string } | undefined;
}

/** A lost or destroyed record made again on a court decision: a new draft flagged restored. */
export interface Restoration {
  court: CourtDecision;
  original?:
    | { number?: string | undefined; date?: string | undefined; office?: string | undefined }
    | undefined;
}

/**
 * Starts a draft act record in the user's office. The client may choose the id, so a retry after
 * a lost answer finds the record it made instead of making a second one.
 */
export async function createRecord(
  ctx: WriteContext,
  input: CreateRecordInput,
  restoration?: Restoration,
): Promise<{ id: string; created: boolean }> {
  const def = kindOf(input.kind);
  const action = restoration ? 'restore' : 'create';
  authorize(ctx.actor, action, { kind: def.code });
  await assertOfficeOpen(ctx.trx, ctx.actor.officeId);
  if (restoration) {
    refuseIssues([
      // The decision establishes that the original record was made: it cannot be older than it.
      ...courtDecisionIssues(restoration.court, ['court'], ctx.today, restoration.original?.date),
      ...documentDateIssues(restoration.original?.date, ['original', 'date'], ctx.today),
    ]);
  }
  const check = requireValidData(ctx, def, input.data, 'draft');
  const id = input.id ?? randomUUID();
  // Insert first: a concurrent request with the same id waits here, then finds the row.
  const inserted = await ctx.trx
    .insertInto('records')
    .values({
      id,
      kind: def.code,
      status: 'draft',
      office_id: ctx.actor.officeId,
      office_path: ctx.actor.officePath,
      schema_version: def.schemaVersion,
      data: JSON.stringify(input.data),
      flags: [...check.flags, ...(restoration ? ['restored'] : [])].sort(),
      ...summaryColumns(def, input.data),
      ...searchColumns(def, input.data),
      year: null,
      number: null,
      national_id: null,
      registered_at: null,
      created_by: ctx.actor.id,
      updated_at: ctx.now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const existing = await ctx.trx
      .selectFrom('records')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const same =
      existing.created_by === ctx.actor.id &&
      existing.kind === def.code &&
      existing.revision === 1 &&
      canonicalJson(existing.data) === canonicalJson(input.data);
    if (same) return { id, created: false };
    throw new DomainError('conflict', 'problem.duplicateId');
  }
  await indexNewRecord(ctx.trx, id, def.code, input.data);
  await appendAction(ctx, {
    recordId: id,
    action,
    fromStatus: null,
    toStatus: 'draft',
    revision: 1,
    payload: {
      kind: def.code,
      schemaVersion: def.schemaVersion,
      data: input.data,
      ...(restoration ? { restoration } : {}),
      ...(input.onlineApplication ? { onlineApplication: input.onlineApplication } : {}),
    },
  });
  return { id, created: true };
}
