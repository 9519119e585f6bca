import { randomInt, randomUUID } from 'node:crypto';
import { calculateFee, type FeeQuery, feeReferenceOf, feeRules, makeVerifyCode, todayIn } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type FeeChargesTable, type FeePaymentsTable, feeDb } from '../tables.ts';

/**
 * Test support: rows of the fee ledger (migration 028) written directly, as the payment commands
 * write them, on real offices, users and records: for the receipts', cash reports', statements' and
 * fee reports' tests, which are about what is read from the ledger, not about taking money (the
 * front office's way is test/fees.ts payFee, through the API).
 */

const DEFAULT_OFFICE = 'DU-03-00';

export async function userIdOf(db: Kysely<Database>, login: string): Promise<string> {
  const u = await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow();
  return u.id;
}

/** Who recorded a row: a user's id, else a login (the front office's unless given). */
const recorderOf = (db: Kysely<Database>, w: { recordedBy?: string | undefined; by?: string | undefined }) =>
  w.recordedBy ?? userIdOf(db, w.by ?? 'front');

/** A charge for a service on a record (or none), computed by core's calculator with the shipped rules. */
export async function insertCharge(
  db: Kysely<Database>,
  c: {
    recordId: string | null;
    query: FeeQuery;
    officeId?: string;
    purpose?: FeeChargesTable['purpose'];
    by?: string;
    recordedBy?: string;
    recordedAt?: Date;
    replaces?: string;
  },
): Promise<{ id: string; totalMinor: number; reference: ReturnType<typeof feeReferenceOf> }> {
  const out = calculateFee(feeRules(), c.query);
  if (!out.ok) throw new Error(`no fee for ${c.query.service}: ${JSON.stringify(out.issues)}`);
  const reference = feeReferenceOf(out.fee);
  const id = randomUUID();
  await feeDb(db)
    .insertInto('fee_charges')
    .values({
      id,
      office_id: c.officeId ?? DEFAULT_OFFICE,
      record_id: c.recordId,
      purpose: c.purpose ?? 'registration',
      service: c.query.service,
      reference: JSON.stringify(reference),
      total_minor: reference.total.minor,
      consular_minor: reference.consularTotal?.minor ?? null,
      replaces: c.replaces ?? null,
      recorded_by: await recorderOf(db, c),
      recorded_at: c.recordedAt ?? new Date(`${c.query.applicationDate}T10:00:00+05:00`),
    })
    .execute();
  return { id, totalMinor: reference.total.minor, reference };
}

let receipts = 0;

/**
 * One entry of a charge's ledger: a payment (the default), refund, waiver or correction. A payment or
 * a refund gets a receipt number of its office and a verification code, and the method (cash unless
 * given); the others a reason unless given.
 */
export async function insertEntry(
  db: Kysely<Database>,
  chargeId: string,
  e: {
    amountMinor: number;
    kind?: FeePaymentsTable['kind'];
    currency?: FeePaymentsTable['currency'];
    method?: FeePaymentsTable['method'];
    reference?: string;
    payerName?: string;
    reason?: string;
    corrects?: string;
    officeId?: string;
    by?: string;
    recordedBy?: string;
    businessDate?: string;
  },
): Promise<{ id: string; receiptNumber: string | null; verifyCode: string | null }> {
  const kind = e.kind ?? 'payment';
  const officeId = e.officeId ?? DEFAULT_OFFICE;
  const withReceipt = kind === 'payment' || kind === 'refund';
  const day = e.businessDate ?? todayIn('Asia/Dushanbe');
  const office = await db
    .selectFrom('offices')
    .select('numeric_code')
    .where('id', '=', officeId)
    .executeTakeFirstOrThrow();
  const receiptNumber = withReceipt
    ? `${office.numeric_code}-${day.slice(0, 4)}-${++receipts}${randomInt(1000, 9999)}`
    : null;
  const verifyCode = withReceipt ? makeVerifyCode(Array.from({ length: 9 }, () => randomInt(32))) : null;
  const id = randomUUID();
  await feeDb(db)
    .insertInto('fee_payments')
    .values({
      id,
      charge_id: chargeId,
      office_id: officeId,
      kind,
      amount_minor: e.amountMinor,
      currency: e.currency ?? 'TJS',
      method: e.method === undefined ? (withReceipt ? 'cash' : null) : e.method,
      external_reference: e.reference ?? null,
      receipt_number: receiptNumber,
      verify_code: verifyCode,
      payer_name: e.payerName ?? null,
      reason: e.reason ?? (kind === 'payment' ? null : 'Санҷиш'),
      corrects: e.corrects ?? null,
      recorded_by: await recorderOf(db, e),
      recorded_at: e.businessDate ? new Date(`${e.businessDate}T11:00:00+05:00`) : new Date(),
      business_date: day,
    })
    .execute();
  return { id, receiptNumber, verifyCode };
}
