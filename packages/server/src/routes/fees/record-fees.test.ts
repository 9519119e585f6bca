import { nameChangeKind } from '@sabt/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feesOf } from '../../test/fees.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, R, show } from '../../test/workflow.ts';

/**
 * Fees at the front office: a payable registration is refused until its charge is settled; the
 * ledger only grows (refunds and corrections are new entries); a payment retried with the same
 * Idempotency-Key, one after the other or at once, is recorded once.
 */

let t: TestApp;
let front: Client;
let back: Client;
let registrar: Client;
let head: Client;

beforeAll(async () => {
  t = await startTestApp();
  [front, back, registrar, head] = await Promise.all([
    t.as('front'),
    t.as('back'),
    t.as('registrar'),
    t.as('head'),
  ]);
});
afterAll(() => t.close());

const en = { 'accept-language': 'en' };
const ru = { 'accept-language': 'ru' };

async function validatedNameChange() {
  const id = await createRecord(front, 'NAME_CHANGE', structuredClone(nameChangeKind.example));
  expect((await front.post(`${R}/${id}/submit`)).status).toBe(200);
  expect((await back.post(`${R}/${id}/validate`)).status).toBe(200);
  return id;
}

const entriesOf = async (recordId: string) =>
  (
    await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM fee_payments p JOIN fee_charges c ON c.id = p.charge_id
      WHERE c.record_id = ${recordId}`.execute(t.dbx.db)
  ).rows[0]!.n;

const eventsOf = async (recordId: string) =>
  (
    await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM outbox WHERE type = 'payment.recorded' AND record_id = ${recordId}`.execute(
      t.dbx.db,
    )
  ).rows[0]!.n;

describe('registration of a payable act', () => {
  let id: string;
  let chargeId: string;

  it('is refused until its fee is paid, saying what is outstanding, and nothing changes', async () => {
    id = await validatedNameChange();
    const fees = await feesOf(front, id);
    expect(fees.charges).toEqual([]);
    expect(fees.proposed.service).toBe('NAME_CHANGE_REG');
    expect(fees.proposed.calculation.total.minor).toBeGreaterThan(0);
    expect(fees.registrationSettled).toBe(false);
    const due = fees.proposed.calculation.total.text;

    const refused = await registrar.post(`${R}/${id}/register`, undefined, en);
    expect(refused.status, show(refused)).toBe(409);
    expect(refused.body.key).toBe('problem.fees.unsettled');
    expect(refused.body.title).toContain(due);
    expect(refused.body.title).toContain('Change of surname');
    const inRussian = await registrar.post(`${R}/${id}/register`, undefined, ru);
    expect(inRussian.body.title).toContain('Перемена фамилии');
    expect((await registrar.get(`${R}/${id}`)).body.status).toBe('validated');
  });

  it('a charge is computed from the record and stored; a part paid still blocks', async () => {
    const made = await front.post(`${R}/${id}/fees/charges`, { purpose: 'registration' });
    expect(made.status, show(made)).toBe(201);
    const [charge] = made.body.charges;
    chargeId = charge.id;
    expect(charge).toMatchObject({ purpose: 'registration', service: 'NAME_CHANGE_REG', replaces: null });
    expect(charge.reference.query.applicationDate).toBe(made.body.applicationDate);
    expect(charge.calculation.lines.length).toBeGreaterThan(0);
    expect(charge.balance).toMatchObject({ status: 'due', settled: false });

    const noReference = await front.post(
      `${R}/${id}/fees/entries`,
      { chargeId, kind: 'payment', amountMinor: 100, method: 'terminal' },
      en,
    );
    expect(noReference.status, show(noReference)).toBe(422);
    expect(noReference.body.errors).toEqual([
      expect.objectContaining({ path: 'externalReference', key: 'error.fees.entry.reference' }),
    ]);
    const tooMuch = await front.post(`${R}/${id}/fees/entries`, {
      chargeId,
      kind: 'payment',
      amountMinor: charge.totalMinor + 1,
      method: 'cash',
    });
    expect(tooMuch.status).toBe(422);
    expect(await entriesOf(id)).toBe(0);

    const part = await front.post(`${R}/${id}/fees/entries`, {
      chargeId,
      kind: 'payment',
      amountMinor: 10000,
      method: 'terminal',
      externalReference: 'TRM-778812',
      payerName: 'Алиева Мавлуда',
    });
    expect(part.status, show(part)).toBe(201);
    const entry = part.body.charges[0].entries[0];
    expect(entry).toMatchObject({
      kind: 'payment',
      amountMinor: 10000,
      method: 'terminal',
      recordedBy: 'front',
    });
    expect(entry.receiptNumber).toMatch(/^\d+-\d{4}-\d+$/);
    expect(entry.verifyCode).toMatch(/^[0-9A-Z]{10}$/);
    expect(part.body.charges[0].balance).toMatchObject({
      status: 'partly-paid',
      somoni: { outstanding: charge.totalMinor - 10000 },
    });
    const refused = await registrar.post(`${R}/${id}/register`, undefined, en);
    expect(refused.status).toBe(409);
    expect(refused.body.title).toContain(((charge.totalMinor - 10000) / 100).toFixed(2));
  });

  it('the rest paid, retried with one key one after the other and at once, is recorded once; then it registers', async () => {
    const fees = await feesOf(front, id);
    const rest = fees.charges[0].balance.somoni.outstanding;
    const body = { chargeId, kind: 'payment', amountMinor: rest, method: 'cash' };
    const key = { 'idempotency-key': `pay-${id}` };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => front.post(`${R}/${id}/fees/entries`, body, key)),
    );
    for (const a of answers) expect(a.status, show(a)).toBe(201);
    const again = await front.post(`${R}/${id}/fees/entries`, body, key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(answers[0]!.body);
    expect(await entriesOf(id)).toBe(2);
    expect(await eventsOf(id)).toBe(2);
    const receipts = again.body.charges[0].entries.map((e: { receiptNumber: string }) => e.receiptNumber);
    const [office, year, n] = receipts[0].split('-');
    expect(receipts[1]).toBe(`${office}-${year}-${Number(n) + 1}`);
    expect(again.body.charges[0].balance).toMatchObject({ status: 'paid', settled: true });
    expect(again.body.registrationSettled).toBe(true);

    const registered = await registrar.post(`${R}/${id}/register`);
    expect(registered.status, show(registered)).toBe(200);
    expect(registered.body.status).toBe('registered');
  });

  it('refunds, waivers and corrections are the head of office’s, with a reason, as new entries', async () => {
    const fees = await feesOf(front, id);
    const [part] = fees.charges[0].entries;
    const refund = { chargeId, kind: 'refund', amountMinor: 5000, method: 'cash' };
    expect((await front.post(`${R}/${id}/fees/entries`, { ...refund, reason: 'x' })).status).toBe(403);
    const noReason = await head.post(`${R}/${id}/fees/entries`, refund, en);
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors).toEqual([
      expect.objectContaining({ path: 'reason', key: 'error.fees.entry.reason' }),
    ]);

    const refunded = await head.post(`${R}/${id}/fees/entries`, {
      ...refund,
      reason: 'Paid twice by the applicant',
    });
    expect(refunded.status, show(refunded)).toBe(201);
    const after = refunded.body.charges[0];
    expect(after.entries).toHaveLength(3);
    expect(after.entries.slice(0, 2)).toEqual(fees.charges[0].entries);
    expect(after.entries[2]).toMatchObject({
      kind: 'refund',
      amountMinor: 5000,
      reason: 'Paid twice by the applicant',
    });
    expect(after.entries[2].receiptNumber).toBeTruthy();
    expect(after.balance).toMatchObject({
      status: 'partly-paid',
      somoni: { refunded: 5000, outstanding: 5000 },
    });

    const corrected = await head.post(`${R}/${id}/fees/entries`, {
      chargeId,
      kind: 'correction',
      corrects: part.id,
      reason: 'Entered on the wrong record',
    });
    expect(corrected.status, show(corrected)).toBe(201);
    const c = corrected.body.charges[0];
    expect(c.entries).toHaveLength(4);
    expect(c.entries[3]).toMatchObject({
      kind: 'correction',
      corrects: part.id,
      amountMinor: part.amountMinor,
      receiptNumber: null,
    });
    expect(c.entries[0].correctedBy).toBe(c.entries[3].id);
    expect(c.balance.somoni).toMatchObject({
      corrected: part.amountMinor,
      outstanding: 5000 + part.amountMinor,
    });

    const twice = await head.post(
      `${R}/${id}/fees/entries`,
      { chargeId, kind: 'correction', corrects: part.id, reason: 'again' },
      en,
    );
    expect(twice.status).toBe(422);
    expect(twice.body.errors).toEqual([
      expect.objectContaining({ key: 'error.fees.entry.alreadyCorrected' }),
    ]);

    const waived = await head.post(`${R}/${id}/fees/entries`, {
      chargeId,
      kind: 'waiver',
      amountMinor: 5000 + part.amountMinor,
      reason: 'Veteran: certificate shown',
    });
    expect(waived.status, show(waived)).toBe(201);
    expect(waived.body.charges[0].balance).toMatchObject({ settled: true, somoni: { outstanding: 0 } });
    expect(await entriesOf(id)).toBe(5);
    expect(await eventsOf(id)).toBe(5);
    const audited = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE event = 'fees.entry-recorded' AND record_id = ${id}`.execute(
      t.dbx.db,
    );
    expect(audited.rows[0]!.n).toBe(5);
  });

  it('a record of another office, or a reader without the right, records nothing', async () => {
    const jamoat = await t.as('jamoat');
    const res = await jamoat.post(`${R}/${id}/fees/entries`, {
      chargeId,
      kind: 'payment',
      amountMinor: 1,
      method: 'cash',
    });
    expect(res.status).toBe(404);
    const statistician = await t.as('statistician');
    expect((await statistician.get(`${R}/${id}/fees`)).status).toBe(403);
  });
});

describe('what is free', () => {
  it('a birth registered in time costs nothing and is not blocked', async () => {
    const { birthData } = await import('../../test/fixtures.ts');
    const id = await createRecord(front, 'BIRTH', birthData());
    const fees = await feesOf(front, id);
    expect(fees.proposed.calculation.total.minor).toBe(0);
    expect(fees.registrationSettled).toBe(true);
  });
});
