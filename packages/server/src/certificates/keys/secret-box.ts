import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt } from 'node:crypto';
import { DomainError } from '../../errors/domain-error.ts';

/**
 * Secrets at rest (private keys, a notification's one-time code): AES-256-GCM under a key derived
 * with scrypt from the passphrase (SABT_KEY_PASSPHRASE) and a salt; the row's id is authenticated
 * data, so a ciphertext cannot be moved to another row. Layout: version (1) | iv (12) | tag (16) |
 * ciphertext.
 */

const VERSION = 1;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const derived = new Map<string, Promise<Buffer>>();

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  const id = createHash('sha256').update(passphrase).update('\0').update(salt).digest('hex');
  let key = derived.get(id);
  if (!key) {
    key = new Promise<Buffer>((resolve, reject) =>
      scrypt(passphrase, salt, 32, SCRYPT, (err, k) => (err ? reject(err) : resolve(k))),
    );
    derived.set(id, key);
  }
  return key;
}

/** Encrypts `plain` for the row `rowId`. */
export async function sealBox(
  passphrase: string,
  salt: Buffer,
  rowId: string,
  plain: Buffer,
): Promise<Buffer> {
  const key = await deriveKey(passphrase, salt);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(rowId, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

/**
 * Opens a box sealed for the row `rowId`: 'unreadable' when it is not a box at all, 'refused' when
 * the passphrase is wrong or the row was altered; never garbage.
 */
export async function openBox(
  passphrase: string,
  salt: Buffer,
  rowId: string,
  box: Buffer,
): Promise<Buffer | 'unreadable' | 'refused'> {
  if (box.length < 29 || box[0] !== VERSION) return 'unreadable';
  const key = await deriveKey(passphrase, salt);
  const decipher = createDecipheriv('aes-256-gcm', key, box.subarray(1, 13));
  decipher.setAAD(Buffer.from(rowId, 'utf8'));
  decipher.setAuthTag(box.subarray(13, 29));
  try {
    return Buffer.concat([decipher.update(box.subarray(29)), decipher.final()]);
  } catch {
    return 'refused';
  }
}

/** Seals a private key under a fresh per-key salt. */
export async function seal(
  passphrase: string,
  keyId: string,
  plain: Buffer,
): Promise<{ box: Buffer; salt: Buffer }> {
  const salt = randomBytes(16);
  return { box: await sealBox(passphrase, salt, keyId, plain), salt };
}

/** Opens a sealed key; a wrong passphrase (or an altered row) is a clear error. */
export async function open(passphrase: string, keyId: string, box: Buffer, salt: Buffer): Promise<Buffer> {
  const plain = await openBox(passphrase, salt, keyId, box);
  if (typeof plain === 'string') throw new DomainError('internal', 'problem.certificate.keysUnavailable');
  return plain;
}
