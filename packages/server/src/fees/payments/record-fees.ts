import { FEE_ACTIONS as ACTIONS, type FEE_ACTIONS, type FeePurpose, mayFee } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/sessions.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { findRecord } from '../../queries/records.ts';
import {
  type ChargeInForce,
  calculationOf,
  chargeFor,
  chargesOfRecord,
  type EntryRow,
  recordFeeFacts,
  registrationFee,
} from './ledger.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const day = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

function presentEntry(e: EntryRow, all: readonly EntryRow[]) {
  return {
    id: e.id,
    chargeId: e.charge_id,
    kind: e.kind,
    amountMinor: e.amount_minor,
    currency: e.currency,
    method: e.method,
    externalReference: e.external_reference,
    receiptNumber: e.receipt_number,
    verifyCode: e.verify_code,
    payerName: e.payer_name,
    reason: e.reason,
    corrects: e.corrects,
    correctedBy: all.find((c) => c.corrects === e.id)?.id ?? null,
    recordedBy: e.recorded_by_login,
    recordedAt: iso(e.recorded_at),
    businessDate: day(e.business_date),
  };
}

async function presentCharge(db: Kysely<Database>, c: ChargeInForce) {
  const ch = c.charge;
  return {
    id: ch.id,
    purpose: ch.purpose,
    service: ch.service,
    reference: ch.reference,
    calculation: await calculationOf(db, ch),
    totalMinor: ch.total_minor,
    consularMinor: ch.consular_minor,
    replaces: ch.replaces,
    recordedBy: ch.recorded_by_login,
    recordedAt: iso(ch.recorded_at),
    balance: c.balance,
    entries: c.entries.map((e) => presentEntry(e, c.entries)),
  };
}

/**
 * A record's fees as staff see them: the charges in force with their ledgers and balances, what
 * the registration would cost if no charge is stored yet, whether the registration may go ahead,
 * and what this user may do (core FEE_MATRIX, in the record's own office).
 */
export async function recordFees(
  db: Kysely<Database>,
  config: Pick<Config, 'timeZone'>,
  actor: Actor,
  id: string,
) {
  const rec = await findRecord(db, actor, id);
  const facts = await recordFeeFacts(db, config, rec);
  const charges = await chargesOfRecord(db, rec.id);
  const pending = rec.status !== 'registered' && rec.status !== 'annulled' && rec.status !== 'cancelled';
  const registration = chargeFor(charges, 'registration' satisfies FeePurpose);
  let proposed = null;
  let registrationSettled = true;
  if (registration) registrationSettled = registration.balance.settled;
  else if (pending) {
    const fee = await registrationFee(db, facts);
    if (fee.ok) {
      proposed = {
        purpose: 'registration' as const,
        service: fee.fee.requestedService,
        calculation: fee.fee,
      };
      registrationSettled = fee.fee.total.minor === 0 && (fee.fee.consularTotal?.minor ?? 0) === 0;
    }
  }
  const inOffice = rec.office_id === actor.officeId;
  const may: (typeof FEE_ACTIONS)[number][] = inOffice
    ? ACTIONS.filter((a) => mayFee(a, actor.role, actor.officeKind))
    : [];
  return {
    recordId: rec.id,
    applicationDate: facts.applicationDate,
    eventDate: facts.eventDate,
    consular: facts.consular,
    charges: await Promise.all(charges.map((c) => presentCharge(db, c))),
    proposed,
    registrationSettled,
    may,
  };
}
