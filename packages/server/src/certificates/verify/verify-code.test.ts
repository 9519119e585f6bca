import { readVerifyCode } from '@sabt/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { certDb } from '../tables.ts';
import { checkedEveryWay, receiveBlanks, registeredBirth, type Staff } from '../testing/fixtures.ts';

/** Certificates issued before migration 016 get a verification code too, valid and unique. */

let t: TestApp;
let staff: Staff;

beforeAll(async () => {
  t = await startTestApp();
  const [front, back, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
  staff = { front, back, registrar };
  await receiveBlanks(await t.as('head'), { from: '000001', to: '000010' });
  for (let i = 0; i < 3; i++) {
    const rec = await registeredBirth(staff);
    const res = await front.post(`/api/v1/records/${rec.id}/certificates`, { mode: 'overlay' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
});
afterAll(() => t?.close());

describe('migration 016', () => {
  it('gives every certificate issued before it a code that checks, each its own', async () => {
    const db = t.dbx.db;
    // the database as it was before 016
    await sql`DROP INDEX certificates_issued_number`.execute(db);
    await sql`ALTER TABLE certificates DROP COLUMN verify_code`.execute(db);
    await sql`DELETE FROM schema_migrations WHERE name = '016-certificate-verify-codes.sql'`.execute(db);

    expect(await migrate(db)).toEqual(['016-certificate-verify-codes.sql']);
    const rows = await certDb(db).selectFrom('certificates').selectAll().execute();
    expect(rows).toHaveLength(3);
    for (const row of rows)
      expect(readVerifyCode(row.verify_code)).toEqual({ ok: true, code: row.verify_code });
    expect(new Set(rows.map((r) => r.verify_code)).size).toBe(3);

    // and the public check finds each by it, with the answer its QR code gives
    for (const row of rows) {
      const ways = await checkedEveryWay(t.anonymous(), {
        qr: row.qr_payload,
        verifyCode: row.verify_code,
        series: row.series,
        number: row.number,
        issuedOn: row.issued_on,
      });
      expect(ways.qr).toMatchObject({ genuine: true, status: 'valid' });
      expect(ways.code).toEqual(ways.qr);
      expect(ways.number).toEqual(ways.qr);
    }
  });
});
