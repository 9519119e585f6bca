import { type FeeReference, formatMinor, type ReceiptStatus } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { feeDb } from '../tables.ts';

/**
 * A receipt as the public check shows it, found by its verification code: the least that lets a
 * person match the paper (which receipt, the office, the day, the amount, the service) and whether
 * it stands — a payment whose charge had money given back is `refunded`, an entry a correction
 * undid is `corrected`. No name: not the payer's, not the clerk's.
 */
export interface ReceiptCheck {
  status: ReceiptStatus;
  office: { id: string; nameTg: string; nameRu: string; nameEn: string };
  receipt: {
    number: string;
    kind: 'payment' | 'refund';
    /** The office's business day of the entry (YYYY-MM-DD). */
    date: string;
    amount: { currency: 'TJS' | 'USD'; minor: number; text: string };
    /** The service charged (core FEE_SERVICES). */
    service: string;
    /** What was given back of a payment's charge since (refunded). */
    refunded?: { currency: 'TJS' | 'USD'; minor: number; text: string };
  };
}

export async function receiptByVerifyCode(db: Kysely<Database>, code: string): Promise<ReceiptCheck | null> {
  const fdb = feeDb(db);
  const entry = await fdb
    .selectFrom('fee_payments as p')
    .innerJoin('fee_charges as c', 'c.id', 'p.charge_id')
    .innerJoin('offices as o', 'o.id', 'p.office_id')
    .select([
      'p.id',
      'p.charge_id',
      'p.kind',
      'p.amount_minor',
      'p.currency',
      'p.receipt_number',
      'p.business_date',
      'p.recorded_at',
      'c.reference',
      'o.id as office_id',
      'o.name_tg',
      'o.name_ru',
      'o.name_en',
    ])
    .where('p.verify_code', '=', code)
    .where('p.kind', 'in', ['payment', 'refund'])
    .executeTakeFirst();
  if (!entry?.receipt_number) return null;
  const later = await fdb
    .selectFrom('fee_payments')
    .select(['id', 'kind', 'amount_minor', 'currency', 'corrects', 'recorded_at'])
    .where('charge_id', '=', entry.charge_id)
    .execute();
  const corrected = new Set(later.filter((e) => e.kind === 'correction').map((e) => e.corrects));
  const refunds =
    entry.kind === 'payment'
      ? later.filter(
          (e) =>
            e.kind === 'refund' &&
            !corrected.has(e.id) &&
            e.currency === entry.currency &&
            new Date(e.recorded_at) >= new Date(entry.recorded_at),
        )
      : [];
  const refundedMinor = refunds.reduce((sum, e) => sum + e.amount_minor, 0);
  const status: ReceiptStatus = corrected.has(entry.id)
    ? 'corrected'
    : refundedMinor > 0
      ? 'refunded'
      : 'valid';
  const amount = (minor: number) => ({ currency: entry.currency, minor, text: formatMinor(minor) });
  return {
    status,
    office: { id: entry.office_id, nameTg: entry.name_tg, nameRu: entry.name_ru, nameEn: entry.name_en },
    receipt: {
      number: entry.receipt_number,
      kind: entry.kind as 'payment' | 'refund',
      date: entry.business_date,
      amount: amount(entry.amount_minor),
      service: (entry.reference as FeeReference).service,
      ...(refundedMinor > 0 ? { refunded: amount(refundedMinor) } : {}),
    },
  };
}
