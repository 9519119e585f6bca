import { z } from 'zod';
import { ID_DOCUMENT_TYPES } from '../acts/common.ts';
import { BLANK_DOCUMENTS, DOCUMENT_KINDS, HOLDERS } from '../workflow/certificate-documents.ts';
import { iso, listOf } from './shapes.ts';

/** An identity document as the receipt records it. */
export const idDocumentViewSchema = z.object({
  type: z.enum(ID_DOCUMENT_TYPES),
  series: z.string().optional(),
  number: z.string(),
  issuer: z.string().optional(),
  issueDate: z.string().optional(),
});
export type IdDocument = z.infer<typeof idDocumentViewSchema>;

/** A certificate as GET /records/:id/certificates and GET /certificates/:id describe it. */
export const certificateSchema = z
  .object({
    id: z.string(),
    recordId: z.string(),
    recordVersion: z.int(),
    current: z.boolean().describe('whether it certifies the record as it is now'),
    office: z.string(),
    document: z.enum(DOCUMENT_KINDS),
    series: z.string().describe('blank series (or the office, on plain paper)'),
    number: z.string(),
    onBlank: z.boolean(),
    blankId: z.int().nullable(),
    issue: z.enum(['first', 'repeat', 'reissue']),
    holder: z
      .enum(HOLDERS)
      .nullable()
      .describe('who it was issued to where each party gets their own (divorce)'),
    mode: z.enum(['full', 'overlay']),
    calibration: z.object({ dxMm: z.number(), dyMm: z.number() }).nullable(),
    status: z.enum(['valid', 'superseded', 'spoiled']),
    supersededBy: z.string().nullable(),
    supersededAt: iso.nullable(),
    issuedBy: z.object({ login: z.string(), name: z.string().nullable() }).nullable(),
    issuedAt: iso,
    issuedOn: z.string(),
    receipt: z
      .object({
        name: z
          .string()
          .nullable()
          .describe(
            'null, with the document, where the certificate is of sealed data the reader may not see',
          ),
        idDocument: idDocumentViewSchema.nullable(),
        receivedAt: iso,
        recordedBy: z
          .object({ login: z.string(), name: z.string().nullable() })
          .nullable()
          .describe('the staff member who handed it over'),
      })
      .nullable(),
    applicant: z
      .object({ name: z.string(), idDocument: idDocumentViewSchema.nullable() })
      .nullable()
      .describe(
        "the record's applicant, offered as the one who collects it (null: an organisation, no applicant named, or sealed data)",
      ),
    qr: z.string().describe('the signed QR payload (SABT1.…)'),
    keyId: z.string(),
    signingKeyId: z.string(),
    pdfSha256: z.string(),
    pdf: z.string().describe('where the signed PDF is'),
    verifyCode: z
      .string()
      .describe(
        'the code printed under the QR code, to check the certificate without a scanner (7KQ2M-X9D4G)',
      ),
    verifyUrl: z.string().describe('the short address printed with it: the public check of that code'),
  })
  .describe('The certificate');
export type Certificate = z.infer<typeof certificateSchema>;

export const certificateListSchema = listOf(certificateSchema, "The record's certificates");

/** GET /blanks/next: the blank the next print of a document takes (null: none in stock). */
export const nextBlankSchema = z
  .object({
    document: z.enum(BLANK_DOCUMENTS),
    blank: z.object({ id: z.int(), series: z.string(), number: z.string() }).nullable(),
  })
  .describe('The next free blank, or null');
export type NextBlank = z.infer<typeof nextBlankSchema>;
