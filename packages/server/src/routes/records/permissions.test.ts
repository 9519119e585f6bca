import { ACT_KIND_DEFINITIONS, isValidNationalRecordId, type Role } from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../auth/users.ts';
import { birthData, deathData } from '../../test/fixtures.ts';
import { type Client, type Response, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let front: Client;
let back: Client;
let registrar: Client;
let jamoat: Client;

/** Users in other offices, made for this file: login → [role, office]. */
const OTHERS: Record<string, [Role, string]> = {
  su_registrar: ['registrar', 'SU-01-00'],
  hq_archivist: ['archivist', 'HQ-00-00'],
  du_archivist: ['archivist', 'DU'],
  du_registrar: ['registrar', 'DU'],
  su_archivist: ['archivist', 'SU'],
  hq_registrar: ['registrar', 'HQ-00-00'],
  jamoat_stat: ['statistician', 'RA-13-01'],
  rudaki_registrar: ['registrar', 'RA-13-00'],
};
const other: Record<string, Client> = {};

beforeAll(async () => {
  t = await startTestApp();
  for (const [login, [role, officeId]] of Object.entries(OTHERS)) {
    await createUser(
      t.dbx.db,
      { login, password: 'sabt-demo', fullName: `Test ${login}`, role, officeId },
      { demoPassword: true },
    );
  }
  [front, back, registrar, jamoat] = await Promise.all([
    t.as('front'),
    t.as('back'),
    t.as('registrar'),
    t.as('jamoat'),
  ]);
  for (const login of Object.keys(OTHERS)) other[login] = await t.as(login);
});
afterAll(() => t.close());

type Stage = 'draft' | 'submitted' | 'validated' | 'registered';
const WORKFLOW = ['edit', 'submit', 'validate', 'reject', 'register', 'cancel'];

/** A BIRTH record of DU-03-00 brought to the given status by the demo clerks. */
async function recordAt(stage: Stage, kind: 'BIRTH' | 'DEATH' = 'BIRTH'): Promise<string> {
  const created = await front.post('/api/v1/records', {
    kind,
    data: kind === 'BIRTH' ? birthData() : deathData(),
  });
  expect(created.status).toBe(201);
  const id: string = created.body.id;
  if (stage === 'draft') return id;
  expect((await front.post(`/api/v1/records/${id}/submit`)).status).toBe(200);
  if (stage === 'submitted') return id;
  expect((await back.post(`/api/v1/records/${id}/validate`)).status).toBe(200);
  if (stage === 'validated') return id;
  expect((await registrar.post(`/api/v1/records/${id}/register`)).status).toBe(200);
  return id;
}

/** What must not change when an action is refused: the record and its action log. */
async function snapshot(id: string) {
  const rec = await back.get(`/api/v1/records/${id}`);
  const history = await back.get(`/api/v1/records/${id}/history`);
  expect(rec.status).toBe(200);
  return {
    status: rec.body.status,
    revision: rec.body.revision,
    flags: rec.body.flags,
    data: rec.body.data,
    number: rec.body.number,
    history: history.body.items.map((h: { id: number; action: string }) => [h.id, h.action]),
  };
}

function expectProblem(res: Response, status: number, key: string) {
  expect(res.status).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.body.key).toBe(key);
  expect(res.body.status).toBe(status);
  expect(typeof res.body.title).toBe('string');
}

describe('roles', () => {
  it.each(['statistician', 'auditor', 'head', 'archivist', 'verifier', 'admin'])(
    '%s cannot create a record',
    async (login) => {
      const c = await t.as(login);
      const before = await back.get('/api/v1/records?limit=1');
      for (const kind of ['BIRTH', 'DEATH']) {
        const res = await c.post('/api/v1/records', {
          kind,
          data: kind === 'BIRTH' ? birthData() : deathData(),
        });
        expectProblem(res, 403, 'problem.forbidden');
      }
      const after = await back.get('/api/v1/records?limit=1');
      expect(after.body.total).toBe(before.body.total);
    },
  );

  it.each(['front', 'back', 'registrar'])('%s can create a record', async (login) => {
    const c = await t.as(login);
    const res = await c.post('/api/v1/records', { kind: 'DEATH', data: deathData() });
    expect(res.status).toBe(201);
    expect(res.body.office).toBe('DU-03-00');
  });

  it('front office cannot validate or register', async () => {
    const submitted = await recordAt('submitted');
    expectProblem(await front.post(`/api/v1/records/${submitted}/validate`), 403, 'problem.forbidden');
    expectProblem(
      await front.post(`/api/v1/records/${submitted}/reject`, { reason: 'хато' }),
      403,
      'problem.forbidden',
    );
    const validated = await recordAt('validated');
    expectProblem(await front.post(`/api/v1/records/${validated}/register`), 403, 'problem.forbidden');
  });

  it('back office cannot register', async () => {
    const validated = await recordAt('validated');
    expectProblem(await back.post(`/api/v1/records/${validated}/register`), 403, 'problem.forbidden');
  });

  it.each(['statistician', 'auditor', 'head', 'archivist', 'verifier', 'admin'])(
    '%s of the same office cannot edit, submit, validate, reject or register',
    async (login) => {
      const c = await t.as(login);
      const draft = await recordAt('draft');
      expectProblem(
        await c.patch(
          `/api/v1/records/${draft}`,
          { data: { child: { name: 'Нозия' } } },
          { 'if-match': '"1"' },
        ),
        403,
        'problem.forbidden',
      );
      expectProblem(await c.post(`/api/v1/records/${draft}/submit`), 403, 'problem.forbidden');
      const validated = await recordAt('validated');
      expectProblem(
        await c.post(`/api/v1/records/${validated}/reject`, { reason: 'хато' }),
        403,
        'problem.forbidden',
      );
      expectProblem(await c.post(`/api/v1/records/${validated}/register`), 403, 'problem.forbidden');
      // they may still read what they cannot change, if their role reads records at all
      const read = await c.get(`/api/v1/records/${validated}`);
      if (login === 'statistician') return expectProblem(read, 403, 'problem.read.record');
      expect(read.status).toBe(200);
      expect(read.body.actions).toEqual([]);
    },
  );
});

describe('statuses', () => {
  it('validating a draft is a 409 conflict naming the action and status', async () => {
    const id = await recordAt('draft');
    const res = await back.post(`/api/v1/records/${id}/validate`, undefined, { 'accept-language': 'en' });
    expectProblem(res, 409, 'problem.transitionNotAllowed');
    expect(res.body.title).toContain('validate');
    expect(res.body.title).toContain('draft');
  });

  it('registering a submitted record, submitting twice and editing a registered record are 409s', async () => {
    const submitted = await recordAt('submitted');
    expectProblem(
      await registrar.post(`/api/v1/records/${submitted}/register`),
      409,
      'problem.transitionNotAllowed',
    );
    expectProblem(
      await front.post(`/api/v1/records/${submitted}/submit`),
      409,
      'problem.transitionNotAllowed',
    );
    const registered = await recordAt('registered');
    expectProblem(
      await registrar.post(`/api/v1/records/${registered}/register`),
      409,
      'problem.transitionNotAllowed',
    );
    expectProblem(
      await back.post(`/api/v1/records/${registered}/reject`, { reason: 'хато' }),
      409,
      'problem.transitionNotAllowed',
    );
    expectProblem(
      await registrar.patch(
        `/api/v1/records/${registered}`,
        { data: { child: { name: 'Нозия' } } },
        { 'if-match': '"4"' },
      ),
      409,
      'problem.transitionNotAllowed',
    );
  });
});

describe('jurisdiction', () => {
  it('a registrar of another district (SU-01-00) can neither act on nor read a DU-03-00 record: it looks missing', async () => {
    const su = other.su_registrar!;
    const submitted = await recordAt('submitted');
    const validated = await recordAt('validated');
    const before = [await snapshot(submitted), await snapshot(validated)];
    expectProblem(await su.post(`/api/v1/records/${submitted}/validate`), 404, 'problem.notFound');
    expectProblem(await su.post(`/api/v1/records/${validated}/register`), 404, 'problem.notFound');
    expectProblem(
      await su.post(`/api/v1/records/${validated}/reject`, { reason: 'хато' }),
      404,
      'problem.notFound',
    );
    expectProblem(await su.get(`/api/v1/records/${validated}`), 404, 'problem.notFound');
    expectProblem(await su.get(`/api/v1/records/${validated}/history`), 404, 'problem.notFound');
    const draft = await recordAt('draft');
    expectProblem(
      await su.patch(
        `/api/v1/records/${draft}`,
        { data: { child: { name: 'Нозия' } } },
        { 'if-match': '"1"' },
      ),
      404,
      'problem.notFound',
    );
    // the answer for someone else's record is the same as for a record that does not exist
    const missing = await su.get('/api/v1/records/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect((await su.get(`/api/v1/records/${validated}`)).body).toEqual(missing.body);
    const list = await su.get('/api/v1/records?limit=200');
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).not.toContain(validated);
    expect(list.body.items.every((r: { office: string }) => r.office === 'SU-01-00')).toBe(true);
    expect([await snapshot(submitted), await snapshot(validated)]).toEqual(before);
  });

  it('the central office reads every record, anywhere, but may act on none', async () => {
    const du = await recordAt('registered');
    const created = await jamoat.post('/api/v1/records', { kind: 'BIRTH', data: birthData() });
    expect(created.status).toBe(201);
    const hq = other.hq_archivist!;
    for (const id of [du, created.body.id]) {
      const read = await hq.get(`/api/v1/records/${id}`);
      expect(read.status).toBe(200);
      expect(read.body.id).toBe(id);
      expect(read.body.actions).toEqual([]);
      expect((await hq.get(`/api/v1/records/${id}/history`)).status).toBe(200);
    }
    const list = await hq.get('/api/v1/records?limit=200');
    const offices = new Set(list.body.items.map((r: { office: string }) => r.office));
    expect(offices).toContain('DU-03-00');
    expect(offices).toContain('RA-13-01');
    // a registrar at the centre reads too, but acts only in their own office
    const hqRegistrar = other.hq_registrar!;
    const validated = await recordAt('validated');
    expect((await hqRegistrar.get(`/api/v1/records/${validated}`)).body.actions).toEqual([]);
    expectProblem(
      await hqRegistrar.post(`/api/v1/records/${validated}/register`),
      403,
      'problem.outsideOffice',
    );
  });

  it('a user of region DU reads DU-03-00 records; a user of region SU does not', async () => {
    const id = await recordAt('submitted');
    const du = await other.du_archivist!.get(`/api/v1/records/${id}`);
    expect(du.status).toBe(200);
    expect(du.body.office).toBe('DU-03-00');
    expect(du.body.actions).toEqual([]);
    expect(
      (await other.du_archivist!.get('/api/v1/records?limit=200')).body.items.map(
        (r: { id: string }) => r.id,
      ),
    ).toContain(id);
    expectProblem(await other.su_archivist!.get(`/api/v1/records/${id}`), 404, 'problem.notFound');
    expect(
      (await other.su_archivist!.get('/api/v1/records?limit=200')).body.items.map(
        (r: { id: string }) => r.id,
      ),
    ).not.toContain(id);
    // a regional registrar may read but not act in a district office
    const before = await snapshot(id);
    expectProblem(
      await other.du_registrar!.post(`/api/v1/records/${id}/validate`),
      403,
      'problem.outsideOffice',
    );
    expect(await snapshot(id)).toEqual(before);
  });

  it('filtering the list by another office does not widen the jurisdiction', async () => {
    const id = await recordAt('draft');
    const res = await other.su_registrar!.get('/api/v1/records?office=DU-03-00&limit=200');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
    expect(res.body.items.map((r: { id: string }) => r.id)).not.toContain(id);
  });
});

describe('office kinds', () => {
  it('the jamoat registrar creates, submits, validates and registers a birth in the jamoat', async () => {
    const created = await jamoat.post('/api/v1/records', { kind: 'BIRTH', data: birthData() });
    expect(created.status).toBe(201);
    expect(created.body.office).toBe('RA-13-01');
    expect(created.body.actions).toEqual(['edit', 'submit', 'cancel']);
    const id = created.body.id;
    const submitted = await jamoat.post(`/api/v1/records/${id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.actions).toEqual(['validate', 'reject']);
    const validated = await jamoat.post(`/api/v1/records/${id}/validate`);
    expect(validated.status).toBe(200);
    expect(validated.body.actions).toEqual(['reject', 'register']);
    const registered = await jamoat.post(`/api/v1/records/${id}/register`);
    expect(registered.status).toBe(200);
    expect(registered.body.status).toBe('registered');
    // no workflow step is left; annulment is not a jamoat's business
    expect(registered.body.actions.filter((a: string) => WORKFLOW.includes(a))).toEqual([]);
    expect(registered.body.actions).not.toContain('annul');
    expect(isValidNationalRecordId(registered.body.nationalId)).toBe(true);
    // kind digit 1, then the jamoat's office number 05 13 01
    expect(registered.body.nationalId.slice(0, 7)).toBe('1051301');
    const history = await jamoat.get(`/api/v1/records/${id}/history`);
    expect(history.body.items.map((h: { action: string; office: string }) => [h.action, h.office])).toEqual([
      ['create', 'RA-13-01'],
      ['submit', 'RA-13-01'],
      ['validate', 'RA-13-01'],
      ['register', 'RA-13-01'],
    ]);
  });

  it('the jamoat registrar can also work with deaths, the demo district staff cannot see jamoat records', async () => {
    const created = await jamoat.post('/api/v1/records', { kind: 'DEATH', data: deathData() });
    expect(created.status).toBe(201);
    expectProblem(await back.get(`/api/v1/records/${created.body.id}`), 404, 'problem.notFound');
    // Rudaki district office is the jamoat's parent: it reads, but cannot act
    const rudaki = other.rudaki_registrar!;
    const read = await rudaki.get(`/api/v1/records/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.actions).toEqual([]);
    expectProblem(
      await rudaki.post(`/api/v1/records/${created.body.id}/submit`),
      403,
      'problem.outsideOffice',
    );
  });

  it('a statistician at the jamoat cannot create a birth there', async () => {
    const res = await other.jamoat_stat!.post('/api/v1/records', { kind: 'BIRTH', data: birthData() });
    expectProblem(res, 403, 'problem.forbidden');
  });

  it('the jamoat works with births, deaths, marriages and paternity only; a district office with every kind', async () => {
    const jamoatKinds = ['BIRTH', 'DEATH', 'MARRIAGE', 'PATERNITY'];
    expect(ACT_KIND_DEFINITIONS.length).toBeGreaterThanOrEqual(2);
    for (const def of ACT_KIND_DEFINITIONS) {
      const atJamoat = await jamoat.post('/api/v1/records', { kind: def.code, data: def.example });
      if (jamoatKinds.includes(def.code)) {
        expect({ kind: def.code, status: atJamoat.status }).toEqual({ kind: def.code, status: 201 });
        expect(atJamoat.body.office).toBe('RA-13-01');
      } else {
        expect({ kind: def.code, status: atJamoat.status }).toEqual({ kind: def.code, status: 403 });
        expectProblem(atJamoat, 403, 'problem.kindNotAllowedInOffice');
      }
      const atDistrict = await registrar.post('/api/v1/records', { kind: def.code, data: def.example });
      expect({ kind: def.code, status: atDistrict.status }).toEqual({ kind: def.code, status: 201 });
    }
  });

  it('the jamoat registrar cannot create a divorce, whatever the data', async () => {
    const before = (await jamoat.get('/api/v1/records?limit=1')).body.total;
    expectProblem(
      await jamoat.post('/api/v1/records', { kind: 'DIVORCE', data: {} }),
      403,
      'problem.kindNotAllowedInOffice',
    );
    expect((await jamoat.get('/api/v1/records?limit=1')).body.total).toBe(before);
  });

  it('kinds that do not exist are refused at the door', async () => {
    for (const c of [jamoat, registrar]) {
      const res = await c.post('/api/v1/records', { kind: 'CITIZENSHIP', data: {} });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('kind');
    }
  });

  it('regional and central offices register no act kind, even for a registrar', async () => {
    for (const c of [other.du_registrar!, other.hq_registrar!]) {
      const res = await c.post('/api/v1/records', { kind: 'BIRTH', data: birthData() });
      expectProblem(res, 403, 'problem.kindNotAllowedInOffice');
      const death = await c.post('/api/v1/records', { kind: 'DEATH', data: deathData() });
      expectProblem(death, 403, 'problem.kindNotAllowedInOffice');
    }
  });
});

describe('the actions list', () => {
  const EXPECTED: Record<Stage, Record<string, string[]>> = {
    // front started the draft: only its author (and the head of office) may cancel it
    draft: {
      front: ['edit', 'submit', 'cancel'],
      back: ['edit', 'submit'],
      registrar: ['edit', 'submit'],
      auditor: [],
      head: ['cancel'],
    },
    submitted: {
      front: [],
      back: ['validate', 'reject'],
      registrar: ['validate', 'reject'],
      auditor: [],
      head: [],
    },
    validated: { front: [], back: ['reject'], registrar: ['reject', 'register'], auditor: [], head: [] },
    registered: { front: [], back: [], registrar: [], auditor: [], head: [] },
  };
  /** Staff who take no part in the workflow (the head only cancels drafts): their list is exactly that. */
  const BYSTANDERS = ['auditor', 'head'];

  it.each(['draft', 'submitted', 'validated', 'registered'] as Stage[])(
    'lists what each role may do with a %s record',
    async (stage) => {
      const id = await recordAt(stage);
      for (const [login, expected] of Object.entries(EXPECTED[stage])) {
        const c = await t.as(login);
        const res = await c.get(`/api/v1/records/${id}`);
        expect(res.status).toBe(200);
        // the workflow steps exactly; operations on registered records (amendments, annulment) are not judged here
        const workflow = (res.body.actions as string[]).filter((a) => WORKFLOW.includes(a));
        expect({ login, actions: workflow }).toEqual({ login, actions: expected });
        if (stage !== 'registered' || BYSTANDERS.includes(login)) {
          expect({ login, actions: res.body.actions }).toEqual({ login, actions: expected });
        }
      }
    },
  );

  it('matches what the server then allows: every listed action succeeds, every other one is refused and changes nothing', async () => {
    const logins = ['front', 'back', 'registrar', 'archivist', 'auditor'];
    const transitions = ['submit', 'validate', 'reject', 'register', 'cancel'] as const;
    for (const stage of ['draft', 'submitted', 'validated', 'registered'] as Stage[]) {
      const shared = await recordAt(stage);
      for (const login of logins) {
        const c = await t.as(login);
        const listed: string[] = (await c.get(`/api/v1/records/${shared}`)).body.actions;
        for (const action of transitions) {
          const body =
            action === 'reject' || action === 'cancel' ? { reason: 'Маълумот нопурра' } : undefined;
          if (listed.includes(action)) {
            const fresh = await recordAt(stage);
            const res = await c.post(`/api/v1/records/${fresh}/${action}`, body);
            expect({ login, stage, action, status: res.status }).toEqual({
              login,
              stage,
              action,
              status: 200,
            });
          } else {
            const before = await snapshot(shared);
            const res = await c.post(`/api/v1/records/${shared}/${action}`, body);
            expect({ login, stage, action, refused: [403, 409].includes(res.status) }).toEqual({
              login,
              stage,
              action,
              refused: true,
            });
            expect(await snapshot(shared)).toEqual(before);
          }
        }
        const editRes = await c.patch(`/api/v1/records/${shared}`, { data: {} }, { 'if-match': '"999"' });
        if (listed.includes('edit')) expect(editRes.status).toBe(412);
        else expect([403, 409]).toContain(editRes.status);
      }
    }
  });
});

describe('signed-out requests', () => {
  it.each([
    ['GET', '/api/v1/records'],
    ['GET', '/api/v1/records/00000000-0000-4000-8000-000000000000'],
    ['GET', '/api/v1/records/00000000-0000-4000-8000-000000000000/history'],
    ['POST', '/api/v1/records'],
    ['POST', '/api/v1/records/00000000-0000-4000-8000-000000000000/submit'],
    ['PATCH', '/api/v1/records/00000000-0000-4000-8000-000000000000'],
    ['GET', '/api/v1/me'],
    ['GET', '/api/v1/offices'],
    ['GET', '/api/v1/act-kinds'],
    ['POST', '/api/v1/auth/logout'],
  ])('%s %s without a session is a 401 problem', async (method, url) => {
    const anon = t.anonymous();
    const res =
      method === 'GET'
        ? await anon.get(url)
        : method === 'PATCH'
          ? await anon.patch(url, { data: {} }, { 'if-match': '"1"' })
          : url === '/api/v1/records'
            ? await anon.post(url, { kind: 'BIRTH', data: birthData() })
            : await anon.post(url);
    expectProblem(res, 401, 'problem.unauthenticated');
  });

  it('is refused before its URL or body is even looked at (no validation errors for the signed-out)', async () => {
    const anon = t.anonymous();
    const attempts = [
      await anon.get('/api/v1/records/not-a-uuid'),
      await anon.get('/api/v1/records?status=nonsense'),
      await anon.post('/api/v1/records', { kind: 'NOPE', extra: 1 }),
      await anon.post('/api/v1/records/00000000-0000-4000-8000-000000000000/submit', { kind: 'BIRTH' }),
      await anon.raw('POST', '/api/v1/records', '{"kind": "BIRTH", '),
    ];
    expect(attempts.map((r) => [r.status, r.body.key])).toEqual(
      attempts.map(() => [401, 'problem.unauthenticated']),
    );
  });

  it('a forged or stale session cookie is a 401 too, and creates nothing', async () => {
    const before = (await back.get('/api/v1/records?limit=1')).body.total;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      payload: { kind: 'BIRTH', data: birthData() },
      headers: { cookie: 'sabt_session=forged-token-value' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.body).key).toBe('problem.unauthenticated');
    expect((await back.get('/api/v1/records?limit=1')).body.total).toBe(before);
  });
});

describe('a refused action changes nothing', () => {
  it('leaves status, revision, data and history as they were after a 403', async () => {
    const id = await recordAt('validated');
    const before = await snapshot(id);
    const auditBefore = await t.dbx.db
      .selectFrom('audit_log')
      .select('seq')
      .where('record_id', '=', id)
      .where('event', 'like', 'record.%')
      .execute();
    const writes = auditBefore.length;
    expectProblem(await back.post(`/api/v1/records/${id}/register`), 403, 'problem.forbidden');
    expectProblem(await front.post(`/api/v1/records/${id}/register`), 403, 'problem.forbidden');
    expectProblem(
      await other.du_registrar!.post(`/api/v1/records/${id}/register`),
      403,
      'problem.outsideOffice',
    );
    expectProblem(
      await (await t.as('statistician')).post(`/api/v1/records/${id}/reject`, { reason: 'x' }),
      403,
      'problem.forbidden',
    );
    expect(await snapshot(id)).toEqual(before);
    const writeEvents = await t.dbx.db
      .selectFrom('audit_log')
      .select('event')
      .where('record_id', '=', id)
      .where('event', 'in', [
        'record.register',
        'record.reject',
        'record.validate',
        'record.submit',
        'record.edit',
      ])
      .orderBy('seq')
      .execute();
    expect(writeEvents.map((e) => e.event)).toEqual(['record.submit', 'record.validate']);
    expect(writes).toBeGreaterThanOrEqual(2);
    // no act number was used up by the refused registrations
    const ok = await registrar.post(`/api/v1/records/${id}/register`);
    expect(ok.status).toBe(200);
    const counter = await t.dbx.db
      .selectFrom('act_counters')
      .select('last_number')
      .where('office_id', '=', 'DU-03-00')
      .where('kind', '=', 'BIRTH')
      .where('year', '=', ok.body.year)
      .executeTakeFirstOrThrow();
    expect(Number(counter.last_number)).toBe(ok.body.number);
  });

  it('a refused creation with a client-chosen id leaves that id free', async () => {
    const id = '6f1c8a7e-2b1d-4c8e-9a51-3d2f0b7c9e11';
    expectProblem(
      await (await t.as('auditor')).post('/api/v1/records', { id, kind: 'BIRTH', data: birthData() }),
      403,
      'problem.forbidden',
    );
    expectProblem(await back.get(`/api/v1/records/${id}`), 404, 'problem.notFound');
    const ok = await front.post('/api/v1/records', { id, kind: 'BIRTH', data: birthData() });
    expect(ok.status).toBe(201);
    expect(ok.body.id).toBe(id);
  });
});
