import { toLatin } from '@sabt/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recountRecords } from '../queries/record-counts.ts';
import { type Client, startTestApp, type TestApp } from '../test/harness.ts';
import { DEMO_REGISTRY_EVENT, type DemoRegistryResult, loadDemoRegistry } from './demo-registry.ts';

/** The demo registry as the demo users see it through the API (one app, loaded once). */

let t: TestApp;
let loaded: DemoRegistryResult;
let front: Client;
let back: Client;
let registrar: Client;
let head: Client;

const R = '/api/v1/records';
const show = (res: { body: unknown }) => JSON.stringify(res.body);

const counts = async () => {
  const res = await sql<{ records: number; actions: number; persons: number; blanks: number; audit: number }>`
    SELECT (SELECT count(*)::int FROM records) AS records, (SELECT count(*)::int FROM record_actions) AS actions,
      (SELECT count(*)::int FROM record_persons) AS persons, (SELECT count(*)::int FROM blanks) AS blanks,
      (SELECT count(*)::int FROM audit_log WHERE event = ${DEMO_REGISTRY_EVENT}) AS audit`.execute(t.dbx.db);
  return res.rows[0]!;
};

beforeAll(async () => {
  t = await startTestApp();
  loaded = await loadDemoRegistry(t.app, t.dbx, { records: 2000 });
  front = await t.as('front');
  back = await t.as('back');
  registrar = await t.as('registrar');
  head = await t.as('head');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the demo registry', () => {
  it('holds thousands of registered records of all seven acts', async () => {
    expect(loaded.loaded).toBe(true);
    expect(loaded.records).toBeGreaterThan(2000);
    expect(Object.keys(loaded.byKind).sort()).toEqual([
      'ADOPTION',
      'BIRTH',
      'DEATH',
      'DIVORCE',
      'MARRIAGE',
      'NAME_CHANGE',
      'PATERNITY',
    ]);
    const mine = await registrar.get(`${R}?status=registered&limit=5`);
    expect(mine.status, show(mine)).toBe(200);
    expect(mine.body.total).toBeGreaterThan(300);
  });

  it('hands the desks over: who must use two-factor sign-in sets it up at their own first sign-in', async () => {
    const entry = await t.dbx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('event', '=', 'demo.two-factor-handed-over')
      .executeTakeFirstOrThrow();
    expect((entry.detail as { logins: string[] }).logins.sort()).toEqual([
      'head',
      'jamoat',
      'registrar',
      'rudaki',
    ]);
    const first = await t.anonymous().post('/api/v1/auth/login', { login: 'rudaki', password: 'sabt-demo' });
    expect(first.body).toMatchObject({ login: 'rudaki', twoFactorEnrolmentRequired: true });
  });

  it('gives each demo role work in its queue', async () => {
    const total = async (c: Client, q: string) => (await c.get(`${R}?${q}`)).body.total as number;
    expect(await total(front, 'status=draft')).toBeGreaterThanOrEqual(2);
    expect(await total(front, 'flag=rejected')).toBe(1);
    expect(await total(back, 'status=submitted')).toBeGreaterThanOrEqual(3);
    expect(await total(registrar, 'status=validated')).toBe(2);
    expect(await total(registrar, 'flag=amendment-requested')).toBe(1);
    expect(await total(back, 'flag=possible-duplicate')).toBe(1);
    const jamoat = await t.as('jamoat');
    expect(await total(jamoat, 'status=draft')).toBe(1);
    expect(await total(jamoat, 'flag=self-registered')).toBe(1);
  });

  it('leaves the list and queue counters as a recount makes them (the bulk written in one statement per table)', async () => {
    expect(await recountRecords(t.dbx.db)).toEqual([]);
  });

  it('shows a generated record with its history: who did what, and when', async () => {
    const { id } = await t.dbx.db
      .selectFrom('records')
      .select('id')
      .where('office_id', '=', 'DU-03-00')
      .where('kind', '=', 'MARRIAGE')
      .where('year', '<', 2000)
      .where(sql<boolean>`cardinality(flags) = 0`)
      .orderBy('number')
      .executeTakeFirstOrThrow();
    const history = await registrar.get(`${R}/${id}/history`);
    expect(history.status, show(history)).toBe(200);
    const items = history.body.items as { action: string; by: { login: string } | null }[];
    expect(items.map((a) => a.action)).toEqual(['create', 'submit', 'validate', 'register']);
    expect(items.map((a) => a.by?.login)).toEqual(['front', 'front', 'back', 'registrar']);
    const rec = await registrar.get(`${R}/${id}`);
    expect(rec.body).toMatchObject({ status: 'registered', kind: 'MARRIAGE', version: 1 });
    expect(rec.body.nationalId).toMatch(/^\d{18}$/);
  });

  it('shows on earlier records what later acts did: a death noted, a marriage ended, a name changed', async () => {
    const links = async (type: string) =>
      t.dbx.db
        .selectFrom('record_links as l')
        .innerJoin('records as r', 'r.id', 'l.record_id')
        .select('l.record_id as id')
        .where('l.type', '=', type)
        .where('r.office_id', '=', 'DU-03-00')
        .executeTakeFirstOrThrow();
    const died = await links('death');
    const rec = await registrar.get(`${R}/${died.id}`);
    expect(rec.body.flags).toContain('deceased');
    expect(rec.body.notations.map((n: { type: string }) => n.type)).toContain('death');
    const widowed = await links('ended-by-death');
    const marriage = await registrar.get(`${R}/${widowed.id}`);
    expect(marriage.body.flags).toContain('ended');
    expect(marriage.body.notations.map((n: { type: string }) => n.type)).toContain('marriage-ended-by-death');
    const renamed = await links('name-change');
    const history = (await registrar.get(`${R}/${renamed.id}/history`)).body.items;
    const amend = history.find((a: { action: string }) => a.action === 'amend');
    expect(amend, JSON.stringify(history)).toBeDefined();
    const versions = await registrar.get(`${R}/${renamed.id}/versions`);
    expect(versions.body.items).toHaveLength(2);
  });

  it('finds a generated person written in Latin letters', async () => {
    const row = await t.dbx.db
      .selectFrom('records')
      .select(['id', 'surname', 'given_name', 'birth_date'])
      .where('office_id', '=', 'DU-03-00')
      .where('kind', '=', 'BIRTH')
      .where('surname', 'like', '%ҳ%')
      .where('version', '=', 1)
      .orderBy('number')
      .executeTakeFirstOrThrow();
    const q = new URLSearchParams({
      surname: toLatin(row.surname!),
      name: toLatin(row.given_name!),
      birthDate: row.birth_date!,
    });
    const res = await front.get(`/api/v1/search?${q}`);
    expect(res.status, show(res)).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toContain(row.id);
  });

  it('hides a sealed adoption from the front office, not from the registrar', async () => {
    const list = await registrar.get(`${R}?kind=ADOPTION`);
    const id = list.body.items[0].id;
    const sealed = await front.get(`${R}/${id}`);
    expect(sealed.status, show(sealed)).toBe(200);
    expect(sealed.body.sealed).toBe(true);
    expect(sealed.body.data).toBeNull();
    expect(show(sealed)).not.toContain('Ҳамидзода');
    const reader = await registrar.get(`${R}/${id}`);
    expect(reader.body.data.childBefore.surname).toBe('Ҳамидзода');
  });

  it('links the paternity and the divorce to the records they change', async () => {
    for (const [kind, type, status] of [
      ['PATERNITY', 'amends-birth', 'registered'],
      ['DIVORCE', 'dissolves', 'registered'],
    ]) {
      const list = await registrar.get(`${R}?kind=${kind}`);
      const rec = await registrar.get(`${R}/${list.body.items[0].id}`);
      const links = rec.body.links as { type: string; recordId: string }[];
      expect(
        links.map((l) => l.type),
        `${kind}: ${show(rec)}`,
      ).toContain(type);
      expect(rec.body.status).toBe(status);
    }
  });

  it('lists the possible duplicate beside the registered birth it repeats', async () => {
    const list = await back.get(`${R}?flag=possible-duplicate`);
    const id = list.body.items[0].id;
    const dups = await back.get(`${R}/${id}/duplicates`);
    expect(dups.status, show(dups)).toBe(200);
    expect(dups.body.candidates.length).toBeGreaterThanOrEqual(1);
    expect(dups.body.candidates[0]).toMatchObject({ status: 'open', record: { status: 'registered' } });
  });

  it('has blanks received, spoiled and lost, and certificates issued', async () => {
    const stock = (await head.get('/api/v1/blanks/stock')).body;
    const births = stock.documents.find((d: { document: string }) => d.document === 'BIRTH_CERTIFICATE');
    expect(births.total).toBe(100);
    expect(births.counts).toMatchObject({ SPOILED: 1, LOST: 1, SPOIL_REQUESTED: 1, ISSUED: 2 });
    expect(stock.documents.length).toBe(7);
  });

  it('lets the registrar issue a certificate on the next free blank straight away', async () => {
    const next = await registrar.get('/api/v1/blanks/next?document=BIRTH_CERTIFICATE');
    expect(next.status, show(next)).toBe(200);
    // 000001–000003 spoiled, lost or reported, 000004 and 000005 issued by the demo
    expect(next.body.blank).toMatchObject({ series: 'I-ДУ', number: '000006' });
    const list = await registrar.get(`${R}?status=registered&kind=BIRTH&limit=50`);
    const bare = [];
    for (const item of list.body.items as { id: string }[]) {
      const certs = await registrar.get(`${R}/${item.id}/certificates`);
      if (certs.body.items.length === 0) bare.push(item.id);
      if (bare.length) break;
    }
    const issued = await registrar.post(`${R}/${bare[0]}/certificates`, { mode: 'full' });
    expect(issued.status, show(issued)).toBe(201);
    expect(issued.body).toMatchObject({ series: 'I-ДУ', number: '000006' });
  });

  it('lets the jamoat registrar print on the blanks the district handed over', async () => {
    const jamoat = await t.as('jamoat');
    const stock = (await jamoat.get('/api/v1/blanks/stock')).body;
    const births = stock.documents.find((d: { document: string }) => d.document === 'BIRTH_CERTIFICATE');
    expect(births).toMatchObject({ receivedByTransfer: 20, total: 20 });
    const district = (await (await t.as('rudaki')).get('/api/v1/blanks/stock')).body;
    expect(district.documents[0]).toMatchObject({
      document: 'BIRTH_CERTIFICATE',
      transferredOut: 20,
      total: 30,
    });
    // the jamoat sees its own records: the birth its registrar registered
    const mine = await jamoat.get(`${R}?status=registered&kind=BIRTH`);
    const own = (mine.body.items as { id: string }[])[0];
    expect(own, show(mine)).toBeTruthy();
    const issued = await jamoat.post(`${R}/${own!.id}/certificates`, { mode: 'full' });
    expect(issued.status, show(issued)).toBe(201);
    expect(issued.body).toMatchObject({ series: 'I-РД', number: '000001' });
  });

  it('is loaded once: loading again adds nothing', async () => {
    const before = await counts();
    expect(before.audit).toBe(1);
    const again = await loadDemoRegistry(t.app, t.dbx, { records: 2000 });
    expect(again.loaded).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
