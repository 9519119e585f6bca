import { randomUUID } from 'node:crypto';
import { calculateFee, type FeeService, feeReferenceOf, feeRules } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { feeDb } from '../../tables.ts';

/**
 * Test support: the fee ledger written as the payment commands write it (rows of migration 028),
 * for the cash reports', statements' and fee reports' tests, on real offices, users and records.
 */

export async function userIdOf(db: Kysely<Database>, login: string): Promise<string> {
  const u = await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow();
  return u.id;
}

/** A charge computed by core's calculator (its FeeReference kept), for a record or none. */
export async function insertCharge(
  db: Kysely<Database>,
  c: {
    officeId: string;
    recordId: string | null;
    service: FeeService;
    applicationDate: string;
    recordedBy: string;
    recordedAt?: Date;
    replaces?: string;
    purpose?: 'registration' | 'certificate' | 'amendment';
  },
): Promise<{ id: string; totalMinor: number }> {
  const out = calculateFee(feeRules(), { service: c.service, applicationDate: c.applicationDate });
  if (!out.ok) throw new Error(`no fee for ${c.service}: ${JSON.stringify(out.issues)}`);
  const id = randomUUID();
  await feeDb(db)
    .insertInto('fee_charges')
    .values({
      id,
      office_id: c.officeId,
      record_id: c.recordId,
      purpose: c.purpose ?? 'registration',
      service: c.service,
      reference: JSON.stringify(feeReferenceOf(out.fee)),
      total_minor: out.fee.total.minor,
      consular_minor: null,
      replaces: c.replaces ?? null,
      recorded_by: c.recordedBy,
      recorded_at: c.recordedAt ?? new Date(`${c.applicationDate}T10:00:00+05:00`),
    })
    .execute();
  return { id, totalMinor: out.fee.total.minor };
}

let receipts = 0;

/** One ledger entry: a payment, refund, waiver or correction. */
export async function insertEntry(
  db: Kysely<Database>,
  e: {
    chargeId: string;
    officeId: string;
    kind?: 'payment' | 'refund' | 'waiver' | 'correction';
    amountMinor: number;
    method?: 'cash' | 'terminal' | 'bank-transfer' | null;
    reference?: string;
    corrects?: string;
    recordedBy: string;
    businessDate: string;
    currency?: 'TJS' | 'USD';
  },
): Promise<string> {
  const kind = e.kind ?? 'payment';
  const id = randomUUID();
  const withReceipt = kind === 'payment' || kind === 'refund';
  await feeDb(db)
    .insertInto('fee_payments')
    .values({
      id,
      charge_id: e.chargeId,
      office_id: e.officeId,
      kind,
      amount_minor: e.amountMinor,
      currency: e.currency ?? 'TJS',
      method: e.method === undefined ? (kind === 'payment' || kind === 'refund' ? 'cash' : null) : e.method,
      external_reference: e.reference ?? null,
      receipt_number: withReceipt
        ? `9999-${e.businessDate.slice(0, 4)}-${++receipts}-${id.slice(0, 8)}`
        : null,
      verify_code: null,
      payer_name: null,
      reason: kind === 'payment' ? null : 'test',
      corrects: e.corrects ?? null,
      recorded_by: e.recordedBy,
      recorded_at: new Date(`${e.businessDate}T11:00:00+05:00`),
      business_date: e.businessDate,
    })
    .execute();
  return id;
}
