import type { BlankStatus } from '@sabt/core';
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Kysely types of the tables of migrations 004, 007, 015 and 017 (certificates, blanks, keys, signatories, transfers). */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface SigningKeysTable {
  id: string;
  purpose: 'root' | 'office-x509' | 'office-qr';
  office_id: string | null;
  generation: number;
  algorithm: string;
  public_key_pem: string;
  certificate_pem: string | null;
  issuer_key_id: string | null;
  private_key: Buffer;
  kdf_salt: Buffer;
  status: 'active' | 'retired';
  valid_from: Timestamp;
  valid_to: Timestamp | null;
  retired_at: Timestamp | null;
  created_at: Generated<Date>;
}

/** What a batch received and a transfer handed over both name: a range of one document's blanks. */
interface BlankRangeColumns {
  document: string;
  series: string;
  number_from: number;
  number_to: number;
  digits: number;
  note: string | null;
}

export interface BlankBatchesTable extends BlankRangeColumns {
  id: string;
  office_id: string;
  received_by: string;
  received_at: Generated<Date>;
}

export interface BlanksTable {
  id: Generated<number>;
  batch_id: string;
  office_id: string;
  document: string;
  series: string;
  number: number;
  digits: number;
  status: BlankStatus;
  status_before: BlankStatus | null;
  spoil_outcome: 'SPOILED' | 'LOST' | null;
  spoil_reason: string | null;
  spoil_requested_by: string | null;
  spoil_requested_at: Timestamp | null;
  spoil_decided_by: string | null;
  spoil_decided_at: Timestamp | null;
  spoil_decision_reason: string | null;
  updated_at: Generated<Date>;
}

/** Blanks handed over from an office to one below it (migration 017): append-only. */
export interface BlankTransfersTable extends BlankRangeColumns {
  id: string;
  from_office_id: string;
  to_office_id: string;
  transferred_by: string;
  transferred_at: Timestamp;
}

export interface DocumentCountersTable {
  office_id: string;
  document: string;
  year: number;
  last_number: number;
}

export interface CertificatesTable {
  id: string;
  record_id: string;
  record_version: number;
  office_id: string;
  document: string;
  blank_id: number | null;
  series: string;
  number: string;
  issue: 'first' | 'repeat' | 'reissue';
  mode: 'full' | 'overlay';
  /** Which party it was issued to, where each gets their own (divorce); null otherwise. Migration 007. */
  holder: Generated<'husband' | 'wife' | null>;
  calibration: Json;
  status: 'valid' | 'superseded' | 'spoiled';
  superseded_by: string | null;
  superseded_at: Timestamp | null;
  issued_by: string;
  issued_at: Timestamp;
  issued_on: string;
  received_by_name: string | null;
  received_id_document: Json | null;
  received_at: Timestamp | null;
  receipt_recorded_by: string | null;
  qr_payload: string;
  /** The code printed under the QR code, for a check without a scanner (core verify-code.ts). Migration 016. */
  verify_code: string;
  key_id: string;
  signing_key_id: string;
  /** The PDF's bytes before migration 012, until its data step moves them to the file store; null after. */
  pdf: Buffer | null;
  /** Names the signed PDF in the file store (stored_files). */
  pdf_sha256: string;
}

/** Who signs an office's documents, from when (migration 015): append-only. */
export interface OfficeSignatoriesTable {
  id: Generated<number>;
  office_id: string;
  basis: 'head' | 'authorised';
  full_name: string;
  title: string;
  head_title: string | null;
  authority: string | null;
  valid_from: Timestamp;
  set_by: string | null;
  set_at: Generated<Date>;
}

export type CertificateTables = {
  office_signatories: OfficeSignatoriesTable;
  signing_keys: SigningKeysTable;
  blank_batches: BlankBatchesTable;
  blanks: BlanksTable;
  blank_transfers: BlankTransfersTable;
  document_counters: DocumentCountersTable;
  certificates: CertificatesTable;
};

export type CertDatabase = Database & CertificateTables;

/** The database (or a transaction) seen with the certificate tables. */
export function certDb(db: Transaction<Database>): Transaction<CertDatabase>;
export function certDb(db: Kysely<Database>): Kysely<CertDatabase>;
export function certDb(db: Kysely<Database> | Transaction<Database>) {
  return db.withTables<CertificateTables>();
}
