import { randomUUID } from 'node:crypto';
import {
  FEE_SERVICE_DEFINITIONS,
  type FeePurpose,
  type FeeService,
  formatMinor,
  isOnRequest,
  type OnRequestPurpose,
} from '@sabt/core';
import { DomainError } from '../../errors/domain-error.ts';
import type { RecordRow } from '../../unit-of-work/record-store.ts';
import type { WriteContext } from '../../unit-of-work/write.ts';
import { feeDb } from '../tables.ts';
import { chargeFor, chargesOfRecord, feeForRecord, recordFeeFacts, registrationFee } from './ledger.ts';

function unsettled(service: FeeService, outstandingMinor: number, dollarsMinor: number) {
  const outstanding =
    dollarsMinor > 0
      ? `${formatMinor(outstandingMinor)} + ${formatMinor(dollarsMinor)} USD`
      : formatMinor(outstandingMinor);
  return new DomainError('conflict', 'problem.fees.unsettled', {
    service: FEE_SERVICE_DEFINITIONS[service].labels,
    outstanding,
  });
}

/**
 * The one block of a payable service: the record's charge for it must be settled (paid or waived in
 * full). With no charge stored, the service is payable when its fee, computed now, is more than
 * nothing (a registration by its act and dates; a service on request by `service`, the one the
 * operation is charged as). Of a service on request only the open charge counts (one not spent on
 * an earlier certificate or amendment). Called by the commands themselves (register, approve an
 * amendment, print), never by routes. Returns the open charge a service on request then spends
 * (spendCharge), or null when nothing was due.
 */
export async function assertFeeSettled(
  ctx: WriteContext,
  rec: RecordRow,
  purpose: FeePurpose,
  service?: FeeService,
): Promise<{ chargeId: string } | null> {
  const current = chargeFor(await chargesOfRecord(ctx.trx, rec.id), purpose);
  if (current) {
    if (current.balance.settled) return { chargeId: current.charge.id };
    throw unsettled(
      current.charge.service as FeeService,
      Math.max(0, current.balance.somoni.outstanding),
      Math.max(0, current.balance.dollars?.outstanding ?? 0),
    );
  }
  if (purpose !== 'registration' && !service) return null;
  const facts = await recordFeeFacts(
    ctx.trx,
    ctx.config,
    rec,
    purpose === 'registration' ? undefined : ctx.today,
  );
  const fee =
    purpose === 'registration'
      ? await registrationFee(ctx.trx, facts)
      : await feeForRecord(ctx.trx, facts, service!);
  // a fee the rules cannot compute (dates before the known rules) blocks nothing
  if (!fee.ok) return null;
  const dollars = fee.fee.consularTotal?.minor ?? 0;
  if (fee.fee.total.minor > 0 || dollars > 0)
    throw unsettled(fee.fee.requestedService, fee.fee.total.minor, dollars);
  return null;
}

/**
 * A settled charge of a service on request spent by what it paid for, in the same transaction as
 * the print or the amendment: the next one is charged again.
 */
export async function spendCharge(
  ctx: WriteContext,
  rec: RecordRow,
  purpose: OnRequestPurpose,
  chargeId: string,
  on: { certificateId: string } | { amendmentRequestId: string },
) {
  if (!isOnRequest(purpose)) return;
  const row = {
    id: randomUUID(),
    charge_id: chargeId,
    record_id: rec.id,
    certificate_id: 'certificateId' in on ? on.certificateId : null,
    amendment_request_id: 'amendmentRequestId' in on ? on.amendmentRequestId : null,
    used_by: ctx.actor.id,
    used_at: ctx.now,
  };
  await feeDb(ctx.trx).insertInto('fee_charge_uses').values(row).execute();
  ctx.audit.push({
    event: 'fees.charge-spent',
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: rec.office_id,
    recordId: rec.id,
    detail: {
      chargeId,
      purpose,
      certificateId: row.certificate_id,
      amendmentRequestId: row.amendment_request_id,
    },
  });
}
