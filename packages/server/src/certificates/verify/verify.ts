import { blankSeriesKey, certificateNumberKey, getActKind, readVerifyCode, todayIn } from '@sabt/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type ReceiptCheck, receiptByVerifyCode } from '../../fees/receipts/receipt-check.ts';
import { publicNamesShown, sealInfo } from '../../policies/sealing.ts';
import { qrPublicKey } from '../keys/key-store.ts';
import { parsePayload, verifySignature } from '../keys/qr-payload.ts';
import { signatoryAt } from '../signatories/signatories.ts';
import { certDb } from '../tables.ts';

/**
 * Checking a certificate, for anyone and without signing in, three ways: its QR code (the Ed25519
 * signature of the office key named in it, retired keys too within their validity, then the
 * registry: the certificate must exist with exactly this code); the verification code printed
 * under the QR code; or its blank series, number and date of issue, as typed by someone with no
 * scanner. Every way gives the same answer: the least data that lets a person match the paper
 * (document, number, date, office, who signed, the holder's surname with initials; none of a
 * sealed record) and nothing about certificates the input does not name exactly. A fee receipt's
 * verification code (printed under its QR code, which carries the page's address with it) is
 * checked the same way and answers the receipt (fees/receipts/receipt-check.ts).
 */

/** A receipt is `valid`, `refunded` or `corrected` (fees/receipts/receipt-check.ts). */
export type VerifyStatus =
  | 'valid'
  | 'superseded'
  | 'annulled'
  | 'spoiled'
  | 'refunded'
  | 'corrected'
  | 'unknown';
export const VERIFY_FAILURES = [
  'format',
  'key',
  'signature',
  'key-validity',
  'not-issued',
  'typo',
  'not-found',
] as const;
export type VerifyFailure = (typeof VERIFY_FAILURES)[number];

export interface VerifyResult {
  genuine: boolean;
  status: VerifyStatus;
  /**
   * Why it is not confirmed: unreadable, unknown key, bad signature, key not valid then, not in the
   * registry (a QR code); a verification code with a mistyped character (its check fails); no
   * certificate with this verification code, or with this series, number and date of issue.
   */
  reason?: VerifyFailure;
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
  /** A fee receipt found by its verification code (then none of the certificate's fields). */
  receipt?: ReceiptCheck['receipt'];
}

const notGenuine = (reason: VerifyFailure): VerifyResult => ({
  genuine: false,
  status: 'unknown',
  reason,
});

/** A QR payload (or a URL carrying one), else a verification code as printed under it. */
export async function verifyCode(
  db: Kysely<Database>,
  timeZone: string,
  code: string,
): Promise<VerifyResult> {
  const parsed = parsePayload(code);
  if (!parsed.ok) return looksLikePayload(code) ? notGenuine('format') : byVerifyCode(db, code);
  const { claims } = parsed;
  const key = await qrPublicKey(db, claims.k);
  if (!key) return notGenuine('key');
  if (!verifySignature(parsed, key.key)) return notGenuine('signature');
  const from = todayIn(timeZone, new Date(key.valid_from));
  const to = key.valid_to ? todayIn(timeZone, new Date(key.valid_to)) : null;
  if (claims.d < from || (to !== null && claims.d > to)) return notGenuine('key-validity');

  const cert = await certificates(db)
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
  return present(db, cert);
}

/** A payload or a URL with one: the SABT1 prefix or a `c=` parameter, or longer than a typed code. */
export function looksLikePayload(input: string): boolean {
  const text = input.trim();
  return /^SABT1\./i.test(text) || /[?&]c=/.test(text) || text.length > 40;
}

/** The verification code printed under the QR code: typos in look-alike characters folded. */
async function byVerifyCode(db: Kysely<Database>, input: string): Promise<VerifyResult> {
  const read = readVerifyCode(input);
  if (!read.ok) return notGenuine(read.reason === 'check' ? 'typo' : 'format');
  const cert = await certificates(db).where('c.verify_code', '=', read.code).executeTakeFirst();
  if (cert) return present(db, cert);
  // the same codes are printed under a fee receipt's QR code
  const receipt = await receiptByVerifyCode(db, read.code);
  return receipt ? { genuine: true, ...receipt } : notGenuine('not-found');
}

export interface NumberCheck {
  series: string;
  number: string;
  /** YYYY-MM-DD */
  issuedOn: string;
}

/**
 * A certificate by its blank series, number and date of issue, all three as printed (the series
 * on either keyboard, the number with or without leading zeros); a wrong date finds nothing.
 */
export async function verifyByNumber(db: Kysely<Database>, input: NumberCheck): Promise<VerifyResult> {
  const series = blankSeriesKey(input.series);
  const rows = await certificates(db)
    .where('c.issued_on', '=', input.issuedOn)
    .where(sql<string>`ltrim(c.number, '0')`, '=', certificateNumberKey(input.number))
    .execute();
  const cert = rows.find((c) => blankSeriesKey(c.series) === series);
  return cert ? present(db, cert) : notGenuine('not-found');
}

/** What a check reads of a certificate: the certificate, its record's state, the issuing office. */
function certificates(db: Kysely<Database>) {
  return certDb(db)
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
    ]);
}

type Found = NonNullable<Awaited<ReturnType<ReturnType<typeof certificates>['executeTakeFirst']>>>;

/** The answer for a certificate found: the same, whichever way it was asked for. */
async function present(db: Kysely<Database>, cert: Found): Promise<VerifyResult> {
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
    certificateNumber: `${cert.series} ${cert.number}`,
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
