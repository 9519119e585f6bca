import { randomUUID } from 'node:crypto';
import { outboxEvent } from '@sabt/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequenceAudit } from '../audit/sequencer.ts';
import type { Actor } from '../auth/sessions.ts';
import { receiveBlanks } from '../certificates/testing/fixtures.ts';
import { DomainError } from '../errors/domain-error.ts';
import { payFee } from '../test/fees.ts';
import { birthData } from '../test/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../test/harness.ts';
import { registerThrough, show, type Workflow } from '../test/workflow.ts';
import { runWrite } from '../unit-of-work/write.ts';
import { appendOutbox } from './append-outbox.ts';
import { onOutboxWritten } from './outbox-signal.ts';
import { readOutbox } from './read-outbox.ts';

/** The transactional outbox: an event exists exactly when the change that made it committed. */

let t: TestApp;
let clerks: Workflow;
let head: Client;
let actor: Actor;

beforeAll(async () => {
  t = await startTestApp();
  const [front, back, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
  clerks = { front, back, registrar };
  head = await t.as('head');
  const user = await t.dbx.db
    .selectFrom('users')
    .select(['id', 'login'])
    .where('login', '=', 'registrar')
    .executeTakeFirstOrThrow();
  actor = {
    id: user.id,
    login: user.login,
    fullName: 'Outbox Test',
    role: 'registrar',
    officeId: 'DU-03-00',
    officeKind: 'district',
    officePath: 'x',
    sessionHash: 'x',
  };
});
afterAll(() => t?.close());

const annulled = (recordId: string) =>
  outboxEvent('record.annulled', {
    recordId,
    kind: 'BIRTH',
    officeId: 'DU-03-00',
    nationalId: null,
    basis: 'DUPLICATE',
  });

const eventsOf = (recordId: string) => readOutbox(t.dbx.db, { recordId, limit: 1000 });

describe('an event', () => {
  it('is in the outbox once its write commits, with its position, type, record, office and schema version', async () => {
    const recordId = randomUUID();
    const woken: number[] = [];
    const off = onOutboxWritten(() => woken.push(1));
    await runWrite(t.dbx, actor, t.config, { key: undefined, fingerprint: recordId }, async (ctx) => {
      ctx.events.push(annulled(recordId));
      return { status: 200, body: {} };
    });
    off();
    const [e, ...more] = await eventsOf(recordId);
    expect(more).toEqual([]);
    expect(e).toMatchObject({
      type: 'record.annulled',
      schemaVersion: 1,
      recordId,
      officeId: 'DU-03-00',
      payload: { recordId, basis: 'DUPLICATE' },
      dispatchedAt: null,
    });
    expect(e!.position).toBeGreaterThan(0);
    // the dispatcher of this process is told after the commit
    expect(woken).toEqual([1]);
  });

  it('is not there when its write fails, nor when its transaction rolls back after writing it', async () => {
    const recordId = randomUUID();
    await expect(
      runWrite(t.dbx, actor, t.config, { key: undefined, fingerprint: recordId }, async (ctx) => {
        ctx.events.push(annulled(recordId));
        throw new DomainError('conflict', 'problem.conflict');
      }),
    ).rejects.toThrow(DomainError);
    await expect(
      t.dbx.db.transaction().execute(async (trx) => {
        await appendOutbox(trx, [annulled(recordId)]);
        const inside = await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM outbox WHERE record_id = ${recordId}`.execute(trx);
        expect(inside.rows[0]!.n).toBe(1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await eventsOf(recordId)).toEqual([]);
  });

  it('replayed by an idempotency key is not written twice', async () => {
    const recordId = randomUUID();
    for (let i = 0; i < 2; i++) {
      await runWrite(t.dbx, actor, t.config, { key: `k-${recordId}`, fingerprint: recordId }, async (ctx) => {
        ctx.events.push(annulled(recordId));
        return { status: 200, body: {} };
      });
    }
    expect(await eventsOf(recordId)).toHaveLength(1);
  });

  it('takes its position in commit order, the order of the audit chain, also for concurrent writes', async () => {
    const ids: string[] = Array.from({ length: 16 }, () => randomUUID());
    await Promise.all(
      ids.map((recordId, i) =>
        runWrite(t.dbx, actor, t.config, { key: undefined, fingerprint: recordId }, async (ctx) => {
          // writes of different lengths, so they reach the end in another order than they began
          await sql`SELECT pg_sleep(${(i % 4) * 0.005})`.execute(ctx.trx);
          // every other write has events but no audit entries: the lock is taken all the same
          if (i % 2 === 0) ctx.audit.push({ event: 'test.write', recordId });
          ctx.events.push(annulled(recordId), annulled(recordId));
          return { status: 200, body: {} };
        }),
      ),
    );
    const events = (await readOutbox(t.dbx.db, { limit: 10_000 })).filter((e) => ids.includes(e.recordId!));
    expect(events).toHaveLength(32);
    // the two events of a write are next to each other
    for (let i = 0; i < events.length; i += 2) {
      expect(events[i + 1]!.recordId).toBe(events[i]!.recordId);
      expect(events[i + 1]!.position).toBe(events[i]!.position + 1);
    }
    // and the writes with audit entries are in the same order in both, once chained
    await sequenceAudit(t.dbx.db);
    const seqs = await t.dbx.db
      .selectFrom('audit_log')
      .select(['seq', 'record_id'])
      .where('event', '=', 'test.write')
      .where('record_id', 'in', ids)
      .orderBy('seq')
      .execute();
    const audited = events.filter(
      (_, i) => i % 2 === 0 && seqs.some((s) => s.record_id === events[i]!.recordId),
    );
    expect(audited.map((e) => e.recordId)).toEqual(seqs.map((s) => s.record_id));
  });
});

describe('the record commands', () => {
  it('register, amend and annul: record.registered, the amendment paid, record.amended, record.annulled', async () => {
    const rec = await registerThrough(clerks, 'BIRTH', birthData());
    const asked = await clerks.front.post(`/api/v1/records/${rec.id}/amendments`, {
      patch: { child: { name: 'Фарангис' } },
      reason: 'Хатои имлоӣ дар ном',
      basis: { type: 'APPLICATION', number: '12', date: '2025-05-12' },
    });
    expect(asked.status, show(asked)).toBe(201);
    await payFee(clerks.front, rec.id, 'amendment');
    const approved = await clerks.registrar.post(`/api/v1/records/${rec.id}/amendments/approve`);
    expect(approved.status, show(approved)).toBe(200);
    const court = { court: 'Суди ноҳияи Фирдавсӣ ш. Душанбе', caseNumber: '2-114/2026', date: '2026-02-20' };
    const annul = await clerks.registrar.post(`/api/v1/records/${rec.id}/annul`, {
      reason: 'Суд сабтро беэътибор донист',
      basis: { type: 'COURT_DECISION', court },
    });
    expect(annul.status, show(annul)).toBe(200);

    const all = await eventsOf(rec.id);
    expect(all.map((e) => e.type)).toEqual([
      'record.registered',
      'payment.recorded',
      'record.amended',
      'record.annulled',
    ]);
    expect(all[1]!.payload).toMatchObject({ kind: 'payment', purpose: 'amendment', service: 'RECORD_AMEND' });
    const events = all.filter((e) => e.type !== 'payment.recorded');
    const cite = { recordId: rec.id, kind: 'BIRTH', officeId: rec.office, nationalId: rec.nationalId };
    expect(events[0]!.payload).toEqual({
      ...cite,
      year: rec.year,
      number: rec.number,
      version: 1,
      registeredAt: expect.any(String),
    });
    expect(events[1]!.payload).toEqual({
      ...cite,
      version: 2,
      previousVersion: 1,
      changedFields: ['child.name'],
      cause: { type: 'AMENDMENT', requestId: expect.any(String) },
    });
    expect(events[2]!.payload).toEqual({ ...cite, basis: 'COURT_DECISION', court });
  });

  it('a restored record, once registered: record.registered and record.restored with the court decision', async () => {
    const court = { court: 'Суди ноҳияи Фрунзе', caseNumber: '2-77/2026', date: '2026-01-15' };
    const original = { number: '312', date: '1994-07-02', office: 'ШСАҲШ-и ноҳияи Фрунзе' };
    const res = await clerks.back.post('/api/v1/records/restorations', {
      kind: 'BIRTH',
      data: birthData(),
      court,
      original,
    });
    expect(res.status, show(res)).toBe(201);
    expect(await eventsOf(res.body.id)).toEqual([]);
    for (const [by, action] of [
      [clerks.front, 'submit'],
      [clerks.back, 'validate'],
      [clerks.registrar, 'register'],
    ] as const) {
      const step = await by.post(`/api/v1/records/${res.body.id}/${action}`);
      expect(step.status, show(step)).toBe(200);
    }
    const events = await eventsOf(res.body.id);
    expect(events.map((e) => e.type)).toEqual(['record.registered', 'record.restored']);
    expect(events[1]!.payload).toMatchObject({ recordId: res.body.id, court, original });
  });

  it('issuing a certificate: certificate.issued', async () => {
    await receiveBlanks(head, { from: '000001', to: '000005' });
    const rec = await registerThrough(clerks, 'BIRTH', birthData());
    const issued = await clerks.front.post(`/api/v1/records/${rec.id}/certificates`, { mode: 'full' });
    expect(issued.status, show(issued)).toBe(201);
    const [, e] = await eventsOf(rec.id);
    expect(e).toMatchObject({
      type: 'certificate.issued',
      payload: {
        recordId: rec.id,
        certificateId: issued.body.id,
        document: 'BIRTH_CERTIFICATE',
        issue: 'first',
        holder: null,
        recordVersion: 1,
        supersedes: [],
      },
    });
  });
});
