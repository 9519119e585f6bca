import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

/**
 * A notification's secret parameters (a one-time code) at rest, while the message waits to be sent:
 * AES-256-GCM under a key derived with scrypt from SABT_KEY_PASSPHRASE, the notification's id as
 * authenticated data (a box cannot be moved to another row). Layout: version (1) | iv (12) |
 * tag (16) | ciphertext. One derived key per passphrase: the salt is fixed and names the purpose,
 * so that sealing many short-lived codes costs one scrypt run per process.
 */

const VERSION = 1;
const SALT = Buffer.from('sabt/notification-secrets/v1', 'utf8');
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const keys = new Map<string, Promise<Buffer>>();

function key(passphrase: string): Promise<Buffer> {
  let k = keys.get(passphrase);
  if (!k) {
    k = new Promise<Buffer>((resolve, reject) =>
      scrypt(passphrase, SALT, 32, SCRYPT, (err, derived) => (err ? reject(err) : resolve(derived))),
    );
    keys.set(passphrase, k);
  }
  return k;
}

export async function sealSecrets(
  passphrase: string,
  notificationId: string,
  secrets: Record<string, unknown>,
): Promise<Buffer> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await key(passphrase), iv);
  cipher.setAAD(Buffer.from(notificationId, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

/** Opens a box; a wrong passphrase or an altered row is an error, never garbage. */
export async function openSecrets(
  passphrase: string,
  notificationId: string,
  box: Buffer,
): Promise<Record<string, unknown>> {
  if (box.length < 29 || box[0] !== VERSION) throw new Error('secret parameters are unreadable');
  const decipher = createDecipheriv('aes-256-gcm', await key(passphrase), box.subarray(1, 13));
  decipher.setAAD(Buffer.from(notificationId, 'utf8'));
  decipher.setAuthTag(box.subarray(13, 29));
  try {
    const plain = Buffer.concat([decipher.update(box.subarray(29)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new Error('secret parameters cannot be opened (SABT_KEY_PASSPHRASE changed?)');
  }
}
