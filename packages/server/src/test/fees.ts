import { expect } from 'vitest';
import type { Client } from './harness.ts';

/**
 * Fees in tests, paid as the front office pays them: through the API's real commands (a charge
 * computed and stored, then a cash payment of what is outstanding), never by switching the rule off.
 */

const show = (res: { body: unknown }) => JSON.stringify(res.body);

/** The record's fees as the API gives them. */
export async function feesOf(by: Client, recordId: string) {
  const res = await by.get(`/api/v1/records/${recordId}/fees`);
  expect(res.status, show(res)).toBe(200);
  return res.body;
}

/**
 * Pays the record's charge for `purpose` in full in cash (computed first when none is stored yet);
 * nothing when nothing is due. Returns the fees after.
 */
export async function payFee(by: Client, recordId: string, purpose = 'registration', service?: string) {
  let fees = await feesOf(by, recordId);
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON
  let charge = fees.charges.find((c: any) => c.purpose === purpose);
  if (!charge) {
    if (purpose === 'registration' && fees.registrationSettled) return fees;
    const made = await by.post(`/api/v1/records/${recordId}/fees/charges`, {
      purpose,
      ...(service ? { service } : {}),
    });
    expect(made.status, show(made)).toBe(201);
    fees = made.body;
    // biome-ignore lint/suspicious/noExplicitAny: the API's JSON
    charge = fees.charges.find((c: any) => c.purpose === purpose);
  }
  for (const [currency, sums] of [
    ['TJS', charge.balance.somoni],
    ['USD', charge.balance.dollars],
  ] as const) {
    if (!sums || sums.outstanding <= 0) continue;
    const paid = await by.post(`/api/v1/records/${recordId}/fees/entries`, {
      chargeId: charge.id,
      kind: 'payment',
      amountMinor: sums.outstanding,
      currency,
      method: 'cash',
    });
    expect(paid.status, show(paid)).toBe(201);
    fees = paid.body;
  }
  return fees;
}
