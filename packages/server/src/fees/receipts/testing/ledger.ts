import { randomInt, randomUUID } from 'node:crypto';
import { calculateFee, type FeeQuery, feeReferenceOf, feeRules, makeVerifyCode, todayIn } from '@sabt/core';
import type { TestApp } from '../../../test/harness.ts';
import type { FeeChargesTable, FeePaymentsTable } from '../../tables.ts';
import { feeDb } from '../../tables.ts';

/**
 * Test support: rows of the fee ledger written directly (as the payment commands write them), so
 * receipts are printed and checked from real rows on a real record.
 */

async function userId(t: TestApp, login: string): Promise<string> {
  const u = await t.dbx.db
    .selectFrom('users')
    .select('id')
    .where('login', '=', login)
    .executeTakeFirstOrThrow();
  return u.id;
}

/** A charge for a service on a record, computed by core's calculator with the shipped rules. */
export async function insertCharge(
  t: TestApp,
  opts: {
    recordId: string | null;
    officeId?: string;
    purpose?: FeeChargesTable['purpose'];
    query: FeeQuery;
    by?: string;
  },
): Promise<{ id: string; totalMinor: number; reference: ReturnType<typeof feeReferenceOf> }> {
  const out = calculateFee(feeRules(), opts.query);
  if (!out.ok) throw new Error(`no fee: ${JSON.stringify(out.issues)}`);
  const reference = feeReferenceOf(out.fee);
  const id = randomUUID();
  await feeDb(t.dbx.db)
    .insertInto('fee_charges')
    .values({
      id,
      office_id: opts.officeId ?? 'DU-03-00',
      record_id: opts.recordId,
      purpose: opts.purpose ?? 'certificate',
      service: opts.query.service,
      reference: JSON.stringify(reference),
      total_minor: reference.total.minor,
      consular_minor: reference.consularTotal?.minor ?? null,
      replaces: null,
      recorded_by: await userId(t, opts.by ?? 'front'),
      recorded_at: new Date(),
    })
    .execute();
  return { id, totalMinor: reference.total.minor, reference };
}

let receipts = 0;

/** An entry of the ledger: a payment or a refund gets a receipt number and a verification code. */
export async function insertEntry(
  t: TestApp,
  chargeId: string,
  entry: Partial<Omit<FeePaymentsTable, 'id' | 'charge_id'>> & {
    kind: FeePaymentsTable['kind'];
    amount_minor: number;
    by?: string;
  },
): Promise<{ id: string; receiptNumber: string | null; verifyCode: string | null }> {
  const { by, ...row } = entry;
  const officeId = row.office_id ?? 'DU-03-00';
  const withReceipt = row.kind === 'payment' || row.kind === 'refund';
  const office = await t.dbx.db
    .selectFrom('offices')
    .select('numeric_code')
    .where('id', '=', officeId)
    .executeTakeFirstOrThrow();
  const today = todayIn(t.config.timeZone);
  const receiptNumber = withReceipt
    ? `${office.numeric_code}-${today.slice(0, 4)}-${++receipts}${randomInt(1000, 9999)}`
    : null;
  const verifyCode = withReceipt ? makeVerifyCode(Array.from({ length: 9 }, () => randomInt(32))) : null;
  const id = randomUUID();
  await feeDb(t.dbx.db)
    .insertInto('fee_payments')
    .values({
      id,
      charge_id: chargeId,
      office_id: officeId,
      currency: 'TJS',
      method: withReceipt ? 'cash' : null,
      external_reference: null,
      receipt_number: receiptNumber,
      verify_code: verifyCode,
      payer_name: null,
      reason: null,
      corrects: null,
      recorded_by: await userId(t, by ?? 'front'),
      recorded_at: new Date(),
      business_date: today,
      ...row,
    })
    .execute();
  return { id, receiptNumber, verifyCode };
}
