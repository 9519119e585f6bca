/**
 * The day's cash report (handbook §3): what a clerk's drawer (or the whole office's) should hold at
 * the end of a business day, summed from the fee ledger (fee_payments). Amounts are integer minor
 * units (diram, US cents) of one currency.
 *
 * - the drawer counts cash only: payments received, refunds given back, the cash handed in;
 * - terminal and bank-transfer money never passes the drawer: it is counted apart (net of refunds);
 * - a correction undoes the entry it names, whatever day that entry was on: its effect is the
 *   corrected entry's effect with the sign turned (a correction of a correction redoes it);
 * - waivers move no money: summed apart;
 * - the opening is the previous signed report's closing (0 without one);
 * - closing = opening + received − refunded + corrections − handed in.
 */

export type LedgerKind = 'payment' | 'refund' | 'waiver' | 'correction';
export type PaymentMethod = 'cash' | 'terminal' | 'bank-transfer';
export type CashCurrency = 'TJS' | 'USD';

/** One fee_payments row, as the sums need it. */
export interface LedgerEntry {
  id: string;
  kind: LedgerKind;
  amountMinor: number;
  currency: CashCurrency;
  method: PaymentMethod | null;
  /** The entry a correction undoes. */
  corrects: string | null;
}

export interface CashFigures {
  openingMinor: number;
  receivedMinor: number;
  refundedMinor: number;
  correctionsMinor: number;
  handedInMinor: number;
  closingMinor: number;
  terminalMinor: number;
  transferMinor: number;
  waivedMinor: number;
  entryCount: number;
  handoverCount: number;
}

/** Where an entry's money goes: the method and the signed amount (a payment in, a refund out). */
export interface EntryEffect {
  method: PaymentMethod | null;
  waiver: boolean;
  amount: number;
}

/**
 * The effect of an entry. `byId` must hold every entry a correction names (the chain of
 * corrections down to a payment, refund or waiver); an entry it lacks has no effect.
 */
export function entryEffect(
  entry: LedgerEntry,
  byId: ReadonlyMap<string, LedgerEntry>,
  depth = 0,
): EntryEffect {
  switch (entry.kind) {
    case 'payment':
      return { method: entry.method, waiver: false, amount: entry.amountMinor };
    case 'refund':
      return { method: entry.method, waiver: false, amount: -entry.amountMinor };
    case 'waiver':
      return { method: null, waiver: true, amount: entry.amountMinor };
    case 'correction': {
      const target = entry.corrects ? byId.get(entry.corrects) : undefined;
      if (!target || depth > 50) return { method: null, waiver: false, amount: 0 };
      const undone = entryEffect(target, byId, depth + 1);
      return { ...undone, amount: -undone.amount };
    }
  }
}

/**
 * The figures of one day: `entries` are the day's entries of the clerk (or the office) in the
 * report's currency; `related` holds any other entries their corrections name.
 */
export function cashFigures(input: {
  openingMinor: number;
  entries: readonly LedgerEntry[];
  related?: readonly LedgerEntry[];
  handovers: readonly { amountMinor: number }[];
}): CashFigures {
  const byId = new Map<string, LedgerEntry>();
  for (const e of input.related ?? []) byId.set(e.id, e);
  for (const e of input.entries) byId.set(e.id, e);
  const f: CashFigures = {
    openingMinor: input.openingMinor,
    receivedMinor: 0,
    refundedMinor: 0,
    correctionsMinor: 0,
    handedInMinor: 0,
    closingMinor: 0,
    terminalMinor: 0,
    transferMinor: 0,
    waivedMinor: 0,
    entryCount: input.entries.length,
    handoverCount: input.handovers.length,
  };
  for (const e of input.entries) {
    const effect = entryEffect(e, byId);
    if (effect.waiver) {
      f.waivedMinor += effect.amount;
      continue;
    }
    if (effect.method === 'terminal') f.terminalMinor += effect.amount;
    else if (effect.method === 'bank-transfer') f.transferMinor += effect.amount;
    else if (effect.method === 'cash') {
      if (e.kind === 'payment') f.receivedMinor += e.amountMinor;
      else if (e.kind === 'refund') f.refundedMinor += e.amountMinor;
      else f.correctionsMinor += effect.amount;
    }
  }
  for (const h of input.handovers) f.handedInMinor += h.amountMinor;
  f.closingMinor = closingOf(f);
  return f;
}

export function closingOf(f: Omit<CashFigures, 'closingMinor'>): number {
  return f.openingMinor + f.receivedMinor - f.refundedMinor + f.correctionsMinor - f.handedInMinor;
}

/** What the drawer holds before anything is handed in. */
export const drawerMinor = (f: CashFigures) => f.closingMinor + f.handedInMinor;

/** Whether two sets of figures differ (a report prepared before later entries is stale). */
export function figuresDiffer(a: CashFigures, b: CashFigures): boolean {
  return (Object.keys(a) as (keyof CashFigures)[]).some((k) => a[k] !== b[k]);
}
