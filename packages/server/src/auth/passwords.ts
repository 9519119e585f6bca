import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// the library's default algorithm is argon2id
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the login is unknown, so timing does not tell which logins exist. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('sabt-no-such-user');
  return dummy;
}

// no 0/O, 1/I/L, 5/S look-alikes: read aloud or copied from a screen without doubt
const READABLE = 'abcdefghjkmnpqrtuvwxyz2346789';

/** Random characters without look-alikes (temporary passwords, recovery codes). */
export function readableGroup(length: number): string {
  return Array.from({ length }, () => READABLE[randomInt(READABLE.length)]).join('');
}
