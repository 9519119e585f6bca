import { isPlainDate } from '@sabt/core';
import { z } from 'zod';

/** How a template is written: its parameters' schema and its texts in each language (templates.ts). */

export interface Texts<P> {
  subject(p: P): string;
  body(p: P): string;
  sms(p: P): string;
}

export interface TemplateDefinition<S extends z.ZodType<Record<string, unknown>>> {
  params: S;
  /** Parameters never stored readable (encrypted while queued, then wiped). */
  secret?: readonly (keyof z.output<S> & string)[];
  /** Parameters that make a valid message: for tests, previews and `sabt notifications test`. */
  example: z.output<S>;
  tg: Texts<z.output<S>>;
  ru: Texts<z.output<S>>;
  en: Texts<z.output<S>>;
}

export function template<S extends z.ZodType<Record<string, unknown>>>(def: TemplateDefinition<S>) {
  return def;
}

export const plainDate = z.string().refine(isPlainDate, 'a date YYYY-MM-DD');
export const reference = z.string().min(1).max(40);
/** An office's name in the three languages (offices.name_tg, name_ru, name_en). */
export const officeNames = z.object({ tg: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });

/** Paragraphs of a body, those left out (a missing parameter) skipped. */
export const lines = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join('\n\n');
