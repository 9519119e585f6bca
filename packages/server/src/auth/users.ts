import { randomUUID } from 'node:crypto';
import { ROLES, type Role, t } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { passwordProblem } from './password-policy.ts';
import { hashPassword } from './passwords.ts';

export interface NewUser {
  login: string;
  password: string;
  fullName: string;
  role: Role;
  officeId: string;
}

/** Why a user cannot be created; a password's reason also as a message key of core/i18n. */
export class UserInputError extends Error {
  readonly key: string | undefined;
  readonly params: Record<string, unknown>;
  constructor(message: string, key?: string, params: Record<string, unknown> = {}) {
    super(message);
    this.key = key;
    this.params = params;
  }
}

/**
 * Creates a user, or reports why it cannot (bad role, unknown office, login taken, a password
 * password-policy.ts refuses). `demoPassword`: the demo users and the tests' users, whose password
 * is the published demo password the policy refuses; never for a real user.
 */
export async function createUser(
  db: Kysely<Database>,
  u: NewUser,
  { demoPassword = false }: { demoPassword?: boolean } = {},
): Promise<string> {
  if (!(ROLES as readonly string[]).includes(u.role))
    throw new UserInputError(`unknown role "${u.role}"; one of: ${ROLES.join(', ')}`);
  if (!/^[a-z0-9._-]{2,40}$/.test(u.login))
    throw new UserInputError('login: 2–40 characters a-z, 0-9, . _ -');
  const weak = demoPassword ? null : await passwordProblem(u.password, u.login);
  if (weak) throw new UserInputError(t(weak.key, 'en', weak.params), weak.key, weak.params);
  const office = await db.selectFrom('offices').select('id').where('id', '=', u.officeId).executeTakeFirst();
  if (!office) throw new UserInputError(`unknown office "${u.officeId}"`);
  const taken = await db.selectFrom('users').select('id').where('login', '=', u.login).executeTakeFirst();
  if (taken) throw new UserInputError(`login "${u.login}" is taken`);
  const id = randomUUID();
  await db
    .insertInto('users')
    .values({
      id,
      login: u.login,
      full_name: u.fullName,
      role: u.role,
      office_id: u.officeId,
      password_hash: await hashPassword(u.password),
    })
    .execute();
  return id;
}
