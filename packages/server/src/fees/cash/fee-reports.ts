import {
  type FeeReportView,
  type FeeService,
  feeReport,
  feeReportTotals,
  type ReportCharge,
  type ReportEntry,
} from '@sabt/core';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../auth/sessions.ts';
import type { Database } from '../../db/schema.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { cashOffice } from './policy.ts';
import { cashDb } from './tables.ts';

/**
 * The fee report of an office and every office under it for a period (the civil days of `timeZone`
 * the charges were recorded on), optionally of one service: the charges in force (a charge computed
 * again counts once, with the entries of those it replaced), paid, refunded, waived, outstanding
 * (core feeReport).
 */
export async function feeReportOf(
  kdb: Kysely<Database>,
  actor: Actor,
  timeZone: string,
  input: { office?: string; from: string; to: string; service?: FeeService },
): Promise<FeeReportView> {
  const office = await cashOffice(kdb, actor, 'read-fee-reports', input.office);
  if (input.to < input.from) {
    throw new DomainError('invalid', 'problem.validation', {}, [
      { path: ['to'], key: 'error.fees.validToBeforeFrom' },
    ]);
  }
  const db = cashDb(kdb);
  const civilDay = sql<string>`to_char(c.recorded_at AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`;
  let q = db
    .selectFrom('fee_charges as c')
    .innerJoin('offices as o', 'o.id', 'c.office_id')
    .select(['c.id', 'c.office_id', 'c.service', 'c.total_minor', 'c.consular_minor', 'c.replaces'])
    .where('o.path', 'like', `${office.path}%`)
    .where(civilDay, '>=', input.from)
    .where(civilDay, '<=', input.to)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('fee_charges as n').select('n.id').whereRef('n.replaces', '=', 'c.id'))),
    );
  if (input.service) q = q.where('c.service', '=', input.service);
  const inForce = await q.execute();
  const charges: ReportCharge[] = inForce.map((c) => ({
    id: c.id,
    officeId: c.office_id,
    service: c.service,
    totalMinor: c.total_minor,
    consularMinor: c.consular_minor,
    replaces: c.replaces,
  }));
  // the charges they replaced, whose entries count for them
  let wanted = charges.filter((c) => c.replaces).map((c) => c.replaces!);
  for (let depth = 0; wanted.length && depth < 20; depth++) {
    const rows = await db
      .selectFrom('fee_charges')
      .select(['id', 'office_id', 'service', 'total_minor', 'consular_minor', 'replaces'])
      .where('id', 'in', wanted)
      .execute();
    charges.push(
      ...rows.map((c) => ({
        id: c.id,
        officeId: c.office_id,
        service: c.service,
        totalMinor: c.total_minor,
        consularMinor: c.consular_minor,
        replaces: c.replaces,
      })),
    );
    wanted = rows.filter((c) => c.replaces).map((c) => c.replaces!);
  }
  const entries: ReportEntry[] = [];
  const ids = charges.map((c) => c.id);
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom('fee_payments')
      .select(['id', 'charge_id', 'kind', 'amount_minor', 'currency', 'method', 'corrects'])
      .where('charge_id', 'in', ids.slice(i, i + 1000))
      .execute();
    entries.push(
      ...rows.map((r) => ({
        id: r.id,
        chargeId: r.charge_id,
        kind: r.kind,
        amountMinor: r.amount_minor,
        currency: r.currency,
        method: r.method,
        corrects: r.corrects,
      })),
    );
  }
  const rows = feeReport(charges, entries);
  return {
    officeId: office.id,
    from: input.from,
    to: input.to,
    service: input.service ?? null,
    rows,
    totals: feeReportTotals(rows),
  };
}
