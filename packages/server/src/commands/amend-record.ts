import { randomUUID } from 'node:crypto';
import {
  type ActKindCode,
  type BasisDocument,
  basisDocumentIssues,
  type CourtDecision,
  courtDecisionIssues,
  diffData,
  mergePatch,
  serviceOfPurpose,
} from '@sabt/core';
import { DomainError, refuseIssues } from '../errors/domain-error.ts';
import { chargeOnRequest } from '../fees/payments/commands.ts';
import { assertFeeSettled, spendCharge } from '../fees/payments/settlement.ts';
import { authorize } from '../policies/records.ts';
import {
  appendAction,
  kindOf,
  lockRecord,
  requireValidData,
  withFlags,
} from '../unit-of-work/record-store.ts';
import type { WriteContext } from '../unit-of-work/write.ts';
import { KIND_EFFECTS } from './effects/index.ts';
import { citation } from './effects/types.ts';
import { recordAnnulled } from './record-events.ts';
import { amendRegistered } from './record-versions.ts';

async function setFlag(ctx: WriteContext, id: string, flag: string, on: boolean) {
  const r = await ctx.trx
    .selectFrom('records')
    .select(['flags'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const flags = on ? withFlags(r.flags, [flag]) : withFlags(r.flags, [], [flag]);
  await ctx.trx.updateTable('records').set({ flags }).where('id', '=', id).execute();
}

/** The service an amendment of a record is charged as. */
const amendmentService = (rec: { kind: string }) => serviceOfPurpose('amendment', rec.kind as ActKindCode);

/**
 * Asks for a correction or change of a registered record, with its reason and basis document.
 * The proposed data must already be complete and valid, so the registrar decides on something
 * that can be applied.
 */
export async function requestAmendment(
  ctx: WriteContext,
  id: string,
  input: { patch: Record<string, unknown>; reason: string; basis: BasisDocument },
) {
  const rec = await lockRecord(ctx, id);
  authorize(ctx.actor, 'request-amendment', rec);
  refuseIssues(basisDocumentIssues(input.basis, ['basis'], ctx.today, rec.event_date));
  const proposed = mergePatch(rec.data, input.patch);
  const changes = diffData(rec.data, proposed);
  if (changes.length === 0) {
    throw new DomainError('invalid', 'problem.validation', {}, [
      { path: ['patch'], key: 'error.amendment.noChange' },
    ]);
  }
  requireValidData(ctx, kindOf(rec.kind), proposed, 'complete');
  const requestId = randomUUID();
  await ctx.trx
    .insertInto('amendment_requests')
    .values({
      id: requestId,
      record_id: id,
      status: 'pending',
      base_version: rec.version,
      patch: JSON.stringify(input.patch),
      reason: input.reason,
      basis: JSON.stringify(input.basis),
      requested_by: ctx.actor.id,
      decided_by: null,
      decided_at: null,
      decision_reason: null,
      result_version: null,
    })
    .execute();
  const revision = rec.revision + 1;
  await ctx.trx
    .updateTable('records')
    .set({ flags: withFlags(rec.flags, ['amendment-requested']), revision, updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
  await appendAction(ctx, {
    recordId: id,
    action: 'request-amendment',
    fromStatus: rec.status,
    toStatus: rec.status,
    revision,
    reason: input.reason,
    payload: { requestId, basis: input.basis, changes },
  });
  // the amendment is a paid service: what is due is computed now and kept as the record's charge
  await chargeOnRequest(ctx, rec, 'amendment', amendmentService(rec));
  return { requestId };
}

/** A registrar approves (a new version is made) or rejects (with a reason) the pending amendment. */
export async function decideAmendment(
  ctx: WriteContext,
  id: string,
  approve: boolean,
  input: { reason?: string | undefined },
) {
  const rec = await lockRecord(ctx, id);
  const decision = authorize(ctx.actor, approve ? 'approve-amendment' : 'reject-amendment', rec);
  const reason = input.reason?.trim();
  if (decision.reason && !reason) {
    throw new DomainError('invalid', 'problem.reasonRequired', {}, [
      { path: ['reason'], key: 'error.required' },
    ]);
  }
  const request = await ctx.trx
    .selectFrom('amendment_requests')
    .selectAll()
    .where('record_id', '=', id)
    .where('status', '=', 'pending')
    .forUpdate()
    .executeTakeFirst();
  if (!request) throw new DomainError('conflict', 'problem.conflict');
  let resultVersion: number | null = null;
  if (approve) {
    // made only once paid or waived with a reason (fees/payments/settlement.ts)
    const paid = await assertFeeSettled(ctx, rec, 'amendment', amendmentService(rec));
    if (paid) await spendCharge(ctx, rec, 'amendment', paid.chargeId, { amendmentRequestId: request.id });
    const data = mergePatch(rec.data, request.patch);
    const { version } = await amendRegistered(ctx, id, data, {
      cause: { type: 'AMENDMENT', requestId: request.id },
      reason: request.reason,
      basis: request.basis,
      addFlags: ['certificate-reissue'],
    });
    resultVersion = version;
  } else {
    const current = await ctx.trx
      .selectFrom('records')
      .select(['revision'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const revision = current.revision + 1;
    await ctx.trx
      .updateTable('records')
      .set({ revision, updated_at: ctx.now })
      .where('id', '=', id)
      .execute();
    await appendAction(ctx, {
      recordId: id,
      action: 'reject-amendment',
      fromStatus: rec.status,
      toStatus: rec.status,
      revision,
      reason: reason ?? null,
      payload: { requestId: request.id },
    });
  }
  await setFlag(ctx, id, 'amendment-requested', false);
  await ctx.trx
    .updateTable('amendment_requests')
    .set({
      status: approve ? 'approved' : 'rejected',
      decided_by: ctx.actor.id,
      decided_at: ctx.now,
      decision_reason: reason ?? null,
      result_version: resultVersion,
    })
    .where('id', '=', request.id)
    .execute();
  return { requestId: request.id, version: resultVersion };
}

export interface AnnulBasis {
  type: 'COURT_DECISION' | 'DUPLICATE';
  court?: CourtDecision | undefined;
  duplicateOf?: string | undefined;
}

/**
 * Annuls a registered record on a court decision or as a duplicate of another registered record.
 * Nothing is deleted: the record keeps its data, versions and links, with status annulled. On a
 * court decision, what the act did to earlier records is undone (see KindEffects.revoke).
 */
export async function annulRecord(
  ctx: WriteContext,
  id: string,
  input: { reason: string; basis: AnnulBasis },
) {
  const rec = await lockRecord(ctx, id);
  const decision = authorize(ctx.actor, 'annul', rec);
  if (input.basis.type === 'COURT_DECISION' && !input.basis.court) {
    throw new DomainError('invalid', 'problem.validation', {}, [
      { path: ['basis', 'court'], key: 'error.required' },
    ]);
  }
  // A court annuls an act that happened: its decision is not older than the record's event.
  refuseIssues(courtDecisionIssues(input.basis.court, ['basis', 'court'], ctx.today, rec.event_date));
  if (input.basis.type === 'DUPLICATE') {
    const original = input.basis.duplicateOf
      ? await ctx.trx
          .selectFrom('records')
          .select(['id', 'kind', 'status'])
          .where('id', '=', input.basis.duplicateOf)
          .executeTakeFirst()
      : undefined;
    if (!original || original.id === id || original.kind !== rec.kind || original.status !== 'registered') {
      throw new DomainError('invalid', 'problem.validation', {}, [
        { path: ['basis', 'duplicateOf'], key: 'error.linkedRecord.notFound' },
      ]);
    }
  }
  const revision = rec.revision + 1;
  await ctx.trx
    .updateTable('records')
    .set({ status: decision.to ?? 'annulled', revision, updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
  const actionId = await appendAction(ctx, {
    recordId: id,
    action: 'annul',
    fromStatus: rec.status,
    toStatus: 'annulled',
    revision,
    reason: input.reason,
    payload: { basis: input.basis },
  });
  recordAnnulled(ctx, rec, input.basis);
  // A court annulling an act undoes what it did to earlier records. A duplicate's effects stand:
  // the event happened, and the record kept in force stands for it.
  if (input.basis.type === 'COURT_DECISION') {
    await KIND_EFFECTS[rec.kind as ActKindCode]?.revoke?.(ctx, rec, {
      actionId,
      reason: input.reason,
      cite: { ...citation(rec), nationalId: rec.national_id },
    });
  }
  if (input.basis.type === 'DUPLICATE' && input.basis.duplicateOf) {
    await ctx.trx
      .insertInto('record_links')
      .values([
        {
          record_id: id,
          linked_record_id: input.basis.duplicateOf,
          type: 'duplicate-of',
          action_id: actionId,
        },
        {
          record_id: input.basis.duplicateOf,
          linked_record_id: id,
          type: 'annulled-duplicate',
          action_id: actionId,
        },
      ])
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return { id };
}
