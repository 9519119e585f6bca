import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { hashPassword } from './passwords.ts';

export interface NewUser {
  login: string;
  password: string;
  fullName: string;
  role: Role;
  officeId: string;
}

export class UserInputError extends Error {}

/** Creates a user, or reports why it cannot (bad role, unknown office, login taken, short password). */
export async function createUser(db: Kysely<Database>, u: NewUser): Promise<string> {
  if (!(ROLES as readonly string[]).includes(u.role))
    throw new UserInputError(`unknown role "${u.role}"; one of: ${ROLES.join(', ')}`);
  if (!/^[a-z0-9._-]{2,40}$/.test(u.login))
    throw new UserInputError('login: 2–40 characters a-z, 0-9, . _ -');
  if (u.password.length < 8) throw new UserInputError('password: at least 8 characters');
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
      locked_until: null,
    })
    .execute();
  return id;
}
