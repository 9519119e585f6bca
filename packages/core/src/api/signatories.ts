import { z } from 'zod';
import { SIGNATORY_BASES } from '../workflow/signatories.ts';
import { officeNamesSchema } from './offices.ts';

/** Who signs an office's documents, from when, set by whom. */
export const signatorySchema = z
  .object({
    id: z.int(),
    office: z.string(),
    basis: z.enum(SIGNATORY_BASES),
    fullName: z.string(),
    title: z.string(),
    headTitle: z.string().nullable(),
    authority: z.string().nullable(),
    printedTitle: z.string().describe('the title line documents print over the signature'),
    validFrom: z.string(),
    setAt: z.string(),
    setBy: z.object({ login: z.string(), name: z.string().nullable() }).nullable(),
  })
  .describe('The signatory');
export type SignatoryView = z.infer<typeof signatorySchema>;

/** GET /signatories: the one in force and every earlier one, newest first. */
export const officeSignatoriesSchema = z
  .object({
    office: officeNamesSchema,
    defaultHeadTitle: z.string(),
    current: signatorySchema.nullable(),
    history: z.array(signatorySchema),
  })
  .describe("Who signs the office's documents");
export type OfficeSignatories = z.infer<typeof officeSignatoriesSchema>;
