import type { CashCurrency, LedgerEntry } from './cash-report.ts';

/**
 * The fee report of a period: per office, service and currency, what was charged, paid, refunded
 * and waived, and what is still outstanding. A charge computed again (`replaces`) is one charge:
 * the one in force, with the entries of those it replaced. Corrections undo what they correct.
 */

export interface ReportCharge {
  id: string;
  officeId: string;
  service: string;
  /** In diram. */
  totalMinor: number;
  /** A consular tariff, in US cents. */
  consularMinor: number | null;
  replaces: string | null;
}

export interface ReportEntry extends LedgerEntry {
  chargeId: string;
}

export interface FeeReportRow {
  officeId: string;
  service: string;
  currency: CashCurrency;
  charges: number;
  chargedMinor: number;
  paidMinor: number;
  refundedMinor: number;
  waivedMinor: number;
  outstandingMinor: number;
}

/** The base entry a chain of corrections ends on, and the sign the chain gives it. */
function baseOf(
  e: LedgerEntry,
  byId: ReadonlyMap<string, LedgerEntry>,
): { base: LedgerEntry; sign: 1 | -1 } | null {
  let sign: 1 | -1 = 1;
  let cur: LedgerEntry | undefined = e;
  for (let i = 0; cur && cur.kind === 'correction' && i < 50; i++) {
    cur = cur.corrects ? byId.get(cur.corrects) : undefined;
    sign = sign === 1 ? -1 : 1;
  }
  return cur && cur.kind !== 'correction' ? { base: cur, sign } : null;
}

/**
 * `charges`: the charges in force of the period and every charge they replace; `entries`: the
 * ledger entries of all of them.
 */
export function feeReport(charges: readonly ReportCharge[], entries: readonly ReportEntry[]): FeeReportRow[] {
  const replacedBy = new Map<string, string>();
  for (const c of charges) if (c.replaces) replacedBy.set(c.replaces, c.id);
  const inForce = (id: string) => {
    let cur = id;
    for (let i = 0; replacedBy.has(cur) && i < 100; i++) cur = replacedBy.get(cur)!;
    return cur;
  };
  const byId = new Map(entries.map((e) => [e.id, e]));
  type Money = { paid: number; refunded: number; waived: number };
  const money = new Map<string, Money>(); // key: charge in force + currency
  for (const e of entries) {
    const b = baseOf(e, byId);
    if (!b) continue;
    const key = `${inForce(e.chargeId)}|${b.base.currency}`;
    const m = money.get(key) ?? { paid: 0, refunded: 0, waived: 0 };
    const amount = b.sign * b.base.amountMinor;
    if (b.base.kind === 'payment') m.paid += amount;
    else if (b.base.kind === 'refund') m.refunded += amount;
    else m.waived += amount;
    money.set(key, m);
  }
  const rows = new Map<string, FeeReportRow>();
  for (const c of charges) {
    if (replacedBy.has(c.id)) continue;
    const amounts: [CashCurrency, number | null][] = [
      ['TJS', c.totalMinor],
      ['USD', c.consularMinor],
    ];
    for (const [currency, charged] of amounts) {
      const m = money.get(`${c.id}|${currency}`);
      if (charged === null && !m) continue;
      if (currency === 'USD' && !charged && !m) continue;
      const key = `${c.officeId}|${c.service}|${currency}`;
      const row = rows.get(key) ?? {
        officeId: c.officeId,
        service: c.service,
        currency,
        charges: 0,
        chargedMinor: 0,
        paidMinor: 0,
        refundedMinor: 0,
        waivedMinor: 0,
        outstandingMinor: 0,
      };
      const paid = m?.paid ?? 0;
      const refunded = m?.refunded ?? 0;
      const waived = m?.waived ?? 0;
      row.charges += 1;
      row.chargedMinor += charged ?? 0;
      row.paidMinor += paid;
      row.refundedMinor += refunded;
      row.waivedMinor += waived;
      row.outstandingMinor += Math.max(0, (charged ?? 0) - (paid - refunded) - waived);
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.officeId.localeCompare(b.officeId) ||
      a.service.localeCompare(b.service) ||
      a.currency.localeCompare(b.currency),
  );
}

/** The rows added up (per currency). */
export function feeReportTotals(rows: readonly FeeReportRow[]): Omit<FeeReportRow, 'officeId' | 'service'>[] {
  const by = new Map<CashCurrency, Omit<FeeReportRow, 'officeId' | 'service'>>();
  for (const r of rows) {
    const t = by.get(r.currency) ?? {
      currency: r.currency,
      charges: 0,
      chargedMinor: 0,
      paidMinor: 0,
      refundedMinor: 0,
      waivedMinor: 0,
      outstandingMinor: 0,
    };
    t.charges += r.charges;
    t.chargedMinor += r.chargedMinor;
    t.paidMinor += r.paidMinor;
    t.refundedMinor += r.refundedMinor;
    t.waivedMinor += r.waivedMinor;
    t.outstandingMinor += r.outstandingMinor;
    by.set(r.currency, t);
  }
  return [...by.values()];
}
