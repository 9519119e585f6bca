import type { Locale } from '@sabt/core';
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Kysely types of migration 013 (notifications). */

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type NotificationChannel = 'email' | 'sms';
export type NotificationStatus = 'queued' | 'sent' | 'failed' | 'skipped';
export const NOTIFICATION_STATUSES: readonly NotificationStatus[] = ['queued', 'sent', 'failed', 'skipped'];

export interface NotificationsTable {
  id: string;
  channel: NotificationChannel;
  recipient: string;
  template: string;
  language: Locale;
  params: ColumnType<Record<string, unknown>, string, string>;
  secret_params: Buffer | null;
  status: Generated<NotificationStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  leased_until: Timestamp | null;
  expires_at: Timestamp | null;
  caused_by: 'user' | 'citizen' | 'system';
  user_id: string | null;
  citizen_id: string | null;
  related_kind: string | null;
  related_id: string | null;
  created_at: Generated<Date>;
  sent_at: Timestamp | null;
  failed_at: Timestamp | null;
}

export type NotificationTables = { notifications: NotificationsTable };
export type NotifyDatabase = Database & NotificationTables;

/** The database (or a transaction) seen with the notifications table. */
export function notifyDb(db: Transaction<Database>): Transaction<NotifyDatabase>;
export function notifyDb(db: Kysely<Database>): Kysely<NotifyDatabase>;
export function notifyDb(db: Kysely<Database> | Transaction<Database>) {
  return db.withTables<NotificationTables>();
}
