import { z } from 'zod';
import { BLANK_DOCUMENTS } from '../workflow/certificate-documents.ts';
import { officeNamesSchema } from './offices.ts';
import { iso, listOf } from './shapes.ts';

export const BLANK_STATUSES = [
  'IN_STOCK',
  'ISSUED',
  'SPOIL_REQUESTED',
  'SPOILED',
  'LOST',
  'WRITTEN_OFF',
] as const;
export type BlankStatus = (typeof BLANK_STATUSES)[number];
/** The statuses of a blank written off for good (a report confirmed by a second person). */
export const WRITTEN_OFF_STATUSES: readonly BlankStatus[] = ['SPOILED', 'LOST', 'WRITTEN_OFF'];
const blankStatus = z.enum(BLANK_STATUSES);

/**
 * GET /blanks/stock: per document (in the order of the official list of forms), counts by status,
 * how many are written off in all, how many were handed to offices below or received from the
 * office above, and the ranges of numbers.
 */
export const stockReportSchema = z
  .object({
    office: officeNamesSchema,
    documents: z.array(
      z.object({
        document: z.enum(BLANK_DOCUMENTS),
        counts: z.record(blankStatus, z.int()).describe('the blanks the office holds, by status'),
        writtenOff: z.int().describe('written off for good: spoiled, lost or otherwise (a confirmed report)'),
        total: z.int().describe('every blank the office holds, whatever its status'),
        transferredOut: z.int().describe('handed over to offices below (no longer held)'),
        receivedByTransfer: z.int().describe('received from the office above (counted in `counts` too)'),
        ranges: z.array(
          z.object({
            series: z.string(),
            status: blankStatus,
            from: z.string(),
            to: z.string(),
            count: z.int(),
          }),
        ),
      }),
    ),
  })
  .describe('The stock report');
export type StockReport = z.infer<typeof stockReportSchema>;

/** What a batch received and a transfer handed over both are: a range of one document's blanks. */
const blankRange = {
  document: z.enum(BLANK_DOCUMENTS),
  series: z.string(),
  from: z.string(),
  to: z.string(),
  count: z.int(),
  note: z.string().nullable(),
};

export const batchSchema = z
  .object({
    id: z.string(),
    office: z.string(),
    ...blankRange,
    receivedBy: z.string().nullable(),
    receivedByName: z.string().nullable().describe("the person's full name (`receivedBy` is their login)"),
    receivedAt: iso,
  })
  .describe('The batch');
export type Batch = z.infer<typeof batchSchema>;
export const batchListSchema = listOf(batchSchema, 'The batches, newest first');

export const blankSchema = z
  .object({
    id: z.int(),
    batchId: z.string(),
    document: z.enum(BLANK_DOCUMENTS),
    series: z.string(),
    number: z.string(),
    status: blankStatus,
    certificateId: z.string().nullable(),
    recordId: z.string().nullable(),
    spoil: z
      .object({
        outcome: z.enum(['SPOILED', 'LOST']).nullable(),
        reason: z.string(),
        requestedBy: z.string().nullable(),
        requestedByName: z.string().nullable(),
        requestedAt: iso.nullable(),
        decidedBy: z.string().nullable(),
        decidedByName: z.string().nullable(),
        decidedAt: iso.nullable(),
        decisionReason: z.string().nullable(),
      })
      .nullable(),
    updatedAt: iso,
  })
  .describe('The blank');
export type Blank = z.infer<typeof blankSchema>;
export const blankListSchema = z
  .object({ total: z.int(), items: z.array(blankSchema) })
  .describe('The blanks and how many match');

/** POST /blanks/transfers: blanks handed over from an office to one below it, as recorded. */
export const transferSchema = z
  .object({
    id: z.string(),
    fromOffice: officeNamesSchema,
    toOffice: officeNamesSchema,
    ...blankRange,
    transferredBy: z.string().nullable(),
    transferredByName: z
      .string()
      .nullable()
      .describe("the person's full name (`transferredBy` is their login)"),
    transferredAt: iso,
  })
  .describe('The transfer');
export type Transfer = z.infer<typeof transferSchema>;
export const transferListSchema = listOf(
  transferSchema,
  'The transfers from and to the office, newest first',
);
