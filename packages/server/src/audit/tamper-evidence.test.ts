import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/schema.ts';
import { anchorAuditSchedule } from '../jobs/audit-anchor.ts';
import { silentLog } from '../jobs/log.ts';
import { startJobs } from '../jobs/runtime.ts';
import { waitFor } from '../jobs/testing/helpers.ts';
import { prepareDatabase } from '../prepare.ts';
import { runCli, useCliDatabase } from '../test/cli.ts';
import { payFee } from '../test/fees.ts';
import { birthData } from '../test/fixtures.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { R, registerThrough, type Workflow } from '../test/workflow.ts';
import { type AuditAnchor, anchorAudit, anchorKey, readAnchorFile, verifyAnchors } from './anchor.ts';
import { appendAudit, entryHash, GENESIS_HASH, verifyAudit } from './audit-log.ts';
import { actionHash, verifyRecords } from './record-hashes.ts';

class Rollback extends Error {}

/** Every table an attacker rewrites here, its triggers switched off as a table owner can. */
const TABLES = ['audit_log', 'audit_head', 'record_actions', 'record_versions'];

describe('tamper evidence of the audit chain and the registry', () => {
  let t: TestApp;
  let w: Workflow;
  let dir: string;
  let anchorFile: string;
  let recordId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sabt-anchors-'));
    anchorFile = path.join(dir, 'anchors.jsonl');
    t = await startTestApp({ SABT_AUDIT_ANCHOR_FILE: anchorFile });
    const [front, back, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
    w = { front, back, registrar };
    recordId = (await registerThrough(w, 'BIRTH', birthData())).id;
    const requested = await w.front.post(`${R}/${recordId}/amendments`, {
      patch: { mother: { surname: 'Каримзода' } },
      reason: 'Хатои имлоӣ дар насаби модар',
      basis: { type: 'APPLICATION', number: '45', date: '2026-01-12', issuer: 'Каримзода Н. С.' },
    });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    await payFee(w.front, recordId, 'amendment');
    const approved = await w.registrar.post(`${R}/${recordId}/amendments/approve`);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.version).toBe(2);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const anchors = () => readAnchorFile(anchorFile);
  const trusted = () => anchorKey(t.config.keyPassphrase).publicKey;

  /**
   * Tampers as someone with write access to the database would (the tables' triggers off), checks
   * the chain, the registry and the anchors kept outside, then rolls it all back.
   */
  async function tamper(attack: (trx: Transaction<Database>, last: number) => Promise<void>) {
    let result:
      | {
          chain: Awaited<ReturnType<typeof verifyAudit>>;
          records: Awaited<ReturnType<typeof verifyRecords>>;
          anchors: Awaited<ReturnType<typeof verifyAnchors>>;
        }
      | undefined;
    const kept = anchors();
    try {
      await t.dbx.db.transaction().execute(async (trx) => {
        for (const table of TABLES)
          await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER USER`.execute(trx);
        const head = await trx.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
        await attack(trx, Number(head.seq));
        result = {
          chain: await verifyAudit(trx),
          records: await verifyRecords(trx),
          anchors: await verifyAnchors(trx, kept, trusted()),
        };
        throw new Rollback();
      });
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
    }
    expect((await verifyAudit(t.dbx.db)).ok).toBe(true);
    return result!;
  }

  /** Appends entries with correct hashes after `seq` and moves the head to the last (a forger's work). */
  async function forge(trx: Transaction<Database>, after: number, events: string[], recordId?: string) {
    let prev =
      after === 0
        ? GENESIS_HASH
        : (
            await trx
              .selectFrom('audit_log')
              .select('hash')
              .where('seq', '=', after)
              .executeTakeFirstOrThrow()
          ).hash!;
    let seq = after;
    for (const event of events) {
      seq += 1;
      const fields = {
        seq,
        at: new Date().toISOString(),
        actor_id: null,
        actor_login: 'mallory',
        office_id: null,
        event,
        record_id: recordId ?? null,
        detail: {},
      };
      const hash = entryHash(prev, fields);
      await trx
        .insertInto('audit_log')
        .values({ ...fields, detail: '{}', prev_hash: prev, hash } as never)
        .execute();
      prev = hash;
    }
    await trx.updateTable('audit_head').set({ seq, hash: prev }).where('id', '=', 1).execute();
  }

  /** Rewrites entry `from` and re-hashes every entry after it, head included. */
  async function rehashFrom(trx: Transaction<Database>, from: number) {
    const rows = await trx
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', from)
      .orderBy('seq')
      .execute();
    let prev = rows[0]!.prev_hash!;
    for (const r of rows) {
      const fields = {
        seq: Number(r.seq),
        at: new Date(r.at).toISOString(),
        actor_id: r.actor_id,
        actor_login: r.seq === rows[0]!.seq ? 'mallory' : r.actor_login,
        office_id: r.office_id,
        event: r.event,
        record_id: r.record_id,
        detail: r.detail,
      };
      const hash = entryHash(prev, fields);
      await trx
        .updateTable('audit_log')
        .set({ actor_login: fields.actor_login, prev_hash: prev, hash })
        .where('seq', '=', r.seq)
        .execute();
      prev = hash;
    }
    await trx.updateTable('audit_head').set({ hash: prev }).where('id', '=', 1).execute();
  }

  it('publishes no anchor before the first, then the newest at a public endpoint', async () => {
    const none = await t.anonymous().get('/api/v1/audit/anchors/latest');
    expect(none.status).toBe(404);
    expect(none.headers['content-type']).toContain('application/problem+json');

    const { anchor, created } = await anchorAudit(t.dbx.db, t.config);
    expect(created).toBe(true);
    const head = await t.dbx.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    expect([anchor.seq, anchor.hash]).toEqual([Number(head.seq), head.hash]);
    const published = await t.anonymous().get('/api/v1/audit/anchors/latest');
    expect(published.status).toBe(200);
    expect(published.body).toEqual(anchor);
    expect(anchors()).toEqual([anchor]);
  });

  it('anchors once while the head does not move, and again when it has', async () => {
    const before = anchors();
    const again = await anchorAudit(t.dbx.db, t.config);
    expect(again.created).toBe(false);
    expect(again.anchor).toEqual(before.at(-1));
    expect(anchors()).toEqual(before);
    expect(await t.dbx.db.selectFrom('audit_anchors').select('seq').execute()).toHaveLength(before.length);

    expect((await w.back.get(`${R}/${recordId}`)).status).toBe(200); // a read is audited: the head moves
    const moved = await anchorAudit(t.dbx.db, t.config);
    expect(moved.created).toBe(true);
    expect(moved.anchor.seq).toBeGreaterThan(before.at(-1)!.seq);
    expect(anchors()).toEqual([...before, moved.anchor]);
  });

  it('verifies an untampered registry clean: chain, actions, versions, registered data and anchors', async () => {
    const chain = await verifyAudit(t.dbx.db);
    const records = await verifyRecords(t.dbx.db);
    expect(chain.findings).toEqual([]);
    expect(records.findings).toEqual([]);
    expect(records.actions).toBeGreaterThanOrEqual(5); // create, submit, validate, register, amendment
    expect(records.versions).toBe(2);
    expect(await verifyAnchors(t.dbx.db, anchors(), trusted())).toEqual([]);
    // every action names its hash in the audit chain, every version too
    const named = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE detail ? 'actionHash'`.execute(t.dbx.db);
    expect(named.rows[0]!.n).toBe(records.actions);
  });

  it('finds the newest entries deleted and the head moved back', async () => {
    const v = await tamper(async (trx, last) => {
      await trx
        .deleteFrom('audit_log')
        .where('seq', '>', last - 3)
        .execute();
      const h = await trx
        .selectFrom('audit_log')
        .select('hash')
        .where('seq', '=', last - 3)
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('audit_head')
        .set({ seq: last - 3, hash: h.hash! })
        .where('id', '=', 1)
        .execute();
    });
    expect(v.chain.ok).toBe(true); // the chain alone cannot tell
    expect(v.anchors.map((f) => f.problem)).toContain('chain-too-short');
  });

  it('finds the log truncated and the head reset', async () => {
    const v = await tamper(async (trx) => {
      await sql`TRUNCATE audit_log`.execute(trx);
      await trx.updateTable('audit_head').set({ seq: 0, hash: GENESIS_HASH }).where('id', '=', 1).execute();
    });
    expect(v.chain.ok).toBe(true);
    expect(v.anchors.length).toBe(anchors().length);
    expect(v.anchors.every((f) => f.problem === 'chain-too-short')).toBe(true);
  });

  it('finds a forged entry with a correct hash in place of the anchored newest one', async () => {
    const v = await tamper(async (trx, last) => {
      await trx.deleteFrom('audit_log').where('seq', '=', last).execute();
      await forge(trx, last - 1, ['auth.login']);
    });
    expect(v.chain.ok).toBe(true);
    expect(v.anchors).toEqual([
      expect.objectContaining({ seq: anchors().at(-1)!.seq, problem: 'not-in-chain' }),
    ]);
  });

  it('finds a forged entry appended after the anchor that claims an action the registry does not have', async () => {
    const v = await tamper(async (trx, last) => {
      await forge(trx, last, ['record.register'], recordId);
      await sql`UPDATE audit_log SET detail = ${JSON.stringify({ actionId: 999999, actionHash: 'f'.repeat(64) })}::jsonb
        WHERE seq = ${last + 1}`.execute(trx);
      // re-hash the forged entry so the chain itself is intact
      const r = await trx
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '=', last + 1)
        .executeTakeFirstOrThrow();
      const hash = entryHash(r.prev_hash!, {
        seq: last + 1,
        at: new Date(r.at).toISOString(),
        actor_id: r.actor_id,
        actor_login: r.actor_login,
        office_id: r.office_id,
        event: r.event,
        record_id: r.record_id,
        detail: r.detail,
      });
      await trx
        .updateTable('audit_log')
        .set({ hash })
        .where('seq', '=', last + 1)
        .execute();
      await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
    });
    expect(v.chain.ok).toBe(true);
    expect(v.records.findings).toEqual([
      expect.objectContaining({ table: 'record_actions', id: '999999', problem: 'missing' }),
    ]);
  });

  it('finds an entry rewritten and every later one re-hashed', async () => {
    const v = await tamper(async (trx) => {
      await rehashFrom(trx, 2);
    });
    expect(v.chain.ok).toBe(true);
    expect(v.anchors.length).toBe(anchors().length);
    expect(v.anchors.every((f) => f.problem === 'not-in-chain')).toBe(true);
  });

  it("finds a registered record's data edited", async () => {
    const v = await tamper(async (trx) => {
      await sql`UPDATE records SET data = jsonb_set(data, '{child,name}', '"Forged"') WHERE id = ${recordId}`.execute(
        trx,
      );
    });
    expect(v.records.findings).toEqual([
      expect.objectContaining({ table: 'records', id: recordId, problem: 'not-its-version' }),
    ]);
  });

  it('finds an action edited, and edited with its hash recomputed, and deleted', async () => {
    const action = await t.dbx.db
      .selectFrom('record_actions')
      .selectAll()
      .where('record_id', '=', recordId)
      .where('action', '=', 'register')
      .executeTakeFirstOrThrow();
    const plain = await tamper(async (trx) => {
      await trx.updateTable('record_actions').set({ actor_id: null }).where('id', '=', action.id).execute();
    });
    expect(plain.records.findings).toEqual([
      expect.objectContaining({ table: 'record_actions', id: String(action.id), problem: 'altered' }),
    ]);
    const rehashed = await tamper(async (trx) => {
      const forged = { ...action, reason: 'forged' };
      await trx
        .updateTable('record_actions')
        .set({ reason: 'forged', hash: actionHash(forged) })
        .where('id', '=', action.id)
        .execute();
    });
    expect(rehashed.records.findings).toEqual([
      expect.objectContaining({ table: 'record_actions', id: String(action.id), problem: 'altered' }),
    ]);
    const deleted = await tamper(async (trx) => {
      await trx
        .updateTable('record_versions')
        .set({ action_id: null })
        .where('action_id', '=', action.id)
        .execute();
      await trx.deleteFrom('record_actions').where('id', '=', action.id).execute();
    });
    expect(deleted.records.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: 'record_actions', id: String(action.id), problem: 'missing' }),
      ]),
    );
  });

  it('finds a version edited, even with the record and the hash made to match', async () => {
    const v = await tamper(async (trx) => {
      await sql`UPDATE record_versions SET data = jsonb_set(data, '{child,name}', '"Forged"')
        WHERE record_id = ${recordId} AND version = 1`.execute(trx);
    });
    expect(v.records.findings).toEqual([
      expect.objectContaining({ table: 'record_versions', id: `${recordId}#1`, problem: 'altered' }),
    ]);
    const both = await tamper(async (trx) => {
      const { versionHash } = await import('./record-hashes.ts');
      const cur = await trx
        .selectFrom('record_versions')
        .selectAll()
        .where('record_id', '=', recordId)
        .where('version', '=', 2)
        .executeTakeFirstOrThrow();
      const data = {
        ...(cur.data as Record<string, unknown>),
        child: { ...(cur.data as { child: object }).child, name: 'Forged' },
      };
      await trx
        .updateTable('record_versions')
        .set({ data: JSON.stringify(data) as never, hash: versionHash({ ...cur, data }) })
        .where('record_id', '=', recordId)
        .where('version', '=', 2)
        .execute();
      await trx
        .updateTable('records')
        .set({ data: JSON.stringify(data) })
        .where('id', '=', recordId)
        .execute();
    });
    expect(both.records.findings).toEqual([
      expect.objectContaining({ table: 'record_versions', id: `${recordId}#2`, problem: 'altered' }),
    ]);
  });

  it('hashes the actions written before migration 022 in its data step, once', async () => {
    await t.dbx.db
      .insertInto('record_actions')
      .values({
        record_id: recordId,
        action: 'note',
        actor_id: null,
        actor_role: 'registrar',
        office_id: null,
        from_status: 'registered',
        to_status: 'registered',
        revision: 99,
        reason: 'written before 022',
        payload: '{}',
      })
      .execute();
    const before = await verifyRecords(t.dbx.db);
    expect(before.findings.map((f) => f.problem)).toEqual(['unhashed']);
    await prepareDatabase(t.dbx.db, { files: t.files });
    expect((await verifyRecords(t.dbx.db)).findings).toEqual([]);
    // a hash once given cannot be changed
    await expect(
      sql`UPDATE record_actions SET hash = ${'0'.repeat(64)} WHERE revision = 99`.execute(t.dbx.db),
    ).rejects.toThrow(/append-only/);
  });

  it('anchors on schedule through the job queue', async () => {
    const before = (await t.dbx.db.selectFrom('audit_anchors').select('seq').execute()).length;
    expect((await w.back.get(`${R}/${recordId}`)).status).toBe(200); // the head moves
    const runtime = await startJobs({
      dbx: t.dbx,
      config: t.config,
      registry: { jobs: [], subscribers: [], schedules: [anchorAuditSchedule] },
      log: silentLog,
      pollIntervalSeconds: 0.5,
      dispatchPollMs: 200,
    });
    try {
      await waitFor('the scheduled anchor', async () => {
        const n = (await t.dbx.db.selectFrom('audit_anchors').select('seq').execute()).length;
        return n > before;
      });
    } finally {
      await runtime.stop();
    }
    const head = await t.dbx.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    expect(anchors().at(-1)).toMatchObject({ seq: Number(head.seq), hash: head.hash });
  }, 60_000);
});

describe('sabt audit anchor and sabt audit verify --anchors', () => {
  const cli = useCliDatabase('cli-anchor', () => ({ SABT_AUDIT_ANCHOR_FILE: undefined }));
  const run = async (...argv: string[]) => {
    const { code, out, err } = await runCli(argv);
    return { code, out: out + err };
  };
  const withCliDb = cli.withDb;

  it('anchors, keeps the anchors in a file, and finds a chain cut back below the anchor', async () => {
    const file = path.join(cli.dataDir, 'audit-anchors.jsonl');
    await withCliDb(async (db) => {
      await prepareDatabase(db);
      await db.transaction().execute((trx) =>
        appendAudit(trx, [
          { event: 'auth.login', actorLogin: 'admin', detail: {} },
          { event: 'record.read', actorLogin: 'admin', detail: {} },
          { event: 'record.read', actorLogin: 'admin', detail: {} },
        ]),
      );
    });
    const anchored = await run('audit', 'anchor');
    expect(anchored.code, anchored.out).toBe(0);
    expect(anchored.out).toContain('anchored at entry 3');
    const again = await run('audit', 'anchor');
    expect(again.code).toBe(0);
    expect(again.out).toContain('unchanged since its anchor at entry 3');
    const kept: AuditAnchor[] = readAnchorFile(file);
    expect(kept).toHaveLength(1);

    const intact = await run('audit', 'verify', '--anchors', file);
    expect(intact.code, intact.out).toBe(0);
    expect(intact.out).toContain('audit log intact: 3 entries verified');
    expect(intact.out).toContain('1 anchors');

    // a key that did not sign it
    const other = anchorKey('another passphrase').publicKeyBase64;
    const wrongKey = await run('audit', 'verify', '--anchors', file, '--public-key', other);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.out).toContain('anchor 3: bad-signature');

    // the entries from the anchored one on deleted (the verifications' own outcomes too) and the
    // head moved back: the chain alone looks intact
    await withCliDb(async (db) => {
      for (const table of ['audit_log', 'audit_head'])
        await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER USER`.execute(db);
      await db
        .deleteFrom('audit_log')
        .where((eb) => eb.or([eb('seq', '>=', 3), eb('seq', 'is', null)]))
        .execute();
      const h = await db
        .selectFrom('audit_log')
        .select('hash')
        .where('seq', '=', 2)
        .executeTakeFirstOrThrow();
      await db.updateTable('audit_head').set({ seq: 2, hash: h.hash! }).where('id', '=', 1).execute();
      for (const table of ['audit_log', 'audit_head'])
        await sql`ALTER TABLE ${sql.table(table)} ENABLE TRIGGER USER`.execute(db);
    });
    expect((await run('audit', 'verify')).code).toBe(0);
    // that verification's outcome is chained as a new entry 3: not the one anchored
    const cut = await run('audit', 'verify', '--anchors', file);
    expect(cut.code).toBe(1);
    expect(cut.out).toContain('anchor 3: not-in-chain');
    expect(cut.out).toContain('TAMPERED');
    // and a rewritten chain is not anchored
    const refused = await run('audit', 'anchor');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('not anchored');
    expect(readAnchorFile(file)).toHaveLength(1);

    // a file that is not anchors is refused
    writeFileSync(path.join(cli.dataDir, 'bad.jsonl'), 'hello\n');
    expect((await run('audit', 'verify', '--anchors', path.join(cli.dataDir, 'bad.jsonl'))).code).toBe(2);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
  }, 180_000);
});
