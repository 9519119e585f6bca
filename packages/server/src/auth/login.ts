import { sql } from 'kysely';
import { appendAudit } from '../audit/audit-log.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { DomainError } from '../errors/domain-error.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

/**
 * Checks a login and password. After `lockoutThreshold` wrong passwords in a row the account is
 * locked for `lockoutMinutes`; every attempt is audited.
 */
export async function login(
  { db }: Db,
  config: Config,
  input: { login: string; password: string; ip: string },
): Promise<{ token: string; userId: string }> {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('login', '=', input.login.toLowerCase())
    .executeTakeFirst();
  if (!user?.active) {
    await verifyPassword(await dummyHash(), input.password);
    await db.transaction().execute((trx) =>
      appendAudit(trx, [
        {
          event: 'auth.login-failed',
          actorLogin: input.login.slice(0, 60),
          detail: { ip: input.ip, reason: 'unknown-login' },
        },
      ]),
    );
    throw new DomainError('unauthenticated', 'problem.badCredentials');
  }
  const now = Date.now();
  if (user.locked_until && new Date(user.locked_until).getTime() > now) {
    const minutes = Math.ceil((new Date(user.locked_until).getTime() - now) / 60_000);
    await db.transaction().execute((trx) =>
      appendAudit(trx, [
        {
          event: 'auth.login-refused',
          actorId: user.id,
          actorLogin: user.login,
          officeId: user.office_id,
          detail: { ip: input.ip, reason: 'locked' },
        },
      ]),
    );
    throw new DomainError('locked', 'problem.locked', { minutes });
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok) {
    await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('users')
        .set({ failed_logins: sql`failed_logins + 1` })
        .where('id', '=', user.id)
        .returning('failed_logins')
        .executeTakeFirstOrThrow();
      const locked = updated.failed_logins >= config.lockoutThreshold;
      if (locked) {
        await trx
          .updateTable('users')
          .set({ failed_logins: 0, locked_until: new Date(now + config.lockoutMinutes * 60_000) })
          .where('id', '=', user.id)
          .execute();
      }
      await appendAudit(trx, [
        {
          event: locked ? 'auth.locked' : 'auth.login-failed',
          actorId: user.id,
          actorLogin: user.login,
          officeId: user.office_id,
          detail: { ip: input.ip, reason: 'wrong-password' },
        },
      ]);
    });
    throw new DomainError('unauthenticated', 'problem.badCredentials');
  }
  const token = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', user.id)
      .execute();
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
