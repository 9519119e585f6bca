import {
  type ActKindCode,
  calculateFee,
  type FeeBalance,
  type FeeCalculation,
  type FeeLedgerEntry,
  type FeePurpose,
  type FeeReference,
  type FeeService,
  feeBalance,
  feeRules,
  getActKind,
  isOnRequest,
  REGISTRATION_SERVICE,
  todayIn,
} from '@sabt/core';
import type { Kysely, Transaction } from 'kysely';
import { certDb } from '../../certificates/tables.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { storedFeeVersions } from '../fee-rules.ts';
import { type FeeChargesTable, type FeePaymentsTable, feeDb } from '../tables.ts';

/**
 * A record's charges and their ledgers as stored (fee_charges, fee_payments; migration 028): the
 * charges in force (a charge computed again names the one it replaces; the entries against the
 * earlier ones count towards the newest) with their balances.
 */

type Db = Kysely<Database> | Transaction<Database>;

export type ChargeRow = FeeChargesTable & { recorded_by_login: string | null };
export type EntryRow = FeePaymentsTable & { recorded_by_login: string | null };

/** What a charge of a service on request was spent on (a spoiled print gives it back). */
export interface ChargeUse {
  certificateId: string | null;
  amendmentRequestId: string | null;
  usedAt: Date;
}

export interface ChargeInForce {
  charge: ChargeRow;
  /** The entries of this charge and of the charges it replaces, oldest first. */
  entries: EntryRow[];
  balance: FeeBalance;
  /** The certificate or amendment it paid for; null while it is open (a registration's: always). */
  spent: ChargeUse | null;
}

export const ledgerEntry = (e: EntryRow): FeeLedgerEntry => ({
  id: e.id,
  kind: e.kind,
  amountMinor: e.amount_minor,
  currency: e.currency,
  corrects: e.corrects,
});

/** The record's charges in force, newest first; one per purpose but certificates (one per request). */
export async function chargesOfRecord(db: Db, recordId: string): Promise<ChargeInForce[]> {
  const fdb = feeDb(db as Kysely<Database>);
  const charges = (await fdb
    .selectFrom('fee_charges as c')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .selectAll('c')
    .select('u.login as recorded_by_login')
    .where('c.record_id', '=', recordId)
    .orderBy('c.recorded_at', 'desc')
    .orderBy('c.id')
    .execute()) as ChargeRow[];
  if (charges.length === 0) return [];
  const entries = (await fdb
    .selectFrom('fee_payments as p')
    .leftJoin('users as u', 'u.id', 'p.recorded_by')
    .selectAll('p')
    .select('u.login as recorded_by_login')
    .where(
      'p.charge_id',
      'in',
      charges.map((c) => c.id),
    )
    .orderBy('p.recorded_at')
    .orderBy('p.id')
    .execute()) as EntryRow[];
  const spent = await usesOf(
    db,
    charges.map((c) => c.id),
  );
  const replaced = new Set(charges.map((c) => c.replaces).filter((r): r is string => r !== null));
  const byId = new Map(charges.map((c) => [c.id, c]));
  return charges
    .filter((c) => !replaced.has(c.id))
    .map((charge) => {
      const chain = new Set<string>();
      for (let c: ChargeRow | undefined = charge; c; c = c.replaces ? byId.get(c.replaces) : undefined) {
        chain.add(c.id);
      }
      const own = entries.filter((e) => chain.has(e.charge_id));
      return {
        charge,
        entries: own,
        balance: feeBalance(
          { totalMinor: charge.total_minor, consularMinor: charge.consular_minor },
          own.map(ledgerEntry),
        ),
        spent: spent.get(charge.id) ?? null,
      };
    });
}

/** The uses of these charges that stand: an amendment made, a certificate not spoiled. */
async function usesOf(db: Db, chargeIds: string[]): Promise<Map<string, ChargeUse>> {
  const uses = await feeDb(db as Kysely<Database>)
    .selectFrom('fee_charge_uses')
    .selectAll()
    .where('charge_id', 'in', chargeIds)
    .orderBy('used_at')
    .execute();
  const certificateIds = uses.map((u) => u.certificate_id).filter((c): c is string => c !== null);
  const spoiled = new Set(
    certificateIds.length
      ? (
          await certDb(db as Kysely<Database>)
            .selectFrom('certificates')
            .select('id')
            .where('id', 'in', certificateIds)
            .where('status', '=', 'spoiled')
            .execute()
        ).map((c) => c.id)
      : [],
  );
  const out = new Map<string, ChargeUse>();
  for (const u of uses) {
    if (u.certificate_id && spoiled.has(u.certificate_id)) continue;
    out.set(u.charge_id, {
      certificateId: u.certificate_id,
      amendmentRequestId: u.amendment_request_id,
      usedAt: new Date(u.used_at),
    });
  }
  return out;
}

/**
 * The charge in force for a purpose (the newest), if any; of a service on request, the open one
 * (not spent yet): a spent charge paid for its own certificate or amendment.
 */
export const chargeFor = (charges: readonly ChargeInForce[], purpose: FeePurpose) =>
  charges.find((c) => c.charge.purpose === purpose && (!isOnRequest(purpose) || c.spent === null));

/** What the fee of a record's service is asked with: the dates the record gives, the office abroad or not. */
export interface RecordFeeFacts {
  kind: ActKindCode;
  applicationDate: string;
  eventDate: string | null;
  consular: boolean;
}

/**
 * The facts of a record's fee. A registration is applied for the day the record was made; an
 * operation on a registered record (a certificate, an extract, an amendment …) the day it is asked
 * for (`askedOn`, today), so a repeat certificate of an old record is paid at today's rates.
 */
export async function recordFeeFacts(
  db: Db,
  config: Pick<Config, 'timeZone'>,
  rec: { kind: string; data: unknown; created_at: Date | string; office_id: string },
  askedOn?: string,
): Promise<RecordFeeFacts> {
  const office = await (db as Kysely<Database>)
    .selectFrom('offices')
    .select('kind')
    .where('id', '=', rec.office_id)
    .executeTakeFirstOrThrow();
  const eventDate = getActKind(rec.kind)?.summary((rec.data ?? {}) as never).eventDate ?? null;
  return {
    kind: rec.kind as ActKindCode,
    applicationDate: askedOn ?? todayIn(config.timeZone, new Date(rec.created_at)),
    eventDate: eventDate && /^\d{4}-\d{2}-\d{2}$/.test(eventDate) ? eventDate : null,
    consular: office.kind === 'consulate',
  };
}

/** The fee of a service for a record on the rules now, general category unless given. */
export async function feeForRecord(
  db: Db,
  facts: RecordFeeFacts,
  service: FeeService,
  category?: string,
): Promise<ReturnType<typeof calculateFee>> {
  const rules = feeRules(await storedFeeVersions(db as Kysely<Database>));
  return calculateFee(rules, {
    service,
    applicationDate: facts.applicationDate,
    // an event after the application (a date typed wrong) is the calculator's to refuse
    eventDate: facts.eventDate,
    category: category ?? 'general',
    consular: facts.consular,
  });
}

/** The registration's fee as it would be charged now (nothing stored). */
export const registrationFee = (db: Db, facts: RecordFeeFacts) =>
  feeForRecord(db, facts, REGISTRATION_SERVICE[facts.kind]);

/** A stored charge's itemised fee, computed again from the rule versions known when it was recorded. */
export async function calculationOf(db: Db, charge: ChargeRow): Promise<FeeCalculation | null> {
  const ref = charge.reference as FeeReference;
  const rules = feeRules(await storedFeeVersions(db as Kysely<Database>), {
    knownAt: new Date(charge.recorded_at).toISOString(),
  });
  const out = calculateFee(rules, ref.query);
  return out.ok ? out.fee : null;
}

/**
 * What changed the record last, for the service a new certificate is charged as: the cause of its
 * latest version (PATERNITY, ADOPTION, NAME_CHANGE, AMENDMENT …) or the notation asking for one.
 */
export async function lastChangeOf(db: Db, recordId: string): Promise<string | null> {
  const row = await (db as Kysely<Database>)
    .selectFrom('record_actions')
    .select(['action', 'payload'])
    .where('record_id', '=', recordId)
    .where('action', 'in', ['amend', 'notation'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const p = (row.payload ?? {}) as { type?: unknown; cause?: { type?: unknown } };
  const cause = row.action === 'amend' ? p.cause?.type : p.type;
  return typeof cause === 'string' ? cause : null;
}
