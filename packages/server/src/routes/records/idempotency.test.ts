import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthData } from '../../test/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let front: Client;
let back: Client;
let registrar: Client;

beforeAll(async () => {
  t = await startTestApp();
  [front, back, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
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

/** Row counts of the tables a write touches. */
async function counts() {
  const n = async (table: 'records' | 'record_actions' | 'idempotency_keys') => {
    const row = await t.dbx.db
      .selectFrom(table)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const [records, actions, keys] = await Promise.all([
    n('records'),
    n('record_actions'),
    n('idempotency_keys'),
  ]);
  return { records, actions, keys };
}

async function auditCount(event: string, recordId: string) {
  const row = await t.dbx.db
    .selectFrom('audit_log')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('event', '=', event)
    .where('record_id', '=', recordId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function lastActNumber(kind: string) {
  const row = await t.dbx.db
    .selectFrom('act_counters')
    .select('last_number')
    .where('office_id', '=', 'DU-03-00')
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row ? Number(row.last_number) : 0;
}

/** A birth record taken to 'validated', ready for the registrar. */
async function validatedBirth(surname = 'Раҳимзода') {
  const created = await front.post('/api/v1/records', {
    kind: 'BIRTH',
    data: birthData({ child: { ...birthData().child, surname } }),
  });
  expect(created.status).toBe(201);
  const id: string = created.body.id;
  expect((await front.post(`/api/v1/records/${id}/submit`)).status).toBe(200);
  expect((await back.post(`/api/v1/records/${id}/validate`)).status).toBe(200);
  return id;
}

describe('POST /records with an Idempotency-Key', () => {
  it('answers a retry with the first answer and creates one record', async () => {
    const before = await counts();
    const key = `create-${randomUUID()}`;
    const body = { kind: 'BIRTH', data: birthData() };

    const first = await front.post('/api/v1/records', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    expect(first.body.status).toBe('draft');

    const retry = await front.post('/api/v1/records', body, { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.status).toBe('draft');
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(retry.headers.location).toBe(`/api/v1/records/${first.body.id}`);

    const after = await counts();
    expect(after.records - before.records).toBe(1);
    expect(after.actions - before.actions).toBe(1);
    expect(after.keys - before.keys).toBe(1);
    const rows = await t.dbx.db.selectFrom('records').select('id').where('id', '=', first.body.id).execute();
    expect(rows).toHaveLength(1);
    // the replay is not a second creation in the audit trail either
    expect(await auditCount('record.create', first.body.id)).toBe(1);
  });

  it('refuses the same key with a different body (422) and creates nothing', async () => {
    const key = `mismatch-${randomUUID()}`;
    const first = await front.post(
      '/api/v1/records',
      { kind: 'BIRTH', data: birthData() },
      { 'idempotency-key': key },
    );
    expect(first.status).toBe(201);
    const before = await counts();

    const other = await front.post(
      '/api/v1/records',
      { kind: 'BIRTH', data: birthData({ child: { ...birthData().child, name: 'Мадина' } }) },
      { 'idempotency-key': key },
    );
    expect(other.status).toBe(422);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(other.body.key).toBe('problem.idempotencyMismatch');
    expect(other.headers['idempotency-replayed']).toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it('keeps keys apart per user: another user with the same key gets a record of their own', async () => {
    const key = `shared-${randomUUID()}`;
    const body = { kind: 'BIRTH', data: birthData() };
    const mine = await front.post('/api/v1/records', body, { 'idempotency-key': key });
    const theirs = await back.post('/api/v1/records', body, { 'idempotency-key': key });
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.headers['idempotency-replayed']).toBeUndefined();
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('does not keep the key of a request that failed: a corrected retry with it succeeds', async () => {
    const key = `failed-${randomUUID()}`;
    const before = await counts();
    const bad = await front.post(
      '/api/v1/records',
      { kind: 'BIRTH', data: { child: { birthDate: 'not a date' } } },
      { 'idempotency-key': key },
    );
    expect(bad.status).toBe(422);
    expect(await counts()).toEqual(before);

    const good = await front.post(
      '/api/v1/records',
      { kind: 'BIRTH', data: birthData() },
      { 'idempotency-key': key },
    );
    expect(good.status).toBe(201);
    expect(good.headers['idempotency-replayed']).toBeUndefined();
  });

  it('refuses an overlong key with 400', async () => {
    const res = await front.post(
      '/api/v1/records',
      { kind: 'BIRTH', data: birthData() },
      { 'idempotency-key': 'k'.repeat(201) },
    );
    expect(res.status).toBe(400);
  });

  it('creates exactly one record from 10 concurrent requests with the same key', async () => {
    const before = await counts();
    const key = `burst-${randomUUID()}`;
    const body = { kind: 'BIRTH', data: birthData({ child: { ...birthData().child, name: 'Суман' } }) };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => front.post('/api/v1/records', body, { 'idempotency-key': key })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotency-replayed'] === 'true')).toHaveLength(9);
    const after = await counts();
    expect(after.records - before.records).toBe(1);
    expect(after.actions - before.actions).toBe(1);
    expect(after.keys - before.keys).toBe(1);
  });
});

describe('POST /records with a client-chosen id', () => {
  it('returns the record already made on a retry (200), and 409 for other content under that id', async () => {
    const id = randomUUID();
    const body = { id, kind: 'BIRTH', data: birthData() };
    const before = await counts();

    const first = await front.post('/api/v1/records', body);
    expect(first.status).toBe(201);
    expect(first.body.id).toBe(id);

    const retry = await front.post('/api/v1/records', body);
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(id);
    expect(retry.body.status).toBe('draft');
    expect(retry.body.revision).toBe(1);
    expect(retry.body.data).toEqual(first.body.data);

    const after = await counts();
    expect(after.records - before.records).toBe(1);
    expect(after.actions - before.actions).toBe(1);

    const different = await front.post('/api/v1/records', {
      id,
      kind: 'BIRTH',
      data: birthData({ child: { ...birthData().child, name: 'Зарина' } }),
    });
    expect(different.status).toBe(409);
    expect(different.body.key).toBe('problem.duplicateId');

    // another user cannot claim (or overwrite) the id either
    const someoneElse = await back.post('/api/v1/records', body);
    expect(someoneElse.status).toBe(409);

    expect(await counts()).toEqual(after);
    const stored = await front.get(`/api/v1/records/${id}`);
    expect(stored.body.data.child.name).toBe(birthData().child.name);
    expect(stored.body.revision).toBe(1);
  });

  it('makes one record from 10 concurrent requests with the same id: one 201, the rest 200', async () => {
    const id = randomUUID();
    const body = { id, kind: 'BIRTH', data: birthData({ child: { ...birthData().child, name: 'Латофат' } }) };
    const before = await counts();
    const answers = await Promise.all(Array.from({ length: 10 }, () => front.post('/api/v1/records', body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(answers.every((a) => a.body.id === id)).toBe(true);
    const after = await counts();
    expect(after.records - before.records).toBe(1);
    expect(after.actions - before.actions).toBe(1);
  });
});

describe('retried transitions', () => {
  it('a register retried with the same key returns the same act number and takes no second one', async () => {
    const id = await validatedBirth('Раҷабов');
    const key = `register-${randomUUID()}`;
    const first = await registrar.post(`/api/v1/records/${id}/register`, undefined, {
      'idempotency-key': key,
    });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('registered');
    const number = first.body.number;
    expect(await lastActNumber('BIRTH')).toBe(number);

    const retry = await registrar.post(`/api/v1/records/${id}/register`, undefined, {
      'idempotency-key': key,
    });
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(retry.body.number).toBe(number);
    expect(retry.body.nationalId).toBe(first.body.nationalId);
    expect(retry.body).toEqual(first.body);
    expect(await lastActNumber('BIRTH')).toBe(number);

    const registers = await t.dbx.db
      .selectFrom('record_actions')
      .select('id')
      .where('record_id', '=', id)
      .where('action', '=', 'register')
      .execute();
    expect(registers).toHaveLength(1);

    // the next registration follows without a gap
    const next = await validatedBirth('Саидов');
    const reg = await registrar.post(`/api/v1/records/${next}/register`);
    expect(reg.status).toBe(200);
    expect(reg.body.number).toBe(number + 1);
  });

  it('a transition retried after success without a key is refused (409) and changes nothing', async () => {
    const created = await front.post('/api/v1/records', { kind: 'BIRTH', data: birthData() });
    const id: string = created.body.id;
    const submitted = await front.post(`/api/v1/records/${id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    const before = await counts();

    const again = await front.post(`/api/v1/records/${id}/submit`);
    expect(again.status).toBe(409);
    expect(again.body.key).toBe('problem.transitionNotAllowed');

    expect(await counts()).toEqual(before);
    const now = await front.get(`/api/v1/records/${id}`);
    expect(now.body.status).toBe('submitted');
    expect(now.body.revision).toBe(submitted.body.revision);
    const history = await front.get(`/api/v1/records/${id}/history`);
    expect(history.body.items.map((a: { action: string }) => a.action)).toEqual(['create', 'submit']);
  });

  it('applies one of 10 concurrent registers with the same key; all get its answer and one act number is taken', async () => {
    const id = await validatedBirth('Назаров');
    const last = await lastActNumber('BIRTH');
    const key = `register-burst-${randomUUID()}`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        registrar.post(`/api/v1/records/${id}/register`, undefined, { 'idempotency-key': key }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers.filter((a) => a.headers['idempotency-replayed'] === 'true')).toHaveLength(9);
    for (const a of answers) expect(a.body).toEqual(answers[0]!.body);
    expect(answers[0]!.body.number).toBe(last + 1);
    expect(await lastActNumber('BIRTH')).toBe(last + 1);
    expect(await auditCount('record.register', id)).toBe(1);
    const keys = await t.dbx.db
      .selectFrom('idempotency_keys')
      .select(['status_code'])
      .where('key', '=', key)
      .execute();
    expect(keys).toEqual([{ status_code: 200 }]);
  });

  it('a transition retried with its key after success gets the first answer', async () => {
    const created = await front.post('/api/v1/records', { kind: 'BIRTH', data: birthData() });
    const id: string = created.body.id;
    const key = `submit-${randomUUID()}`;
    const first = await front.post(`/api/v1/records/${id}/submit`, undefined, { 'idempotency-key': key });
    expect(first.status).toBe(200);
    const before = await counts();
    const retry = await front.post(`/api/v1/records/${id}/submit`, undefined, { 'idempotency-key': key });
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await counts()).toEqual(before);
  });
});
