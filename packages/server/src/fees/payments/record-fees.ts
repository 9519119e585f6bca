import {
  FEE_ACTIONS as ACTIONS,
  documentFor,
  type FEE_ACTIONS,
  type FeeCalculation,
  type FeePurpose,
  type FeeService,
  holdersOf,
  issueKindOf,
  mayFee,
  type OnRequestPurpose,
  printFeeOf,
  serviceOfPurpose,
  todayIn,
} from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/sessions.ts';
import { certDb } from '../../certificates/tables.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { findRecord } from '../../queries/records.ts';
import {
  type ChargeInForce,
  calculationOf,
  chargeFor,
  chargesOfRecord,
  type EntryRow,
  feeForRecord,
  lastChangeOf,
  type RecordFeeFacts,
  recordFeeFacts,
  registrationFee,
} from './ledger.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const day = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

function presentEntry(e: EntryRow, all: readonly EntryRow[]) {
  return {
    id: e.id,
    chargeId: e.charge_id,
    kind: e.kind,
    amountMinor: e.amount_minor,
    currency: e.currency,
    method: e.method,
    externalReference: e.external_reference,
    receiptNumber: e.receipt_number,
    verifyCode: e.verify_code,
    payerName: e.payer_name,
    reason: e.reason,
    corrects: e.corrects,
    correctedBy: all.find((c) => c.corrects === e.id)?.id ?? null,
    recordedBy: e.recorded_by_login,
    recordedAt: iso(e.recorded_at),
    businessDate: day(e.business_date),
  };
}

async function presentCharge(db: Kysely<Database>, c: ChargeInForce) {
  const ch = c.charge;
  return {
    id: ch.id,
    purpose: ch.purpose,
    service: ch.service,
    reference: ch.reference,
    calculation: await calculationOf(db, ch),
    totalMinor: ch.total_minor,
    consularMinor: ch.consular_minor,
    replaces: ch.replaces,
    spent: c.spent
      ? {
          certificateId: c.spent.certificateId,
          amendmentRequestId: c.spent.amendmentRequestId,
          at: iso(c.spent.usedAt),
        }
      : null,
    recordedBy: ch.recorded_by_login,
    recordedAt: iso(ch.recorded_at),
    balance: c.balance,
    entries: c.entries.map((e) => presentEntry(e, c.entries)),
  };
}

/**
 * A record's fees as staff see them: the charges in force with their ledgers and balances, what
 * the registration would cost if no charge is stored yet, whether the registration may go ahead,
 * and what this user may do (core FEE_MATRIX, in the record's own office).
 */
export async function recordFees(
  db: Kysely<Database>,
  config: Pick<Config, 'timeZone'>,
  actor: Actor,
  id: string,
) {
  const rec = await findRecord(db, actor, id);
  const facts = await recordFeeFacts(db, config, rec);
  const charges = await chargesOfRecord(db, rec.id);
  const pending = rec.status !== 'registered' && rec.status !== 'annulled' && rec.status !== 'cancelled';
  const registration = chargeFor(charges, 'registration' satisfies FeePurpose);
  let proposed = null;
  let registrationSettled = true;
  if (registration) registrationSettled = registration.balance.settled;
  else if (pending) {
    const fee = await registrationFee(db, facts);
    if (fee.ok) {
      proposed = {
        purpose: 'registration' as const,
        service: fee.fee.requestedService,
        calculation: fee.fee,
      };
      registrationSettled = fee.fee.total.minor === 0 && (fee.fee.consularTotal?.minor ?? 0) === 0;
    }
  }
  const inOffice = rec.office_id === actor.officeId;
  const may: (typeof FEE_ACTIONS)[number][] = inOffice
    ? ACTIONS.filter((a) => mayFee(a, actor.role, actor.officeKind))
    : [];
  const registered = rec.status === 'registered' || rec.status === 'annulled';
  return {
    recordId: rec.id,
    applicationDate: facts.applicationDate,
    eventDate: facts.eventDate,
    consular: facts.consular,
    charges: await Promise.all(charges.map((c) => presentCharge(db, c))),
    proposed,
    registrationSettled,
    onRequest: registered
      ? await servicesOnRequest(db, { ...facts, applicationDate: todayIn(config.timeZone) }, rec, charges)
      : [],
    may,
  };
}

/**
 * The services on request of a registered record, each as it stands: the record's next certificate
 * when it is a repeat or a new one (the first is the registration's), an extract, and a requested
 * amendment; what each costs asked today, its open charge if one is stored, and whether it is settled
 * (what the certificate screen and the approval say before they are refused).
 */
async function servicesOnRequest(
  db: Kysely<Database>,
  facts: RecordFeeFacts,
  rec: { id: string; kind: string; data: unknown; version: number; flags: string[] },
  charges: readonly ChargeInForce[],
) {
  const wanted: { purpose: OnRequestPurpose; service: FeeService }[] = [];
  const print = await nextPrintFee(db, rec);
  if (print) wanted.push(print);
  wanted.push({ purpose: 'extract', service: 'EXTRACT' });
  if (rec.flags.includes('amendment-requested') || chargeFor(charges, 'amendment')) {
    wanted.push({ purpose: 'amendment', service: serviceOfPurpose('amendment', facts.kind) });
  }
  const out = [];
  for (const w of wanted) {
    const open = chargeFor(charges, w.purpose);
    const fee = await feeForRecord(db, facts, w.service);
    const calculation: FeeCalculation | null = fee.ok ? fee.fee : null;
    const due = (calculation?.total.minor ?? 0) + (calculation?.consularTotal?.minor ?? 0);
    // nothing due and nothing asked: not a line of its own
    if (!open && due === 0) continue;
    out.push({
      purpose: w.purpose,
      service: (open?.charge.service as FeeService | undefined) ?? w.service,
      calculation,
      chargeId: open?.charge.id ?? null,
      settled: open ? open.balance.settled : due === 0,
      outstandingMinor: open ? Math.max(0, open.balance.somoni.outstanding) : (calculation?.total.minor ?? 0),
    });
  }
  return out;
}

/**
 * What the record's next certificate of its own document is charged as: none for its first (the
 * registration's), else a repeat or a new one after a change (core printFeeOf), as the print will be.
 */
export async function nextPrintFee(
  db: Kysely<Database>,
  rec: { id: string; kind: string; data: unknown; version: number; flags: string[] },
) {
  const own = documentFor(rec);
  const earlier = await certDb(db)
    .selectFrom('certificates')
    .select(['status', 'record_version', 'holder'])
    .where('record_id', '=', rec.id)
    .where('document', '=', own)
    .execute();
  // a divorce: while a former spouse's first certificate is to come, the next print is that one
  const holders = holdersOf(own);
  const issues = (holders.length ? holders : [null]).map((h) =>
    issueKindOf(
      rec.version,
      earlier.filter((c) => h === null || c.holder === h),
      rec.flags.includes('certificate-reissue'),
    ),
  );
  const issue = issues.includes('first') ? 'first' : issues.includes('reissue') ? 'reissue' : 'repeat';
  return printFeeOf(own, issue, issue === 'reissue' ? await lastChangeOf(db, rec.id) : null);
}
