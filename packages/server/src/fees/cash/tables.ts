import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { StorageTables } from '../../storage/tables.ts';
import type { FeeTables } from '../tables.ts';

type Currency = 'TJS' | 'USD';

/** cash_handovers (migration 029): cash a clerk handed in on a business day, append-only. */
export interface CashHandoversTable {
  id: string;
  office_id: string;
  clerk_id: string;
  business_date: string;
  currency: Currency;
  amount_minor: number;
  note: string | null;
  recorded_by: string;
  recorded_at: Date;
}

/** cash_reports (migration 029): a day's report of a clerk (or of the office: clerk_id null), append-only. */
export interface CashReportsTable {
  id: string;
  office_id: string;
  clerk_id: string | null;
  business_date: string;
  currency: Currency;
  opening_minor: number;
  opening_report: string | null;
  received_minor: number;
  refunded_minor: number;
  corrections_minor: number;
  handed_in_minor: number;
  closing_minor: number;
  terminal_minor: number;
  transfer_minor: number;
  waived_minor: number;
  entry_count: number;
  handover_count: number;
  replaces: string | null;
  reason: string | null;
  prepared_by: string;
  prepared_at: Date;
}

/** cash_report_signoffs (migration 029): the head of office's signature, once. */
export interface CashReportSignoffsTable {
  report_id: string;
  signed_by: string;
  signed_at: Date;
}

/** bank_statements (migration 029): an imported statement, one per office and file. */
export interface BankStatementsTable {
  id: string;
  office_id: string;
  file_sha256: string;
  file_name: string | null;
  period_from: string;
  period_to: string;
  line_count: number;
  imported_by: string;
  imported_at: Date;
}

/** bank_statement_lines (migration 029): each line and what it matched. */
export interface BankStatementLinesTable {
  statement_id: string;
  line_number: number;
  value_date: string;
  amount_minor: number;
  currency: Currency;
  reference: string;
  payer: string | null;
  purpose: string | null;
  result: 'matched' | 'amount-differs' | 'unknown-reference' | 'duplicate' | 'already-matched';
  payment_id: string | null;
}

export type CashTables = FeeTables &
  StorageTables & {
    cash_handovers: CashHandoversTable;
    cash_reports: CashReportsTable;
    cash_report_signoffs: CashReportSignoffsTable;
    bank_statements: BankStatementsTable;
    bank_statement_lines: BankStatementLinesTable;
  };
export type CashDatabase = Database & CashTables;

/** The database (or a transaction) seen with the fee ledger, the cash tables and the stored files. */
export function cashDb(db: Transaction<Database>): Transaction<CashDatabase>;
export function cashDb(db: Kysely<Database>): Kysely<CashDatabase>;
export function cashDb(db: Kysely<Database> | Transaction<Database>) {
  return db.withTables<CashTables>();
}
