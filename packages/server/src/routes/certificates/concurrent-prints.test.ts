import { todayIn } from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certDb } from '../../certificates/tables.ts';
import { receiveBlanks, registeredBirth, type Staff } from '../../certificates/testing/fixtures.ts';
import { freeFromToday } from '../../test/fees.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';

/**
 * Fifty clerks print at once (on PostgreSQL truly in parallel: SELECT … FOR UPDATE SKIP LOCKED;
 * on PGlite one after another): no blank is ever used twice, none is lost.
 */

let t: TestApp;
let staff: Staff;
let head: Client;
let records: string[];

const PRINTS = 50;
// rendering and signing fifty PDFs takes a while on a busy two-core machine

beforeAll(async () => {
  t = await startTestApp();
  const [front, back, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
  staff = { front, back, registrar };
  head = await t.as('head');
  // the rush is about blanks, not fees: repeat certificates made free from today by the central department
  await freeFromToday(await t.as('admin'), 'CERT_REPEAT', todayIn(t.config.timeZone));
  records = [];
  for (let i = 0; i < 10; i++) records.push((await registeredBirth(staff)).id);
  // the office's keys exist before the rush (they are made once, lazily, at the first print)
  await receiveBlanks(head, { series: 'V-ДУ', from: '900000', to: '900000' });
  expect(
    (await staff.front.post(`/api/v1/records/${records[0]}/certificates`, { mode: 'overlay' })).status,
  ).toBe(201);
});
afterAll(() => t?.close());

const clerks = () => [staff.front, staff.back, staff.registrar];

async function rush(count: number) {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      clerks()[i % 3]!.post(`/api/v1/records/${records[i % records.length]}/certificates`, {
        mode: 'overlay',
      }),
    ),
  );
}

describe(`${PRINTS} prints at the same moment`, () => {
  it('each take a different blank, the lowest free numbers, all accounted for', async () => {
    await receiveBlanks(head, { series: 'I-ДУ', from: '000001', to: '000060' });
    const results = await rush(PRINTS);
    expect(results.map((r) => r.status)).toEqual(Array(PRINTS).fill(201));
    const numbers = results.map((r) => `${r.body.series} ${r.body.number}`);
    expect(new Set(numbers).size).toBe(PRINTS);
    expect(new Set(results.map((r) => r.body.blankId)).size).toBe(PRINTS);
    // the lowest 50 numbers of the batch, nothing skipped
    expect(numbers.sort()).toEqual(
      Array.from({ length: PRINTS }, (_, i) => `I-ДУ ${String(i + 1).padStart(6, '0')}`).sort(),
    );
    const stock = (await head.get('/api/v1/blanks/stock')).body.documents[0];
    expect(stock.counts).toMatchObject({ ISSUED: PRINTS + 1, IN_STOCK: 10 });
    const certs = await certDb(t.dbx.db)
      .selectFrom('certificates')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.count<number>('blank_id').distinct().as('blanks'),
      ])
      .executeTakeFirstOrThrow();
    expect(Number(certs.n)).toBe(PRINTS + 1);
    expect(Number(certs.blanks)).toBe(PRINTS + 1);
  }, 300_000);

  it('when the stock runs out, the prints that find no blank are refused and nothing is shared', async () => {
    await receiveBlanks(head, { series: 'II-ДУ', from: '000001', to: '000020' });
    // 10 left of the first batch + 20 new ones = 30 blanks for 40 prints
    const results = await rush(40);
    const ok = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(ok).toHaveLength(30);
    expect(refused).toHaveLength(10);
    expect(refused.every((r) => r.status === 409 && r.body.key === 'problem.blank.noneInStock')).toBe(true);
    expect(new Set(ok.map((r) => r.body.blankId)).size).toBe(30);
    const dup = await certDb(t.dbx.db)
      .selectFrom('certificates')
      .select('blank_id')
      .where('blank_id', 'is not', null)
      .groupBy('blank_id')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(dup).toEqual([]);
  }, 300_000);

  it('the database itself refuses a second certificate on a used blank', async () => {
    const db = certDb(t.dbx.db);
    const used = await db
      .selectFrom('certificates')
      .selectAll()
      .where('blank_id', 'is not', null)
      .limit(1)
      .executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto('certificates')
        .values({
          ...used,
          id: crypto.randomUUID(),
          number: `${used.number}x`,
          qr_payload: `${used.qr_payload}x`,
          verify_code: `${used.verify_code.slice(1)}X`,
          calibration: JSON.stringify(used.calibration),
          received_id_document: null,
        })
        .execute(),
    ).rejects.toThrow(/duplicate key/);
  });
});
