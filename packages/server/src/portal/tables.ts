import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database, OfficesTable } from '../db/schema.ts';

/** The offices' public details (migration 038): address, telephone, opening hours; null until set. */
export interface OfficePublicColumns {
  address_tg: string | null;
  address_ru: string | null;
  address_en: string | null;
  phone: string | null;
  /** core OfficeHours as JSON */
  hours: unknown;
}

/** citizens (migration 038): who signed in to the portal, by the contact they signed in with. */
export interface CitizensTable {
  id: string;
  channel: 'email' | 'sms';
  contact: string;
  language: string;
  created_at: Generated<Date>;
  last_sign_in_at: Date | null;
}

/** citizen_sign_in_codes (migration 038): one-time codes, kept hashed. */
export interface CitizenSignInCodesTable {
  id: string;
  channel: 'email' | 'sms';
  contact: string;
  code_hash: string;
  attempts: Generated<number>;
  requested_from: string;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
  citizen_id: string | null;
}

/** citizen_sessions (migration 038): the portal's sessions, never the staff's. */
export interface CitizenSessionsTable {
  token_hash: string;
  citizen_id: string;
  created_at: Generated<Date>;
  last_seen_at: Date;
  expires_at: Date;
}

export type PortalTables = {
  offices: OfficesTable & OfficePublicColumns;
  citizens: CitizensTable;
  citizen_sign_in_codes: CitizenSignInCodesTable;
  citizen_sessions: CitizenSessionsTable;
};
export type PortalDatabase = Omit<Database, 'offices'> & PortalTables;

/** The database (or a transaction) seen with the portal's tables and the offices' public columns. */
export function portalDb(db: Transaction<Database>): Transaction<PortalDatabase>;
export function portalDb(db: Kysely<Database>): Kysely<PortalDatabase>;
export function portalDb(db: Kysely<Database> | Transaction<Database>) {
  return db.withTables<PortalTables>();
}
