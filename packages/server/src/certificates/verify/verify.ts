import { getActKind, todayIn } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { publicNamesShown, sealInfo } from '../../policies/sealing.ts';
import { qrPublicKey } from '../keys/key-store.ts';
import { parsePayload, verifySignature } from '../keys/qr-payload.ts';
import { signatoryAt } from '../signatories/signatories.ts';
import { certDb } from '../tables.ts';

/**
 * Checking a certificate's QR code, for anyone and without signing in: the Ed25519 signature of the
 * office key named in it (retired keys too, within their validity), then the registry: the
 * certificate must exist with exactly this code. The answer carries the least data that lets a
 * person match the paper: document, number, date, office and the holder's surname with initials.
 */

export type VerifyStatus = 'valid' | 'superseded' | 'annulled' | 'spoiled' | 'unknown';

export interface VerifyResult {
  genuine: boolean;
  status: VerifyStatus;
  /** Why a code is not genuine: unreadable, unknown key, bad signature, key not valid then, not in the registry. */
  reason?: 'format' | 'key' | 'signature' | 'key-validity' | 'not-issued';
  document?: string;
  certificateNumber?: string;
  issuedOn?: string;
  office?: { id: string; nameTg: string; nameRu: string; nameEn: string };
  /** Who signed it: the office's signatory in force when it was issued (null: none was set then). */
  signatory?: { title: string; fullName: string } | null;
  /** Surname and initial of each person the document is about; null when the data is sealed. */
  names?: string[] | null;
  recordVersion?: number;
  currentVersion?: number;
  keyId?: string;
}

const notGenuine = (reason: NonNullable<VerifyResult['reason']>): VerifyResult => ({
  genuine: false,
  status: 'unknown',
  reason,
});

export async function verifyCode(
  db: Kysely<Database>,
  timeZone: string,
  code: string,
): Promise<VerifyResult> {
  const parsed = parsePayload(code);
  if (!parsed.ok) return notGenuine('format');
  const { claims } = parsed;
  const key = await qrPublicKey(db, claims.k);
  if (!key) return notGenuine('key');
  if (!verifySignature(parsed, key.key)) return notGenuine('signature');
  const from = todayIn(timeZone, new Date(key.valid_from));
  const to = key.valid_to ? todayIn(timeZone, new Date(key.valid_to)) : null;
  if (claims.d < from || (to !== null && claims.d > to)) return notGenuine('key-validity');

  const cdb = certDb(db);
  const cert = await cdb
    .selectFrom('certificates as c')
    .innerJoin('records as r', 'r.id', 'c.record_id')
    .innerJoin('offices as o', 'o.id', 'c.office_id')
    .select([
      'c.id',
      'c.record_id',
      'c.record_version',
      'c.document',
      'c.series',
      'c.number',
      'c.status',
      'c.issued_on',
      'c.issued_at',
      'c.key_id',
      'r.kind',
      'r.status as record_status',
      'r.version as current_version',
      'r.flags',
      'o.id as office_id',
      'o.name_tg',
      'o.name_ru',
      'o.name_en',
    ])
    .where('c.qr_payload', '=', parsed.body.concat('.', parsed.signature.toString('base64url')))
    .executeTakeFirst();
  if (
    !cert ||
    cert.record_id !== claims.r ||
    cert.key_id !== claims.k ||
    `${cert.series} ${cert.number}` !== claims.c ||
    cert.record_version !== claims.v
  ) {
    return notGenuine('not-issued');
  }
  const status: VerifyStatus =
    cert.record_status === 'annulled'
      ? 'annulled'
      : cert.status === 'spoiled'
        ? 'spoiled'
        : cert.status === 'superseded'
          ? 'superseded'
          : 'valid';
  return {
    genuine: true,
    status,
    document: cert.document,
    certificateNumber: claims.c,
    issuedOn: cert.issued_on,
    office: { id: cert.office_id, nameTg: cert.name_tg, nameRu: cert.name_ru, nameEn: cert.name_en },
    signatory: await signedBy(db, cert.office_id, new Date(cert.issued_at)),
    names: await names(db, cert),
    recordVersion: cert.record_version,
    currentVersion: cert.current_version,
    keyId: cert.key_id,
  };
}

async function signedBy(db: Kysely<Database>, officeId: string, at: Date) {
  const s = await signatoryAt(db, officeId, at);
  return s ? { title: s.printedTitle, fullName: s.fullName } : null;
}

/** "Каримов А." for each person the document is about, from the certified version; sealed data stays sealed. */
async function names(
  db: Kysely<Database>,
  cert: { record_id: string; record_version: number; kind: string; flags: string[] },
): Promise<string[] | null> {
  const seal = await sealInfo(db, null, { id: cert.record_id, kind: cert.kind, flags: cert.flags });
  if (!publicNamesShown(seal, cert, cert.record_version)) return null;
  const version = await db
    .selectFrom('record_versions')
    .select('data')
    .where('record_id', '=', cert.record_id)
    .where('version', '=', cert.record_version)
    .executeTakeFirst();
  const def = getActKind(cert.kind);
  if (!version || !def) return [];
  return def
    .persons(version.data as never)
    .filter((p) => (p.role === 'subject' || p.role === 'spouse') && !p.historical && !p.sealed)
    .map((p) => initials(p.surname, p.name))
    .filter((s): s is string => s !== null);
}

export function initials(surname: string | undefined, name: string | undefined): string | null {
  const s = surname?.trim();
  const n = name?.trim();
  if (!s && !n) return null;
  const first = n ? `${[...n][0]!.toLocaleUpperCase('tg')}.` : '';
  return [s, first].filter(Boolean).join(' ');
}
