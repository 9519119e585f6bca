import { appendAudit } from '../audit/audit-log.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { DomainError } from '../errors/domain-error.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';
import { clearLogin, recordFailure, throttledFor, throttleKeys } from './throttle.ts';

/**
 * Checks a login and password. Wrong sign-ins are throttled by login and by address (throttle.ts);
 * an unknown login, a deactivated user and a wrong password get one and the same answer, and so do
 * known and unknown logins while they wait. Every attempt is audited.
 */
export async function login(
  { db }: Db,
  config: Config,
  input: { login: string; password: string; ip: string },
): Promise<{ token: string; userId: string }> {
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

/** The answer while a login or an address waits: the same whether the login exists or not. */
function throttled(waitSeconds: number): DomainError {
  // the seconds go to the Retry-After header only: the body names whole minutes, so two attempts a
  // moment apart read alike
  return new DomainError('throttled', 'problem.loginThrottled', {
    minutes: Math.ceil(waitSeconds / 60),
    retryAfter: waitSeconds,
  });
}
