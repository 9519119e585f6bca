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
  /** District or city of the event, when the act has a place (birth, death). */
  placeUnit?: string;
}

/** A person named in a record, for search and duplicate checks. */
export interface PersonEntry {
  /** subject: whom the act is about; the others are parents, spouses, adopters … */
  role: 'subject' | 'mother' | 'father' | 'spouse' | 'adopter' | 'birth-parent';
  surname?: string | undefined;
  name?: string | undefined;
  patronymic?: string | undefined;
  birthDate?: string | undefined;
  /** A name the person had before this act (before marriage, adoption, change of name). */
  historical?: boolean;
  /** Shown only to roles that may see sealed data (adoption secrecy). */
  sealed?: boolean;
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
  /** Everyone the record names, with earlier names, for search. */
  persons(data: DeepPartial<T>): PersonEntry[];
}

export type DeepPartial<T> = T extends (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * An act kind from its parts: its code, schema and example, then its labels and rules. Every kind is
 * at version 1 of its schema until a kind's data changes shape.
 */
export function defineActKind<T>(
  code: ActKindCode,
  schema: z.ZodType<T>,
  example: NoInfer<T>,
  parts: Omit<ActKindDefinition<T>, 'code' | 'schemaVersion' | 'schema' | 'example'> & {
    schemaVersion?: number;
  },
): ActKindDefinition<T> {
  const { schemaVersion = 1, ...rest } = parts;
  return { code, schemaVersion, schema, example, ...rest };
}
