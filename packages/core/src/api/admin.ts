import { z } from 'zod';
import { isPlainDate } from '../dates/plain-date.ts';
import { OPENABLE_OFFICE_KINDS } from '../workflow/administration.ts';
import { OFFICE_KINDS, ROLES } from '../workflow/roles.ts';
import { localizedSchema } from './auth.ts';
import { iso } from './shapes.ts';

/** Users and offices as their administrators see and change them (/admin/…). */

const login = z
  .string()
  .regex(/^[a-z0-9._-]{2,40}$/, { error: 'error.admin.login' })
  .describe('2–40 characters a-z, 0-9, . _ -');
const fullName = z.string().trim().min(2).max(120);
const officeId = z.string().min(2).max(20);

/** A user as the administration lists them. */
export const adminUserSchema = z
  .object({
    id: z.string(),
    login: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    roleLabel: localizedSchema,
    office: z.object({ id: z.string(), kind: z.enum(OFFICE_KINDS), name: localizedSchema }),
    active: z.boolean(),
    /** Wrong sign-ins make this login wait now (auth/throttle.ts). */
    locked: z.boolean(),
    mustChangePassword: z.boolean(),
    /** Signs in with a code of an authenticator app (auth/two-factor.ts). */
    twoFactorEnrolled: z.boolean(),
    createdAt: iso,
  })
  .describe('A user: role, office, status');
export type AdminUser = z.infer<typeof adminUserSchema>;

export const adminUserPageSchema = z
  .object({ items: z.array(adminUserSchema), next: z.string().nullable() })
  .describe('A page of users in the administrator’s jurisdiction, by login; `next` asks for the page after');

export const adminUserQuerySchema = z.strictObject({
  q: z.string().trim().max(60).optional().describe('part of a login or a name'),
  role: z.enum(ROLES).optional(),
  office: officeId.optional().describe('this office and the offices below it'),
  status: z.enum(['active', 'disabled', 'locked']).optional(),
  after: z.string().max(60).optional().describe('the login the page starts after'),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type AdminUserQuery = z.infer<typeof adminUserQuerySchema>;

/** A session of a user (the token itself is never shown; `id` names it for revoking). */
export const adminSessionSchema = z.object({
  id: z.string(),
  createdAt: iso,
  lastSeenAt: iso,
  expiresAt: iso,
  current: z.boolean().describe('the session this request came with'),
});

export const adminUserDetailSchema = adminUserSchema
  .extend({
    sessions: z.array(adminSessionSchema),
    /** What the reader may do to this user (never to themselves). */
    allowed: z.array(
      z.enum([
        'change',
        'disable',
        'enable',
        'unlock',
        'reset-password',
        'revoke-sessions',
        'reset-two-factor',
      ]),
    ),
  })
  .describe('A user, their active sessions and what the reader may do to them');
export type AdminUserDetail = z.infer<typeof adminUserDetailSchema>;

export const newUserSchema = z.strictObject({
  login,
  fullName,
  role: z.enum(ROLES),
  officeId,
});
export type NewUserInput = z.infer<typeof newUserSchema>;

export const userChangeSchema = z
  .strictObject({
    fullName: fullName.optional(),
    role: z.enum(ROLES).optional(),
    officeId: officeId.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { error: 'error.admin.nothingToChange' });

/** A new user or a reset password: the temporary password, shown once, to be changed at first sign-in. */
export const temporaryPasswordSchema = z
  .object({
    user: adminUserSchema,
    temporaryPassword: z.string().describe('shown once; the user must change it at the next sign-in'),
  })
  .describe('The user and their temporary password, shown once');

export const revokeSessionsSchema = z.strictObject({
  session: z.string().max(64).optional().describe('one session; all of the user’s when omitted'),
});
export const revokedSchema = z.object({ revoked: z.number().int() }).describe('How many sessions were ended');

/** POST /me/password: a user changes their own password. */
export const passwordChangeSchema = z.strictObject({
  current: z.string().min(1).max(128),
  password: z.string().min(1).max(128),
});

/** Offices. */
export const namesSchema = z.strictObject({
  tg: z.string().trim().min(2).max(200),
  ru: z.string().trim().min(2).max(200),
  en: z.string().trim().min(2).max(200),
});

export const adminOfficeSchema = z
  .object({
    id: z.string(),
    parent: z.string().nullable(),
    kind: z.enum(OFFICE_KINDS),
    numericCode: z.string(),
    name: localizedSchema,
    officialName: z.string().describe('the full name documents print'),
    active: z.boolean(),
    closedAt: iso.nullable(),
    users: z.number().int(),
  })
  .describe('An office as its administrators see it');
export type AdminOffice = z.infer<typeof adminOfficeSchema>;
export const adminOfficeListSchema = z
  .object({ items: z.array(adminOfficeSchema) })
  .describe('The offices in the administrator’s jurisdiction, in tree order');

export const newOfficeSchema = z.strictObject({
  kind: z.enum(OPENABLE_OFFICE_KINDS),
  parent: officeId,
  name: namesSchema,
  officialName: z.string().trim().min(2).max(300).optional(),
  /** a consulate's country (ISO 3166 alpha-2) */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});

export const renameOfficeSchema = z.strictObject({
  name: namesSchema,
  officialName: z.string().trim().min(2).max(300).nullable().optional(),
});
export const moveOfficeSchema = z.strictObject({ parent: officeId });

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'error.time' });
/** Where and when a mobile office's minivan is. */
export const newVisitSchema = z
  .strictObject({
    date: z.string().refine(isPlainDate, { error: 'error.date.invalid' }),
    from: time,
    to: time,
    place: z.string().trim().min(2).max(200),
    /** the jamoat the van stands at, if at one */
    host: officeId.nullable().optional(),
  })
  .refine((v) => v.from < v.to, { error: 'error.admin.visitTimes', path: ['to'] });

export const visitSchema = z
  .object({
    id: z.string(),
    office: z.string(),
    date: z.string(),
    from: z.string(),
    to: z.string(),
    place: z.string(),
    host: z.object({ id: z.string(), name: localizedSchema }).nullable(),
    cancelled: z.boolean(),
  })
  .describe('A visit of a mobile office');
export type Visit = z.infer<typeof visitSchema>;
export const visitListSchema = z
  .object({ items: z.array(visitSchema) })
  .describe('A mobile office’s visits, by date and time');
export const visitQuerySchema = z.strictObject({
  from: z.string().refine(isPlainDate, { error: 'error.date.invalid' }).optional(),
});
