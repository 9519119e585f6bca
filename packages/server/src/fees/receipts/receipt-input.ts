import {
  amountInWords,
  applicantRecipient,
  FEE_LINE_LABELS,
  FEE_PAYMENT_METHOD_LABELS,
  FEE_SERVICE_DEFINITIONS,
  type FeeReference,
  type FeeService,
  formatDate,
  formatMinor,
  formatVerifyCode,
  getActKind,
  mayPrintReceipt,
  todayIn,
} from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/sessions.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { DomainError, notFound } from '../../errors/domain-error.ts';
import { officialName } from '../../offices/office-names.ts';
import { assertCanRead } from '../../policies/records.ts';
import { assertMaySeeVersion, sealInfo, versionSealed } from '../../policies/sealing.ts';
import { feeDb } from '../tables.ts';
import type { FeeReceiptInput } from './receipt-document.ts';

/** Where a receipt's code is checked: the public page's short address, as certificates print it. */
export function receiptVerifyUrl(config: Pick<Config, 'publicUrl'>, code: string): string {
  return `${config.publicUrl}/verify/${formatVerifyCode(code)}`;
}

const money = (minor: number, currency: string) => `${formatMinor(minor)} ${currency}`;

/** A ledger entry with its charge and office, for one who may print its receipt (else 403, or 404 outside the jurisdiction). */
export async function receiptEntry(db: Kysely<Database>, actor: Actor, entryId: string) {
  if (!mayPrintReceipt(actor.role)) throw new DomainError('forbidden', 'problem.read.receipts');
  const entry = await feeDb(db)
    .selectFrom('fee_payments as p')
    .innerJoin('fee_charges as c', 'c.id', 'p.charge_id')
    .innerJoin('offices as o', 'o.id', 'p.office_id')
    .leftJoin('users as u', 'u.id', 'p.recorded_by')
    .select([
      'p.id',
      'p.kind',
      'p.amount_minor',
      'p.currency',
      'p.method',
      'p.external_reference',
      'p.receipt_number',
      'p.verify_code',
      'p.payer_name',
      'p.reason',
      'p.recorded_at',
      'p.business_date',
      'p.office_id',
      'c.record_id',
      'c.reference',
      'c.total_minor',
      'c.consular_minor',
      'o.kind as office_kind',
      'o.unit as office_unit',
      'o.name_tg as office_name_tg',
      'o.path as office_path',
      'u.full_name as staff',
    ])
    .where('p.id', '=', entryId)
    .executeTakeFirst();
  if (!entry) throw notFound();
  assertCanRead(actor, { office_path: entry.office_path });
  if ((entry.kind !== 'payment' && entry.kind !== 'refund') || !entry.receipt_number || !entry.verify_code) {
    throw new DomainError('conflict', 'problem.fee.noReceipt');
  }
  return { ...entry, kind: entry.kind, receipt_number: entry.receipt_number, verify_code: entry.verify_code };
}

export type ReceiptEntry = Awaited<ReturnType<typeof receiptEntry>>;

/**
 * The record as the receipt names it, and who paid when the entry names nobody: the record's
 * applicant in the version in force when the money was taken. A record of sealed data only for
 * one who may see it.
 */
async function recordPart(db: Kysely<Database>, actor: Actor, config: Config, entry: ReceiptEntry) {
  if (!entry.record_id) return { record: null, applicant: null, sealed: false };
  const rec = await db
    .selectFrom('records')
    .select(['id', 'kind', 'flags', 'number', 'registered_at', 'created_at', 'version'])
    .where('id', '=', entry.record_id)
    .executeTakeFirstOrThrow();
  const version = await db
    .selectFrom('record_versions')
    .select(['version', 'data'])
    .where('record_id', '=', rec.id)
    .where('created_at', '<=', new Date(entry.recorded_at))
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seal = await sealInfo(db, actor, rec);
  const v = version?.version ?? rec.version;
  assertMaySeeVersion(seal, v);
  const labels = getActKind(rec.kind)?.labels;
  const kind = labels ? `${labels.tg} / ${labels.ru}` : rec.kind;
  const on = rec.registered_at ? todayIn(config.timeZone, new Date(rec.registered_at)) : null;
  const record = `${kind}${rec.number !== null ? `, № ${rec.number}` : ''}${on ? ` аз / от ${formatDate(on)}` : ''}`;
  return {
    record,
    applicant: applicantRecipient(version?.data)?.name ?? null,
    sealed: versionSealed(seal, v),
  };
}

/** What a ledger entry's receipt prints, from the rows as recorded (append-only: the same every time). */
export async function receiptInput(
  db: Kysely<Database>,
  config: Config,
  actor: Actor,
  entry: ReceiptEntry,
): Promise<{ input: FeeReceiptInput; sealed: boolean }> {
  const { record, applicant, sealed } = await recordPart(db, actor, config, entry);
  const reference = entry.reference as FeeReference;
  const service = FEE_SERVICE_DEFINITIONS[reference.service as FeeService]?.labels;
  const recordedAt = new Date(entry.recorded_at);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: config.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(recordedAt);
  const charged = [money(entry.total_minor, 'TJS')];
  if (entry.consular_minor !== null) charged.push(money(entry.consular_minor, 'USD'));
  const method = entry.method ? FEE_PAYMENT_METHOD_LABELS[entry.method] : null;
  return {
    sealed,
    input: {
      kind: entry.kind,
      officeName: officialName({
        kind: entry.office_kind,
        unit: entry.office_unit,
        name_tg: entry.office_name_tg,
      }),
      number: entry.receipt_number,
      date: formatDate(entry.business_date),
      time,
      payer: entry.payer_name ?? applicant ?? '',
      record,
      service: service
        ? { tg: service.tg, ru: service.ru }
        : { tg: reference.service, ru: reference.service },
      lines: reference.lines.map((l) => ({
        tg: FEE_LINE_LABELS[l.kind].tg,
        ru: FEE_LINE_LABELS[l.kind].ru,
        amount: money(l.amount.minor, l.amount.currency),
      })),
      charged: charged.join(' + '),
      amount: money(entry.amount_minor, entry.currency),
      words: {
        tg: amountInWords(entry.amount_minor, 'tg', entry.currency),
        ru: amountInWords(entry.amount_minor, 'ru', entry.currency),
      },
      method: method ? { tg: method.tg, ru: method.ru } : null,
      reference: entry.external_reference,
      reason: entry.kind === 'refund' ? entry.reason : null,
      staff: entry.staff ?? '',
      verifyCode: formatVerifyCode(entry.verify_code),
      verifyUrl: receiptVerifyUrl(config, entry.verify_code),
    },
  };
}
