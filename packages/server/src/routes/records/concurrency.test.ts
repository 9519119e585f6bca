import { isValidNationalRecordId, nationalRecordId } from '@sabt/core';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../audit/audit-log.ts';
import { createUser } from '../../auth/users.ts';
import { DEMO_PASSWORD } from '../../demo/demo-data.ts';
import { birthData } from '../../test/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';

const OFFICE = 'DU-03-00';
const MANY = 200;

let t: TestApp;
let front: Client;
let front2: Client;
let back: Client;
let registrar: Client;
let officeNumeric: string;

beforeAll(async () => {
  t = await startTestApp();
  // a second front-office clerk in the same office
  await createUser(
    t.dbx.db,
    {
      login: 'front2',
      password: DEMO_PASSWORD,
      fullName: 'Дилором Каримова',
      role: 'front_office',
      officeId: OFFICE,
    },
    { demoPassword: true },
  );
  [front, front2, back, registrar] = await Promise.all([
    t.as('front'),
    t.as('front2'),
    t.as('back'),
    t.as('registrar'),
  ]);
  const office = await t.dbx.db
    .selectFrom('offices')
    .select('numeric_code')
    .where('id', '=', OFFICE)
    .executeTakeFirstOrThrow();
  officeNumeric = office.numeric_code;
});
afterAll(() => closeApp(t));

/**
 * Closes the app and drops its database. On PostgreSQL this first waits until the pool's
 * connections are really gone: the harness drops the database WITH (FORCE) right after
 * pg's Pool.end() resolves, which is before its sockets close, so a busy pool's connections get
 * killed (57P01) and vitest reports them as unhandled errors.
 */
async function closeApp(app: TestApp) {
  const server = process.env.SABT_TEST_DATABASE_URL;
  if (server && app.dbx.engine === 'postgres') {
    const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(app.dbx.db);
    await app.dbx.close();
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    try {
      for (let i = 0; i < 200; i++) {
        const res = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [
          rows[0]!.name,
        ]);
        if (res.rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    } finally {
      await admin.end();
    }
  }
  await app.close();
}

async function lastActNumber(kind: string) {
  const row = await t.dbx.db
    .selectFrom('act_counters')
    .select('last_number')
    .where('office_id', '=', OFFICE)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row ? Number(row.last_number) : 0;
}

async function validatedBirth(i = 0) {
  const created = await front.post('/api/v1/records', {
    kind: 'BIRTH',
    data: birthData({
      child: { ...birthData().child, surname: `Раҳимзода`, name: i % 2 ? 'Фарзона' : 'Мадина' },
    }),
  });
  expect(created.status).toBe(201);
  const id: string = created.body.id;
  const submitted = await front.post(`/api/v1/records/${id}/submit`);
  expect(submitted.status).toBe(200);
  const validated = await back.post(`/api/v1/records/${id}/validate`);
  expect(validated.status).toBe(200);
  return id;
}

describe('concurrent registration in one office', () => {
  it(`gives ${MANY} concurrent registrations the act numbers 1..${MANY}, no gaps, no duplicates`, async () => {
    // must be the file's first BIRTH registration: the numbers start at 1
    expect(await lastActNumber('BIRTH')).toBe(0);
    const ids = await Promise.all(Array.from({ length: MANY }, (_, i) => validatedBirth(i)));
    expect(new Set(ids).size).toBe(MANY);

    const answers = await Promise.all(ids.map((id) => registrar.post(`/api/v1/records/${id}/register`)));
    const failed = answers.filter((a) => a.status !== 200);
    expect(failed.map((a) => [a.status, a.body?.key])).toEqual([]);
    expect(answers.every((a) => a.body.status === 'registered')).toBe(true);

    const year = answers[0]!.body.year;
    expect(answers.every((a) => a.body.year === year)).toBe(true);
    const numbers = answers.map((a) => a.body.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: MANY }, (_, i) => i + 1));

    const nationalIds = answers.map((a) => a.body.nationalId as string);
    expect(new Set(nationalIds).size).toBe(MANY);
    for (const a of answers) {
      expect(isValidNationalRecordId(a.body.nationalId)).toBe(true);
      expect(a.body.nationalId).toBe(nationalRecordId('BIRTH', officeNumeric, year, a.body.number));
    }

    // what is stored agrees with what was answered
    const rows = await t.dbx.db
      .selectFrom('records')
      .select(['id', 'number', 'national_id', 'year', 'status'])
      .where('id', 'in', ids)
      .execute();
    expect(rows).toHaveLength(MANY);
    const answered = new Map(answers.map((a) => [a.body.id as string, a.body]));
    for (const r of rows) {
      expect(r.status).toBe('registered');
      expect(Number(r.number)).toBe(answered.get(r.id)!.number);
      expect(r.national_id).toBe(answered.get(r.id)!.nationalId);
    }
    expect(await lastActNumber('BIRTH')).toBe(MANY);
    const registerActions = await t.dbx.db
      .selectFrom('record_actions')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('action', '=', 'register')
      .executeTakeFirstOrThrow();
    expect(Number(registerActions.n)).toBe(MANY);

    // the audit chain stays gapless and intact under concurrent writers
    const audit = await verifyAudit(t.dbx.db);
    expect(audit.findings).toEqual([]);
    expect(audit.ok).toBe(true);
  }, 180_000);

  it('does not consume a number when a registration is refused', async () => {
    const last = await lastActNumber('BIRTH');
    const id = await validatedBirth();
    const wrongRole = await back.post(`/api/v1/records/${id}/register`);
    expect(wrongRole.status).toBe(403);
    expect(await lastActNumber('BIRTH')).toBe(last);

    const reg = await registrar.post(`/api/v1/records/${id}/register`);
    expect(reg.status).toBe(200);
    expect(reg.body.number).toBe(last + 1);
  });

  it('gives the number back when a registration fails after taking it', async () => {
    const last = await lastActNumber('BIRTH');
    const doomed = await validatedBirth();
    const before = await t.dbx.db
      .selectFrom('records')
      .selectAll()
      .where('id', '=', doomed)
      .executeTakeFirstOrThrow();
    // A fault injected after the number is taken: the record update of this one registration fails.
    await sql
      .raw(`
        CREATE FUNCTION sabt_test_fail_register() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.status = 'registered' AND NEW.id = '${doomed}'::uuid THEN
            RAISE EXCEPTION 'injected failure';
          END IF;
          RETURN NEW;
        END;
        $$;
        CREATE TRIGGER sabt_test_fail_register BEFORE UPDATE ON records
          FOR EACH ROW EXECUTE FUNCTION sabt_test_fail_register();`)
      .execute(t.dbx.db);
    try {
      const failed = await registrar.post(`/api/v1/records/${doomed}/register`);
      expect(failed.status).toBe(500);
      expect(await lastActNumber('BIRTH')).toBe(last);
      const after = await t.dbx.db
        .selectFrom('records')
        .selectAll()
        .where('id', '=', doomed)
        .executeTakeFirstOrThrow();
      expect(after.status).toBe('validated');
      expect(after.number).toBeNull();
      expect(after.revision).toBe(before.revision);

      // meanwhile another registration takes the number the failed one gave back
      const other = await validatedBirth();
      const reg = await registrar.post(`/api/v1/records/${other}/register`);
      expect(reg.status).toBe(200);
      expect(reg.body.number).toBe(last + 1);
    } finally {
      await sql
        .raw(`DROP TRIGGER sabt_test_fail_register ON records; DROP FUNCTION sabt_test_fail_register();`)
        .execute(t.dbx.db);
    }
    const retried = await registrar.post(`/api/v1/records/${doomed}/register`);
    expect(retried.status).toBe(200);
    expect(retried.body.number).toBe(last + 2);
    expect((await verifyAudit(t.dbx.db)).ok).toBe(true);
  });
});

describe('concurrent edits of one draft', () => {
  it('lets exactly one of two clerks with the same If-Match win; the other gets 412', async () => {
    for (let round = 0; round < 5; round++) {
      const created = await front.post('/api/v1/records', { kind: 'BIRTH', data: birthData() });
      expect(created.status).toBe(201);
      const id: string = created.body.id;
      const etag = created.headers.etag as string;
      expect(etag).toBe('"1"');

      const [a, b] = await Promise.all([
        front.patch(`/api/v1/records/${id}`, { data: { child: { name: 'Меҳрона' } } }, { 'if-match': etag }),
        front2.patch(`/api/v1/records/${id}`, { data: { child: { name: 'Сабрина' } } }, { 'if-match': etag }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
      expect(loser.body.key).toBe('problem.preconditionFailed');
      expect(loser.body.revision).toBe(2);
      expect(winner.body.revision).toBe(2);
      expect(winner.headers.etag).toBe('"2"');

      const stored = await front.get(`/api/v1/records/${id}`);
      expect(stored.body.revision).toBe(2);
      expect(stored.body.data.child.name).toBe(winner === a ? 'Меҳрона' : 'Сабрина');
      const edits = await t.dbx.db
        .selectFrom('record_actions')
        .select('actor_id')
        .where('record_id', '=', id)
        .where('action', '=', 'edit')
        .execute();
      expect(edits).toHaveLength(1);
    }
  });

  it('applies exactly one of several concurrent submits of the same draft', async () => {
    const created = await front.post('/api/v1/records', { kind: 'BIRTH', data: birthData() });
    const id: string = created.body.id;
    const answers = await Promise.all(
      [front, front2, front, front2, back].map((c) => c.post(`/api/v1/records/${id}/submit`)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const history = await front.get(`/api/v1/records/${id}/history`);
    expect(history.body.items.map((x: { action: string }) => x.action)).toEqual(['create', 'submit']);
  });
});
