import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { PortalTables } from './tables.ts';

/** canned_answers (migration 041): answers kept ready in three languages; office_id null: every office. */
export interface CannedAnswersTable {
  id: string;
  office_id: string | null;
  title: string;
  text_tg: string;
  text_ru: string;
  text_en: string;
  active: Generated<boolean>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** question_threads (migration 041): a citizen's question to an office. */
export interface QuestionThreadsTable {
  id: string;
  citizen_id: string;
  office_id: string;
  /** Set when the question is about one of the citizen's online applications (no foreign key). */
  application_id: string | null;
  subject: string;
  language: 'tg' | 'ru' | 'en';
  status: 'open' | 'answered' | 'closed';
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  waiting_since: Date | null;
  closed_at: Date | null;
  closed_by: string | null;
}

/** question_messages (migration 041): the citizen's messages and the staff's answers. */
export interface QuestionMessagesTable {
  id: string;
  thread_id: string;
  author: 'citizen' | 'staff';
  user_id: string | null;
  canned_answer_id: string | null;
  body: string;
  created_at: Generated<Date>;
}

export type QuestionTables = PortalTables & {
  canned_answers: CannedAnswersTable;
  question_threads: QuestionThreadsTable;
  question_messages: QuestionMessagesTable;
};
export type QuestionDatabase = Omit<Database, 'offices'> & QuestionTables;

/** The database (or a transaction) seen with the questions' tables beside the portal's. */
export function questionDb(db: Transaction<Database>): Transaction<QuestionDatabase>;
export function questionDb(db: Kysely<Database>): Kysely<QuestionDatabase>;
export function questionDb(db: Kysely<Database> | Transaction<Database>) {
  return db.withTables<QuestionTables>();
}
