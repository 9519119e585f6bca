import { z } from 'zod';
import { OFFICE_KINDS } from '../workflow/roles.ts';
import { ACT_KINDS } from '../workflow/statuses.ts';
import { localizedSchema } from './auth.ts';
import { iso } from './shapes.ts';

/** The citizen portal's API (/api/v1/portal/…): public information, and citizens' sign-in. */

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'error.time' });

/** When an office is open: days (1 = Monday … 7 = Sunday) with the same hours. */
export const officeHoursSchema = z
  .array(
    z.strictObject({
      days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
      opens: time,
      closes: time,
    }),
  )
  .max(7)
  .describe('Opening hours: days (1 = Monday … 7 = Sunday) with their hours');
export type OfficeHours = z.infer<typeof officeHoursSchema>;

const addressLine = z.string().trim().min(2).max(300);
/** What an office publishes on the portal (PUT /admin/offices/:id/details); null: not published. */
export const officeDetailsSchema = z.strictObject({
  address: z.strictObject({ tg: addressLine, ru: addressLine, en: addressLine }).nullable(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d ()-]{6,24}$/, { error: 'error.phone' })
    .nullable(),
  hours: officeHoursSchema
    .refine((hours) => hours.every((h) => h.opens < h.closes), { error: 'error.admin.visitTimes' })
    .nullable(),
});
export type OfficeDetails = z.infer<typeof officeDetailsSchema>;

/** An office as the public sees it (GET /portal/offices). */
export const publicOfficeSchema = z
  .object({
    id: z.string(),
    parent: z.string().nullable(),
    kind: z.enum(OFFICE_KINDS),
    region: z.string().nullable(),
    name: localizedSchema,
    address: localizedSchema.nullable().describe('null until the office publishes it'),
    phone: z.string().nullable(),
    hours: officeHoursSchema.nullable(),
    actKinds: z.array(z.enum(ACT_KINDS)).describe('the acts this kind of office registers'),
  })
  .describe('An office where citizens apply');
export type PublicOffice = z.infer<typeof publicOfficeSchema>;
export const publicOfficeListSchema = z
  .object({ items: z.array(publicOfficeSchema) })
  .describe('The open offices where citizens apply, in tree order');

/** A mobile office's visit as the public sees it (GET /portal/visits). */
export const publicVisitSchema = z
  .object({
    id: z.string(),
    office: z.object({ id: z.string(), name: localizedSchema }),
    date: z.string(),
    from: z.string(),
    to: z.string(),
    place: z.string(),
    host: z.object({ id: z.string(), name: localizedSchema }).nullable(),
  })
  .describe('Where and when a mobile office stands');
export type PublicVisit = z.infer<typeof publicVisitSchema>;
export const publicVisitListSchema = z
  .object({ items: z.array(publicVisitSchema) })
  .describe('The mobile offices’ planned visits, by date and time');

/** An e-mail address or a phone number in international form, to send a sign-in code to. */
export const citizenContactSchema = z.union([
  z.strictObject({ email: z.string().trim().min(3).max(254) }),
  z.strictObject({ phone: z.string().trim().min(8).max(20) }),
]);

export const signInCodeRequestSchema = z.strictObject({
  to: citizenContactSchema,
  language: z.enum(['tg', 'ru', 'en']).optional().describe('the language of the message (default tg)'),
});

export const signInCodeSentSchema = z
  .object({
    challenge: z.string().describe('to send back with the code'),
    channel: z.enum(['email', 'sms']),
    expiresAt: iso,
    attempts: z.number().int().describe('how many tries the code allows'),
  })
  .describe('A code is on its way');

export const signInBodySchema = z.strictObject({
  challenge: z.uuid({ error: 'error.uuid' }),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: 'error.portal.code' }),
});

/** The signed-in citizen. */
export const citizenSchema = z
  .object({
    id: z.string(),
    channel: z.enum(['email', 'sms']),
    contact: z.string(),
    language: z.enum(['tg', 'ru', 'en']),
    since: iso,
  })
  .describe('The signed-in citizen');
export type Citizen = z.infer<typeof citizenSchema>;
export const citizenSessionSchema = z
  .object({ citizen: citizenSchema.nullable() })
  .describe('Who is signed in to the portal: the citizen, or null');
