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
  REGISTRATION_SERVICE,
  todayIn,
} from '@sabt/core';
import type { Kysely, Transaction } from 'kysely';
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

export interface ChargeInForce {
  charge: ChargeRow;
  /** The entries of this charge and of the charges it replaces, oldest first. */
  entries: EntryRow[];
  balance: FeeBalance;
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
      };
    });
}

/** The charge in force for a purpose (the newest), if any. */
export const chargeFor = (charges: readonly ChargeInForce[], purpose: FeePurpose) =>
  charges.find((c) => c.charge.purpose === purpose);

/** What the fee of a record's service is asked with: the dates the record gives, the office abroad or not. */
export interface RecordFeeFacts {
  kind: ActKindCode;
  applicationDate: string;
  eventDate: string | null;
  consular: boolean;
}

export async function recordFeeFacts(
  db: Db,
  config: Pick<Config, 'timeZone'>,
  rec: { kind: string; data: unknown; created_at: Date | string; office_id: string },
): Promise<RecordFeeFacts> {
  const office = await (db as Kysely<Database>)
    .selectFrom('offices')
    .select('kind')
    .where('id', '=', rec.office_id)
    .executeTakeFirstOrThrow();
  const eventDate = getActKind(rec.kind)?.summary((rec.data ?? {}) as never).eventDate ?? null;
  return {
    kind: rec.kind as ActKindCode,
    applicationDate: todayIn(config.timeZone, new Date(rec.created_at)),
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
