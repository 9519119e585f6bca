import { z } from 'zod';
import { isPlainDate } from '../dates/plain-date.ts';
import type { LocalizedText } from '../i18n/locale.ts';
import { FEE_LINE_KINDS, FEE_SERVICES, type FeeLineKind, type FeeService } from './catalogue.ts';
import { PDR_MULTIPLE_PATTERN } from './money.ts';

/**
 * Fees as data with history. Every rule is an item (its kind and key) with dated versions: the
 * PDR; each line of each service (a PDR multiple); an exemption; an applicant category; a consular
 * tariff. A version is in force from `validFrom` until `validTo` (exclusive; null: no end) unless a
 * version of the same item with a later `validFrom` is in force too. Versions are never changed:
 * Sabt ships dated defaults (defaults.ts) and the central department adds versions (stored, with
 * who and when); the rules of a date are the same whatever is added later for later dates.
 */
export const FEE_ITEM_KINDS = ['pdr', 'line', 'exemption', 'category', 'consular'] as const;
export type FeeItemKind = (typeof FEE_ITEM_KINDS)[number];

const plainDate = z
  .string()
  .refine(isPlainDate, { error: 'error.date.invalid' })
  .meta({ examples: ['2026-01-01'] });

export const localizedTextSchema = z
  .object({
    tg: z.string().trim().min(1).max(500),
    ru: z.string().trim().min(1).max(500),
    en: z.string().trim().min(1).max(500),
  })
  .describe('A text in Tajik, Russian and English');

/** The key of a category or an exemption: lower-case letters, digits, hyphens and underscores. */
export const feeItemIdSchema = z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, { error: 'error.fees.itemId' });

export const pdrMultipleSchema = z
  .string()
  .regex(PDR_MULTIPLE_PATTERN, { error: 'error.fees.multiple' })
  .describe('A multiple of the PDR: a decimal with at most four places')
  .meta({ examples: ['6', '0.2', '0.05'] });

/** The PDR in somoni, as whole diram. */
export const pdrValueSchema = z.object({ diram: z.int().min(1).max(100_000_000) });
/** A line of a service's fee: `pdr` times the PDR. */
export const lineValueSchema = z.object({ pdr: pdrMultipleSchema });
/** An exemption: which share of which lines of which services, for whom, within how long of the event. */
export const exemptionValueSchema = z.object({
  labels: localizedTextSchema,
  /** null: every service */
  services: z.array(z.enum(FEE_SERVICES)).min(1).nullable(),
  lines: z.array(z.enum(FEE_LINE_KINDS)).min(1),
  percent: z.int().min(0).max(100),
  /** null: whoever applies; else the applicant's category must be one of these */
  categories: z.array(feeItemIdSchema).min(1).nullable(),
  /** null: any time; else the application within this many months of the event (the child's age for a birth) */
  maxMonthsSinceEvent: z.int().min(1).max(1200).nullable(),
});
/** An applicant category (disabled people, veterans …) an exemption may name; `active: false` withdraws it. */
export const categoryValueSchema = z.object({ labels: localizedTextSchema, active: z.boolean() });
/** A consular tariff in US dollars (cents), paid in the local currency at the consulate. Key: a service or `*` (any). */
export const consularValueSchema = z.object({
  currency: z.literal('USD'),
  minor: z.int().min(0).max(100_000_000),
});

export type PdrValue = z.infer<typeof pdrValueSchema>;
export type LineValue = z.infer<typeof lineValueSchema>;
export type ExemptionValue = z.infer<typeof exemptionValueSchema>;
export type CategoryValue = z.infer<typeof categoryValueSchema>;
export type ConsularValue = z.infer<typeof consularValueSchema>;

/** A line's key: `SERVICE.kind`. */
export const lineKey = (service: FeeService, kind: FeeLineKind) => `${service}.${kind}`;
export const LINE_KEY_PATTERN = new RegExp(`^(${FEE_SERVICES.join('|')})\\.(${FEE_LINE_KINDS.join('|')})$`);
export const CONSULAR_ANY = '*';

const common = {
  validFrom: plainDate,
  validTo: plainDate.nullable(),
  basis: localizedTextSchema.describe('The legal basis'),
  verified: z.boolean().describe('false: the value is a placeholder or not confirmed by a published source'),
  note: localizedTextSchema.nullable(),
};

const pdrDraft = z.object({
  kind: z.literal('pdr'),
  key: z.literal('pdr'),
  value: pdrValueSchema,
  ...common,
});
const lineDraft = z.object({
  kind: z.literal('line'),
  key: z.string().regex(LINE_KEY_PATTERN, { error: 'error.fees.lineKey' }),
  value: lineValueSchema,
  ...common,
});
const exemptionDraft = z.object({
  kind: z.literal('exemption'),
  key: feeItemIdSchema,
  value: exemptionValueSchema,
  ...common,
});
const categoryDraft = z.object({
  kind: z.literal('category'),
  key: feeItemIdSchema,
  value: categoryValueSchema,
  ...common,
});
const consularDraft = z.object({
  kind: z.literal('consular'),
  key: z.union([z.enum(FEE_SERVICES), z.literal(CONSULAR_ANY)]),
  value: consularValueSchema,
  ...common,
});

/** What a new version says, by kind: the body of a new version (the API's too). */
export const feeVersionDraftSchema = z
  .discriminatedUnion('kind', [pdrDraft, lineDraft, exemptionDraft, categoryDraft, consularDraft])
  .describe('A new dated version of a fee rule');
export type FeeVersionDraft = z.infer<typeof feeVersionDraftSchema>;

const provenance = {
  id: z.string().describe('The version id a computed fee names: `default:…` shipped, `v<n>` stored'),
  source: z.enum(['default', 'stored']),
  recordedAt: z.string().nullable().describe('When it was stored (null: shipped with Sabt)'),
  recordedBy: z.string().nullable().describe('Who stored it (login)'),
};

/** A version with where it comes from: shipped (default) or stored by the central department. */
export const feeVersionSchema = z
  .discriminatedUnion('kind', [
    pdrDraft.extend(provenance),
    lineDraft.extend(provenance),
    exemptionDraft.extend(provenance),
    categoryDraft.extend(provenance),
    consularDraft.extend(provenance),
  ])
  .describe('A dated version of a fee rule');
export type FeeVersion = z.infer<typeof feeVersionSchema>;
export type FeeVersionOf<K extends FeeItemKind> = Extract<FeeVersion, { kind: K }>;

/** A version's identity as an item: kind and key. */
export const itemOf = (v: Pick<FeeVersion, 'kind' | 'key'>) => `${v.kind}:${v.key}`;

export type { LocalizedText };
