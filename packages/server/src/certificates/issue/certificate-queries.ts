import { applicantRecipient, formatVerifyCode } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/sessions.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../../errors/domain-error.ts';
import { assertMayRead } from '../../policies/records.ts';
import {
  assertMaySeeVersion,
  dataHidden,
  NOT_SEALED,
  type SealInfo,
  sealInfo,
  versionHidden,
  versionSealed,
} from '../../policies/sealing.ts';
import { findRecord } from '../../queries/records.ts';
import type { FileStore } from '../../storage/file-store.ts';
import { readCertificatePdf } from '../pdf-files.ts';
import { certDb } from '../tables.ts';
import { verifyUrlOf } from '../verify/verify-code.ts';

const COLUMNS = [
  'c.id',
  'c.record_id',
  'c.record_version',
  'c.office_id',
  'c.document',
  'c.blank_id',
  'c.series',
  'c.number',
  'c.issue',
  'c.holder',
  'c.mode',
  'c.calibration',
  'c.status',
  'c.superseded_by',
  'c.superseded_at',
  'c.issued_at',
  'c.issued_on',
  'c.received_by_name',
  'c.received_id_document',
  'c.received_at',
  'c.qr_payload',
  'c.verify_code',
  'c.key_id',
  'c.signing_key_id',
  'c.pdf_sha256',
] as const;

function baseQuery(db: Kysely<Database>) {
  return certDb(db)
    .selectFrom('certificates as c')
    .leftJoin('users as u', 'u.id', 'c.issued_by')
    .leftJoin('users as rr', 'rr.id', 'c.receipt_recorded_by')
    .select([
      ...COLUMNS,
      'u.login as issued_by_login',
      'u.full_name as issued_by_name',
      'rr.login as receipt_by',
      'rr.full_name as receipt_by_name',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * A certificate as staff see it, with where to get its PDF and where anyone can check it; staff
 * by their names; the record's applicant offered as the one who collects it.
 */
export function presentCertificate(
  c: Row,
  config: Config,
  rec: { version: number; data: unknown },
  seal: SealInfo = NOT_SEALED,
) {
  const currentVersion = rec.version;
  // who collected a certificate of sealed data (the birth mother, before the adoption) is sealed too
  const hidden = versionHidden(seal, c.record_version);
  return {
    id: c.id,
    recordId: c.record_id,
    recordVersion: c.record_version,
    /** Whether it certifies the record as it is now. */
    current: c.record_version === currentVersion,
    office: c.office_id,
    document: c.document,
    series: c.series,
    number: c.number,
    onBlank: c.blank_id !== null,
    blankId: c.blank_id === null ? null : Number(c.blank_id),
    issue: c.issue,
    /** Who it was issued to where each party gets their own (divorce), else null. */
    holder: c.holder,
    mode: c.mode,
    calibration: c.calibration,
    status: c.status,
    supersededBy: c.superseded_by,
    supersededAt: iso(c.superseded_at),
    issuedBy: c.issued_by_login ? { login: c.issued_by_login, name: c.issued_by_name } : null,
    issuedAt: iso(c.issued_at),
    issuedOn: c.issued_on,
    receipt: c.received_at
      ? {
          name: hidden ? null : c.received_by_name,
          idDocument: hidden ? null : c.received_id_document,
          receivedAt: iso(c.received_at),
          recordedBy: c.receipt_by ? { login: c.receipt_by, name: c.receipt_by_name } : null,
        }
      : null,
    applicant: hidden || dataHidden(seal) ? null : applicantRecipient(rec.data),
    qr: c.qr_payload,
    keyId: c.key_id,
    signingKeyId: c.signing_key_id,
    pdfSha256: c.pdf_sha256,
    pdf: `/api/v1/certificates/${c.id}/pdf`,
    verifyCode: formatVerifyCode(c.verify_code),
    verifyUrl: verifyUrlOf(config, c.verify_code),
  };
}

/** Every certificate of a record, oldest first (first, repeats, superseded ones marked). */
export async function recordCertificates(
  db: Kysely<Database>,
  config: Config,
  actor: Actor,
  recordId: string,
) {
  const rec = await findRecord(db, actor, recordId, 'certificates');
  const rows = await baseQuery(db)
    .where('c.record_id', '=', rec.id)
    .orderBy('c.issued_at')
    .orderBy('c.id')
    .execute();
  const seal = await sealInfo(db, actor, rec);
  return { rec, items: rows.map((r) => presentCertificate(r, config, rec, seal)) };
}

/** One certificate, if this user may see its record. */
export async function findCertificate(db: Kysely<Database>, config: Config, actor: Actor, id: string) {
  assertMayRead(actor, 'certificates');
  const row = await baseQuery(db).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  const rec = await findRecord(db, actor, row.record_id, 'certificates');
  const seal = await sealInfo(db, actor, rec);
  return { rec, row, seal, body: presentCertificate(row, config, rec, seal) };
}

/**
 * The signed PDF exactly as issued, from the file store, checked against its hash (a damaged or
 * altered file is an error, never a wrong document). A certificate of sealed data (an adoption, or
 * a birth record's version from before the adoption) only for those who may see sealed data.
 */
export async function certificatePdf(
  db: Kysely<Database>,
  files: FileStore,
  config: Config,
  actor: Actor,
  id: string,
) {
  const { rec, row, seal } = await findCertificate(db, config, actor, id);
  assertMaySeeVersion(seal, row.record_version);
  const sealed = versionSealed(seal, row.record_version);
  const pdf = await readCertificatePdf(db, files, row);
  return { rec, row, pdf, sealed };
}
