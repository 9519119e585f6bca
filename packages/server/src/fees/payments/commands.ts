import { randomUUID } from 'node:crypto';
import {
  checkFeeEntry,
  type FeeAction,
  type FeeCalculation,
  type FeeCurrency,
  type FeeEntryKind,
  type FeePaymentMethod,
  type FeePurpose,
  type FeeService,
  feeReferenceOf,
  mayFee,
  type OnRequestPurpose,
  outboxEvent,
  serviceOfPurpose,
} from '@sabt/core';
import { sql } from 'kysely';
import { newVerifyCode } from '../../certificates/verify/verify-code.ts';
import { DomainError, forbidden, notFound, refuseIssues } from '../../errors/domain-error.ts';
import { lockRecord, type RecordRow } from '../../unit-of-work/record-store.ts';
import type { WriteContext } from '../../unit-of-work/write.ts';
import { feeDb } from '../tables.ts';
import {
  type ChargeInForce,
  chargeFor,
  chargesOfRecord,
  feeForRecord,
  ledgerEntry,
  recordFeeFacts,
} from './ledger.ts';

/**
 * The front office's fee commands, each run inside runWrite (one transaction, idempotent under its
 * Idempotency-Key): a record's charge computed and stored, and an entry of its ledger (payment,
 * refund, waiver, correction). The record is locked first, so entries on one record queue up and
 * each is checked against the ledger as the one before left it. Every entry is audited and goes to
 * the outbox as `payment.recorded`.
 */

/** Fees are taken in the record's own office, by the roles core's FEE_MATRIX names. */
function assertMayFee(ctx: WriteContext, rec: RecordRow, action: FeeAction) {
  if (!rec.office_path.startsWith(ctx.actor.officePath)) throw notFound();
  if (!mayFee(action, ctx.actor.role, ctx.actor.officeKind)) throw forbidden();
  if (rec.office_id !== ctx.actor.officeId) throw new DomainError('forbidden', 'problem.outsideOffice');
}

const BEFORE_REGISTRATION: readonly FeePurpose[] = ['registration'];
const RECORD_OPERATIONS: readonly FeePurpose[] = [
  'amendment',
  'restoration',
  'annulment',
  'certificate',
  'extract',
];

export interface ChargeInput {
  purpose: FeePurpose;
  service?: FeeService | undefined;
  category?: string | undefined;
}

/**
 * Computes the fee of a service for a record (the application date: the day the record was made in
 * the office's time zone; the event date: the record's; the category the clerk chose; the consular
 * tariff at a consulate) and stores it as a charge with the calculator's FeeReference. A charge
 * computed again for the same purpose replaces the one in force; the entries against it still count.
 */
export async function recordFeeCharge(ctx: WriteContext, recordId: string, input: ChargeInput) {
  const rec = await lockRecord(ctx, recordId);
  assertMayFee(ctx, rec, 'charge');
  const registered = rec.status === 'registered' || rec.status === 'annulled';
  const fits = registered
    ? RECORD_OPERATIONS.includes(input.purpose)
    : BEFORE_REGISTRATION.includes(input.purpose);
  if (!fits || rec.status === 'cancelled')
    throw new DomainError('conflict', 'problem.fees.noRecordOperation');
  const facts = await recordFeeFacts(
    ctx.trx,
    ctx.config,
    rec,
    input.purpose === 'registration' ? undefined : ctx.today,
  );
  const service = serviceOfPurpose(input.purpose, facts.kind, input.service);
  const out = await feeForRecord(ctx.trx, facts, service, input.category);
  if (!out.ok) refuseIssues(out.issues);
  if (!out.ok) return null as never;
  return storeCharge(ctx, rec, input.purpose, service, out.fee);
}

/**
 * A service on request asked for (an amendment requested): its fee computed now, in the general
 * category, and stored as the record's charge unless an open one is stored already or nothing is
 * due (the clerk computes it again with the applicant's category on the fees tab). A fee the rules
 * cannot compute stores nothing. Runs inside the asking command, whoever asks.
 */
export async function chargeOnRequest(
  ctx: WriteContext,
  rec: RecordRow,
  purpose: OnRequestPurpose,
  service: FeeService,
) {
  if (chargeFor(await chargesOfRecord(ctx.trx, rec.id), purpose)) return null;
  const out = await feeForRecord(ctx.trx, await recordFeeFacts(ctx.trx, ctx.config, rec, ctx.today), service);
  if (!out.ok || (out.fee.total.minor === 0 && !out.fee.consularTotal?.minor)) return null;
  return storeCharge(ctx, rec, purpose, service, out.fee);
}

async function storeCharge(
  ctx: WriteContext,
  rec: RecordRow,
  purpose: FeePurpose,
  service: FeeService,
  fee: FeeCalculation,
) {
  const current = chargeFor(await chargesOfRecord(ctx.trx, rec.id), purpose);
  const id = randomUUID();
  await feeDb(ctx.trx)
    .insertInto('fee_charges')
    .values({
      id,
      office_id: rec.office_id,
      record_id: rec.id,
      purpose,
      service,
      reference: JSON.stringify(feeReferenceOf(fee)),
      total_minor: fee.total.minor,
      consular_minor: fee.consularTotal?.minor ?? null,
      replaces: current?.charge.id ?? null,
      recorded_by: ctx.actor.id,
      recorded_at: ctx.now,
    })
    .execute();
  ctx.audit.push({
    event: 'fees.charge-recorded',
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: rec.office_id,
    recordId: rec.id,
    detail: {
      chargeId: id,
      purpose,
      service,
      charged: fee.service,
      category: fee.category,
      totalMinor: fee.total.minor,
      consularMinor: fee.consularTotal?.minor ?? null,
      replaces: current?.charge.id ?? null,
    },
  });
  return { id };
}

export interface EntryInput {
  chargeId: string;
  kind: FeeEntryKind;
  amountMinor?: number | undefined;
  currency?: FeeCurrency | undefined;
  method?: FeePaymentMethod | undefined;
  externalReference?: string | undefined;
  payerName?: string | undefined;
  reason?: string | undefined;
  corrects?: string | undefined;
}

const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** The next receipt number of the office this year, gapless (document_counters, 'FEE_RECEIPT'). */
async function nextReceiptNumber(ctx: WriteContext, officeId: string): Promise<string> {
  const office = await ctx.trx
    .selectFrom('offices')
    .select('numeric_code')
    .where('id', '=', officeId)
    .executeTakeFirstOrThrow();
  const year = Number(ctx.today.slice(0, 4));
  const row = await sql<{ last_number: number }>`
    INSERT INTO document_counters (office_id, document, year, last_number) VALUES (${officeId}, 'FEE_RECEIPT', ${year}, 1)
    ON CONFLICT (office_id, document, year) DO UPDATE SET last_number = document_counters.last_number + 1
    RETURNING last_number
  `.execute(ctx.trx);
  return `${office.numeric_code}-${year}-${Number(row.rows[0]!.last_number)}`;
}

/**
 * Records an entry of a charge's ledger. A payment or a refund gets a receipt number and a
 * verification code (the receipt printed from them); a correction undoes one entry, its amount
 * and currency the entry's own. Nothing is changed or deleted.
 */
export async function recordFeeEntry(ctx: WriteContext, recordId: string, input: EntryInput) {
  const rec = await lockRecord(ctx, recordId);
  assertMayFee(ctx, rec, input.kind);
  const charges = await chargesOfRecord(ctx.trx, rec.id);
  const inForce: ChargeInForce | undefined = charges.find((c) => c.charge.id === input.chargeId);
  if (!inForce) refuseIssues([{ path: ['chargeId'], key: 'problem.fees.noCharge' }]);
  const { charge, entries, balance } = inForce!;
  const draft = {
    kind: input.kind,
    amountMinor: input.amountMinor,
    currency: input.currency,
    method: input.method ?? null,
    externalReference: trimmed(input.externalReference),
    payerName: trimmed(input.payerName),
    reason: trimmed(input.reason),
    corrects: input.corrects ?? null,
  };
  refuseIssues(checkFeeEntry(draft, { balance, entries: entries.map(ledgerEntry) }));
  const target = input.kind === 'correction' ? entries.find((e) => e.id === input.corrects)! : null;
  const withReceipt = input.kind === 'payment' || input.kind === 'refund';
  const id = randomUUID();
  const row = {
    id,
    charge_id: charge.id,
    office_id: rec.office_id,
    kind: input.kind,
    amount_minor: target ? target.amount_minor : input.amountMinor!,
    currency: target ? target.currency : (input.currency ?? 'TJS'),
    method: draft.method,
    external_reference: draft.externalReference,
    receipt_number: withReceipt ? await nextReceiptNumber(ctx, rec.office_id) : null,
    verify_code: withReceipt ? await newVerifyCode(ctx.trx) : null,
    payer_name: draft.payerName,
    reason: draft.reason,
    corrects: target?.id ?? null,
    recorded_by: ctx.actor.id,
    recorded_at: ctx.now,
    business_date: ctx.today,
  } as const;
  await feeDb(ctx.trx).insertInto('fee_payments').values(row).execute();
  ctx.audit.push({
    event: 'fees.entry-recorded',
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: rec.office_id,
    recordId: rec.id,
    detail: {
      entryId: id,
      chargeId: charge.id,
      kind: row.kind,
      amountMinor: row.amount_minor,
      currency: row.currency,
      method: row.method,
      externalReference: row.external_reference,
      receiptNumber: row.receipt_number,
      corrects: row.corrects,
      reason: row.reason,
    },
  });
  ctx.events.push(
    outboxEvent('payment.recorded', {
      paymentId: id,
      chargeId: charge.id,
      officeId: rec.office_id,
      recordId: rec.id,
      kind: row.kind,
      purpose: charge.purpose,
      service: charge.service as FeeService,
      amount: row.amount_minor,
      currency: row.currency,
      method: row.method,
      externalReference: row.external_reference,
      receiptNumber: row.receipt_number,
      corrects: row.corrects,
      recordedAt: ctx.now.toISOString(),
      businessDate: ctx.today,
    }),
  );
  return { id, receiptNumber: row.receipt_number };
}
