import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OfficesTable {
  id: string;
  parent_id: string | null;
  kind: string;
  numeric_code: string;
  region: string | null;
  unit: string | null;
  name_tg: string;
  name_ru: string;
  name_en: string;
  path: string;
  active: Generated<boolean>;
  /** The full official name documents print, when not derived from the unit (migration 031). */
  official_name: Generated<string | null>;
  closed_at: Generated<Date | null>;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: string;
  login: string;
  full_name: string;
  role: string;
  office_id: string;
  password_hash: string;
  active: Generated<boolean>;
  /** An administrator set the password (migration 031): changed at the next sign-in first. */
  must_change_password: Generated<boolean>;
  created_at: Generated<Date>;
}

/** Wrong sign-ins per login and per address (migration 020; auth/throttle.ts). */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: Date;
  blocked_until: Date | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  /** The primary's WAL position after the session's latest write (pg_lsn as text, `16/B374D848`); migration 037. */
  read_after_lsn: string | null;
}

export interface RecordsTable {
  id: string;
  kind: string;
  status: string;
  office_id: string;
  office_path: string;
  schema_version: number;
  data: ColumnType<unknown, string, string>;
  flags: ColumnType<string[], string[] | undefined, string[]>;
  surname: string | null;
  given_name: string | null;
  patronymic: string | null;
  birth_date: string | null;
  event_date: string | null;
  year: number | null;
  number: number | null;
  national_id: string | null;
  place_unit: Generated<string | null>;
  documents: ColumnType<string[], string[] | undefined, string[]>;
  registered_at: Timestamp | null;
  version: Generated<number>;
  revision: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface RecordActionsTable {
  id: Generated<number>;
  record_id: string;
  action: string;
  actor_id: string | null;
  actor_role: string | null;
  office_id: string | null;
  at: Generated<Date>;
  from_status: string | null;
  to_status: string | null;
  revision: number;
  reason: string | null;
  payload: ColumnType<unknown, string, never>;
  /** SHA-256 of the row's content (audit/record-hashes.ts); null only until the data step of 022 ran. */
  hash: string | null;
}

export interface RecordLinksTable {
  record_id: string;
  linked_record_id: string;
  type: string;
  action_id: number | null;
  created_at: Generated<Date>;
}

export interface AuditAnchorsTable {
  seq: number;
  hash: string;
  signed_at: Date;
  key_id: string;
  public_key: string;
  signature: string;
}

export interface ActCountersTable {
  office_id: string;
  kind: string;
  year: number;
  last_number: number;
}

/** Records per office, kind and status (flag ''), and those carrying each flag (migration 024, kept by triggers). */
export interface RecordCountsTable {
  office_id: string;
  office_path: string;
  kind: string;
  status: string;
  flag: string;
  n: string | number;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response: ColumnType<unknown, string | null, string>;
  created_at: Generated<Date>;
}

/** An audit entry: inserted unchained (seq and hashes null), chained once by the sequencer. */
export interface AuditLogTable {
  id: Generated<number>;
  seq: number | null;
  at: ColumnType<Date, string, never>;
  actor_id: string | null;
  actor_login: string | null;
  office_id: string | null;
  event: string;
  record_id: string | null;
  detail: ColumnType<unknown, string, never>;
  prev_hash: string | null;
  hash: string | null;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface RecordVersionsTable {
  record_id: string;
  version: number;
  schema_version: number;
  data: ColumnType<unknown, string, never>;
  action_id: number | null;
  created_at: Generated<Date>;
  /** SHA-256 of the row's content (audit/record-hashes.ts); null only until the data step of 022 ran. */
  hash: string | null;
}

export interface SealedVersionsTable {
  record_id: string;
  version: number;
  action_id: number | null;
  sealed_at: Generated<Date>;
}

export interface AmendmentRequestsTable {
  id: string;
  record_id: string;
  status: string;
  base_version: number;
  patch: ColumnType<unknown, string, never>;
  reason: string;
  basis: ColumnType<unknown, string, never>;
  requested_by: string;
  requested_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  result_version: number | null;
}

export interface RecordPersonsTable {
  id: Generated<number>;
  record_id: string;
  role: string;
  historical: boolean;
  sealed: boolean;
  surname: string | null;
  given_name: string | null;
  patronymic: string | null;
  birth_date: string | null;
  birth_year: number | null;
  surname_key: string | null;
  name_key: string | null;
  patronymic_key: string | null;
  surname_stem: string | null;
  surname_loose: string | null;
  name_loose: string | null;
  latin: string | null;
}

export interface DuplicateCandidatesTable {
  record_id: string;
  candidate_id: string;
  score: number;
  reasons: ColumnType<unknown, string, string>;
  status: string;
  found_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: Generated<Date>;
}

export interface Database {
  offices: OfficesTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  records: RecordsTable;
  record_actions: RecordActionsTable;
  record_links: RecordLinksTable;
  act_counters: ActCountersTable;
  record_counts: RecordCountsTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  audit_anchors: AuditAnchorsTable;
  record_versions: RecordVersionsTable;
  sealed_versions: SealedVersionsTable;
  amendment_requests: AmendmentRequestsTable;
  record_persons: RecordPersonsTable;
  duplicate_candidates: DuplicateCandidatesTable;
  schema_migrations: SchemaMigrationsTable;
}
