import { normalizeReference, type StatementLine } from './bank-statement.ts';

/**
 * A bank statement's lines matched to the bank-transfer payments of the ledger by the transfer's
 * reference (spaces, dashes and case ignored) and amount:
 *
 * - matched: a payment with this reference and this amount (and currency), not matched before;
 * - amount-differs: a payment with this reference but another amount (the payment is named);
 * - unknown-reference: no bank-transfer payment has this reference;
 * - duplicate: the reference was on an earlier line of the same statement;
 * - already-matched: the payment was matched by an earlier import.
 *
 * And `missing`: the bank-transfer payments of the statement's period that no line of this
 * statement or of an earlier import matched. Payments a correction undid are not expected.
 */

export type MatchResult =
  | 'matched'
  | 'amount-differs'
  | 'unknown-reference'
  | 'duplicate'
  | 'already-matched';

export const MATCH_RESULTS: readonly MatchResult[] = [
  'matched',
  'amount-differs',
  'unknown-reference',
  'duplicate',
  'already-matched',
];

export interface TransferPayment {
  id: string;
  reference: string;
  amountMinor: number;
  currency: 'TJS' | 'USD';
  businessDate: string;
}

export interface MatchedLine extends StatementLine {
  result: MatchResult;
  paymentId: string | null;
  /** The payment's amount when it differs. */
  expectedMinor: number | null;
}

export function statementPeriod(lines: readonly StatementLine[]): { from: string; to: string } {
  const dates = lines.map((l) => l.valueDate).sort();
  return { from: dates[0]!, to: dates[dates.length - 1]! };
}

export function matchStatement(input: {
  lines: readonly StatementLine[];
  /** Bank-transfer payments (not undone by a correction) whose reference is on the statement. */
  payments: readonly TransferPayment[];
  /** Payments matched by earlier imports. */
  matchedBefore: ReadonlySet<string>;
  /** Bank-transfer payments of the period (not undone), for the missing list. */
  periodPayments: readonly TransferPayment[];
}): { lines: MatchedLine[]; missing: TransferPayment[] } {
  const byRef = new Map<string, TransferPayment[]>();
  for (const p of input.payments) {
    const key = normalizeReference(p.reference);
    byRef.set(key, [...(byRef.get(key) ?? []), p]);
  }
  const seen = new Set<string>();
  const matchedNow = new Set<string>();
  const lines = input.lines.map((line): MatchedLine => {
    const key = normalizeReference(line.reference);
    if (seen.has(key)) return { ...line, result: 'duplicate', paymentId: null, expectedMinor: null };
    seen.add(key);
    const candidates = byRef.get(key) ?? [];
    if (!candidates.length)
      return { ...line, result: 'unknown-reference', paymentId: null, expectedMinor: null };
    const fits = (p: TransferPayment) => p.amountMinor === line.amountMinor && p.currency === line.currency;
    const open = candidates.filter((p) => !input.matchedBefore.has(p.id));
    const exact = open.find(fits);
    if (exact) {
      matchedNow.add(exact.id);
      return { ...line, result: 'matched', paymentId: exact.id, expectedMinor: null };
    }
    const earlier = candidates.find((p) => input.matchedBefore.has(p.id));
    if (earlier && (fits(earlier) || !open.length)) {
      return { ...line, result: 'already-matched', paymentId: earlier.id, expectedMinor: null };
    }
    const other = open[0] ?? candidates[0]!;
    return { ...line, result: 'amount-differs', paymentId: other.id, expectedMinor: other.amountMinor };
  });
  const missing = input.periodPayments.filter((p) => !matchedNow.has(p.id) && !input.matchedBefore.has(p.id));
  return { lines, missing };
}
