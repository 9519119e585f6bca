import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VARIABLES } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { runCli, useCliDatabase } from '../test/cli.ts';
import { birthData } from '../test/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../test/harness.ts';
import { type AuditVerification, appendAudit, entryHash, verifyAudit } from './audit-log.ts';
import { sequenceAudit } from './sequencer.ts';

class Rollback extends Error {
  constructor() {
    super('rolled back by the test (the statement was allowed)');
  }
}

describe('the audit log of API activity', () => {
  let t: TestApp;
  let front: Client;
  let back: Client;
  let recordId: string;

  beforeAll(async () => {
    t = await startTestApp();
    [front, back] = await Promise.all([t.as('front'), t.as('back')]);
    const created = await front.post('/api/v1/records', { kind: 'BIRTH', data: birthData() });
    expect(created.status).toBe(201);
    recordId = created.body.id;
    expect((await front.post(`/api/v1/records/${recordId}/submit`)).status).toBe(200);
    expect((await back.get(`/api/v1/records/${recordId}`)).status).toBe(200);
    expect((await back.get(`/api/v1/records/${recordId}/history`)).status).toBe(200);
    expect((await back.get('/api/v1/records?status=submitted')).status).toBe(200);
    const bad = await t
      .anonymous()
      .post('/api/v1/auth/login', { login: 'front', password: 'wrong-password' });
    expect(bad.status).toBe(401);
    await sequenceAudit(t.dbx.db);
  });
  afterAll(() => t.close());

  const entries = () => t.dbx.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();

  it('is an intact chain holding logins, writes and reads', async () => {
    const result = await verifyAudit(t.dbx.db);
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
    const rows = await entries();
    expect(result.entries).toBe(rows.length);
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    const events = new Set(rows.map((r) => r.event));
    for (const e of [
      'auth.login',
      'auth.login-failed',
      'record.create',
      'record.submit',
      'record.read',
      'record.history',
      'records.list',
    ]) {
      expect(events, e).toContain(e);
    }
    const head = await t.dbx.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    expect(Number(head.seq)).toBe(rows.length);
    expect(head.hash).toBe(rows.at(-1)!.hash);
  });

  it('records who read which record, and which records a list showed', async () => {
    const rows = await entries();
    const reads = rows.filter((r) => r.event === 'record.read');
    expect(reads).toContainEqual(
      expect.objectContaining({ record_id: recordId, actor_login: 'back', office_id: 'DU-03-00' }),
    );
    expect(rows.find((r) => r.event === 'record.history')).toMatchObject({
      record_id: recordId,
      actor_login: 'back',
    });
    const list = rows.find((r) => r.event === 'records.list')!;
    expect(list.actor_login).toBe('back');
    expect((list.detail as { records: string[] }).records).toContain(recordId);
    expect(rows.find((r) => r.event === 'record.create')).toMatchObject({
      record_id: recordId,
      actor_login: 'front',
    });
    const logins = rows.filter((r) => r.event === 'auth.login').map((r) => r.actor_login);
    expect(logins).toEqual(expect.arrayContaining(['front', 'back']));
  });

  it('refuses UPDATE and DELETE on audit_log and record_actions (append-only)', async () => {
    const db = t.dbx.db;
    await expect(sql`UPDATE audit_log SET detail = '{}'::jsonb WHERE seq = 1`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE record_actions SET reason = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM record_actions WHERE record_id = ${recordId}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    expect((await verifyAudit(db)).ok).toBe(true);
    const actions = await db
      .selectFrom('record_actions')
      .select('action')
      .where('record_id', '=', recordId)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['create', 'submit']);
  });

  it('refuses TRUNCATE of audit_log too', async () => {
    await expect(
      t.dbx.db.transaction().execute(async (trx) => {
        await sql`TRUNCATE audit_log`.execute(trx);
        throw new Rollback();
      }),
    ).rejects.toThrow(/append-only/);
  });

  /**
   * Tampers with the log the way an attacker with database access would (switching off the
   * append-only trigger first), verifies, and rolls everything back so each case starts from an
   * intact chain.
   */
  async function tamper(
    attack: (trx: Transaction<Database>, last: number) => Promise<void>,
  ): Promise<AuditVerification> {
    let result: AuditVerification | undefined;
    try {
      await t.dbx.db.transaction().execute(async (trx) => {
        await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(trx);
        const last = await trx
          .selectFrom('audit_log')
          .select(sql<number>`max(seq)`.as('m'))
          .executeTakeFirstOrThrow();
        await attack(trx, Number(last.m));
        result = await verifyAudit(trx);
        throw new Rollback();
      });
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
    }
    const restored = await verifyAudit(t.dbx.db);
    expect(restored.ok).toBe(true);
    return result!;
  }
  const summary = (v: AuditVerification) => v.findings.map((f) => [f.seq, f.problem]);

  it.each([
    ['detail', sql`detail = '{"ip":"10.6.6.6"}'::jsonb`],
    ['actor_login', sql`actor_login = 'mallory'`],
    ['event', sql`event = 'forged.event'`],
    ['at', sql`at = at - interval '1 day'`],
  ])('finds an entry whose %s was changed (altered)', async (_column, change) => {
    const v = await tamper(async (trx, last) => {
      const middle = Math.ceil(last / 2);
      await sql`UPDATE audit_log SET ${change} WHERE seq = ${middle}`.execute(trx);
    });
    const last = (await verifyAudit(t.dbx.db)).entries;
    expect(v.ok).toBe(false);
    expect(summary(v)).toEqual([[Math.ceil(last / 2), 'altered']]);
  });

  it('finds an altered entry whose hash was recomputed: the next entry no longer links to it', async () => {
    const last = (await verifyAudit(t.dbx.db)).entries;
    const middle = Math.ceil(last / 2);
    const v = await tamper(async (trx) => {
      const row = await trx
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '=', middle)
        .executeTakeFirstOrThrow();
      const detail = { forged: true };
      const hash = entryHash(row.prev_hash!, {
        seq: middle,
        at: new Date(row.at).toISOString(),
        actor_id: row.actor_id,
        actor_login: row.actor_login,
        office_id: row.office_id,
        event: row.event,
        record_id: row.record_id,
        detail,
      });
      await sql`UPDATE audit_log SET detail = ${JSON.stringify(detail)}::jsonb, hash = ${hash} WHERE seq = ${middle}`.execute(
        trx,
      );
    });
    expect(v.ok).toBe(false);
    expect(summary(v)).toEqual([[middle + 1, 'broken-link']]);
  });

  it('finds a deleted entry in the middle (missing)', async () => {
    const last = (await verifyAudit(t.dbx.db)).entries;
    const middle = Math.ceil(last / 2);
    const v = await tamper(async (trx) => {
      await sql`DELETE FROM audit_log WHERE seq = ${middle}`.execute(trx);
    });
    expect(v.ok).toBe(false);
    expect(v.entries).toBe(last - 1);
    expect(summary(v)).toContainEqual([middle, 'missing']);
  });

  it('finds a deleted newest entry (head-mismatch)', async () => {
    const last = (await verifyAudit(t.dbx.db)).entries;
    const v = await tamper(async (trx) => {
      await sql`DELETE FROM audit_log WHERE seq = ${last}`.execute(trx);
    });
    expect(v.ok).toBe(false);
    expect(summary(v)).toEqual([[last, 'head-mismatch']]);
  });

  it('finds a forged entry appended at the end', async () => {
    const last = (await verifyAudit(t.dbx.db)).entries;
    const forge = async (trx: Transaction<Database>, hashOf: (row: Record<string, unknown>) => string) => {
      const prev = await trx
        .selectFrom('audit_log')
        .select('hash')
        .where('seq', '=', last)
        .executeTakeFirstOrThrow();
      const row = {
        seq: last + 1,
        at: new Date().toISOString(),
        actor_id: null,
        actor_login: 'registrar',
        office_id: 'DU-03-00',
        event: 'record.read',
        record_id: recordId,
        detail: {},
      };
      await trx
        .insertInto('audit_log')
        .values({
          ...row,
          detail: JSON.stringify(row.detail),
          prev_hash: prev.hash,
          hash: hashOf({ ...row, prev: prev.hash }),
        })
        .execute();
    };
    // a made-up hash
    const madeUp = await tamper((trx) => forge(trx, () => 'f'.repeat(64)));
    expect(madeUp.ok).toBe(false);
    expect(summary(madeUp)).toEqual([
      [last + 1, 'altered'],
      [last, 'head-mismatch'],
    ]);
    // a correctly chained hash still does not match the head
    const chained = await tamper((trx) =>
      forge(trx, (r) =>
        entryHash(r.prev as string, {
          seq: r.seq as number,
          at: r.at as string,
          actor_id: null,
          actor_login: r.actor_login as string,
          office_id: r.office_id as string,
          event: r.event as string,
          record_id: r.record_id as string,
          detail: r.detail,
        }),
      ),
    );
    expect(chained.ok).toBe(false);
    expect(summary(chained)).toEqual([[last, 'head-mismatch']]);
  });

  it('finds an emptied log (head-mismatch)', async () => {
    const last = (await verifyAudit(t.dbx.db)).entries;
    const v = await tamper(async (trx) => {
      await sql`DELETE FROM audit_log`.execute(trx);
    });
    expect(v.ok).toBe(false);
    expect(v.entries).toBe(0);
    expect(summary(v)).toEqual([[last, 'head-mismatch']]);
  });
});

describe('the sabt command line', () => {
  const cli = useCliDatabase('cli');
  const run = (...argv: string[]) => runCli(argv);
  const withCliDb = cli.withDb;

  it('prints every environment variable and command with --help', async () => {
    const res = await run('--help');
    expect(res.code).toBe(0);
    for (const name of ['PORT', 'HOST', 'DATABASE_URL', 'SABT_DATA_DIR', ...VARIABLES.map((v) => v.name)]) {
      expect(res.out).toContain(name);
    }
    for (const command of ['start', 'migrate', 'users create', 'audit verify'])
      expect(res.out).toContain(command);
  });

  it('prints the help and fails without a command, and refuses an unknown one', async () => {
    const none = await run();
    expect(none.code).toBe(1);
    expect(none.out).toContain('DATABASE_URL');
    const unknown = await run('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command');
  });

  it('migrates, then verifies an intact audit log (exit 0) and a tampered one (exit 1)', async () => {
    const migrated = await run('migrate');
    expect(migrated.code).toBe(0);
    expect(migrated.out).toMatch(/migrations applied: 001/);
    const again = await run('migrate');
    expect(again.code).toBe(0);
    expect(again.out).toContain('none (up to date)');

    const empty = await run('audit', 'verify');
    expect(empty.code).toBe(0);
    expect(empty.out).toContain('audit log intact: 0 entries verified');

    await withCliDb((db) =>
      db.transaction().execute((trx) =>
        appendAudit(trx, [
          { event: 'auth.login', actorLogin: 'admin', detail: { ip: '127.0.0.1' } },
          { event: 'record.read', actorLogin: 'admin', detail: {} },
          { event: 'records.list', actorLogin: 'admin', detail: { records: [] } },
        ]),
      ),
    );
    // the three, after the first verification's own outcome (audit.verified, entry 1)
    const intact = await run('audit', 'verify');
    expect(intact.code).toBe(0);
    expect(intact.out).toContain('audit log intact: 4 entries verified');

    await withCliDb(async (db) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db);
      await sql`UPDATE audit_log SET actor_login = 'someone-else' WHERE seq = 2`.execute(db);
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(db);
    });
    const tampered = await run('audit', 'verify');
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain('entry 2: altered');
    expect(tampered.out).toContain('TAMPERED');
  }, 120_000);
});
