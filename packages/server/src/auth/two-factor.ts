import { createHash } from 'node:crypto';
import { RECOVERY_CODE_COUNT, type Role } from '@sabt/core';
import type { Kysely, Transaction } from 'kysely';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { AuditEvent } from '../audit/audit-log.ts';
import { openBox, seal } from '../certificates/keys/secret-box.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { DomainError } from '../errors/domain-error.ts';
import { readableGroup } from './passwords.ts';
import type { Actor } from './sessions.ts';
import { twoFactorDb } from './two-factor-tables.ts';

/**
 * Two-factor sign-in: after the password, a time-based code (TOTP, RFC 6238: six digits, 30-second
 * steps, otplib) from an authenticator app, or one of the user's recovery codes. The secret is
 * sealed at rest (secret-box.ts, under SABT_KEY_PASSPHRASE) and shown only while enrolling; a code
 * of the step last accepted or an earlier one is refused (no replay); recovery codes are kept as
 * hashes and each is used once. Which roles must use it is a setting (SABT_2FA_ROLES).
 */

/** What a command of one's own two-factor sign-in is given by the write it runs in (unit-of-work's runWrite). */
interface WriteContext {
  trx: Transaction<Database>;
  actor: Actor;
  config: Config;
  now: Date;
  audit: AuditEvent[];
}

export const TOTP_PERIOD_SECONDS = 30;
/** The issuer an authenticator app shows beside the login. */
export const TOTP_ISSUER = 'Sabt';
/** An enrolment begun and not confirmed shows the same secret again for this long. */
const PENDING_MINUTES = 15;

export const isTwoFactorRequired = (config: Config, role: Role | string) =>
  (config.twoFactor.requiredRoles as readonly string[]).includes(role);

/** Whether a user has confirmed an enrolment, since when, and how many recovery codes are left. */
export async function twoFactorState(
  db: Kysely<Database>,
  userId: string,
): Promise<{ enrolled: boolean; enrolledAt: Date | null; recoveryCodesLeft: number }> {
  const tdb = twoFactorDb(db);
  const row = await tdb
    .selectFrom('user_two_factor')
    .select('confirmed_at')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const enrolledAt = row?.confirmed_at ? new Date(row.confirmed_at) : null;
  const { n } = await tdb
    .selectFrom('two_factor_recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { enrolled: enrolledAt !== null, enrolledAt, recoveryCodesLeft: enrolledAt ? Number(n) : 0 };
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export const otpauthUri = (login: string, secret: string) =>
  generateURI({ issuer: TOTP_ISSUER, label: login, secret });

/**
 * Enrolment begins: a new secret, sealed and kept unconfirmed, shown with its QR code. Asked again
 * before it is confirmed, the same secret is shown (a reload of the screen, a retried request).
 */
export async function beginEnrolment(ctx: WriteContext) {
  const tdb = twoFactorDb(ctx.trx);
  const row = await tdb
    .selectFrom('user_two_factor')
    .selectAll()
    .where('user_id', '=', ctx.actor.id)
    .forUpdate()
    .executeTakeFirst();
  if (row?.confirmed_at) throw new DomainError('conflict', 'problem.twoFactor.alreadyEnrolled');
  let secret: string | undefined;
  if (row && ctx.now.getTime() - new Date(row.started_at).getTime() < PENDING_MINUTES * 60_000)
    secret = await openSecret(ctx.config, ctx.actor.id, row);
  if (!secret) {
    secret = generateSecret();
    const { box, salt } = await seal(ctx.config.keyPassphrase, ctx.actor.id, Buffer.from(secret, 'utf8'));
    await tdb
      .insertInto('user_two_factor')
      .values({ user_id: ctx.actor.id, secret_box: box, secret_salt: salt, started_at: ctx.now })
      .onConflict((oc) =>
        oc
          .column('user_id')
          .doUpdateSet({ secret_box: box, secret_salt: salt, started_at: ctx.now, last_step: null }),
      )
      .execute();
    auditUser(ctx, 'user.two-factor-enrolment-started', ctx.actor);
  }
  const uri = otpauthUri(ctx.actor.login, secret);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return { secret, uri, qrSvg };
}

/** The first code confirms the enrolment: from now on the user signs in with codes. Recovery codes, shown once. */
export async function confirmEnrolment(ctx: WriteContext, code: string) {
  const tdb = twoFactorDb(ctx.trx);
  const row = await tdb
    .selectFrom('user_two_factor')
    .selectAll()
    .where('user_id', '=', ctx.actor.id)
    .forUpdate()
    .executeTakeFirst();
  if (row?.confirmed_at) throw new DomainError('conflict', 'problem.twoFactor.alreadyEnrolled');
  if (!row) throw new DomainError('conflict', 'problem.twoFactor.enrolmentNotBegun');
  const step = await acceptedStep(
    ctx.config,
    await openSecret(ctx.config, ctx.actor.id, row),
    code,
    null,
    ctx.now,
  );
  if (step === null) throw wrongCode();
  await tdb
    .updateTable('user_two_factor')
    .set({ confirmed_at: ctx.now, last_step: step })
    .where('user_id', '=', ctx.actor.id)
    .execute();
  const recoveryCodes = await newRecoveryCodes(ctx.trx, ctx.actor.id, ctx.now);
  auditUser(ctx, 'user.two-factor-enrolled', ctx.actor, { recoveryCodes: recoveryCodes.length });
  return { recoveryCodes };
}

/** New recovery codes for the old ones (which no longer work), against a current code of the app. */
export async function regenerateRecoveryCodes(ctx: WriteContext, code: string) {
  const tdb = twoFactorDb(ctx.trx);
  const row = await tdb
    .selectFrom('user_two_factor')
    .selectAll()
    .where('user_id', '=', ctx.actor.id)
    .forUpdate()
    .executeTakeFirst();
  if (!row?.confirmed_at) throw new DomainError('conflict', 'problem.twoFactor.notEnrolled');
  const secret = await openSecret(ctx.config, ctx.actor.id, row);
  const step = await acceptedStep(ctx.config, secret, code, row.last_step, ctx.now);
  if (step === null) throw wrongCode();
  await tdb
    .updateTable('user_two_factor')
    .set({ last_step: step })
    .where('user_id', '=', ctx.actor.id)
    .execute();
  const recoveryCodes = await newRecoveryCodes(ctx.trx, ctx.actor.id, ctx.now);
  auditUser(ctx, 'user.recovery-codes-regenerated', ctx.actor, { recoveryCodes: recoveryCodes.length });
  return { recoveryCodes };
}

/** Forgets a user's enrolment, recovery codes and pending sign-in steps (a lost device); whether they had one. */
export async function forgetTwoFactor(db: Kysely<Database>, userId: string): Promise<boolean> {
  const tdb = twoFactorDb(db);
  await tdb.deleteFrom('two_factor_challenges').where('user_id', '=', userId).execute();
  await tdb.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
  const gone = await tdb.deleteFrom('user_two_factor').where('user_id', '=', userId).executeTakeFirst();
  return Number(gone.numDeletedRows ?? 0) > 0;
}

/**
 * The second factor at sign-in, inside the caller's transaction: six digits are a code of the app
 * (its step then becomes the last accepted), anything else a recovery code (then used). Null: wrong,
 * replayed or already used.
 */
export async function verifySecondFactor(
  db: Kysely<Database>,
  config: Config,
  userId: string,
  code: string,
  now: Date,
): Promise<'totp' | 'recovery-code' | null> {
  const tdb = twoFactorDb(db);
  const row = await tdb
    .selectFrom('user_two_factor')
    .selectAll()
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!row?.confirmed_at) return null;
  const typed = code.replace(/\s+/g, '');
  if (/^\d{6}$/.test(typed)) {
    const step = await acceptedStep(config, await openSecret(config, userId, row), typed, row.last_step, now);
    if (step === null) return null;
    await tdb.updateTable('user_two_factor').set({ last_step: step }).where('user_id', '=', userId).execute();
    return 'totp';
  }
  const used = await tdb
    .updateTable('two_factor_recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', recoveryCodeHash(typed))
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return used ? 'recovery-code' : null;
}

/** The time step a code belongs to, if it is right, within the tolerance and after `afterStep`. */
async function acceptedStep(
  config: Config,
  secret: string,
  code: string,
  afterStep: string | number | null,
  now: Date,
): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    period: TOTP_PERIOD_SECONDS,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: config.twoFactor.toleranceSeconds,
    ...(afterStep !== null ? { afterTimeStep: Number(afterStep) } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

async function openSecret(
  config: Config,
  userId: string,
  row: { secret_box: Buffer; secret_salt: Buffer },
): Promise<string> {
  const plain = await openBox(config.keyPassphrase, row.secret_salt, userId, row.secret_box);
  if (typeof plain === 'string') throw new DomainError('internal', 'problem.twoFactor.secretUnavailable');
  return plain.toString('utf8');
}

/** A recovery code as typed: case, spaces and dashes do not matter. */
const recoveryCodeHash = (code: string) =>
  createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('hex');

async function newRecoveryCodes(db: Kysely<Database>, userId: string, now: Date): Promise<string[]> {
  const tdb = twoFactorDb(db);
  await tdb.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => `${readableGroup(5)}-${readableGroup(5)}`);
  await tdb
    .insertInto('two_factor_recovery_codes')
    .values(codes.map((c) => ({ user_id: userId, code_hash: recoveryCodeHash(c), created_at: now })))
    .execute();
  return codes;
}

const wrongCode = () =>
  new DomainError('invalid', 'problem.validation', {}, [
    { path: ['code'], key: 'problem.twoFactor.wrongCode', params: {} },
  ]);

const auditUser = (
  ctx: WriteContext,
  event: string,
  user: { id: string; login: string },
  detail: Record<string, unknown> = {},
) =>
  ctx.audit.push({
    event,
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: ctx.actor.officeId,
    detail: { userId: user.id, login: user.login, ...detail },
  });
