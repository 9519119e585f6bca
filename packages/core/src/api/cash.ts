import { z } from 'zod';
import { isPlainDate } from '../dates/plain-date.ts';
import { FEE_SERVICES } from '../fees/catalogue.ts';
import { MATCH_RESULTS } from '../fees/statement-matching.ts';
import { iso } from './shapes.ts';

/** The day's cash reports, the bank statements and the fee reports (/fees/cash, /fees/statements, /fees/reports). */

const plainDate = z
  .string()
  .refine(isPlainDate, { error: 'error.date.invalid' })
  .meta({ examples: ['2026-03-15'] });
const currency = z.enum(['TJS', 'USD']);
const officeId = z.string().min(1).max(20).describe('An office id (its own when omitted)');
const person = z.object({ id: z.string(), login: z.string(), fullName: z.string() });

export const cashFiguresSchema = z.object({
  openingMinor: z.int().describe("The previous signed report's closing"),
  receivedMinor: z.int().describe('Cash payments taken'),
  refundedMinor: z.int().describe('Cash given back'),
  correctionsMinor: z.int().describe('Net of the corrections on the drawer (negative: a payment undone)'),
  handedInMinor: z.int(),
  closingMinor: z.int().describe('opening + received − refunded + corrections − handed in'),
  terminalMinor: z.int().describe('By payment terminal, net of refunds (not in the drawer)'),
  transferMinor: z.int().describe('By bank transfer, net of refunds (not in the drawer)'),
  waivedMinor: z.int(),
  entryCount: z.int(),
  handoverCount: z.int(),
});

export const cashReportSchema = z
  .object({
    id: z.string(),
    officeId: z.string(),
    clerk: person.nullable().describe("null: the office's report"),
    businessDate: z.string(),
    currency,
    figures: cashFiguresSchema,
    openingReportId: z.string().nullable(),
    replaces: z.string().nullable(),
    reason: z.string().nullable(),
    preparedBy: person,
    preparedAt: iso,
    signedBy: person.nullable(),
    signedAt: iso.nullable(),
    stale: z.boolean().describe('Entries were recorded since it was prepared'),
  })
  .describe("A day's cash report of a clerk or an office");

const handoverSchema = z.object({
  id: z.string(),
  amountMinor: z.int(),
  currency,
  note: z.string().nullable(),
  recordedAt: iso,
});

const dayPartSchema = z.object({
  clerk: person.nullable(),
  live: cashFiguresSchema.describe('The figures as the ledger gives them now'),
  report: cashReportSchema.nullable().describe('The report in force, if one was prepared'),
  handovers: z.array(handoverSchema),
});

export const cashDaySchema = z
  .object({
    officeId: z.string(),
    businessDate: z.string(),
    currency,
    office: dayPartSchema,
    clerks: z.array(dayPartSchema),
  })
  .describe("An office's day: its report and each clerk's");

export const cashDayQuerySchema = z.strictObject({
  office: officeId.optional(),
  date: plainDate.optional().describe("The business day (the office's today when omitted)"),
  currency: currency.optional(),
});

export const prepareCashReportBodySchema = z.strictObject({
  date: plainDate,
  scope: z.enum(['clerk', 'office']).describe("clerk: one's own drawer; office: the whole office"),
  office: officeId.optional(),
  currency: currency.optional(),
  reason: z.string().trim().min(1).max(500).optional().describe('Why a signed report is corrected'),
});

export const handInBodySchema = z.strictObject({
  date: plainDate,
  amountMinor: z.int().min(1).max(1_000_000_000),
  currency: currency.optional(),
  note: z.string().trim().min(1).max(500).optional(),
});

export const handInAnswerSchema = z
  .object({ handover: handoverSchema, live: cashFiguresSchema })
  .describe("The cash handed in and the drawer's figures after it");

export const cashReportParams = z.strictObject({ id: z.uuid({ error: 'error.uuid' }) });

// bank statements

export const statementImportBodySchema = z.strictObject({
  fileName: z.string().trim().min(1).max(255).optional(),
  content: z
    .string()
    .min(1)
    .max(900_000)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: 'error.base64' })
    .describe('The CSV file, base64'),
  office: officeId.optional(),
});

const transferPaymentSchema = z.object({
  id: z.string(),
  reference: z.string(),
  amountMinor: z.int(),
  currency,
  businessDate: z.string(),
  receiptNumber: z.string().nullable(),
});

export const statementLineSchema = z.object({
  line: z.int(),
  valueDate: z.string(),
  amountMinor: z.int(),
  currency,
  reference: z.string(),
  payer: z.string().nullable(),
  purpose: z.string().nullable(),
  result: z.enum(MATCH_RESULTS),
  paymentId: z.string().nullable(),
  expectedMinor: z.int().nullable().describe("The payment's amount where it differs"),
});

export const statementSummarySchema = z.object({
  id: z.string(),
  officeId: z.string(),
  fileName: z.string().nullable(),
  fileSha256: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  lineCount: z.int(),
  counts: z.record(z.enum(MATCH_RESULTS), z.int()),
  importedBy: person,
  importedAt: iso,
});

export const statementSchema = statementSummarySchema
  .extend({
    lines: z.array(statementLineSchema),
    missing: z
      .array(transferPaymentSchema)
      .describe('Bank-transfer payments of the period no import has matched'),
  })
  .describe('A bank statement with what each line matched');

export const statementListSchema = z
  .object({ items: z.array(statementSummarySchema) })
  .describe('The bank statements imported');
export const statementListQuerySchema = z.strictObject({ office: officeId.optional() });

// fee reports

export const feeReportQuerySchema = z.strictObject({
  office: officeId.optional().describe('The office, with every office under it'),
  from: plainDate,
  to: plainDate,
  service: z.enum(FEE_SERVICES).optional(),
});

const feeReportAmounts = {
  currency,
  charges: z.int(),
  chargedMinor: z.int(),
  paidMinor: z.int(),
  refundedMinor: z.int(),
  waivedMinor: z.int(),
  outstandingMinor: z.int(),
};

export const feeReportSchema = z
  .object({
    officeId: z.string(),
    from: z.string(),
    to: z.string(),
    service: z.string().nullable(),
    rows: z.array(z.object({ officeId: z.string(), service: z.string(), ...feeReportAmounts })),
    totals: z.array(z.object(feeReportAmounts)),
  })
  .describe('The fee report of an office and those under it for a period');

export type CashFiguresView = z.infer<typeof cashFiguresSchema>;
export type CashReportView = z.infer<typeof cashReportSchema>;
export type CashDayView = z.infer<typeof cashDaySchema>;
export type StatementView = z.infer<typeof statementSchema>;
export type StatementSummaryView = z.infer<typeof statementSummarySchema>;
export type FeeReportView = z.infer<typeof feeReportSchema>;
