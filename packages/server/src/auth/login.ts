import { randomBytes } from 'node:crypto';
import { appendAudit } from '../audit/audit-log.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { DomainError } from '../errors/domain-error.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { createSession, tokenHash } from './sessions.ts';
import { clearLogin, recordFailure, throttledFor, throttleKeys } from './throttle.ts';
import { twoFactorState, verifySecondFactor } from './two-factor.ts';
import { twoFactorDb } from './two-factor-tables.ts';

/** How long the step between a right password and its code lasts, and how many wrong codes it takes. */
export const CHALLENGE_MINUTES = 5;
export const CHALLENGE_TRIES = 5;

/** A right password of a user with two-factor sign-in: the code is asked next, under this challenge. */
export interface CodeChallenge {
  challenge: string;
  expiresAt: Date;
}

/**
 * Checks a login and password. Wrong sign-ins are throttled by login and by address (throttle.ts);
 * an unknown login, a deactivated user and a wrong password get one and the same answer, and so do
 * known and unknown logins while they wait. Every attempt is audited. A user with two-factor
 * sign-in gets a challenge (completeLogin takes its code); the others a session.
 */
export async function login(
  { db }: Db,
  config: Config,
  input: { login: string; password: string; ip: string },
): Promise<{ token: string; userId: string } | CodeChallenge> {
  const now = new Date();
  const keys = throttleKeys(input.login, input.ip);
  const actorLogin = input.login.slice(0, 60);
  const waitSeconds = await throttledFor(db, keys, now);
  if (waitSeconds > 0) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, [
        {
          event: 'auth.login-refused',
          actorLogin,
          detail: { ip: input.ip, reason: 'throttled', waitSeconds },
        },
      ]),
    );
    throw throttled(waitSeconds);
  }

  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('login', '=', input.login.toLowerCase())
    .executeTakeFirst();
  const ok = user?.active
    ? await verifyPassword(user.password_hash, input.password)
    : await verifyPassword(await dummyHash(), input.password).then(() => false);
  if (!user?.active || !ok) {
    await db.transaction().execute(async (trx) => {
      const wait = await recordFailure(trx, config.loginThrottle, keys, now);
      await appendAudit(trx, [
        {
          event: 'auth.login-failed',
          actorLogin: user?.active ? user.login : actorLogin,
          ...(user?.active ? { actorId: user.id, officeId: user.office_id } : {}),
          detail: {
            ip: input.ip,
            reason: user?.active ? 'wrong-password' : 'unknown-login',
            ...(wait ? { waitSeconds: wait } : {}),
          },
        },
      ]);
    });
    throw new DomainError('unauthenticated', 'problem.badCredentials');
  }
  if ((await twoFactorState(db, user.id)).enrolled) {
    // the login's wrong sign-ins are forgotten only once the code is right: a known password does
    // not buy more tries at the code
    return db.transaction().execute(async (trx) => {
      const challenge = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
      // the user's challenges that are over are not kept
      await twoFactorDb(trx)
        .deleteFrom('two_factor_challenges')
        .where('user_id', '=', user.id)
        .where((eb) => eb.or([eb('expires_at', '<=', now), eb('used_at', 'is not', null)]))
        .execute();
      await twoFactorDb(trx)
        .insertInto('two_factor_challenges')
        .values({ token_hash: tokenHash(challenge), user_id: user.id, expires_at: expiresAt, used_at: null })
        .execute();
      await appendAudit(trx, [
        {
          event: 'auth.password-accepted',
          actorId: user.id,
          actorLogin: user.login,
          officeId: user.office_id,
          detail: { ip: input.ip, next: 'code' },
        },
      ]);
      return { challenge, expiresAt };
    });
  }
  const token = await db.transaction().execute(async (trx) => {
    await clearLogin(trx, keys);
    await appendAudit(trx, [
      {
        event: 'auth.login',
        actorId: user.id,
        actorLogin: user.login,
        officeId: user.office_id,
        detail: { ip: input.ip },
      },
    ]);
    return createSession(trx, config, user.id);
  });
  return { token, userId: user.id };
}

/**
 * The code after the password: a code of the user's authenticator app or one of their recovery
 * codes, under the challenge the password step gave (single use, CHALLENGE_MINUTES, CHALLENGE_TRIES
 * wrong codes). Wrong codes count as wrong sign-ins (throttle.ts) and are audited; a right one ends
 * the challenge and opens the session.
 */
export async function completeLogin(
  { db }: Db,
  config: Config,
  input: { challenge: string; code: string; ip: string },
): Promise<{ token: string; userId: string; login: string }> {
  const now = new Date();
  const hash = tokenHash(input.challenge);
  const pending = await twoFactorDb(db)
    .selectFrom('two_factor_challenges as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['u.login'])
    .where('c.token_hash', '=', hash)
    .executeTakeFirst();
  if (!pending) throw challengeOver();
  const keys = throttleKeys(pending.login, input.ip);
  const waitSeconds = await throttledFor(db, keys, now);
  if (waitSeconds > 0) throw throttled(waitSeconds);

  const outcome = await db.transaction().execute(async (trx) => {
    const tdb = twoFactorDb(trx);
    const c = await tdb
      .selectFrom('two_factor_challenges')
      .selectAll()
      .where('token_hash', '=', hash)
      .forUpdate()
      .executeTakeFirst();
    const user = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', c?.user_id ?? '')
      .executeTakeFirst();
    if (!c || !user?.active || c.used_at || new Date(c.expires_at) <= now) return { over: true as const };
    const by = await verifySecondFactor(trx, config, user.id, input.code, now);
    const who = { actorId: user.id, actorLogin: user.login, officeId: user.office_id };
    if (!by) {
      const failures = c.failures + 1;
      await tdb
        .updateTable('two_factor_challenges')
        .set({ failures, ...(failures >= CHALLENGE_TRIES ? { used_at: now } : {}) })
        .where('token_hash', '=', hash)
        .execute();
      const wait = await recordFailure(trx, config.loginThrottle, keys, now);
      await appendAudit(trx, [
        {
          event: 'auth.login-failed',
          ...who,
          detail: { ip: input.ip, reason: 'wrong-code', ...(wait ? { waitSeconds: wait } : {}) },
        },
      ]);
      return { wrong: true as const, over: failures >= CHALLENGE_TRIES };
    }
    await tdb
      .updateTable('two_factor_challenges')
      .set({ used_at: now })
      .where('token_hash', '=', hash)
      .execute();
    await clearLogin(trx, keys);
    const left =
      by === 'recovery-code'
        ? { recoveryCodesLeft: (await twoFactorState(trx, user.id)).recoveryCodesLeft }
        : {};
    await appendAudit(trx, [
      { event: 'auth.login', ...who, detail: { ip: input.ip, secondFactor: by, ...left } },
    ]);
    return { token: await createSession(trx, config, user.id), userId: user.id, login: user.login };
  });
  if (outcome.token !== undefined) return outcome;
  if (outcome.over && !('wrong' in outcome)) throw challengeOver();
  if (outcome.over) throw new DomainError('unauthenticated', 'problem.twoFactor.tooManyWrongCodes');
  throw new DomainError('unauthenticated', 'problem.twoFactor.wrongCode');
}

const challengeOver = () => new DomainError('unauthenticated', 'problem.twoFactor.challengeOver');

/** The answer while a login or an address waits: the same whether the login exists or not. */
function throttled(waitSeconds: number): DomainError {
  // the seconds go to the Retry-After header only: the body names whole minutes, so two attempts a
  // moment apart read alike
  return new DomainError('throttled', 'problem.loginThrottled', {
    minutes: Math.ceil(waitSeconds / 60),
    retryAfter: waitSeconds,
  });
}
