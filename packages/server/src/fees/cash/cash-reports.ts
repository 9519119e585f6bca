import { randomUUID } from 'node:crypto';
import {
  CASH_CLERK_ROLES,
  type CashCurrency,
  type CashDayView,
  type CashFigures,
  type CashReportView,
  cashFigures,
  figuresDiffer,
  formatMinor,
  type LedgerEntry,
  type Role,
} from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/sessions.ts';
import type { Database } from '../../db/schema.ts';
import { DomainError, notFound } from '../../errors/domain-error.ts';
import type { WriteContext } from '../../unit-of-work/write.ts';
import { assertCashOffice, cashOffice } from './policy.ts';
import { type CashDatabase, type CashReportsTable, cashDb } from './tables.ts';

/**
 * The day's cash reports: per clerk and per office, per business day and currency, summed from the
 * fee ledger by core's cashFigures. A clerk prepares their report and hands cash in; the head of
 * office (of that office or one above it) signs it, never their own; a signed report never
 * changes: correcting it is a new report, with a reason, replacing it.
 */

type Db = Kysely<CashDatabase>;

interface DayKey {
  officeId: string;
  clerkId: string | null;
  date: string;
  currency: CashCurrency;
}

const toEntry = (r: {
  id: string;
  kind: LedgerEntry['kind'];
  amount_minor: number;
  currency: string;
  method: LedgerEntry['method'];
  corrects: string | null;
}): LedgerEntry => ({
  id: r.id,
  kind: r.kind,
  amountMinor: r.amount_minor,
  currency: r.currency as CashCurrency,
  method: r.method,
  corrects: r.corrects,
});

const ENTRY_COLUMNS = ['id', 'kind', 'amount_minor', 'currency', 'method', 'corrects'] as const;

/** The ledger entries of a day (the clerk's, or the office's), and the entries their corrections name. */
async function dayLedger(db: Db, k: DayKey) {
  let q = db
    .selectFrom('fee_payments')
    .select(ENTRY_COLUMNS)
    .where('office_id', '=', k.officeId)
    .where('business_date', '=', k.date)
    .where('currency', '=', k.currency);
  if (k.clerkId) q = q.where('recorded_by', '=', k.clerkId);
  const entries = (await q.orderBy('recorded_at').orderBy('id').execute()).map(toEntry);
  const known = new Set(entries.map((e) => e.id));
  const related: LedgerEntry[] = [];
  let wanted = entries.filter((e) => e.corrects && !known.has(e.corrects)).map((e) => e.corrects!);
  for (let depth = 0; wanted.length && depth < 20; depth++) {
    const rows = (
      await db.selectFrom('fee_payments').select(ENTRY_COLUMNS).where('id', 'in', wanted).execute()
    ).map(toEntry);
    for (const r of rows) known.add(r.id);
    related.push(...rows);
    wanted = rows.filter((e) => e.corrects && !known.has(e.corrects)).map((e) => e.corrects!);
  }
  return { entries, related };
}

async function dayHandovers(db: Db, k: DayKey) {
  let q = db
    .selectFrom('cash_handovers')
    .selectAll()
    .where('office_id', '=', k.officeId)
    .where('business_date', '=', k.date)
    .where('currency', '=', k.currency);
  if (k.clerkId) q = q.where('clerk_id', '=', k.clerkId);
  return q.orderBy('recorded_at').orderBy('id').execute();
}

/** The previous signed report (the latest day before, its latest signature): the opening comes from it. */
async function openingReport(db: Db, k: DayKey) {
  return db
    .selectFrom('cash_reports as r')
    .innerJoin('cash_report_signoffs as s', 's.report_id', 'r.id')
    .select(['r.id', 'r.closing_minor'])
    .where('r.office_id', '=', k.officeId)
    .where('r.currency', '=', k.currency)
    .where('r.business_date', '<', k.date)
    .where((eb) => (k.clerkId ? eb('r.clerk_id', '=', k.clerkId) : eb('r.clerk_id', 'is', null)))
    .orderBy('r.business_date', 'desc')
    .orderBy('s.signed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** What the ledger says of a day now. */
async function liveFigures(
  db: Db,
  k: DayKey,
): Promise<{ figures: CashFigures; openingReportId: string | null }> {
  const [{ entries, related }, handovers, opening] = await Promise.all([
    dayLedger(db, k),
    dayHandovers(db, k),
    openingReport(db, k),
  ]);
  return {
    figures: cashFigures({
      openingMinor: opening?.closing_minor ?? 0,
      entries,
      related,
      handovers: handovers.map((h) => ({ amountMinor: h.amount_minor })),
    }),
    openingReportId: opening?.id ?? null,
  };
}

/** The report in force for a day: the one no other replaces. */
async function reportInForce(db: Db, k: DayKey) {
  return db
    .selectFrom('cash_reports as r')
    .leftJoin('cash_report_signoffs as s', 's.report_id', 'r.id')
    .selectAll('r')
    .select(['s.signed_by', 's.signed_at'])
    .where('r.office_id', '=', k.officeId)
    .where('r.business_date', '=', k.date)
    .where('r.currency', '=', k.currency)
    .where((eb) => (k.clerkId ? eb('r.clerk_id', '=', k.clerkId) : eb('r.clerk_id', 'is', null)))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('cash_reports as n').select('n.id').whereRef('n.replaces', '=', 'r.id'))),
    )
    .executeTakeFirst();
}

type ReportRow = CashReportsTable & { signed_by: string | null; signed_at: Date | null };

const storedFigures = (r: CashReportsTable): CashFigures => ({
  openingMinor: r.opening_minor,
  receivedMinor: r.received_minor,
  refundedMinor: r.refunded_minor,
  correctionsMinor: r.corrections_minor,
  handedInMinor: r.handed_in_minor,
  closingMinor: r.closing_minor,
  terminalMinor: r.terminal_minor,
  transferMinor: r.transfer_minor,
  waivedMinor: r.waived_minor,
  entryCount: r.entry_count,
  handoverCount: r.handover_count,
});

type Person = { id: string; login: string; fullName: string };

async function people(
  db: Kysely<CashDatabase> | Kysely<Database>,
  ids: (string | null)[],
): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (!wanted.length) return new Map();
  const rows = await (db as Kysely<Database>)
    .selectFrom('users')
    .select(['id', 'login', 'full_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((u) => [u.id, { id: u.id, login: u.login, fullName: u.full_name }]));
}

const iso = (d: Date | string) => new Date(d).toISOString();

async function present(db: Db, r: ReportRow, live: CashFigures): Promise<CashReportView> {
  const who = await people(db, [r.clerk_id, r.prepared_by, r.signed_by]);
  return {
    id: r.id,
    officeId: r.office_id,
    clerk: r.clerk_id ? (who.get(r.clerk_id) ?? null) : null,
    businessDate: r.business_date,
    currency: r.currency,
    figures: storedFigures(r),
    openingReportId: r.opening_report,
    replaces: r.replaces,
    reason: r.reason,
    preparedBy: who.get(r.prepared_by)!,
    preparedAt: iso(r.prepared_at),
    signedBy: r.signed_by ? (who.get(r.signed_by) ?? null) : null,
    signedAt: r.signed_at ? iso(r.signed_at) : null,
    stale: figuresDiffer(storedFigures(r), live),
  };
}

function assertPastOrToday(ctx: WriteContext, date: string) {
  if (date > ctx.today) {
    throw new DomainError('invalid', 'problem.validation', {}, [
      { path: ['date'], key: 'error.cash.futureDay', params: { today: ctx.today } },
    ]);
  }
}

/** One office's cash writes at a time (no key lock: other writers of its ledger go on). */
async function lockOffice(ctx: WriteContext, officeId: string) {
  await ctx.trx.selectFrom('offices').select('id').where('id', '=', officeId).forNoKeyUpdate().execute();
}

const event = (ctx: WriteContext, name: string, officeId: string, detail: Record<string, unknown>) => ({
  event: name,
  actorId: ctx.actor.id,
  actorLogin: ctx.actor.login,
  officeId,
  detail,
});

/**
 * Prepares the day's report of the user's own drawer (scope clerk) or of their office (scope
 * office). Preparing again what is unchanged gives the same report; a changed day gives a new one
 * replacing it; a signed report is replaced only with a reason.
 */
export async function prepareCashReport(
  ctx: WriteContext,
  input: {
    date: string;
    scope: 'clerk' | 'office';
    office?: string;
    currency?: CashCurrency;
    reason?: string;
  },
): Promise<{ created: boolean; report: CashReportView }> {
  const office = await cashOffice(ctx.trx, ctx.actor, 'prepare-cash-report', input.office);
  assertCashOffice(office);
  assertPastOrToday(ctx, input.date);
  await lockOffice(ctx, office.id);
  const db = cashDb(ctx.trx);
  const k: DayKey = {
    officeId: office.id,
    clerkId: input.scope === 'clerk' ? ctx.actor.id : null,
    date: input.date,
    currency: input.currency ?? 'TJS',
  };
  const current = (await reportInForce(db, k)) as ReportRow | undefined;
  const live = await liveFigures(db, k);
  if (current?.signed_by) {
    if (!input.reason) {
      throw new DomainError('invalid', 'problem.validation', {}, [
        { path: ['reason'], key: 'error.cash.reasonRequired' },
      ]);
    }
  } else if (current && !figuresDiffer(storedFigures(current), live.figures) && !input.reason) {
    return { created: false, report: await present(db, current, live.figures) };
  }
  const f = live.figures;
  const row: CashReportsTable = {
    id: randomUUID(),
    office_id: office.id,
    clerk_id: k.clerkId,
    business_date: k.date,
    currency: k.currency,
    opening_minor: f.openingMinor,
    opening_report: live.openingReportId,
    received_minor: f.receivedMinor,
    refunded_minor: f.refundedMinor,
    corrections_minor: f.correctionsMinor,
    handed_in_minor: f.handedInMinor,
    closing_minor: f.closingMinor,
    terminal_minor: f.terminalMinor,
    transfer_minor: f.transferMinor,
    waived_minor: f.waivedMinor,
    entry_count: f.entryCount,
    handover_count: f.handoverCount,
    replaces: current?.id ?? null,
    reason: input.reason ?? null,
    prepared_by: ctx.actor.id,
    prepared_at: ctx.now,
  };
  await db.insertInto('cash_reports').values(row).execute();
  ctx.audit.push(
    event(ctx, 'fees.cash-report-prepared', office.id, {
      reportId: row.id,
      clerkId: k.clerkId,
      businessDate: k.date,
      currency: k.currency,
      closingMinor: f.closingMinor,
      replaces: row.replaces,
      reason: row.reason,
    }),
  );
  return { created: true, report: await present(db, { ...row, signed_by: null, signed_at: null }, f) };
}

/** The user hands in cash from their drawer: never more than it holds, never on a signed day. */
export async function handInCash(
  ctx: WriteContext,
  input: { date: string; amountMinor: number; currency?: CashCurrency; note?: string },
) {
  const office = await cashOffice(ctx.trx, ctx.actor, 'hand-in-cash', undefined);
  assertCashOffice(office);
  assertPastOrToday(ctx, input.date);
  await lockOffice(ctx, office.id);
  const db = cashDb(ctx.trx);
  const k: DayKey = {
    officeId: office.id,
    clerkId: ctx.actor.id,
    date: input.date,
    currency: input.currency ?? 'TJS',
  };
  const current = await reportInForce(db, k);
  if (current?.signed_by) throw new DomainError('conflict', 'problem.cash.daySigned');
  const before = await liveFigures(db, k);
  // what the drawer holds now: its closing so far (what was handed in before is out of it)
  const drawer = before.figures.closingMinor;
  if (input.amountMinor > drawer) {
    throw new DomainError('invalid', 'problem.validation', {}, [
      {
        path: ['amountMinor'],
        key: 'error.cash.handInTooMuch',
        params: { drawer: formatMinor(Math.max(0, drawer)) },
      },
    ]);
  }
  const row = {
    id: randomUUID(),
    office_id: office.id,
    clerk_id: ctx.actor.id,
    business_date: k.date,
    currency: k.currency,
    amount_minor: input.amountMinor,
    note: input.note ?? null,
    recorded_by: ctx.actor.id,
    recorded_at: ctx.now,
  };
  await db.insertInto('cash_handovers').values(row).execute();
  ctx.audit.push(
    event(ctx, 'fees.cash-handed-in', office.id, {
      handoverId: row.id,
      businessDate: k.date,
      currency: k.currency,
      amountMinor: input.amountMinor,
    }),
  );
  const after = await liveFigures(db, k);
  return {
    handover: {
      id: row.id,
      amountMinor: row.amount_minor,
      currency: row.currency,
      note: row.note,
      recordedAt: iso(row.recorded_at),
    },
    live: after.figures,
  };
}

/**
 * The head of office signs a report of their office or one under it: the report in force, as the
 * ledger still gives it, not their own (neither prepared by them nor of their drawer).
 */
export async function signCashReport(ctx: WriteContext, id: string): Promise<CashReportView> {
  const db = cashDb(ctx.trx);
  const found = await db
    .selectFrom('cash_reports as r')
    .innerJoin('offices as o', 'o.id', 'r.office_id')
    .select('o.id as office')
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!found) throw notFound();
  const office = await cashOffice(ctx.trx, ctx.actor, 'sign-cash-report', found.office);
  await lockOffice(ctx, office.id);
  const r = (await db
    .selectFrom('cash_reports as r')
    .leftJoin('cash_report_signoffs as s', 's.report_id', 'r.id')
    .selectAll('r')
    .select(['s.signed_by', 's.signed_at'])
    .where('r.id', '=', id)
    .executeTakeFirstOrThrow()) as ReportRow;
  const k: DayKey = {
    officeId: r.office_id,
    clerkId: r.clerk_id,
    date: r.business_date,
    currency: r.currency,
  };
  const live = await liveFigures(db, k);
  if (r.signed_by) {
    if (r.signed_by === ctx.actor.id) return present(db, r, live.figures);
    throw new DomainError('conflict', 'problem.cash.alreadySigned');
  }
  const replaced = await db
    .selectFrom('cash_reports')
    .select('id')
    .where('replaces', '=', id)
    .executeTakeFirst();
  if (replaced) throw new DomainError('conflict', 'problem.cash.replaced');
  if (r.prepared_by === ctx.actor.id || r.clerk_id === ctx.actor.id) {
    throw new DomainError('conflict', 'problem.cash.ownReport');
  }
  if (figuresDiffer(storedFigures(r), live.figures)) throw new DomainError('conflict', 'problem.cash.stale');
  await db
    .insertInto('cash_report_signoffs')
    .values({ report_id: id, signed_by: ctx.actor.id, signed_at: ctx.now })
    .execute();
  ctx.audit.push(
    event(ctx, 'fees.cash-report-signed', r.office_id, {
      reportId: id,
      clerkId: r.clerk_id,
      businessDate: r.business_date,
      currency: r.currency,
      closingMinor: r.closing_minor,
    }),
  );
  return present(db, { ...r, signed_by: ctx.actor.id, signed_at: ctx.now }, live.figures);
}

/** An office's day: its own report and each clerk's who took, gave back or handed in money, or reported. */
export async function cashDay(
  kdb: Kysely<Database>,
  actor: Actor,
  today: string,
  input: { office?: string; date?: string; currency?: CashCurrency },
): Promise<CashDayView> {
  const office = await cashOffice(kdb, actor, 'read-cash-reports', input.office);
  const db = cashDb(kdb);
  const date = input.date ?? today;
  const currency = input.currency ?? 'TJS';
  const [payers, handers, reporters] = await Promise.all([
    db
      .selectFrom('fee_payments')
      .select('recorded_by as id')
      .distinct()
      .where('office_id', '=', office.id)
      .where('business_date', '=', date)
      .where('currency', '=', currency)
      .execute(),
    db
      .selectFrom('cash_handovers')
      .select('clerk_id as id')
      .distinct()
      .where('office_id', '=', office.id)
      .where('business_date', '=', date)
      .where('currency', '=', currency)
      .execute(),
    db
      .selectFrom('cash_reports')
      .select('clerk_id as id')
      .distinct()
      .where('office_id', '=', office.id)
      .where('business_date', '=', date)
      .where('currency', '=', currency)
      .where('clerk_id', 'is not', null)
      .execute(),
  ]);
  const ids = new Set([...payers, ...handers, ...reporters].map((r) => r.id!));
  if (actor.officeId === office.id && (CASH_CLERK_ROLES as readonly Role[]).includes(actor.role))
    ids.add(actor.id);
  const who = await people(kdb, [...ids]);
  const part = async (clerkId: string | null) => {
    const k: DayKey = { officeId: office.id, clerkId, date, currency };
    const [live, report, handovers] = await Promise.all([
      liveFigures(db, k),
      reportInForce(db, k),
      dayHandovers(db, k),
    ]);
    return {
      clerk: clerkId ? (who.get(clerkId) ?? null) : null,
      live: live.figures,
      report: report ? await present(db, report as ReportRow, live.figures) : null,
      handovers: handovers.map((h) => ({
        id: h.id,
        amountMinor: h.amount_minor,
        currency: h.currency,
        note: h.note,
        recordedAt: iso(h.recorded_at),
      })),
    };
  };
  const clerks = await Promise.all(
    [...ids].sort((a, b) => (who.get(a)?.fullName ?? a).localeCompare(who.get(b)?.fullName ?? b)).map(part),
  );
  return { officeId: office.id, businessDate: date, currency, office: await part(null), clerks };
}
