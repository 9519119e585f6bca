import { formatMinor } from '@sabt/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateDesk, registeredBirth, type Staff } from '../../certificates/testing/fixtures.ts';
import { feesOf, payFee } from '../../test/fees.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';
import { R, show } from '../../test/workflow.ts';

/**
 * Services paid on request (handbook §1.3, §3.3): a repeat or new certificate and an amendment are
 * refused until their fee is paid or waived with a reason; a paid charge pays for one print or one
 * amendment, and the next is charged again; retried writes count once.
 */

let t: TestApp;
let staff: Staff;
let head: Client;

beforeAll(async () => {
  t = await startTestApp();
  ({ staff, head } = await certificateDesk(t));
});
afterAll(() => t?.close());

const en = { 'accept-language': 'en' };
const ru = { 'accept-language': 'ru' };

const print = (recordId: string, headers?: Record<string, string>) =>
  staff.front.post(`${R}/${recordId}/certificates`, { mode: 'overlay' }, headers);

async function printed(recordId: string, headers?: Record<string, string>) {
  const res = await print(recordId, headers);
  expect(res.status, show(res)).toBe(201);
  return res.body;
}

const certificatesOf = async (recordId: string) =>
  (await staff.front.get(`${R}/${recordId}/certificates`)).body.items as { id: string; issue: string }[];

const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
  (await query.execute(t.dbx.db)).rows[0]!.n;

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON
const asked = (fees: any, purpose: string) => fees.onRequest.find((s: any) => s.purpose === purpose);
// biome-ignore lint/suspicious/noExplicitAny: the API's JSON
type Json = any;
const openCharge = (fees: Json, purpose: string) =>
  fees.charges.find((c: Json) => c.purpose === purpose && !c.spent);

async function charge(recordId: string, purpose: string) {
  const res = await staff.front.post(`${R}/${recordId}/fees/charges`, { purpose });
  expect(res.status, show(res)).toBe(201);
  return openCharge(res.body, purpose);
}

describe('a repeat certificate', () => {
  let id: string;

  it('the first certificate is the registration’s; a repeat is refused until paid, and nothing is printed', async () => {
    id = (await registeredBirth(staff)).id;
    expect(asked(await feesOf(staff.front, id), 'certificate')).toBeUndefined();
    expect((await printed(id)).issue).toBe('first');

    const fees = await feesOf(staff.front, id);
    const due = asked(fees, 'certificate');
    expect(due).toMatchObject({ service: 'CERT_REPEAT', chargeId: null, settled: false });
    expect(due.outstandingMinor).toBeGreaterThan(0);
    const amount = due.calculation.total.text;

    const refused = await print(id, en);
    expect(refused.status, show(refused)).toBe(409);
    expect(refused.body.key).toBe('problem.fees.unsettled');
    expect(refused.body.title).toContain('Repeat certificate');
    expect(refused.body.title).toContain(amount);
    expect((await print(id, ru)).body.title).toContain('Повторное свидетельство');
    expect(await certificatesOf(id)).toHaveLength(1);
  });

  it('its charge stored and partly paid still refuses; paid in full, it prints once and is spent', async () => {
    const c = await charge(id, 'certificate');
    expect(c).toMatchObject({ service: 'CERT_REPEAT', spent: null });
    const part = await staff.front.post(`${R}/${id}/fees/entries`, {
      chargeId: c.id,
      kind: 'payment',
      amountMinor: 100,
      method: 'cash',
    });
    expect(part.status, show(part)).toBe(201);
    const stillDue = await print(id, en);
    expect(stillDue.status).toBe(409);
    expect(stillDue.body.title).toContain(formatMinor(c.totalMinor - 100));

    await payFee(staff.front, id, 'certificate');
    const repeat = await printed(id);
    expect(repeat.issue).toBe('repeat');

    const after = await feesOf(staff.front, id);
    // biome-ignore lint/suspicious/noExplicitAny: the API's JSON
    const spent = after.charges.find((x: any) => x.id === c.id);
    expect(spent.spent.certificateId).toBe(repeat.id);
    expect(spent.balance.settled).toBe(true);
    // the next repeat is charged again
    expect(asked(after, 'certificate')).toMatchObject({ chargeId: null, settled: false });
    expect((await print(id)).status).toBe(409);
    expect(await certificatesOf(id)).toHaveLength(2);
    expect(
      await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log
        WHERE event = 'fees.charge-spent' AND record_id = ${id}`),
    ).toBe(1);
    expect(
      await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM outbox
        WHERE type = 'payment.recorded' AND record_id = ${id}`),
    ).toBe(2);
  });

  it('waived with a reason by the head of office, it prints; a waiver without a reason or by the clerk is refused', async () => {
    const c = await charge(id, 'certificate');
    const amount = c.balance.somoni.outstanding;
    const byClerk = await staff.front.post(`${R}/${id}/fees/entries`, {
      chargeId: c.id,
      kind: 'waiver',
      amountMinor: amount,
      reason: 'Ятим',
    });
    expect(byClerk.status).toBe(403);
    const noReason = await head.post(`${R}/${id}/fees/entries`, {
      chargeId: c.id,
      kind: 'waiver',
      amountMinor: amount,
    });
    expect(noReason.status).toBe(422);
    expect((await print(id)).status).toBe(409);

    const waived = await head.post(`${R}/${id}/fees/entries`, {
      chargeId: c.id,
      kind: 'waiver',
      amountMinor: amount,
      reason: 'Дархости мақомоти васоят',
    });
    expect(waived.status, show(waived)).toBe(201);
    expect(openCharge(waived.body, 'certificate').balance.status).toBe('waived');
    expect((await printed(id)).issue).toBe('repeat');
    expect(await certificatesOf(id)).toHaveLength(3);
  });

  it('retried with the same Idempotency-Key, a payment is recorded once and a print made once', async () => {
    const c = await charge(id, 'certificate');
    const key = { 'idempotency-key': `repeat-pay-${id}` };
    const body = {
      chargeId: c.id,
      kind: 'payment',
      amountMinor: c.balance.somoni.outstanding,
      method: 'cash',
    };
    const [a, b] = await Promise.all([
      staff.front.post(`${R}/${id}/fees/entries`, body, key),
      staff.front.post(`${R}/${id}/fees/entries`, body, key),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 201]);
    const again = await staff.front.post(`${R}/${id}/fees/entries`, body, key);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(
      await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM fee_payments WHERE charge_id = ${c.id}`),
    ).toBe(1);

    const printKey = { 'idempotency-key': `repeat-print-${id}` };
    const first = await printed(id, printKey);
    const retry = await print(id, printKey);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.id);
    expect(await certificatesOf(id)).toHaveLength(4);
    expect(
      await count(
        sql<{ n: number }>`SELECT count(*)::int AS n FROM fee_charge_uses WHERE charge_id = ${c.id}`,
      ),
    ).toBe(1);
  });

  it('a repeat spoiled in the printer gives its charge back: the reprint is not paid twice', async () => {
    const rec = (await registeredBirth(staff)).id;
    await printed(rec);
    await payFee(staff.front, rec, 'certificate');
    const spoilt = await printed(rec);
    const c = openCharge(await feesOf(staff.front, rec), 'certificate');
    expect(c).toBeUndefined();
    const reported = await staff.front.post(`/api/v1/blanks/${spoilt.blankId}/spoil`, {
      reason: 'Коғаз дар чопгар дарида шуд',
    });
    expect(reported.status, show(reported)).toBe(200);
    expect((await head.post(`/api/v1/blanks/${spoilt.blankId}/spoil/confirm`)).status).toBe(200);

    const fees = await feesOf(staff.front, rec);
    const back = openCharge(fees, 'certificate');
    expect(back.balance.settled).toBe(true);
    expect(asked(fees, 'certificate')).toMatchObject({ chargeId: back.id, settled: true });
    const reprint = await printed(rec);
    expect(reprint.issue).toBe('repeat');
    expect(openCharge(await feesOf(staff.front, rec), 'certificate')).toBeUndefined();
    expect((await print(rec)).status).toBe(409);
  });

  it('the ledger of services on request only grows', async () => {
    await expect(sql`DELETE FROM fee_charge_uses`.execute(t.dbx.db)).rejects.toThrow();
  });
});

describe('an amendment', () => {
  let id: string;
  const basis = { type: 'APPLICATION', number: '7', date: '2026-01-05' };

  const request = (name: string) =>
    staff.front.post(`${R}/${id}/amendments`, { patch: { child: { name } }, reason: 'Хатои имлоӣ', basis });

  it('asked for, its fee is computed and charged; approval is refused until paid and the record stays', async () => {
    id = (await registeredBirth(staff)).id;
    const asking = await request('Фарангис');
    expect(asking.status, show(asking)).toBe(201);
    const fees = await feesOf(staff.front, id);
    const c = openCharge(fees, 'amendment');
    expect(c).toMatchObject({ service: 'RECORD_AMEND', spent: null, recordedBy: 'front' });
    expect(c.totalMinor).toBeGreaterThan(0);
    expect(asked(fees, 'amendment')).toMatchObject({ chargeId: c.id, settled: false });
    expect(
      await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log
        WHERE event = 'fees.charge-recorded' AND record_id = ${id}`),
    ).toBe(1);

    const refused = await staff.registrar.post(`${R}/${id}/amendments/approve`, undefined, en);
    expect(refused.status, show(refused)).toBe(409);
    expect(refused.body.key).toBe('problem.fees.unsettled');
    expect(refused.body.title).toContain('Correction, change or addition');
    expect(refused.body.title).toContain(c.reference.total.text);
    const rec = (await staff.registrar.get(`${R}/${id}`)).body;
    expect(rec.version).toBe(1);
    expect(rec.flags).toContain('amendment-requested');
  });

  it('paid, it is approved and the charge is spent; the next request is charged again', async () => {
    await payFee(staff.front, id, 'amendment');
    const approved = await staff.registrar.post(`${R}/${id}/amendments/approve`);
    expect(approved.status, show(approved)).toBe(200);
    expect(approved.body.version).toBe(2);
    const fees = await feesOf(staff.front, id);
    // biome-ignore lint/suspicious/noExplicitAny: the API's JSON
    const spent = fees.charges.find((c: any) => c.purpose === 'amendment');
    expect(spent.spent.amendmentRequestId).toEqual(expect.any(String));
    expect(openCharge(fees, 'amendment')).toBeUndefined();

    expect((await request('Фарангиз')).status).toBe(201);
    const next = openCharge(await feesOf(staff.front, id), 'amendment');
    expect(next.id).not.toBe(spent.id);
    expect((await staff.registrar.post(`${R}/${id}/amendments/approve`)).status).toBe(409);
  });

  it('waived with a reason, it is approved; a retried approval makes one version', async () => {
    const c = openCharge(await feesOf(staff.front, id), 'amendment');
    const waived = await head.post(`${R}/${id}/fees/entries`, {
      chargeId: c.id,
      kind: 'waiver',
      amountMinor: c.balance.somoni.outstanding,
      reason: 'Хатои идора',
    });
    expect(waived.status, show(waived)).toBe(201);
    const key = { 'idempotency-key': `approve-${id}` };
    const first = await staff.registrar.post(`${R}/${id}/amendments/approve`, undefined, key);
    const retry = await staff.registrar.post(`${R}/${id}/amendments/approve`, undefined, key);
    expect(first.status, show(first)).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body.version).toBe(3);
    expect((await staff.registrar.get(`${R}/${id}`)).body.version).toBe(3);
  });

  it('a new certificate after it is charged as one after an amendment', async () => {
    expect((await printed(id)).issue).toBe('first');
    const fees = await feesOf(staff.front, id);
    // the first print came after the amendments: a second one is a repeat of it
    expect(asked(fees, 'certificate').service).toBe('CERT_REPEAT');
    expect(
      (
        await staff.front.post(`${R}/${id}/amendments`, {
          patch: { child: { name: 'Фарзона' } },
          reason: 'Хато',
          basis,
        })
      ).status,
    ).toBe(201);
    await payFee(staff.front, id, 'amendment');
    expect((await staff.registrar.post(`${R}/${id}/amendments/approve`)).status).toBe(200);
    const due = asked(await feesOf(staff.front, id), 'certificate');
    expect(due.service).toBe('CERT_REISSUE_AMEND');
    expect((await print(id)).status).toBe(409);
    await payFee(staff.front, id, 'certificate');
    expect((await printed(id)).issue).toBe('reissue');
  });
});
