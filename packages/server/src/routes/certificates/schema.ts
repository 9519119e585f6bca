import {
  BLANK_DOCUMENTS,
  BLANK_STATUSES,
  DOCUMENT_KINDS,
  HOLDERS,
  idDocument,
  numericId,
  personName,
  queryNumber,
  SIGNATORY_BASES,
} from '@sabt/core';
import { z } from 'zod';

export const certificateParams = z.strictObject({ id: z.uuid({ error: 'error.uuid' }) });
export const recordParams = certificateParams;

const calibration = z.strictObject({
  dxMm: z.number().min(-30).max(30),
  dyMm: z.number().min(-30).max(30),
});

export const issueBody = z
  .strictObject({
    mode: z
      .enum(['full', 'overlay'])
      .describe(
        "'full': the whole form, on the document's numbered blank (a certificate: takes the blank) or on plain paper (an extract, a reference: takes none); 'overlay': only the data, onto a blank with the form pre-printed",
      ),
    document: z
      .enum(DOCUMENT_KINDS)
      .optional()
      .describe(
        "'ARCHIVE_EXTRACT' for an extract on request (plain paper); otherwise the record's own document",
      ),
    holder: z
      .enum(HOLDERS)
      .optional()
      .describe('who the certificate is for, where each party gets their own: a divorce, each former spouse'),
    blankNumber: z
      .string()
      .trim()
      .max(20)
      .optional()
      .describe('the blank in the printer; else the next free one'),
    blankSeries: z
      .string()
      .trim()
      .max(20)
      .optional()
      .describe('needed only when the number exists in two series'),
    calibration: calibration.optional().describe("this printer's offsets in millimetres"),
    issue: z
      .enum(['first', 'repeat', 'reissue'])
      .optional()
      .describe('what the clerk means to print; refused (409) when the registry says otherwise'),
  })
  .meta({
    examples: [
      { mode: 'overlay', calibration: { dxMm: 1.5, dyMm: -0.5 } },
      { mode: 'full', document: 'ARCHIVE_EXTRACT' },
      { mode: 'overlay', holder: 'wife' },
    ],
  });

export const receiptBody = z
  .strictObject({
    name: personName.describe('who collected the certificate, as in their document'),
    idDocument,
  })
  .meta({
    examples: [
      { name: 'Каримов Фаридун Саидович', idDocument: { type: 'PASSPORT', series: 'A', number: '01234567' } },
    ],
  });

export const previewQuery = z
  .strictObject({
    mode: z.enum(['full', 'overlay']).default('full'),
    document: z.enum(DOCUMENT_KINDS).optional(),
    holder: z.enum(HOLDERS).optional(),
    blankNumber: z.string().trim().max(20).optional(),
    blankSeries: z.string().trim().max(20).optional(),
    dxMm: queryNumber(z.number().min(-30).max(30).default(0)),
    dyMm: queryNumber(z.number().min(-30).max(30).default(0)),
  })
  .describe('as for issuing: the mode, the document, the blank named (else the next free one), offsets');

export const nextBlankQuery = z.strictObject({ document: z.enum(BLANK_DOCUMENTS) });

export const calibrationQuery = z.strictObject({
  document: z.enum(DOCUMENT_KINDS),
  dxMm: queryNumber(z.number().min(-30).max(30).default(0)),
  dyMm: queryNumber(z.number().min(-30).max(30).default(0)),
});

const blankNumber = z.string().trim().min(1).max(12);

export const batchBody = z
  .strictObject({
    office: z
      .string()
      .max(20)
      .optional()
      .describe('the receiving office (central administrators); default: yours'),
    document: z.enum(BLANK_DOCUMENTS),
    series: z.string().trim().min(1).max(20),
    from: blankNumber.describe('first number, as printed (e.g. 000101)'),
    to: blankNumber.describe('last number, as printed'),
    note: z.string().trim().max(500).optional().describe('delivery note, invoice …'),
  })
  .meta({ examples: [{ document: 'BIRTH_CERTIFICATE', series: 'I-ДУ', from: '000101', to: '000200' }] });

export const officeQuery = z.strictObject({ office: z.string().max(20).optional() });

export const blanksQuery = z.strictObject({
  office: z.string().max(20).optional(),
  status: z.enum(BLANK_STATUSES).optional(),
  document: z.enum(BLANK_DOCUMENTS).optional(),
  series: z.string().max(20).optional(),
  number: z
    .string()
    .regex(/^\d{1,12}$/, { error: 'error.format' })
    .optional(),
  limit: queryNumber(z.number().int().min(1).max(500).default(100)),
  offset: queryNumber(z.number().int().min(0).max(1_000_000).default(0)),
});

export const blankParams = z.strictObject({ id: numericId });

export const spoilBody = z
  .strictObject({
    reason: z.string().trim().min(1).max(1000),
    lost: z.boolean().optional().describe('the blank is lost, not spoiled'),
  })
  .meta({ examples: [{ reason: 'Принтер коғазро хоида вайрон кард' }] });

export const confirmBody = z
  .strictObject({ status: z.enum(['SPOILED', 'LOST', 'WRITTEN_OFF']).optional() })
  .nullish();

export const rejectSpoilBody = z.strictObject({ reason: z.string().trim().min(1).max(1000) });

export const signatoryBody = z
  .strictObject({
    office: z.string().max(20).optional().describe('the office (central administrators); default: yours'),
    basis: z
      .enum(SIGNATORY_BASES)
      .describe("'head': the head of office signs; 'authorised': a person authorised to sign for the head"),
    fullName: z.string().trim().min(1).max(200).describe('the full name printed under the signature'),
    title: z.string().trim().min(1).max(200).describe("the signer's own title, in Tajik, as printed"),
    headTitle: z
      .string()
      .trim()
      .max(200)
      .optional()
      .describe("for 'authorised': the title of the head they sign for (default by office kind)"),
    authority: z
      .string()
      .trim()
      .max(300)
      .optional()
      .describe("for 'authorised': the order or power of attorney that authorises them"),
  })
  .meta({
    examples: [
      { basis: 'head', fullName: 'Зарина Саидзода', title: 'Сардори шуъбаи САҲШ' },
      {
        basis: 'authorised',
        fullName: 'Нигина Каримова',
        title: 'Муовини сардори шуъбаи САҲШ',
        authority: 'Фармоиши № 14 аз 02.03.2026',
      },
    ],
  });

export const transferBody = z
  .strictObject({
    office: z
      .string()
      .max(20)
      .optional()
      .describe('the sending office (central administrators); default: yours'),
    toOffice: z
      .string()
      .min(1)
      .max(20)
      .describe(
        'the receiving office, below the sending one (a district below a region; a jamoat or a mobile office below a district)',
      ),
    document: z.enum(BLANK_DOCUMENTS),
    series: z.string().trim().min(1).max(20),
    from: blankNumber.describe('first number handed over, as printed'),
    to: blankNumber.describe('last number handed over, as printed'),
    note: z.string().trim().max(500).optional().describe('the hand-over note, who carried them …'),
  })
  .meta({
    examples: [
      { toOffice: 'RA-13-01', document: 'BIRTH_CERTIFICATE', series: 'I-ДУ', from: '000101', to: '000120' },
    ],
  });
