import { openBox, sealBox } from '../certificates/keys/secret-box.ts';

/**
 * A notification's secret parameters (a one-time code) at rest, while the message waits to be sent,
 * in the same box as the private keys, the notification's id as authenticated data. One derived key
 * per passphrase: the salt is fixed and names the purpose, so that sealing many short-lived codes
 * costs one scrypt run per process.
 */
const SALT = Buffer.from('sabt/notification-secrets/v1', 'utf8');

export function sealSecrets(
  passphrase: string,
  notificationId: string,
  secrets: Record<string, unknown>,
): Promise<Buffer> {
  return sealBox(passphrase, SALT, notificationId, Buffer.from(JSON.stringify(secrets), 'utf8'));
}

/** Opens a box; a wrong passphrase or an altered row is an error, never garbage. */
export async function openSecrets(
  passphrase: string,
  notificationId: string,
  box: Buffer,
): Promise<Record<string, unknown>> {
  const plain = await openBox(passphrase, SALT, notificationId, box);
  if (plain === 'unreadable') throw new Error('secret parameters are unreadable');
  if (plain === 'refused')
    throw new Error('secret parameters cannot be opened (SABT_KEY_PASSPHRASE changed?)');
  return JSON.parse(plain.toString('utf8')) as Record<string, unknown>;
}
