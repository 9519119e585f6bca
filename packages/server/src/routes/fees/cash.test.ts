import { addDays, todayIn } from '@sabt/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OFFICE_ID } from '../../demo/demo-data.ts';
import { insertCharge, insertEntry, userIdOf } from '../../fees/testing/ledger.ts';
import { birthData } from '../../test/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, show } from '../../test/workflow.ts';

let t: TestApp;
let front: Client;
let head: Client;
let admin: Client;
let rudaki: Client;
let statistician: Client;
let ids: Record<string, string>;
const today = todayIn('Asia/Dushanbe');
const day1 = addDays(today, -3);
const day2 = addDays(today, -2);

const count = async (table: string) =>
  Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.dbx.db)).rows[0]!.n,
  );

/** A real record of the demo office and a charge for its registration. */
async function charge(by = 'front', service: 'BIRTH_REG_LATE_1_16' | 'NAME_CHANGE_REG' = 'NAME_CHANGE_REG') {
  const recordId = await createRecord(front, 'BIRTH', birthData());
  return insertCharge(t.dbx.db, {
    officeId: DEMO_OFFICE_ID,
    recordId,
    query: { service, applicationDate: day1 },
    recordedBy: ids[by]!,
  });
}

beforeAll(async () => {
  t = await startTestApp();
  [front, head, admin, rudaki, statistician] = (await Promise.all(
    ['front', 'head', 'admin', 'rudaki', 'statistician'].map((l) => t.as(l)),
  )) as [Client, Client, Client, Client, Client];
  ids = {};
  for (const l of ['front', 'back', 'head']) ids[l] = await userIdOf(t.dbx.db, l);
});
afterAll(async () => {
  await t?.close();
});

const entry = (
  c: { id: string },
  over: Partial<Parameters<typeof insertEntry>[2]> & { amountMinor: number },
) =>
  insertEntry(t.dbx.db, c.id, {
    officeId: DEMO_OFFICE_ID,
    recordedBy: ids.front!,
    businessDate: day1,
    ...over,
  }).then((e) => e.id);

describe("the day's cash report", () => {
  let firstCashPayment: string;

  it("sums a clerk's day from the ledger: cash in the drawer, terminal and transfers apart, corrections undone", async () => {
    const a = await charge();
    const b = await charge();
    firstCashPayment = await entry(a, { amountMinor: 48_750 });
    await entry(b, { amountMinor: 30_000, method: 'terminal', reference: 'POS-77' });
    const wrong = await entry(b, { amountMinor: 10_000 });
    await entry(b, { kind: 'correction', amountMinor: 10_000, method: null, corrects: wrong });
    await entry(a, { kind: 'refund', amountMinor: 1_250 });
    // another clerk's entry is not in this drawer
    await entry(a, { amountMinor: 5_000, recordedBy: ids.back! });

    const res = await front.post('/api/v1/fees/cash/reports', { date: day1, scope: 'clerk' });
    expect(res.status, show(res)).toBe(201);
    expect(res.body.figures).toEqual({
      openingMinor: 0,
      receivedMinor: 58_750,
      refundedMinor: 1_250,
      correctionsMinor: -10_000,
      handedInMinor: 0,
      closingMinor: 47_500,
      terminalMinor: 30_000,
      transferMinor: 0,
      waivedMinor: 0,
      entryCount: 5,
      handoverCount: 0,
    });
    expect(res.body).toMatchObject({ clerk: { login: 'front' }, signedBy: null, stale: false });
    const again = await front.post('/api/v1/fees/cash/reports', { date: day1, scope: 'clerk' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(res.body.id);

    const office = await head.get(`/api/v1/fees/cash/day?date=${day1}`);
    expect(office.status, show(office)).toBe(200);
    expect(office.body.office.live.receivedMinor).toBe(63_750);
    expect(office.body.clerks.map((c: { clerk: { login: string } }) => c.clerk.login).sort()).toEqual([
      'back',
      'front',
      'head',
    ]);
  });

  it('hands in no more than the drawer holds; a report prepared before is stale and cannot be signed', async () => {
    const tooMuch = await front.post(
      '/api/v1/fees/cash/handovers',
      { date: day1, amountMinor: 47_501 },
      { 'accept-language': 'ru' },
    );
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.errors[0]).toMatchObject({ key: 'error.cash.handInTooMuch', path: 'amountMinor' });
    expect(tooMuch.body.errors[0].message).toContain('475.00');
    const handed = await front.post(
      '/api/v1/fees/cash/handovers',
      { date: day1, amountMinor: 45_000 },
      { 'idempotency-key': 'hand-in-1' },
    );
    expect(handed.status, show(handed)).toBe(201);
    expect(handed.body.live.closingMinor).toBe(2_500);
    const retried = await front.post(
      '/api/v1/fees/cash/handovers',
      { date: day1, amountMinor: 45_000 },
      { 'idempotency-key': 'hand-in-1' },
    );
    expect(retried.body.handover.id).toBe(handed.body.handover.id);
    expect(await count('cash_handovers')).toBe(1);

    const day = await head.get(`/api/v1/fees/cash/day?date=${day1}`);
    const mine = day.body.clerks.find((c: { clerk: { login: string } }) => c.clerk.login === 'front');
    expect(mine.report.stale).toBe(true);
    const stale = await head.post(`/api/v1/fees/cash/reports/${mine.report.id}/sign`);
    expect(stale.status, show(stale)).toBe(409);
    expect(stale.body.key).toBe('problem.cash.stale');
  });

  it('is signed by the head of that office only, never by whom it is of or who prepared it', async () => {
    const prepared = await front.post('/api/v1/fees/cash/reports', { date: day1, scope: 'clerk' });
    expect(prepared.status).toBe(201);
    expect(prepared.body.figures).toMatchObject({ handedInMinor: 45_000, closingMinor: 2_500 });
    const id = prepared.body.id;
    const sign = (c: Client) => c.post(`/api/v1/fees/cash/reports/${id}/sign`);
    expect((await sign(front)).status).toBe(403);
    expect((await sign(admin)).status).toBe(403);
    expect((await sign(rudaki)).status).toBe(404);

    const headsOwn = await head.post('/api/v1/fees/cash/reports', { date: day1, scope: 'office' });
    expect(headsOwn.status).toBe(201);
    const own = await head.post(`/api/v1/fees/cash/reports/${headsOwn.body.id}/sign`, undefined, {
      'accept-language': 'en',
    });
    expect(own.status).toBe(409);
    expect(own.body.title).toContain('You cannot sign your own report');

    const signed = await sign(head);
    expect(signed.status, show(signed)).toBe(200);
    expect(signed.body).toMatchObject({ signedBy: { login: 'head' }, stale: false });
    expect((await sign(head)).status).toBe(200);
    const audit = await t.dbx.db
      .selectFrom('audit_log')
      .select(['event', 'actor_login'])
      .where('event', 'like', 'fees.cash-%')
      .execute();
    expect(audit.map((a) => a.event)).toEqual(
      expect.arrayContaining(['fees.cash-report-prepared', 'fees.cash-handed-in', 'fees.cash-report-signed']),
    );
  });

  it('never changes once signed: no cash handed in that day, a correction only with a reason, as a new report', async () => {
    const late = await front.post('/api/v1/fees/cash/handovers', { date: day1, amountMinor: 100 });
    expect(late.status).toBe(409);
    expect(late.body.key).toBe('problem.cash.daySigned');
    const noReason = await front.post('/api/v1/fees/cash/reports', { date: day1, scope: 'clerk' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors[0].key).toBe('error.cash.reasonRequired');
    const corrected = await front.post('/api/v1/fees/cash/reports', {
      date: day1,
      scope: 'clerk',
      reason: 'Пересчёт кассы',
    });
    expect(corrected.status).toBe(201);
    expect(corrected.body.replaces).not.toBeNull();
    expect(corrected.body.signedBy).toBeNull();
    expect(await count('cash_report_signoffs')).toBe(1);
    const recounted = await front.post('/api/v1/fees/cash/reports', {
      date: day1,
      scope: 'clerk',
      reason: 'Пересчёт кассы ещё раз',
    });
    expect(recounted.body.replaces).toBe(corrected.body.id);
    const replaced = await head.post(`/api/v1/fees/cash/reports/${corrected.body.id}/sign`);
    expect(replaced.status).toBe(409);
    expect(replaced.body.key).toBe('problem.cash.replaced');
    const signed = await head.post(`/api/v1/fees/cash/reports/${recounted.body.id}/sign`);
    expect(signed.status).toBe(200);
  });

  it("opens the next day with the signed closing; a correction of yesterday's payment comes out of today's drawer", async () => {
    await insertEntry(t.dbx.db, (await charge()).id, {
      officeId: DEMO_OFFICE_ID,
      recordedBy: ids.front!,
      businessDate: day2,
      amountMinor: 20_000,
    });
    const charged = await t.dbx.db
      .selectFrom('fee_payments' as never)
      .select(['charge_id' as never])
      .where('id' as never, '=', firstCashPayment as never)
      .executeTakeFirstOrThrow();
    await insertEntry(t.dbx.db, (charged as { charge_id: string }).charge_id, {
      officeId: DEMO_OFFICE_ID,
      recordedBy: ids.front!,
      businessDate: day2,
      kind: 'correction',
      method: null,
      amountMinor: 48_750,
      corrects: firstCashPayment,
    });
    const res = await front.post('/api/v1/fees/cash/reports', { date: day2, scope: 'clerk' });
    expect(res.status, show(res)).toBe(201);
    expect(res.body.figures).toMatchObject({
      openingMinor: 2_500,
      receivedMinor: 20_000,
      correctionsMinor: -48_750,
      closingMinor: 2_500 + 20_000 - 48_750,
    });
    const future = await front.post('/api/v1/fees/cash/reports', { date: addDays(today, 1), scope: 'clerk' });
    expect(future.status).toBe(422);
    expect(future.body.errors[0].key).toBe('error.cash.futureDay');
  });
});

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('bank statements', () => {
  const transfers: Record<string, string> = {};
  const statement = [
    'Дата;Номер платежа;Сумма;Плательщик;Назначение платежа',
    `${day1.split('-').reverse().join('.')};TR-1;487,50;Раҳимов;Пошлина`,
    `${day1.split('-').reverse().join('.')};TR-2;400,00;Каримов;Пошлина`,
    `${day1.split('-').reverse().join('.')};TR-X;100,00;;`,
    `${day2.split('-').reverse().join('.')};tr 1;487,50;Раҳимов;Пошлина`,
  ].join('\r\n');

  beforeAll(async () => {
    for (const [ref, amount, date] of [
      ['TR-1', 48_750, day1],
      ['TR-2', 48_750, day1],
      ['TR-3', 22_500, day1],
      ['TR-4', 7_500, day2],
    ] as const) {
      transfers[ref] = await entry(await charge(), {
        amountMinor: amount,
        method: 'bank-transfer',
        reference: ref,
        businessDate: date,
      });
    }
  });

  it('are imported by the head and matched: a wrong amount, an unknown and a duplicate reference, and the transfers missing', async () => {
    const res = await head.post('/api/v1/fees/statements', {
      fileName: 'vypiska.csv',
      content: b64(statement),
    });
    expect(res.status, show(res)).toBe(201);
    expect(res.body.lines.map((l: { line: number; result: string }) => [l.line, l.result])).toEqual([
      [2, 'matched'],
      [3, 'amount-differs'],
      [4, 'unknown-reference'],
      [5, 'duplicate'],
    ]);
    expect(res.body.lines[0].paymentId).toBe(transfers['TR-1']);
    expect(res.body.lines[1]).toMatchObject({ paymentId: transfers['TR-2'], expectedMinor: 48_750 });
    expect(res.body.counts).toEqual({
      matched: 1,
      'amount-differs': 1,
      'unknown-reference': 1,
      duplicate: 1,
      'already-matched': 0,
    });
    expect(res.body.missing.map((m: { reference: string }) => m.reference)).toEqual(['TR-2', 'TR-3', 'TR-4']);
    expect(await t.files.has(res.body.fileSha256)).toBe(true);

    const again = await head.post('/api/v1/fees/statements', {
      fileName: 'копия.csv',
      content: b64(statement),
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(res.body.id);
    expect(await count('bank_statements')).toBe(1);
  });

  it('tells a payment matched by an earlier import; the missing list shrinks with each import', async () => {
    const next = [
      'Date,Reference,Amount',
      `${day2.split('-').reverse().join('.')},TR-1,"487,50"`,
      `${day2.split('-').reverse().join('.')},TR-4,75.00`,
    ].join('\n');
    const res = await admin.post('/api/v1/fees/statements', { content: b64(next), office: DEMO_OFFICE_ID });
    expect(res.status, show(res)).toBe(201);
    expect(res.body.lines.map((l: { result: string }) => l.result)).toEqual(['already-matched', 'matched']);
    expect(res.body.missing).toEqual([]);
    const first = (await head.get('/api/v1/fees/statements')).body.items.at(-1);
    const view = await head.get(`/api/v1/fees/statements/${first.id}`);
    expect(view.body.missing.map((m: { reference: string }) => m.reference)).toEqual(['TR-2', 'TR-3']);
  });

  it('refuses a bad file whole, each bad line by its number in the reader’s language, and lets only heads and the centre import', async () => {
    const bad = ['Дата;Сумма;Номер платежа', '32.01.2026;10,00;A', '01.12.2026;abc;B'].join('\n');
    const before = await count('bank_statements');
    const res = await head.post(
      '/api/v1/fees/statements',
      { content: b64(bad) },
      { 'accept-language': 'ru' },
    );
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { message: string }) => e.message)).toEqual([
      'Строка 2: дата «32.01.2026» неверна; нужен формат дд.мм.гггг.',
      'Строка 3: сумма «abc» неверна; нужна положительная сумма с запятой, например 450,00.',
    ]);
    expect(await count('bank_statements')).toBe(before);
    expect((await front.post('/api/v1/fees/statements', { content: b64(statement) })).status).toBe(403);
    expect((await front.get('/api/v1/fees/statements')).status).toBe(403);
    expect(
      (await rudaki.post('/api/v1/fees/statements', { content: b64(statement), office: DEMO_OFFICE_ID }))
        .status,
    ).toBe(404);
  });
});

describe('fee reports', () => {
  it('sum charges, paid, refunded, waived and outstanding per office and service, for the office and those under it', async () => {
    const res = await head.get(`/api/v1/fees/reports?from=${day1}&to=${day1}`);
    expect(res.status, show(res)).toBe(200);
    const row = res.body.rows.find((r: { service: string }) => r.service === 'NAME_CHANGE_REG');
    expect(row).toMatchObject({ officeId: DEMO_OFFICE_ID, currency: 'TJS' });
    expect(row.charges).toBeGreaterThanOrEqual(7);
    expect(row.outstandingMinor).toBe(
      row.chargedMinor - (row.paidMinor - row.refundedMinor) - row.waivedMinor,
    );
    const central = await admin.get(
      `/api/v1/fees/reports?office=${DEMO_OFFICE_ID}&from=${day1}&to=${day2}&service=NAME_CHANGE_REG`,
    );
    expect(central.status, show(central)).toBe(200);
    expect(central.body.totals[0].charges).toBe(row.charges + 0);
    expect((await statistician.get(`/api/v1/fees/reports?from=${day1}&to=${day1}`)).status).toBe(200);
    expect((await front.get(`/api/v1/fees/reports?from=${day1}&to=${day1}`)).status).toBe(403);
    const backwards = await head.get(`/api/v1/fees/reports?from=${day2}&to=${day1}`);
    expect(backwards.status).toBe(422);
    const read = await t.dbx.db
      .selectFrom('audit_log')
      .select('event')
      .where('event', '=', 'fees.report-read')
      .execute();
    expect(read.length).toBeGreaterThanOrEqual(3);
  });
});
