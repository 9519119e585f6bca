import { z } from 'zod';
import { OFFICE_KINDS, ROLES } from '../workflow/roles.ts';

/** A text in the three languages (an office's name, a role's label). */
export const localizedSchema = z.object({ tg: z.string(), ru: z.string(), en: z.string() });

/** GET /me, POST /auth/login: the signed-in user, their role and office. */
export const meSchema = z
  .object({
    id: z.string(),
    login: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    roleLabel: localizedSchema,
    office: z.object({ id: z.string(), kind: z.enum(OFFICE_KINDS), name: localizedSchema }),
    /** Signed in with a temporary password an administrator set: to be changed before anything else. */
    temporaryCredentials: z.boolean().optional(),
  })
  .describe('The signed-in user, their role and office');
export type Me = z.infer<typeof meSchema>;

/** GET /auth/session: who is signed in, if anyone. */
export const sessionSchema = z
  .object({ user: meSchema.nullable() })
  .describe('Who is signed in: the user, or null');
