import { isValidNationalRecordId, marriageKind } from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payFee } from '../../test/fees.ts';
import { birthData, deathData } from '../../test/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';
import {
  advance as advanceBy,
  R,
  registerThrough as registerThroughBy,
  show,
  type Workflow,
} from '../../test/workflow.ts';

/** Operations on registered records: amendment (request, approve, reject), restoration, annulment. */

let t: TestApp;
let front: Client;
let back: Client;
let registrar: Client;
let jamoat: Client;
let clerks: Workflow;

beforeAll(async () => {
  t = await startTestApp();
  [front, back, registrar, jamoat] = await Promise.all([
    t.as('front'),
    t.as('back'),
    t.as('registrar'),
    t.as('jamoat'),
  ]);
  clerks = { front, back, registrar };
});
afterAll(() => t.close());

/** The shared workflow helpers with this file's clerks. */
const advance = (id: string, by?: Client) => advanceBy(clerks, id, by);
const registerThrough = (kind: string, data: unknown, by?: Client) =>
  registerThroughBy(clerks, kind, data, by);

const get = async (id: string, by: Client = back) => {
  const res = await by.get(`${R}/${id}`);
  expect(res.status, show(res)).toBe(200);
  return res.body;
};

const basis = { type: 'APPLICATION', number: '45', date: '2026-01-12', issuer: 'Каримзода Н. С.' };
const court = { court: 'Суди ноҳияи Фирдавсӣ ш. Душанбе', caseNumber: '2-114/2026', date: '2026-02-20' };

// ---- amendment -------------------------------------------------------------------------------

describe('amendment of a registered record', () => {
  let id: string;

  beforeAll(async () => {
    id = (await registerThrough('BIRTH', birthData())).id;
  });

  it('is requested with a reason and a basis document; the record waits, unchanged, for the registrar', async () => {
    const res = await front.post(`${R}/${id}/amendments`, {
      patch: { mother: { surname: 'Каримзода' } },
      reason: 'Хатои имлоӣ дар насаби модар',
      basis,
    });
    expect(res.status, show(res)).toBe(201);
    expect(res.body.flags).toContain('amendment-requested');
    expect(res.body.version).toBe(1);
    expect(res.body.data.mother.surname).toBe('Каримова');
    expect(res.body.actions).toEqual([]);
    expect((await get(id, registrar)).actions).toEqual(['approve-amendment', 'reject-amendment', 'annul']);
    const list = await back.get(`${R}/${id}/amendments`);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        status: 'pending',
        baseVersion: 1,
        patch: { mother: { surname: 'Каримзода' } },
        reason: 'Хатои имлоӣ дар насаби модар',
        basis,
        requestedBy: 'front',
        requestedByName: 'Мадина Раҳимова',
        decidedBy: null,
        resultVersion: null,
      }),
    ]);
  });

  it('refuses a second request while one is pending', async () => {
    const res = await back.post(`${R}/${id}/amendments`, {
      patch: { mother: { name: 'Нигора' } },
      reason: 'Номи модар',
      basis,
    });
    expect(res.status, show(res)).toBe(409);
    expect(res.body.flag).toBe('amendment-requested');
    expect((await back.get(`${R}/${id}/amendments`)).body.items).toHaveLength(1);
  });

  it('cannot be approved by the front or back office', async () => {
    for (const clerk of [front, back]) {
      const res = await clerk.post(`${R}/${id}/amendments/approve`);
      expect(res.status, `${clerk.login}: ${show(res)}`).toBe(403);
    }
    expect((await get(id)).version).toBe(1);
  });

  it('approved by the registrar, makes version 2; version 1 stays readable and the changes are listed', async () => {
    await payFee(front, id, 'amendment');
    const res = await registrar.post(`${R}/${id}/amendments/approve`);
    expect(res.status, show(res)).toBe(200);
    expect(res.body.version).toBe(2);
    expect(res.body.data.mother.surname).toBe('Каримзода');
    expect(res.body.flags).toContain('certificate-reissue');
    expect(res.body.flags).not.toContain('amendment-requested');

    const versions = (await back.get(`${R}/${id}/versions`)).body.items;
    expect(versions).toHaveLength(2);
    expect(versions[0]).toMatchObject({ version: 1, changes: null, action: 'register' });
    expect(versions[0].data.mother.surname).toBe('Каримова');
    expect(versions[1]).toMatchObject({
      version: 2,
      action: 'amend',
      by: 'registrar',
      byName: 'Шералӣ Қодиров',
      reason: 'Хатои имлоӣ дар насаби модар',
      changes: [{ path: 'mother.surname', before: 'Каримова', after: 'Каримзода' }],
    });

    const list = (await back.get(`${R}/${id}/amendments`)).body.items;
    expect(list).toEqual([
      expect.objectContaining({
        status: 'approved',
        decidedBy: 'registrar',
        resultVersion: 2,
        baseVersion: 1,
      }),
    ]);
    expect(list[0].decidedAt).toEqual(expect.any(String));

    const history = (await back.get(`${R}/${id}/history`)).body.items;
    expect(history.map((a: { action: string }) => a.action).slice(-2)).toEqual([
      'request-amendment',
      'amend',
    ]);
    expect(history.at(-2).payload.changes).toEqual([
      { path: 'mother.surname', before: 'Каримова', after: 'Каримзода' },
    ]);
    expect(history.at(-1).payload).toMatchObject({
      version: 2,
      previousVersion: 1,
      cause: { type: 'AMENDMENT' },
    });
  });

  it('rejected by the registrar with a reason, leaves the version as it was', async () => {
    const req = await back.post(`${R}/${id}/amendments`, {
      patch: { child: { birthTime: '07:15' } },
      reason: 'Вақти таваллуд',
      basis: { type: 'OTHER_DOCUMENT', number: '7', date: '2026-03-01', issuer: 'Таваллудхонаи шаҳрии №3' },
    });
    expect(req.status, show(req)).toBe(201);
    const noReason = await registrar.post(`${R}/${id}/amendments/reject`, {});
    expect(noReason.status).toBe(422);
    expect(noReason.body.key).toBe('problem.reasonRequired');
    const res = await registrar.post(`${R}/${id}/amendments/reject`, { reason: 'Ҳуҷҷати асос тасдиқ нашуд' });
    expect(res.status, show(res)).toBe(200);
    expect(res.body.version).toBe(2);
    expect(res.body.data.child.birthTime).toBe('06:40');
    expect(res.body.flags).not.toContain('amendment-requested');
    const list = (await back.get(`${R}/${id}/amendments`)).body.items;
    expect(list.map((a: { status: string }) => a.status)).toEqual(['approved', 'rejected']);
    expect(list[1]).toMatchObject({
      decidedBy: 'registrar',
      decisionReason: 'Ҳуҷҷати асос тасдиқ нашуд',
      resultVersion: null,
      baseVersion: 2,
    });
    expect((await back.get(`${R}/${id}/versions`)).body.items).toHaveLength(2);
    const history = (await back.get(`${R}/${id}/history`)).body.items;
    expect(history.at(-1)).toMatchObject({ action: 'reject-amendment', reason: 'Ҳуҷҷати асос тасдиқ нашуд' });
  });

  it('cannot be decided when nothing is pending', async () => {
    expect((await registrar.post(`${R}/${id}/amendments/approve`)).status).toBe(409);
    expect((await registrar.post(`${R}/${id}/amendments/reject`, { reason: 'x' })).status).toBe(409);
  });

  it('is refused when the patch would make the record invalid, incomplete, or change nothing', async () => {
    const future = await front.post(`${R}/${id}/amendments`, {
      patch: { child: { birthDate: '2999-01-01' } },
      reason: 'Санаи таваллуд',
      basis,
    });
    expect(future.status, show(future)).toBe(422);
    expect(future.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'data.child.birthDate', key: 'error.date.future' }),
      ]),
    );
    const removed = await front.post(`${R}/${id}/amendments`, {
      patch: { mother: null },
      reason: 'Модар',
      basis,
    });
    expect(removed.status, show(removed)).toBe(422);
    expect(removed.body.errors.map((e: { path: string }) => e.path)).toContain('data.mother');
    const wrongType = await front.post(`${R}/${id}/amendments`, {
      patch: { child: { plurality: 'two' } },
      reason: 'Дугоник',
      basis,
    });
    expect(wrongType.status).toBe(422);
    const same = await front.post(`${R}/${id}/amendments`, {
      patch: { mother: { surname: 'Каримзода' } },
      reason: 'Ҳамон',
      basis,
    });
    expect(same.status).toBe(422);
    expect(same.body.errors).toEqual([
      expect.objectContaining({ path: 'patch', key: 'error.amendment.noChange' }),
    ]);
    const now = await get(id);
    expect(now.flags).not.toContain('amendment-requested');
    expect((await back.get(`${R}/${id}/amendments`)).body.items).toHaveLength(2);
  });

  it('needs a reason and a basis document, and a registered record', async () => {
    expect(
      (await front.post(`${R}/${id}/amendments`, { patch: { child: { birthTime: '07:00' } }, basis })).status,
    ).toBe(400);
    expect(
      (await front.post(`${R}/${id}/amendments`, { patch: { child: { birthTime: '07:00' } }, reason: 'x' }))
        .status,
    ).toBe(400);
    const draft = await front.post(R, { kind: 'BIRTH', data: birthData() });
    const res = await front.post(`${R}/${draft.body.id}/amendments`, {
      patch: { child: { birthTime: '07:00' } },
      reason: 'x',
      basis,
    });
    expect(res.status).toBe(409);
    expect(res.body.key).toBe('problem.transitionNotAllowed');
  });

  it('refuses a basis document dated in the future, and nothing is requested', async () => {
    const rec = await registerThrough('BIRTH', birthData());
    const res = await front.post(
      `${R}/${rec.id}/amendments`,
      { patch: { child: { birthTime: '07:00' } }, reason: 'x', basis: { ...basis, date: '2099-01-01' } },
      { 'accept-language': 'tg' },
    );
    expect(res.status, show(res)).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: 'basis.date',
        key: 'error.date.future',
        message: 'Сана набояд дар оянда бошад.',
      }),
    ]);
    expect((await get(rec.id)).flags).not.toContain('amendment-requested');
    expect((await back.get(`${R}/${rec.id}/amendments`)).body.items).toEqual([]);
  });

  it('refuses an application dated before the record’s event, not an older proving document', async () => {
    const rec = await registerThrough('BIRTH', birthData());
    const patch = { child: { birthTime: '07:00' } };
    const early = await front.post(`${R}/${rec.id}/amendments`, {
      patch,
      reason: 'x',
      basis: { ...basis, date: '2020-01-01' },
    });
    expect(early.status, show(early)).toBe(422);
    expect(early.body.errors).toEqual([
      expect.objectContaining({ path: 'basis.date', key: 'error.date.beforeEvent' }),
    ]);
    const passport = await front.post(`${R}/${rec.id}/amendments`, {
      patch,
      reason: 'x',
      basis: { type: 'OTHER_DOCUMENT', number: 'A 402543058', date: '2020-01-01' },
    });
    expect(passport.status, show(passport)).toBe(201);
  });
});

// ---- restoration -----------------------------------------------------------------------------

describe('restoration of a lost record on a court decision', () => {
  const lost = () =>
    birthData({
      child: {
        ...birthData().child,
        surname: 'Ашуров',
        name: 'Бунёд',
        patronymic: 'Комил',
        sex: 'M',
        birthDate: '1994-07-01',
      },
      birthBasis: { ...birthData().birthBasis, date: '1994-07-01' },
      mother: { ...birthData().mother, surname: 'Ашурова', name: 'Раъно', birthDate: '1968-02-02' },
      father: { ...birthData().father!, surname: 'Ашуров', name: 'Комил', birthDate: '1965-05-05' },
    });
  const original = { number: '312', date: '1994-07-02', office: 'ШСАҲШ-и ноҳияи Фрунзе' };

  it('is started by the back office as a draft flagged restored, and registered with a new number', async () => {
    const before = await registerThrough('BIRTH', birthData());
    const res = await back.post(`${R}/restorations`, { kind: 'BIRTH', data: lost(), court, original });
    expect(res.status, show(res)).toBe(201);
    expect(res.headers.location).toBe(`${R}/${res.body.id}`);
    expect(res.body.status).toBe('draft');
    expect(res.body.flags).toContain('restored');
    expect(res.body.number).toBeNull();
    const history = (await back.get(`${R}/${res.body.id}/history`)).body.items;
    expect(history[0]).toMatchObject({ action: 'restore', to: 'draft', by: { login: 'back' } });
    expect(history[0].payload.restoration).toEqual({ court, original });

    const reg = await advance(res.body.id);
    expect(reg.flags).toContain('restored');
    expect(reg.number).toBe(before.number + 1);
    expect(isValidNationalRecordId(reg.nationalId)).toBe(true);
    expect(reg.nationalId[0]).toBe('1');
    expect(reg.data.child.name).toBe('Бунёд');
  });

  it('may be started by the registrar too', async () => {
    const res = await registrar.post(`${R}/restorations`, { kind: 'DEATH', data: deathData(), court });
    expect(res.status, show(res)).toBe(201);
    expect(res.body.flags).toContain('restored');
  });

  it('cannot be started by the front office, nor in a jamoat', async () => {
    const res = await front.post(`${R}/restorations`, { kind: 'BIRTH', data: lost(), court, original });
    expect(res.status).toBe(403);
    const inJamoat = await jamoat.post(`${R}/restorations`, { kind: 'BIRTH', data: lost(), court, original });
    expect(inJamoat.status).toBe(403);
    expect(inJamoat.body.key).toBe('problem.kindNotAllowedInOffice');
  });

  it('needs the court decision', async () => {
    const res = await back.post(`${R}/restorations`, { kind: 'BIRTH', data: lost(), original });
    expect(res.status).toBe(400);
  });

  it('refuses a decision or an original record dated in the future, and makes no draft', async () => {
    const id = '3f0c2a55-8d7e-4b1a-9c4e-5a6b7c8d9e01';
    const res = await back.post(`${R}/restorations`, {
      id,
      kind: 'BIRTH',
      data: lost(),
      court: { ...court, date: '2099-01-01' },
      original: { ...original, date: '2099-02-02' },
    });
    expect(res.status, show(res)).toBe(422);
    expect(res.body.errors.map((e: { path: string; key: string }) => [e.path, e.key])).toEqual([
      ['court.date', 'error.date.future'],
      ['original.date', 'error.date.future'],
    ]);
    expect((await back.get(`${R}/${id}`)).status).toBe(404);
  });

  it('refuses a decision older than the original record it establishes', async () => {
    const res = await back.post(`${R}/restorations`, {
      kind: 'BIRTH',
      data: lost(),
      court: { ...court, date: '1994-07-01' },
      original,
    });
    expect(res.status, show(res)).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'court.date', key: 'error.date.beforeEvent' }),
    ]);
  });
});

// ---- annulment -------------------------------------------------------------------------------

describe('annulment', () => {
  const annulOnCourt = { reason: 'Суд сабтро беэътибор донист', basis: { type: 'COURT_DECISION', court } };

  it('on a court decision: the record is annulled, keeping its data, links and history, with nothing more to do', async () => {
    const birth = await registerThrough(
      'BIRTH',
      birthData({
        child: {
          ...birthData().child,
          surname: 'Қурбонов',
          name: 'Абдулло',
          patronymic: 'Саидович',
          sex: 'M',
          birthDate: '1948-05-11',
        },
        mother: { ...birthData().mother, birthDate: '1922-01-01' },
        father: { ...birthData().father!, birthDate: '1920-01-01' },
      }),
    );
    const death = await registerThrough(
      'DEATH',
      deathData({ deceased: { ...deathData().deceased, birthDate: '1948-05-11' } }),
    );
    expect(death.links).toEqual([expect.objectContaining({ type: 'birth-of-deceased', recordId: birth.id })]);

    const res = await registrar.post(`${R}/${death.id}/annul`, annulOnCourt);
    expect(res.status, show(res)).toBe(200);
    expect(res.body.status).toBe('annulled');
    expect(res.body.actions).toEqual([]);
    expect(res.body.number).toBe(death.number);
    expect(res.body.nationalId).toBe(death.nationalId);
    expect(res.body.data.deceased.name).toBe('Абдулло');
    expect(res.body.links).toEqual([
      expect.objectContaining({ type: 'birth-of-deceased', recordId: birth.id }),
    ]);

    const later = await get(death.id, registrar);
    expect(later.status).toBe('annulled');
    expect(later.actions).toEqual([]);
    const history = (await back.get(`${R}/${death.id}/history`)).body.items;
    expect(history.map((a: { action: string }) => a.action)).toEqual([
      'create',
      'submit',
      'validate',
      'register',
      'annul',
    ]);
    expect(history.at(-1)).toMatchObject({
      from: 'registered',
      to: 'annulled',
      reason: 'Суд сабтро беэътибор донист',
      by: { login: 'registrar' },
      payload: { basis: { type: 'COURT_DECISION', court } },
    });
    const versions = (await back.get(`${R}/${death.id}/versions`)).body.items;
    expect(versions).toHaveLength(1);
    expect(versions[0].data.deceased.surname).toBe('Қурбонов');
    // The birth record still points at the death record, now shown as annulled.
    expect((await get(birth.id)).links).toEqual([
      expect.objectContaining({ type: 'death', recordId: death.id, status: 'annulled' }),
    ]);

    // Nothing more can be done with it.
    expect((await registrar.post(`${R}/${death.id}/annul`, annulOnCourt)).status).toBe(409);
    const amend = await front.post(`${R}/${death.id}/amendments`, {
      patch: { deceased: { name: 'Абдуллоҳ' } },
      reason: 'x',
      basis,
    });
    expect(amend.status).toBe(409);
    expect((await registrar.post(`${R}/${death.id}/register`)).status).toBe(409);
  });

  it('needs the court decision when it is the basis, and a reason', async () => {
    const rec = await registerThrough('BIRTH', birthData());
    const noCourt = await registrar.post(`${R}/${rec.id}/annul`, {
      reason: 'x',
      basis: { type: 'COURT_DECISION' },
    });
    expect(noCourt.status, show(noCourt)).toBe(422);
    expect(noCourt.body.errors).toEqual([
      expect.objectContaining({ path: 'basis.court', key: 'error.required' }),
    ]);
    const noReason = await registrar.post(`${R}/${rec.id}/annul`, { basis: annulOnCourt.basis });
    expect(noReason.status).toBe(400);
    expect((await get(rec.id)).status).toBe('registered');
  });

  it('refuses a court decision dated in the future, or in force before it was made', async () => {
    const rec = await registerThrough('BIRTH', birthData());
    const future = await registrar.post(`${R}/${rec.id}/annul`, {
      reason: 'x',
      basis: { type: 'COURT_DECISION', court: { ...court, date: '2099-01-01' } },
    });
    expect(future.status, show(future)).toBe(422);
    expect(future.body.errors).toEqual([
      expect.objectContaining({ path: 'basis.court.date', key: 'error.date.future' }),
    ]);
    const early = await registrar.post(
      `${R}/${rec.id}/annul`,
      { reason: 'x', basis: { type: 'COURT_DECISION', court: { ...court, inForceDate: '2026-01-01' } } },
      { 'accept-language': 'en' },
    );
    expect(early.status, show(early)).toBe(422);
    expect(early.body.errors).toEqual([
      expect.objectContaining({
        path: 'basis.court.inForceDate',
        message: 'A decision cannot come into force before the date it was made.',
      }),
    ]);
    expect((await get(rec.id)).status).toBe('registered');
  });

  it('refuses a court decision made before the event of the record it annuls', async () => {
    const rec = await registerThrough('BIRTH', birthData());
    const res = await registrar.post(`${R}/${rec.id}/annul`, {
      reason: 'x',
      basis: { type: 'COURT_DECISION', court: { ...court, date: '2020-01-01' } },
    });
    expect(res.status, show(res)).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'basis.court.date', key: 'error.date.beforeEvent' }),
    ]);
    expect((await get(rec.id)).status).toBe('registered');
  });

  it('as a duplicate: links the two records both ways', async () => {
    const original = await registerThrough('BIRTH', birthData());
    const duplicate = await registerThrough('BIRTH', birthData());
    const res = await registrar.post(`${R}/${duplicate.id}/annul`, {
      reason: 'Такрори сабт',
      basis: { type: 'DUPLICATE', duplicateOf: original.id },
    });
    expect(res.status, show(res)).toBe(200);
    expect(res.body.status).toBe('annulled');
    expect(res.body.links).toEqual([
      expect.objectContaining({ type: 'duplicate-of', recordId: original.id, status: 'registered' }),
    ]);
    const orig = await get(original.id);
    expect(orig.status).toBe('registered');
    expect(orig.links).toEqual([
      expect.objectContaining({ type: 'annulled-duplicate', recordId: duplicate.id, status: 'annulled' }),
    ]);
  });

  it('as a duplicate of nothing, of itself, or of another kind of record is refused', async () => {
    const rec = await registerThrough('BIRTH', birthData());
    const death = await registerThrough(
      'DEATH',
      deathData({ deceased: { ...deathData().deceased, name: 'Одина', birthDate: '1950' } }),
    );
    for (const duplicateOf of ['6f1d8a3e-2b4c-4d5e-8f90-a1b2c3d4e5f6', rec.id, death.id]) {
      const res = await registrar.post(`${R}/${rec.id}/annul`, {
        reason: 'Такрори сабт',
        basis: { type: 'DUPLICATE', duplicateOf },
      });
      expect(res.status, show(res)).toBe(422);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ path: 'basis.duplicateOf', key: 'error.linkedRecord.notFound' }),
      ]);
    }
    const res = await registrar.post(`${R}/${rec.id}/annul`, {
      reason: 'Такрори сабт',
      basis: { type: 'DUPLICATE' },
    });
    expect(res.status).toBe(422);
    const now = await get(rec.id);
    expect(now.status).toBe('registered');
    expect(now.links).toEqual([]);
  });

  it('of a marriage: the spouses are free to marry again', async () => {
    const m = await registerThrough('MARRIAGE', marriageKind.example);
    expect((await registrar.post(`${R}/${m.id}/annul`, annulOnCourt)).status).toBe(200);
    const again = await registerThrough('MARRIAGE', marriageKind.example);
    expect(again.status).toBe('registered');
  });

  it('is refused to the front and back office and to the jamoat registrar', async () => {
    const rec = await registerThrough('BIRTH', birthData());
    for (const clerk of [front, back]) {
      const res = await clerk.post(`${R}/${rec.id}/annul`, annulOnCourt);
      expect(res.status, clerk.login).toBe(403);
    }
    const inJamoat = await registerThrough('BIRTH', birthData(), jamoat);
    const res = await jamoat.post(`${R}/${inJamoat.id}/annul`, annulOnCourt);
    expect(res.status, show(res)).toBe(403);
    expect(res.body.key).toBe('problem.kindNotAllowedInOffice');
    expect((await get(inJamoat.id, jamoat)).status).toBe('registered');
    expect((await get(inJamoat.id, jamoat)).actions).not.toContain('annul');
  });
});
