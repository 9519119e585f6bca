import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { CERTIFICATE_OFFICE_KINDS } from '@sabt/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import { type Config, DEV_KEY_PASSPHRASE } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { type CertDatabase, certDb, type SigningKeysTable } from '../tables.ts';
import { buildP12, createOfficeCertificate, createRootCertificate, newRsaKey } from './authority.ts';
import { open, seal } from './secret-box.ts';

/**
 * The keys table: Sabt's root CA, and per office an X.509 signing certificate (PDF signatures)
 * and an Ed25519 key (QR payloads). Keys are created on demand (`sabt keys create`, or lazily at an
 * office's first certificate) and rotated per office; retired keys stay so old certificates verify.
 */

const ROOT_BITS = 3072;
const OFFICE_BITS = 2048;
/** Serialises key creation across servers (pg_advisory_xact_lock). */
const KEYS_LOCK = 7423004;

type KeyRow = Selectable<SigningKeysTable>;

/** A key row as created: the private key is sealed on insert, and a new key is active. */
type NewKey = Omit<KeyRow, 'private_key' | 'kdf_salt' | 'status' | 'retired_at' | 'created_at'>;

function passphrase(config: Config): string {
  if (config.keyPassphrase === DEV_KEY_PASSPHRASE && process.env.NODE_ENV === 'production' && !config.demo) {
    throw new DomainError('internal', 'problem.certificate.keysUnavailable');
  }
  return config.keyPassphrase;
}

export const rootKeyId = (generation: number) => `root-${generation}`;
export const officeKeyId = (officeId: string, purpose: 'office-x509' | 'office-qr', generation: number) =>
  `${officeId}.${purpose === 'office-x509' ? 'x' : 'q'}${generation}`;

async function insertKey(db: Kysely<CertDatabase>, config: Config, row: NewKey, privateKey: Buffer) {
  const { box, salt } = await seal(passphrase(config), row.id, privateKey);
  await db
    .insertInto('signing_keys')
    .values({ ...row, private_key: box, kdf_salt: salt, status: 'active', retired_at: null })
    .execute();
}

async function activeRoot(db: Kysely<CertDatabase>) {
  return db
    .selectFrom('signing_keys')
    .selectAll()
    .where('purpose', '=', 'root')
    .where('status', '=', 'active')
    .executeTakeFirst();
}

async function privatePem(config: Config, row: KeyRow): Promise<string> {
  return (await open(passphrase(config), row.id, row.private_key, row.kdf_salt)).toString('utf8');
}

async function createRoot(db: Kysely<CertDatabase>, config: Config, now: Date): Promise<KeyRow> {
  const last = await db
    .selectFrom('signing_keys')
    .select((eb) => eb.fn.max('generation').as('g'))
    .where('purpose', '=', 'root')
    .executeTakeFirst();
  const generation = Number(last?.g ?? 0) + 1;
  const key = await newRsaKey(ROOT_BITS);
  const cert = createRootCertificate(key, now, generation);
  await insertKey(
    db,
    config,
    {
      id: rootKeyId(generation),
      purpose: 'root',
      office_id: null,
      generation,
      algorithm: `RSA-${ROOT_BITS}`,
      public_key_pem: key.publicKeyPem,
      certificate_pem: cert.pem,
      issuer_key_id: null,
      valid_from: cert.notBefore,
      valid_to: cert.notAfter,
    },
    Buffer.from(key.privateKeyPem, 'utf8'),
  );
  return (await activeRoot(db))!;
}

/** Makes an office's X.509 certificate and Ed25519 key (the next generation), signed by the root. */
async function createOfficeKeys(
  db: Kysely<CertDatabase>,
  config: Config,
  officeId: string,
  root: KeyRow,
  now: Date,
) {
  const office = await db
    .selectFrom('offices')
    .select(['id', 'name_en', 'name_tg'])
    .where('id', '=', officeId)
    .executeTakeFirstOrThrow();
  const last = await db
    .selectFrom('signing_keys')
    .select((eb) => eb.fn.max('generation').as('g'))
    .where('office_id', '=', officeId)
    .executeTakeFirst();
  const generation = Number(last?.g ?? 0) + 1;
  const rsa = await newRsaKey(OFFICE_BITS);
  const cert = createOfficeCertificate(
    rsa,
    { id: office.id, nameEn: office.name_en, nameTg: office.name_tg },
    { certificatePem: root.certificate_pem!, privateKeyPem: await privatePem(config, root) },
    now,
    generation,
  );
  await insertKey(
    db,
    config,
    {
      id: officeKeyId(officeId, 'office-x509', generation),
      purpose: 'office-x509',
      office_id: officeId,
      generation,
      algorithm: `RSA-${OFFICE_BITS}`,
      public_key_pem: rsa.publicKeyPem,
      certificate_pem: cert.pem,
      issuer_key_id: root.id,
      valid_from: cert.notBefore,
      valid_to: cert.notAfter,
    },
    Buffer.from(rsa.privateKeyPem, 'utf8'),
  );
  const ed = generateKeyPairSync('ed25519');
  await insertKey(
    db,
    config,
    {
      id: officeKeyId(officeId, 'office-qr', generation),
      purpose: 'office-qr',
      office_id: officeId,
      generation,
      algorithm: 'Ed25519',
      public_key_pem: ed.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      certificate_pem: null,
      issuer_key_id: root.id,
      valid_from: now,
      valid_to: null,
    },
    ed.privateKey.export({ type: 'pkcs8', format: 'der' }),
  );
  return generation;
}

async function officeHasKeys(db: Kysely<CertDatabase>, officeId: string) {
  const rows = await db
    .selectFrom('signing_keys')
    .select('purpose')
    .where('office_id', '=', officeId)
    .where('status', '=', 'active')
    .execute();
  return rows.length === 2;
}

/** One writer of keys at a time, in its own transaction. */
function withKeysLock<T>(db: Kysely<Database>, run: (db: Kysely<CertDatabase>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${KEYS_LOCK})`.execute(trx);
    return run(certDb(trx));
  });
}

/** The root and the office's keys, made when missing (lazily, at an office's first certificate). */
export async function ensureOfficeKeys(db: Kysely<Database>, config: Config, officeId: string) {
  if (await officeHasKeys(certDb(db), officeId)) return false;
  return withKeysLock(db, async (trx) => {
    if (await officeHasKeys(trx, officeId)) return false;
    const now = new Date();
    const root = (await activeRoot(trx)) ?? (await createRoot(trx, config, now));
    await createOfficeKeys(trx, config, officeId, root, now);
    return true;
  });
}

/** `sabt keys create`: the root when there is none, and keys for every office (or the one given) that has none. */
export async function createKeys(db: Kysely<Database>, config: Config, opts: { officeId?: string } = {}) {
  const created: string[] = [];
  const root = await withKeysLock(db, async (trx) => {
    const existing = await activeRoot(trx);
    if (existing) return existing;
    created.push('root');
    return createRoot(trx, config, new Date());
  });
  let offices = db.selectFrom('offices').select('id').where('active', '=', true);
  offices = opts.officeId
    ? offices.where('id', '=', opts.officeId)
    : offices.where('kind', 'in', [...CERTIFICATE_OFFICE_KINDS]);
  for (const { id } of await offices.orderBy('id').execute()) {
    const made = await withKeysLock(db, async (trx) => {
      if (await officeHasKeys(trx, id)) return false;
      await createOfficeKeys(trx, config, id, root, new Date());
      return true;
    });
    if (made) created.push(id);
  }
  return { root: root.id, created };
}

/** `sabt keys rotate --office X`: a new X.509 certificate and Ed25519 key; the old ones are retired, kept. */
export async function rotateOfficeKeys(db: Kysely<Database>, config: Config, officeId: string) {
  const office = await db.selectFrom('offices').select('id').where('id', '=', officeId).executeTakeFirst();
  if (!office) throw new Error(`no such office: ${officeId}`);
  return withKeysLock(db, async (trx) => {
    const now = new Date();
    const root = (await activeRoot(trx)) ?? (await createRoot(trx, config, now));
    const retired = await trx
      .updateTable('signing_keys')
      .set({ status: 'retired', retired_at: now })
      .where('office_id', '=', officeId)
      .where('status', '=', 'active')
      .returning('id')
      .execute();
    // QR keys are valid until retired; X.509 certificates keep their own validity.
    if (retired.length > 0) {
      await trx
        .updateTable('signing_keys')
        .set({ valid_to: now })
        .where(
          'id',
          'in',
          retired.map((r) => r.id),
        )
        .where('purpose', '=', 'office-qr')
        .execute();
    }
    const generation = await createOfficeKeys(trx, config, officeId, root, now);
    return { retired: retired.map((r) => r.id), generation };
  });
}

/** Every key's public part: for `sabt keys list` and GET /keys. */
export async function listKeys(db: Kysely<Database>) {
  return certDb(db)
    .selectFrom('signing_keys')
    .select([
      'id',
      'purpose',
      'office_id',
      'generation',
      'algorithm',
      'public_key_pem',
      'certificate_pem',
      'issuer_key_id',
      'status',
      'valid_from',
      'valid_to',
      'retired_at',
      'created_at',
    ])
    .orderBy('purpose')
    .orderBy('office_id')
    .orderBy('generation')
    .execute();
}

export interface OfficeSigner {
  qrKeyId: string;
  qrKey: KeyObject;
  x509KeyId: string;
  /** PKCS#12 of the office key with its chain, and its (in-memory) passphrase. */
  p12: Buffer;
  p12Passphrase: string;
  certificatePem: string;
  rootPem: string;
}

// Opened keys stay in memory: scrypt and PKCS#12 building are slow, keys are immutable by id.
const opened = new Map<string, Promise<OfficeSigner>>();

/** The office's active keys, opened for signing (within the caller's transaction, if any). */
export async function officeSigner(
  db: Kysely<Database>,
  config: Config,
  officeId: string,
): Promise<OfficeSigner> {
  const rows = await certDb(db)
    .selectFrom('signing_keys')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('status', '=', 'active')
    .execute();
  const qr = rows.find((r) => r.purpose === 'office-qr');
  const x509 = rows.find((r) => r.purpose === 'office-x509');
  if (!qr || !x509) throw new DomainError('internal', 'problem.certificate.keysUnavailable');
  const cacheKey = `${qr.id}|${x509.id}|${config.keyPassphrase}`;
  let signer = opened.get(cacheKey);
  if (!signer) {
    signer = (async () => {
      const root = await certDb(db)
        .selectFrom('signing_keys')
        .select(['certificate_pem'])
        .where('id', '=', x509.issuer_key_id!)
        .executeTakeFirstOrThrow();
      const pass = passphrase(config);
      const qrKey = createPrivateKey({
        key: await open(pass, qr.id, qr.private_key, qr.kdf_salt),
        format: 'der',
        type: 'pkcs8',
      });
      const p12Passphrase = randomBytes(18).toString('base64url');
      const pem = (await open(pass, x509.id, x509.private_key, x509.kdf_salt)).toString('utf8');
      return {
        qrKeyId: qr.id,
        qrKey,
        x509KeyId: x509.id,
        p12: buildP12(pem, [x509.certificate_pem!, root.certificate_pem!], p12Passphrase),
        p12Passphrase,
        certificatePem: x509.certificate_pem!,
        rootPem: root.certificate_pem!,
      };
    })();
    opened.set(cacheKey, signer);
    signer.catch(() => opened.delete(cacheKey));
  }
  return signer;
}

/** A QR key's public part, with its validity, for verification (retired keys included). */
export async function qrPublicKey(db: Kysely<Database>, keyId: string) {
  const row = await certDb(db)
    .selectFrom('signing_keys')
    .select(['id', 'office_id', 'public_key_pem', 'valid_from', 'valid_to', 'status'])
    .where('id', '=', keyId)
    .where('purpose', '=', 'office-qr')
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, key: createPublicKey(row.public_key_pem) };
}
