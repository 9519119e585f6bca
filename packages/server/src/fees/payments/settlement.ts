import { FEE_SERVICE_DEFINITIONS, type FeePurpose, type FeeService, formatMinor } from '@sabt/core';
import { DomainError } from '../../errors/domain-error.ts';
import type { RecordRow } from '../../unit-of-work/record-store.ts';
import type { WriteContext } from '../../unit-of-work/write.ts';
import { chargeFor, chargesOfRecord, recordFeeFacts, registrationFee } from './ledger.ts';

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
 * full). Registration with no charge stored is payable when its fee, computed now, is more than
 * nothing; an amendment or a certificate is payable once its charge says so. Called by the
 * commands themselves (register, amend, issue), never by routes.
 */
export async function assertFeeSettled(ctx: WriteContext, rec: RecordRow, purpose: FeePurpose) {
  const current = chargeFor(await chargesOfRecord(ctx.trx, rec.id), purpose);
  if (current) {
    if (current.balance.settled) return;
    throw unsettled(
      current.charge.service as FeeService,
      Math.max(0, current.balance.somoni.outstanding),
      Math.max(0, current.balance.dollars?.outstanding ?? 0),
    );
  }
  if (purpose !== 'registration') return;
  const fee = await registrationFee(ctx.trx, await recordFeeFacts(ctx.trx, ctx.config, rec));
  // a fee the rules cannot compute (dates before the known rules) blocks nothing
  if (!fee.ok) return;
  const dollars = fee.fee.consularTotal?.minor ?? 0;
  if (fee.fee.total.minor > 0 || dollars > 0)
    throw unsettled(fee.fee.requestedService, fee.fee.total.minor, dollars);
}
