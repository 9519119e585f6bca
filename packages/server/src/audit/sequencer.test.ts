import { randomUUID } from 'node:crypto';
import { outboxEvent } from '@sabt/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testActor } from '../jobs/testing/helpers.ts';
import { appendAuditAndEvents } from '../outbox/append-outbox.ts';
import { birthData } from '../test/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../test/harness.ts';
import { R, registerThrough, type Workflow } from '../test/workflow.ts';
import { auditRead, readEvent, runWrite } from '../unit-of-work/write.ts';
import { verifyAudit } from './audit-log.ts';
import { sequenceAudit, startAuditSequencer } from './sequencer.ts';

const server = process.env.SABT_TEST_DATABASE_URL;

/** The audit chain computed after commit: no transaction waits for another's audit entries. */

let t: TestApp;
let w: Workflow;
let back: Client;
let recordId: string;

beforeAll(async () => {
  t = await startTestApp();
  const [front, b, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
  w = { front, back: b, registrar };
  back = b;
  recordId = (await registerThrough(w, 'BIRTH', birthData())).id;
}, 120_000);
afterAll(() => t?.close());

/** A write as commands make them: an audit entry and, every other one, an outbox event. */
const write = (n: number) =>
  runWrite(t.dbx, testActor, t.config, { key: undefined, fingerprint: n }, async (ctx) => {
    const id = randomUUID();
    ctx.audit.push({ event: 'test.write', recordId: id, detail: { n } });
    if (n % 2 === 0)
      ctx.events.push(
        outboxEvent('record.annulled', {
          recordId: id,
          kind: 'BIRTH',
          officeId: 'DU-03-00',
          nationalId: null,
          basis: 'DUPLICATE',
        }),
      );
    return { status: 200, body: {} };
  });

describe('the audit chain under concurrent writers and readers', () => {
  // thousands on PostgreSQL, fewer on the embedded database (one session: nothing runs at once there)
  const WRITES = server ? 2000 : 300;
  const READS = server ? 2000 : 300;
  const CLIENTS = 32;

  it('stays gapless and verifies: each entry chained once, none lost, two sequencers at once', async () => {
    await sequenceAudit(t.dbx.db);
    const before = await verifyAudit(t.dbx.db);
    // a second sequencer beside the app's, as another process would run (on connections of its own)
    const second = startAuditSequencer(t.dbx.db, { pollMs: 5 });
    try {
      let next = 0;
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, c) => {
          for (let i = next++; i < WRITES + READS; i = next++) {
            if (i % 2 === 0) await write(i);
            else if (i % 20 === 1) expect((await back.get(`${R}/${recordId}`)).status).toBe(200);
            else await auditRead(t.dbx, [readEvent(testActor, 'test.read', recordId, { i, c })]);
          }
        }),
      );
    } finally {
      await second.stop();
    }
    await sequenceAudit(t.dbx.db);
    const after = await verifyAudit(t.dbx.db);
    expect(after.findings).toEqual([]);
    expect(after.ok).toBe(true);
    expect(after.pending).toBe(0);
    const added = after.entries - before.entries - before.pending;
    // every write and read once (the API reads are audited as record.read)
    expect(added).toBe(WRITES + READS);
    const counts = await sql<{ event: string; n: number; distinct_n: number }>`
      SELECT event, count(*)::int AS n, count(DISTINCT coalesce(detail->>'n', detail->>'i'))::int AS distinct_n
        FROM audit_log WHERE event IN ('test.write', 'test.read') GROUP BY event`.execute(t.dbx.db);
    const writes = counts.rows.find((r) => r.event === 'test.write')!;
    expect([writes.n, writes.distinct_n]).toEqual([WRITES, WRITES]);
    const reads = counts.rows.find((r) => r.event === 'test.read')!;
    expect(reads.n).toBe(reads.distinct_n);
    const head = await t.dbx.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    expect(Number(head.seq)).toBe(after.entries);
  }, 120_000);
});

describe.skipIf(!server)(
  'a transaction held open (PostgreSQL: the embedded database runs one at a time)',
  () => {
    it('keeps no reader nor other writer waiting: a record is read and another write commits meanwhile', async () => {
      const held = await t.dbx.db.startTransaction().execute();
      let settled = false;
      try {
        // a write at its very end, its audit entries and events written, not committed yet
        const marker = randomUUID();
        await appendAuditAndEvents(
          held,
          [{ event: 'test.held', recordId: marker, actorLogin: 'registrar' }],
          [],
        );
        const within = <T>(p: Promise<T>) =>
          Promise.race([
            p,
            new Promise<never>((_, reject) =>
              setTimeout(() => reject(new Error('waited for the open transaction')), 5000),
            ),
          ]);
        const read = await within(back.get(`${R}/${recordId}`));
        expect(read.status).toBe(200);
        const history = await within(back.get(`${R}/${recordId}/history`));
        expect(history.status).toBe(200);
        await within(write(1));
        // and the entries committed meanwhile are chained, the open one's not (it has not committed)
        await within(sequenceAudit(t.dbx.db));
        const open = await t.dbx.db
          .selectFrom('audit_log')
          .select('id')
          .where('event', '=', 'test.held')
          .execute();
        expect(open).toEqual([]);
        await held.commit().execute();
        settled = true;
        expect(await sequenceAudit(t.dbx.db)).toBeGreaterThanOrEqual(1);
        const chained = await t.dbx.db
          .selectFrom('audit_log')
          .select(['seq', 'hash'])
          .where('record_id', '=', marker)
          .executeTakeFirstOrThrow();
        expect(chained.seq).not.toBeNull();
        expect((await verifyAudit(t.dbx.db)).ok).toBe(true);
      } finally {
        if (!settled) await held.rollback().execute();
      }
    }, 60_000);
  },
);
