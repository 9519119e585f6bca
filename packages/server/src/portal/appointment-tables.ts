import type { AppointmentStatus } from '@sabt/core';
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CitizenApplicationsTable } from './application-tables.ts';
import { type PortalDatabase, portalDb } from './tables.ts';

/** appointment_series (migration 040): a series of slots as its publisher gave it. */
export interface AppointmentSeriesTable {
  id: string;
  office_id: string;
  days: number[];
  from_time: string;
  to_time: string;
  slot_minutes: number;
  capacity: number;
  first_day: string;
  last_day: string;
  created_by: string;
  created_at: Generated<Date>;
}

/** appointment_slots (migration 040): one bookable time of an office, with its capacity and bookings. */
export interface AppointmentSlotsTable {
  id: string;
  office_id: string;
  series_id: string;
  /** YYYY-MM-DD, and the times (HH:MM:SS) on the office's wall clock */
  day: string;
  start_time: string;
  end_time: string;
  starts_at: Date;
  capacity: number;
  booked: Generated<number>;
  closed_at: Date | null;
  closed_by: string | null;
}

/** appointments (migration 040): a citizen's booking of a slot. */
export interface AppointmentsTable {
  id: string;
  citizen_id: string;
  office_id: string;
  slot_id: string;
  day: string;
  purpose: string | null;
  /** The online application the visit is for (no foreign key: that table has its own migration). */
  application_id: string | null;
  status: AppointmentStatus;
  cancelled_by: 'citizen' | 'office' | null;
  cancelled_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export type AppointmentTables = {
  appointment_series: AppointmentSeriesTable;
  appointment_slots: AppointmentSlotsTable;
  appointments: AppointmentsTable;
};
/** With the online applications an appointment may be for. */
type WithApplications = AppointmentTables & { citizen_applications: CitizenApplicationsTable };
export type AppointmentsDatabase = PortalDatabase & WithApplications;

/** The database (or a transaction) seen with the appointments' tables beside the portal's. */
export function appointmentsDb(db: Transaction<Database>): Transaction<AppointmentsDatabase>;
export function appointmentsDb(db: Kysely<Database>): Kysely<AppointmentsDatabase>;
export function appointmentsDb(db: Kysely<Database> | Transaction<Database>) {
  return portalDb(db as Kysely<Database>).withTables<WithApplications>();
}
