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
 * nothing when nothing is due. A service on request (a repeat or new certificate, an extract, an
 * amendment) is paid by its open charge, the one not spent yet, computed as the record's fees say it
 * is asked for. Returns the fees after.
 */
export async function payFee(by: Client, recordId: string, purpose = 'registration', service?: string) {
  let fees = await feesOf(by, recordId);
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON
  const open = (c: any) => c.purpose === purpose && !c.spent;
  let charge = fees.charges.find(open);
  if (!charge) {
    if (purpose === 'registration' && fees.registrationSettled) return fees;
    // biome-ignore lint/suspicious/noExplicitAny: the API's JSON
    const asked = fees.onRequest.find((s: any) => s.purpose === purpose);
    if (purpose !== 'registration' && !service && (!asked || asked.settled)) return fees;
    const made = await by.post(`/api/v1/records/${recordId}/fees/charges`, {
      purpose,
      ...((service ?? asked?.service) ? { service: service ?? asked.service } : {}),
    });
    expect(made.status, show(made)).toBe(201);
    fees = made.body;
    charge = fees.charges.find(open);
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

/**
 * Pays what a print costs before it is printed, as the front office does: a repeat or new
 * certificate its certificate charge, an archive extract or a repeated reference its extract
 * charge; nothing when the print is a first certificate, nothing is due, or the clerk may not read
 * the record's fees (the print is then refused on its own grounds).
 */
export async function payForPrint(by: Client, recordId: string, document?: string) {
  const extract = document === 'ARCHIVE_EXTRACT' || document === 'STILLBIRTH_REFERENCE';
  const purpose = extract ? 'extract' : 'certificate';
  const fees = await by.get(`/api/v1/records/${recordId}/fees`);
  if (fees.status !== 200 || !fees.body.may.includes('payment')) return;
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON
  const asked = fees.body.onRequest.find((s: any) => s.purpose === purpose);
  if (!asked || asked.settled) return;
  await payFee(by, recordId, purpose);
}

/**
 * A service made free from today on, as the central department sets it (a new dated version of
 * each of its lines, through the API): for tests about something else than its fee (fifty prints at
 * once are about blanks).
 */
export async function freeFromToday(admin: Client, service: string, today: string) {
  for (const kind of ['duty', 'service', 'blank']) {
    const res = await admin.post('/api/v1/fees/versions', {
      kind: 'line',
      key: `${service}.${kind}`,
      validFrom: today,
      validTo: null,
      value: { pdr: '0' },
      basis: { tg: 'Санҷиш', ru: 'Проверка', en: 'Test' },
      verified: true,
      note: null,
    });
    expect(res.status, show(res)).toBe(201);
  }
}
