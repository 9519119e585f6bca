import { MASKED, MESSAGES, ROLES } from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payFee } from '../../test/fees.ts';
import { birthData } from '../../test/fixtures.ts';
import { type Client, type Response, startTestApp, type TestApp } from '../../test/harness.ts';

/**
 * Who reads personal data: every role of the demo district office against one registered birth,
 * its history, versions, amendment requests, duplicates, certificates, the list and the search.
 */
let t: TestApp;
let id: string;
let surname: string;
const MISSING = '00000000-0000-4000-8000-000000000000';

// The personal fields some roles see masked, as the fixture's birth holds them.
const PASSPORT = '55501234';
const NEW_PASSPORT = '55509999';
const ADDRESS = 'кӯчаи Айнӣ 12, ҳуҷраи 5';

type Read = 'list' | 'search' | 'record' | 'certificates';
/** What each demo login may read, and whether it sees document numbers and addresses masked. */
const SEES: Record<string, { role: string; reads: Read[]; masked: boolean }> = {
  front: { role: 'front_office', reads: ['list', 'search', 'record', 'certificates'], masked: false },
  back: { role: 'back_office', reads: ['list', 'search', 'record', 'certificates'], masked: false },
  registrar: { role: 'registrar', reads: ['list', 'search', 'record', 'certificates'], masked: false },
  head: { role: 'head_of_office', reads: ['list', 'search', 'record', 'certificates'], masked: false },
  admin: { role: 'central_admin', reads: ['list', 'search', 'record', 'certificates'], masked: false },
  archivist: { role: 'archivist', reads: ['list', 'search', 'record'], masked: true },
  verifier: { role: 'verifier', reads: ['list', 'search', 'record'], masked: true },
  auditor: { role: 'auditor', reads: ['record', 'certificates'], masked: false },
  statistician: { role: 'statistician', reads: [], masked: false },
};

beforeAll(async () => {
  t = await startTestApp();
  const front = await t.as('front');
  const data = birthData();
  data.mother.idDocument = { type: 'PASSPORT', series: 'A', number: PASSPORT };
  data.mother.residence = { ...data.mother.residence, address: ADDRESS };
  surname = data.child.surname;
  const created = await front.post('/api/v1/records', { kind: 'BIRTH', data });
  expect(created.status).toBe(201);
  id = created.body.id;
  expect((await front.post(`/api/v1/records/${id}/submit`)).status).toBe(200);
  expect((await (await t.as('back')).post(`/api/v1/records/${id}/validate`)).status).toBe(200);
  const registrar = await t.as('registrar');
  expect((await registrar.post(`/api/v1/records/${id}/register`)).status).toBe(200);
  // a new passport, asked for and approved: the history and versions carry both numbers
  const asked = await front.post(`/api/v1/records/${id}/amendments`, {
    patch: { mother: { idDocument: { number: NEW_PASSPORT } } },
    reason: 'Шиносномаи нав',
    basis: { type: 'APPLICATION', number: '12', date: '2025-05-12', issuer: 'Модар' },
  });
  expect(asked.status).toBe(201);
  await payFee(front, id, 'amendment');
  const approved = await registrar.post(`/api/v1/records/${id}/amendments/approve`, {});
  expect(approved.status).toBe(200);
});
afterAll(() => t.close());

function expectRefused(res: Response, key: string) {
  expect(res.status).toBe(403);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.body.key).toBe(key);
  // nothing of the record in the answer
  expect(JSON.stringify(res.body)).not.toContain(surname);
}

/** The reads of one record by its id, and the personal fields each shows those who see them. */
const SECRETS: Record<string, string[]> = {
  '': [NEW_PASSPORT, ADDRESS],
  '/history': [PASSPORT, NEW_PASSPORT, ADDRESS],
  '/versions': [PASSPORT, NEW_PASSPORT, ADDRESS],
  '/amendments': [NEW_PASSPORT],
  '/duplicates': [NEW_PASSPORT, ADDRESS],
};
const RECORD_READS = Object.keys(SECRETS);

describe.each(Object.entries(SEES))('%s', (login, sees) => {
  let c: Client;
  beforeAll(async () => {
    c = await t.as(login);
  });
  const may = (read: Read) => sees.reads.includes(read);

  it('covers a role of the matrix', () => {
    expect(ROLES).toContain(sees.role);
  });

  it(`reads a record by its id ${may('record') ? (sees.masked ? 'with documents and addresses masked' : 'in full') : 'never'}`, async () => {
    for (const path of RECORD_READS) {
      const res = await c.get(`/api/v1/records/${id}${path}`);
      if (!may('record')) {
        expectRefused(res, 'problem.read.record');
        // the same answer for a record that does not exist: no oracle
        expectRefused(await c.get(`/api/v1/records/${MISSING}${path}`), 'problem.read.record');
        continue;
      }
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      const text = JSON.stringify(res.body);
      if (path === '' || path === '/versions' || path === '/history') expect(text).toContain(surname);
      for (const secret of SECRETS[path]!) {
        expect({ path, secret, shown: text.includes(secret) }).toEqual({ path, secret, shown: !sees.masked });
      }
      if (sees.masked) expect(text).toContain(MASKED);
    }
    if (may('record') && sees.masked) {
      const rec = (await c.get(`/api/v1/records/${id}`)).body;
      expect(rec.data.mother.idDocument).toEqual({ type: 'PASSPORT', series: MASKED, number: MASKED });
      expect(rec.data.mother.residence.address).toBe(MASKED);
      expect(rec.data.mother.residence.unit).toBe('DU-03');
      const versions = (await c.get(`/api/v1/records/${id}/versions`)).body.items;
      expect(versions[1].changes).toContainEqual({
        path: 'mother.idDocument.number',
        before: MASKED,
        after: MASKED,
      });
    }
  });

  it(`${may('list') ? 'lists' : 'does not list'} records`, async () => {
    const res = await c.get('/api/v1/records?status=registered&limit=100');
    if (!may('list')) return expectRefused(res, 'problem.read.list');
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { id: string }) => r.id)).toContain(id);
  });

  it(`${may('search') ? 'searches' : 'does not search'} by name${sees.masked ? ', not by a document' : ''}`, async () => {
    const byName = await c.get(`/api/v1/search?q=${encodeURIComponent(surname)}`);
    const byDocument = await c.get(`/api/v1/search?document=A${NEW_PASSPORT}`);
    const typed = await c.get(`/api/v1/search?q=${encodeURIComponent(`A ${NEW_PASSPORT}`)}`);
    if (!may('search')) {
      for (const res of [byName, byDocument, typed]) expectRefused(res, 'problem.read.search');
      return;
    }
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((h: { id: string }) => h.id)).toContain(id);
    for (const res of [byDocument, typed]) {
      if (sees.masked) expectRefused(res, 'problem.read.documentSearch');
      else expect(res.body.items.map((h: { id: string }) => h.id)).toEqual([id]);
    }
  });

  it(`${may('certificates') ? 'reads' : 'does not read'} certificates`, async () => {
    const list = await c.get(`/api/v1/records/${id}/certificates`);
    const one = await c.get(`/api/v1/certificates/${MISSING}`);
    const preview = await c.get(`/api/v1/records/${id}/certificates/preview`);
    if (!may('certificates')) {
      // before anything is looked up: a certificate that does not exist is refused alike
      for (const res of [list, one, preview]) expectRefused(res, 'problem.read.certificates');
      return;
    }
    expect(list.status).toBe(200);
    expect(one.status).toBe(404);
  });

  it('counts the queues (aggregates, no personal data)', async () => {
    const res = await c.get('/api/v1/records/counts');
    expect(res.status).toBe(200);
    expect(res.body.registered).toBeGreaterThan(0);
  });
});

describe('a refused read', () => {
  it.each(['tg', 'ru', 'en'] as const)('is told in the reader’s language (%s)', async (lang) => {
    const stat = await t.as('statistician');
    const res = await stat.get(`/api/v1/search?q=${encodeURIComponent(surname)}`, {
      'accept-language': lang,
    });
    expectRefused(res, 'problem.read.search');
    expect(res.body.title).toBe(MESSAGES['problem.read.search'][lang]);
  });

  it("the auditor's read is itself audited", async () => {
    const auditor = await t.as('auditor');
    expect((await auditor.get(`/api/v1/records/${id}/history`)).status).toBe(200);
    const entry = await t.dbx.db
      .selectFrom('audit_log')
      .select(['event'])
      .where('actor_login', '=', 'auditor')
      .where('record_id', '=', id)
      .where('event', '=', 'record.history')
      .executeTakeFirst();
    expect(entry?.event).toBe('record.history');
  });
});
