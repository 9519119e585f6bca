import type { z } from 'zod';
import type { Locale } from '../i18n/locale.ts';
import type { ActKindCode } from '../workflow/statuses.ts';
import type { RuleReport } from './validation.ts';

export interface RuleContext {
  /** The civil date of the check in the office's time zone (YYYY-MM-DD). */
  today: string;
}

/** The person and event a record is about, for lists, search and linking. */
export interface RecordSummary {
  surname?: string;
  name?: string;
  patronymic?: string;
  birthDate?: string;
  eventDate?: string;
}

/**
 * An act kind is data: a versioned schema, its rules, a valid example and how to summarise it.
 * The engine has no code path per kind.
 */
export interface ActKindDefinition<T = unknown> {
  code: ActKindCode;
  schemaVersion: number;
  labels: Record<Locale, string>;
  schema: z.ZodType<T>;
  example: T;
  /** Rules beyond the schema; run on drafts too, so they must tolerate missing parts. */
  rules(data: DeepPartial<T>, ctx: RuleContext, report: RuleReport): void;
  summary(data: DeepPartial<T>): RecordSummary;
}

export type DeepPartial<T> = T extends (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;
