import { z } from 'zod';
import { OFFICE_KINDS, ROLES } from '../workflow/roles.ts';
import { iso } from './shapes.ts';

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
    /** Their role requires two-factor sign-in, not set up yet: to be set up before anything else. */
    twoFactorEnrolmentRequired: z.boolean().optional(),
  })
  .describe('The signed-in user, their role and office');
export type Me = z.infer<typeof meSchema>;

/** GET /auth/session: who is signed in, if anyone. */
export const sessionSchema = z
  .object({ user: meSchema.nullable() })
  .describe('Who is signed in: the user, or null');

/** How many recovery codes a user is given at a time, each usable once instead of a code. */
export const RECOVERY_CODE_COUNT = 10;

/** POST /auth/login for a user with two-factor sign-in: the code is asked next, under this challenge. */
export const codeChallengeSchema = z
  .object({
    challenge: z.string().describe('short-lived and single use: send it with the code to /auth/login/code'),
    expiresAt: iso,
  })
  .describe('The password is right; the code of the authenticator app (or a recovery code) is asked next');
export type CodeChallenge = z.infer<typeof codeChallengeSchema>;

/** POST /auth/login: the signed-in user, or the code step. */
export const loginAnswerSchema = z
  .union([meSchema, codeChallengeSchema])
  .describe('Signed in (the user), or the code step (a challenge)');
export type LoginAnswer = z.infer<typeof loginAnswerSchema>;

/** A six-digit code of the authenticator app, or a recovery code (xxxxx-xxxxx). */
const codeField = z
  .string()
  .trim()
  .min(6, { error: 'error.twoFactor.code' })
  .max(20, { error: 'error.twoFactor.code' })
  .describe('six digits from the authenticator app, or a recovery code');

export const codeSignInSchema = z.strictObject({
  challenge: z.string().min(1).max(100),
  code: codeField,
});

/** Confirming an enrolment, new recovery codes: a current code of the app. */
export const twoFactorCodeSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: 'error.twoFactor.totp' })
    .describe('six digits from the authenticator app'),
});

/** GET /me/two-factor. */
export const twoFactorStatusSchema = z
  .object({
    enrolled: z.boolean(),
    required: z.boolean().describe('the user’s role must sign in with a code'),
    enrolledAt: iso.nullable(),
    recoveryCodesLeft: z.number().int(),
  })
  .describe('Whether two-factor sign-in is set up, whether the role requires it, recovery codes left');
export type TwoFactorStatus = z.infer<typeof twoFactorStatusSchema>;

/** POST /me/two-factor/enrolment: what an authenticator app is set up with (shown only while enrolling). */
export const twoFactorEnrolmentSchema = z
  .object({
    secret: z.string().describe('the key in base32, for typing into the app by hand'),
    uri: z.string().describe('the otpauth:// address the QR code holds'),
    qrSvg: z.string().describe('the QR code as an SVG image'),
  })
  .describe('The secret to set up an authenticator app with, as a QR code and as text');
export type TwoFactorEnrolment = z.infer<typeof twoFactorEnrolmentSchema>;

/** The recovery codes, shown once. */
export const recoveryCodesSchema = z
  .object({ recoveryCodes: z.array(z.string()) })
  .describe('Recovery codes, each usable once instead of a code; shown only now');
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;
