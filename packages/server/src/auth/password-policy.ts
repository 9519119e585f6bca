import { readFile } from 'node:fs/promises';

/**
 * What a password must be, wherever one is set or typed: one minimum and one maximum length
 * (creation, and the same maximum at sign-in), not only spaces, not one of the most common
 * passwords (the list @zxcvbn-ts/language-common ships, about 49,000 of them), not one seen in
 * breaches (breached-passwords.txt, shipped with Sabt: see breached-passwords.md), not containing
 * the login. That it repeats none of the user's last passwords is password-history.ts's rule.
 */

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@sabt/core';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

/** Sabt's own words that must never be a real password (the demo users' password). */
const SABT_WORDS = ['sabt-demo', 'sabt-demo-password', 'sabt-dev-passphrase'];

let common: Promise<Set<string>> | undefined;
/** The common passwords, loaded once when first needed (sign-in never needs them). */
function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) =>
      new Set([...dictionary['passwords-common'], ...SABT_WORDS].map((p) => p.toLowerCase())),
  );
  return common;
}

let breached: Promise<Set<string>> | undefined;
/** The breached passwords of 12 characters or more, loaded once when first needed. */
function breachedPasswords(): Promise<Set<string>> {
  breached ??= readFile(new URL('./breached-passwords.txt', import.meta.url), 'utf8').then(
    (text) =>
      new Set(
        text
          .split('\n')
          .map((p) => p.trim().toLowerCase())
          .filter((p) => p !== ''),
      ),
  );
  return breached;
}

export interface PasswordProblem {
  /** A message key of core/i18n (password.*). */
  key: string;
  params: Record<string, unknown>;
}

/** Why this password may not be set for this login, or null when it may. */
export async function passwordProblem(password: string, login: string): Promise<PasswordProblem | null> {
  if (password.trim() === '') return { key: 'password.blank', params: {} };
  if (password.length < PASSWORD_MIN_LENGTH)
    return { key: 'password.tooShort', params: { min: PASSWORD_MIN_LENGTH } };
  if (password.length > PASSWORD_MAX_LENGTH)
    return { key: 'password.tooLong', params: { max: PASSWORD_MAX_LENGTH } };
  const lower = password.toLowerCase();
  if ((await commonPasswords()).has(lower)) return { key: 'password.common', params: {} };
  if ((await breachedPasswords()).has(lower)) return { key: 'password.breached', params: {} };
  const name = login.trim().toLowerCase();
  if (name.length >= 3 && lower.includes(name)) return { key: 'password.containsLogin', params: {} };
  return null;
}
