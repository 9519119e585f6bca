import { z } from 'zod';
import { OFFICE_KINDS } from '../workflow/roles.ts';
import { localizedSchema } from './auth.ts';
import { listOf } from './shapes.ts';

/** One office of the tree (GET /offices). */
export const officeSchema = z.object({
  id: z.string(),
  parent: z.string().nullable(),
  kind: z.enum(OFFICE_KINDS),
  numericCode: z.string(),
  region: z.string().nullable(),
  unit: z.string().nullable(),
  name: localizedSchema,
  active: z.boolean(),
});
export type Office = z.infer<typeof officeSchema>;

export const officeListSchema = listOf(officeSchema, 'The offices, in tree order');

/** An office as the blank and signatory reports name it. */
export const officeNamesSchema = z.object({
  id: z.string(),
  nameTg: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
});
