import { z } from 'zod';
import { isPlainDate } from '../dates/plain-date.ts';
import type { FeePreviewRow } from '../fees/admin.ts';
import type { FeeCalculation, FeeReference } from '../fees/calculate.ts';
import { FEE_LINE_KINDS, FEE_SERVICE_GROUPS, FEE_SERVICES } from '../fees/catalogue.ts';
import {
  FEE_ACTIONS,
  FEE_CURRENCIES,
  FEE_ENTRY_KINDS,
  FEE_PURPOSES,
  FEE_STATUSES,
  type FeeBalance,
  ON_REQUEST_PURPOSES,
} from '../fees/payments.ts';
import { FEE_PAYMENT_METHODS } from '../fees/receipts.ts';
import {
  feeItemIdSchema,
  feeVersionDraftSchema,
  feeVersionSchema,
  localizedTextSchema,
} from '../fees/versions.ts';
import { ACT_KINDS } from '../workflow/statuses.ts';

const plainDate = z
  .string()
  .refine(isPlainDate, { error: 'error.date.invalid' })
  .meta({ examples: ['2026-03-15'] });

/** GET /fees/calculate: what a fee is asked for. */
export const feeQuerySchema = z
  .object({
    service: z.enum(FEE_SERVICES),
    applicationDate: plainDate.describe('When the application is made'),
    eventDate: plainDate.optional().describe('The birth, death … the service concerns'),
    tariffDate: plainDate.optional().describe('Whose rules apply: the application date unless given'),
    category: z
      .union([z.literal('general'), feeItemIdSchema])
      .optional()
      .describe("The applicant's category (disabled, veteran, orphan, state_body …); general: none"),
    consular: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true')
      .describe('At a consulate abroad'),
  })
  .strict();

const amountSchema = z.object({
  currency: z.enum(['TJS', 'USD']),
  minor: z.int().describe('whole diram (cents for USD)'),
  text: z.string().describe('somoni.diram, e.g. 450.00'),
});

const lineSchema = z.object({
  kind: z.enum([...FEE_LINE_KINDS, 'consular']),
  ruleKey: z.string(),
  versionId: z.string(),
  multiple: z.string().nullable().describe('PDR multiple; null for a fixed consular tariff'),
  base: amountSchema,
  waived: amountSchema,
  amount: amountSchema,
  exemption: z.object({ versionId: z.string(), key: z.string(), percent: z.int() }).nullable(),
  basis: localizedTextSchema,
  verified: z.boolean().describe('false: the amount rests on a placeholder or unconfirmed value'),
  notes: z.array(localizedTextSchema),
});

/** The answer of the calculator: itemised lines with their rule versions and legal bases. */
export const feeCalculationSchema = z
  .object({
    requestedService: z.enum(FEE_SERVICES),
    service: z
      .enum(FEE_SERVICES)
      .describe('The bucket the dates fall in (late registration), else the one asked'),
    yearsSinceEvent: z.int().nullable(),
    applicationDate: z.string(),
    eventDate: z.string().nullable(),
    tariffDate: z.string(),
    category: z.string(),
    consular: z.boolean(),
    pdr: z.object({
      versionId: z.string(),
      amount: amountSchema,
      validFrom: z.string(),
      basis: localizedTextSchema,
      verified: z.boolean(),
    }),
    lines: z.array(lineSchema),
    exemptions: z.array(
      z.object({
        versionId: z.string(),
        key: z.string(),
        labels: localizedTextSchema,
        percent: z.int(),
        basis: localizedTextSchema,
        verified: z.boolean(),
        note: localizedTextSchema.nullable(),
      }),
    ),
    total: amountSchema.describe('In somoni: the sum of the lines, each rounded half up to the diram'),
    consularTotal: amountSchema.nullable(),
    unverified: z.boolean(),
  })
  .describe('An itemised fee');
// the calculator's type and the answer's schema say the same
const _calculation: z.infer<typeof feeCalculationSchema> = null as unknown as FeeCalculation;
void _calculation;

/** What a payment keeps of a computed fee (core feeReferenceOf): the question, the versions, the amounts. */
export const feeReferenceSchema = z
  .object({
    query: z.object({
      service: z.enum(FEE_SERVICES),
      applicationDate: z.string(),
      eventDate: z.string().nullable(),
      tariffDate: z.string(),
      category: z.string(),
      consular: z.boolean(),
    }),
    service: z.enum(FEE_SERVICES),
    pdrVersionId: z.string(),
    lines: z.array(
      z.object({
        kind: z.enum([...FEE_LINE_KINDS, 'consular']),
        versionId: z.string(),
        exemptionVersionId: z.string().nullable(),
        amount: amountSchema,
      }),
    ),
    total: amountSchema,
    consularTotal: amountSchema.nullable(),
  })
  .describe('A computed fee as a payment refers to it');
const _reference: z.infer<typeof feeReferenceSchema> = null as unknown as FeeReference;
void _reference;

/** GET /fees/services: the catalogue, the applicant categories and the PDR by date. */
export const feeCatalogueSchema = z
  .object({
    date: z.string(),
    services: z.array(
      z.object({
        code: z.enum(FEE_SERVICES),
        group: z.enum(FEE_SERVICE_GROUPS),
        labels: localizedTextSchema,
        actKind: z.enum(ACT_KINDS).nullable(),
        bucket: z
          .object({ family: z.enum(FEE_SERVICES), fromYears: z.int(), toYears: z.int().nullable() })
          .nullable(),
        needsEventDate: z.boolean(),
      }),
    ),
    categories: z.array(z.object({ key: z.string(), labels: localizedTextSchema, verified: z.boolean() })),
    pdr: z.array(
      z.object({ versionId: z.string(), validFrom: z.string(), amount: amountSchema, verified: z.boolean() }),
    ),
    rounding: z.string(),
  })
  .describe('The services fees are due for, the applicant categories and the PDR');

export const feeCatalogueQuerySchema = z
  .object({ date: plainDate.optional().describe('The day the categories are read for: today unless given') })
  .strict();

/** GET /fees/rules: every version, shipped and stored (the browser computes with them). */
export const feeRulesSchema = z
  .object({ versions: z.array(feeVersionSchema) })
  .describe('Every version of every fee rule');

/** POST /fees/versions/preview */
export const feePreviewBodySchema = z
  .object({ version: feeVersionDraftSchema, sampleDate: plainDate.optional() })
  .strict();

const previewRow = z.object({
  service: z.enum(FEE_SERVICES),
  category: z.string(),
  consular: z.boolean(),
  before: amountSchema.nullable(),
  after: amountSchema.nullable(),
  consularBefore: amountSchema.nullable(),
  consularAfter: amountSchema.nullable(),
  changed: z.boolean(),
});
const _row: z.infer<typeof previewRow> = null as unknown as FeePreviewRow;
void _row;

export const feePreviewSchema = z
  .object({
    sampleDate: z.string(),
    issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), key: z.string() })),
    rows: z.array(previewRow),
  })
  .describe("What a new version would change: each service's total before and after on a sample date");

const moneyMinor = z.int().describe('whole diram (cents for USD)');

const balanceSums = z.object({
  currency: z.enum(FEE_CURRENCIES),
  due: moneyMinor,
  paid: moneyMinor,
  refunded: moneyMinor,
  waived: moneyMinor,
  corrected: moneyMinor,
  outstanding: z.int().describe('below zero: money to give back'),
});

/** A charge's balance (core feeBalance). */
export const feeBalanceSchema = z.object({
  status: z.enum(FEE_STATUSES),
  settled: z.boolean().describe('paid or waived in full, or nothing due'),
  somoni: balanceSums,
  dollars: balanceSums.nullable(),
});
const _balance: z.infer<typeof feeBalanceSchema> = null as unknown as FeeBalance;
void _balance;

/** One entry of the fees ledger (fee_payments). */
export const feeEntrySchema = z.object({
  id: z.guid(),
  chargeId: z.guid(),
  kind: z.enum(FEE_ENTRY_KINDS),
  amountMinor: moneyMinor,
  currency: z.enum(FEE_CURRENCIES),
  method: z.enum(FEE_PAYMENT_METHODS).nullable(),
  externalReference: z.string().nullable(),
  receiptNumber: z
    .string()
    .nullable()
    .describe('"<office numeric code>-<year>-<number>", for a payment or a refund'),
  verifyCode: z.string().nullable().describe('printed under the receipt’s QR'),
  payerName: z.string().nullable(),
  reason: z.string().nullable(),
  corrects: z.guid().nullable(),
  correctedBy: z.guid().nullable().describe('the correction that undid this entry'),
  recordedBy: z.string().nullable().describe('login of who recorded it'),
  recordedAt: z.string(),
  businessDate: z.string(),
});

/** A charge: what a service costs for one application, with its ledger and balance. */
export const feeChargeSchema = z.object({
  id: z.guid(),
  purpose: z.enum(FEE_PURPOSES),
  service: z.enum(FEE_SERVICES).describe('the service asked; reference.service is the one charged'),
  reference: feeReferenceSchema,
  calculation: feeCalculationSchema
    .nullable()
    .describe('the itemised fee, computed again from the rules known then'),
  totalMinor: moneyMinor,
  consularMinor: moneyMinor.nullable(),
  replaces: z.guid().nullable(),
  spent: z
    .object({
      certificateId: z.guid().nullable(),
      amendmentRequestId: z.guid().nullable(),
      at: z.string(),
    })
    .nullable()
    .describe('a service on request: the certificate or amendment it paid for (null: open)'),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  balance: feeBalanceSchema.describe('over the entries of this charge and of those it replaces'),
  entries: z.array(feeEntrySchema),
});

/** GET /records/:id/fees: the record's charges in force, and what its registration would cost. */
export const recordFeesSchema = z
  .object({
    recordId: z.guid(),
    applicationDate: z.string().describe('the day the application was taken, in the office’s time zone'),
    eventDate: z.string().nullable(),
    consular: z.boolean(),
    charges: z.array(feeChargeSchema).describe('the charges in force (not replaced), newest first'),
    proposed: z
      .object({
        purpose: z.enum(FEE_PURPOSES),
        service: z.enum(FEE_SERVICES),
        calculation: feeCalculationSchema,
      })
      .nullable()
      .describe('the registration’s fee, when the record is not registered and no charge is stored yet'),
    registrationSettled: z.boolean().describe('whether the fee, if any, lets the record be registered'),
    onRequest: z
      .array(
        z.object({
          purpose: z.enum(ON_REQUEST_PURPOSES),
          service: z.enum(FEE_SERVICES),
          calculation: feeCalculationSchema.nullable().describe('what it costs asked today'),
          chargeId: z.guid().nullable().describe('its open charge (not spent yet), if one is stored'),
          settled: z.boolean().describe('whether it may be printed or made now'),
          outstandingMinor: moneyMinor,
        }),
      )
      .describe(
        'a registered record’s paid services on request: its next certificate when a repeat or a new one, an extract, a requested amendment',
      ),
    may: z.array(z.enum(FEE_ACTIONS)).describe('what this user may do with the fees'),
  })
  .describe("A record's fees and payments");

/** POST /records/:id/fees/charges: compute the fee of a service for this record and store it. */
export const feeChargeInputSchema = z
  .object({
    purpose: z.enum(FEE_PURPOSES),
    service: z.enum(FEE_SERVICES).optional().describe('a certificate’s reissue; else by the purpose'),
    category: z
      .union([z.literal('general'), feeItemIdSchema])
      .optional()
      .describe("The applicant's category; general: none"),
  })
  .strict();

/** POST /records/:id/fees/entries: a payment, refund, waiver or correction. */
export const feeEntryInputSchema = z
  .object({
    chargeId: z.guid(),
    kind: z.enum(FEE_ENTRY_KINDS),
    amountMinor: z.int().optional().describe('not for a correction: it undoes the whole entry'),
    currency: z.enum(FEE_CURRENCIES).optional(),
    method: z.enum(FEE_PAYMENT_METHODS).optional(),
    externalReference: z.string().max(200).optional(),
    payerName: z.string().max(400).optional(),
    reason: z.string().max(1000).optional(),
    corrects: z.guid().optional(),
  })
  .strict();
