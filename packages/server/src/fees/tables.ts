import type { LocalizedText } from '@sabt/core';
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** fee_rule_versions (migration 025): the stored versions of the fee rules, append-only. */
export interface FeeRuleVersionsTable {
  id: Generated<string>;
  kind: 'pdr' | 'line' | 'exemption' | 'category' | 'consular';
  key: string;
  valid_from: string;
  valid_to: string | null;
  value: unknown;
  basis: LocalizedText;
  verified: boolean;
  note: LocalizedText | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

/** fee_charges (migration 028): what a service costs for one application, append-only. */
export interface FeeChargesTable {
  id: string;
  office_id: string;
  record_id: string | null;
  purpose:
    | 'registration'
    | 'amendment'
    | 'restoration'
    | 'annulment'
    | 'certificate'
    | 'extract'
    | 'archive-search'
    | 'application-blank';
  service: string;
  /** core FeeReference */
  reference: unknown;
  total_minor: number;
  consular_minor: number | null;
  replaces: string | null;
  recorded_by: string;
  recorded_at: Date;
}

/** fee_payments (migration 028): the ledger against the charges (payments, refunds, waivers, corrections), append-only. */
export interface FeePaymentsTable {
  id: string;
  charge_id: string;
  office_id: string;
  kind: 'payment' | 'refund' | 'waiver' | 'correction';
  amount_minor: number;
  currency: 'TJS' | 'USD';
  method: 'cash' | 'terminal' | 'bank-transfer' | null;
  external_reference: string | null;
  receipt_number: string | null;
  verify_code: string | null;
  payer_name: string | null;
  reason: string | null;
  corrects: string | null;
  recorded_by: string;
  recorded_at: Date;
  business_date: string;
}

/** fee_charge_uses (migration 036): a charge of a service on request spent by its certificate or amendment, append-only. */
export interface FeeChargeUsesTable {
  id: string;
  charge_id: string;
  record_id: string;
  certificate_id: string | null;
  amendment_request_id: string | null;
  used_by: string;
  used_at: Date;
}

/** fee_receipts (migration 032): a receipt's PDF as first printed, by its ledger entry. */
export interface FeeReceiptsTable {
  entry_id: string;
  sha256: string;
  printed_by: string;
  printed_at: Generated<Date>;
}

export type FeeTables = {
  fee_receipts: FeeReceiptsTable;
  fee_rule_versions: FeeRuleVersionsTable;
  fee_charges: FeeChargesTable;
  fee_payments: FeePaymentsTable;
  fee_charge_uses: FeeChargeUsesTable;
};
export type FeeDatabase = Database & FeeTables;

/** The database (or a transaction) seen with the fee tables. */
export function feeDb(db: Transaction<Database>): Transaction<FeeDatabase>;
export function feeDb(db: Kysely<Database>): Kysely<FeeDatabase>;
export function feeDb(db: Kysely<Database> | Transaction<Database>) {
  return db.withTables<FeeTables>();
}
