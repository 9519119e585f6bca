import {
  type AdoptionData,
  adoptionKind,
  divorceKind,
  isValidNationalRecordId,
  marriageKind,
  type NameChangeData,
  nameChangeKind,
  type PaternityData,
  paternityKind,
  todayIn,
} from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthOf, deathOf, divorceOf, marriageOf, type Named } from '../../test/family.ts';
import { type Client, type Response, startTestApp, type TestApp } from '../../test/harness.ts';
import { advance, createRecord, R, registerThrough, show, type Workflow } from '../../test/workflow.ts';

/**
 * The family acts end to end (marriage, divorce, adoption, paternity, change of name) and what
 * each does to the earlier records it cites, as seen through the API.
 */

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

function expectRegistryError(res: Response, path: string, key: string) {
  expect(res.status, show(res)).toBe(422);
  expect(res.body.key).toBe('problem.registryCheck');
  expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path, key })]));
}

const read = async (id: string, by: Client = registrar) => {
  const res = await by.get(`${R}/${id}`);
  expect(res.status, show(res)).toBe(200);
  return res.body;
};
const versions = async (id: string, by: Client = registrar) => {
  const res = await by.get(`${R}/${id}/versions`);
  expect(res.status, show(res)).toBe(200);
  return res.body.items;
};

const links = (body: { links: { type: string; recordId: string }[] }) =>
  body.links.map((l) => ({ type: l.type, recordId: l.recordId }));

// ---- marriage --------------------------------------------------------------------------------

describe('MARRIAGE', () => {
  it('goes from draft to registered with a national ID of kind 2, and nothing else changes', async () => {
    const id = await createRecord(front, 'MARRIAGE', marriageKind.example);
    const draft = await read(id, front);
    expect(draft.status).toBe('draft');
    expect(draft.actions).toEqual(['edit', 'submit', 'cancel']);
    const reg = await advance(clerks, id);
    expect(reg.number).toBeGreaterThanOrEqual(1);
    expect(reg.year).toBe(Number(todayIn(t.config.timeZone).slice(0, 4)));
    expect(isValidNationalRecordId(reg.nationalId)).toBe(true);
    expect(reg.nationalId[0]).toBe('2');
    expect(reg.links).toEqual([]);
    expect(reg.flags).not.toContain('dissolved');
    expect(reg.actions).toEqual(['request-amendment', 'annul']);
    const now = await read(id, back);
    expect(now.data.wife.surnameAfter).toBe('Шарипова');
    expect(now.version).toBe(1);
    const history = await back.get(`${R}/${id}/history`);
    expect(history.body.items.map((a: { action: string }) => a.action)).toEqual([
      'create',
      'submit',
      'validate',
      'register',
    ]);
    const v = await versions(id, back);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ version: 1, sealed: false, changes: null, action: 'register' });
    expect(v[0].data.husband.name).toBe('Далер');
  });
});

// ---- divorce ---------------------------------------------------------------------------------

describe('DIVORCE', () => {
  const husband = { surname: 'Ёқубов', name: 'Илҳом', patronymic: 'Каримович', birthDate: '1989-03-11' };
  const wife = {
    surname: 'Ёқубова',
    surnameAfter: 'Ёқубова',
    name: 'Ситора',
    patronymic: 'Анваровна',
    birthDate: '1992-06-21',
  };
  let marriage: { id: string; number: number };
  let divorce: {
    id: string;
    number: number;
    nationalId: string;
    links: { type: string; recordId: string }[];
  };

  beforeAll(async () => {
    marriage = await registerThrough(clerks, 'MARRIAGE', marriageOf(husband, wife));
  });

  it('is registered with a national ID of kind 3 and links to the marriage it dissolves', async () => {
    divorce = await registerThrough(clerks, 'DIVORCE', divorceOf(marriage, husband, wife));
    expect(isValidNationalRecordId(divorce.nationalId)).toBe(true);
    expect(divorce.nationalId[0]).toBe('3');
    expect(links(divorce)).toEqual([{ type: 'dissolves', recordId: marriage.id }]);
    expect(divorce.links[0]).toMatchObject({
      kind: 'MARRIAGE',
      status: 'registered',
      number: marriage.number,
    });
  });

  it('flags the marriage dissolved, with a notation and a link back, and leaves its data and version alone', async () => {
    const m = await read(marriage.id, back);
    expect(m.status).toBe('registered');
    expect(m.flags).toContain('dissolved');
    expect(m.version).toBe(1);
    expect(m.data.husband.name).toBe('Илҳом');
    expect(links(m)).toEqual([{ type: 'dissolved-by', recordId: divorce.id }]);
    expect(m.links[0]).toMatchObject({
      kind: 'DIVORCE',
      number: divorce.number,
      nationalId: divorce.nationalId,
    });
    expect(m.notations).toEqual([
      expect.objectContaining({
        type: 'divorce',
        recordId: divorce.id,
        number: divorce.number,
        nationalId: divorce.nationalId,
        officeId: 'DU-03-00',
        eventDate: '2026-02-10',
      }),
    ]);
    const history = await back.get(`${R}/${marriage.id}/history`);
    expect(history.body.items.at(-1)).toMatchObject({
      action: 'notation',
      from: 'registered',
      to: 'registered',
    });
    expect(await versions(marriage.id, back)).toHaveLength(1);
  });

  it('refuses a second divorce of the same marriage: it is no longer in force', async () => {
    const id = await createRecord(front, 'DIVORCE', divorceOf(marriage, husband, wife));
    expectRegistryError(
      await front.post(`${R}/${id}/submit`),
      'data.marriageRecordId',
      'error.divorce.marriageNotInForce',
    );
    expect((await read(id, front)).status).toBe('draft');
  });

  it('refuses a divorce whose marriage is not registered in Sabt', async () => {
    const data = divorceOf(marriage, husband, wife);
    delete data.marriageRecordId;
    data.marriage = { number: '999999', date: '2025-05-24', office: 'DU-03-00' };
    const id = await createRecord(front, 'DIVORCE', data);
    expectRegistryError(
      await front.post(`${R}/${id}/submit`),
      'data.marriage',
      'error.divorce.marriageNotFound',
    );
  });

  it('finds the marriage by its number, year and office when no record id is given', async () => {
    const h = { surname: 'Ғуломов', name: 'Парвиз', birthDate: '1990-01-17' };
    const w = { surname: 'Ғуломова', name: 'Дилбар', birthDate: '1994-12-02' };
    const m = await registerThrough(clerks, 'MARRIAGE', marriageOf(h, w));
    const today = todayIn(t.config.timeZone);
    const data = divorceOf(m, h, w);
    delete data.marriageRecordId;
    // The act's year is the year it was registered in Sabt.
    data.marriage = { number: String(m.number), date: `${m.year}-01-01`, office: 'DU-03-00' };
    data.marriageEndDate = today;
    data.applicationDate = today;
    const d = await registerThrough(clerks, 'DIVORCE', data);
    expect(links(d)).toEqual([{ type: 'dissolves', recordId: m.id }]);
    expect((await read(m.id)).flags).toContain('dissolved');
  });
});

// ---- adoption --------------------------------------------------------------------------------

describe('ADOPTION', () => {
  const ex = adoptionKind.example;
  const birthMother = {
    surname: 'Ҳамидова',
    name: 'Зарина',
    patronymic: 'Олимовна',
    birthDate: '2003-01-17',
  };
  let birth: { id: string; number: number };
  let adoption: {
    id: string;
    number: number;
    nationalId: string;
    flags: string[];
    links: { type: string; recordId: string }[];
  };
  const adoptionData = (): AdoptionData => ({
    ...structuredClone(ex),
    // The court moves the date of birth (earlier) and the place of birth.
    childAfter: { ...structuredClone(ex.childAfter), birthDate: '2022-08-20' },
  });

  beforeAll(async () => {
    birth = await registerThrough(clerks, 'BIRTH', birthOf({ ...ex.childBefore, sex: 'M' }, birthMother));
  });

  it('is registered with a national ID of kind 4, sealed, and linked to the birth record it amends', async () => {
    adoption = await registerThrough(clerks, 'ADOPTION', adoptionData());
    expect(isValidNationalRecordId(adoption.nationalId)).toBe(true);
    expect(adoption.nationalId[0]).toBe('4');
    expect(adoption.flags).toContain('sealed');
    expect(links(adoption)).toEqual([{ type: 'amends-birth', recordId: birth.id }]);
  });

  it('amends the birth record as the court decided: new names, date and place of birth, adopters as parents', async () => {
    const b = await read(birth.id);
    expect(b.version).toBe(2);
    expect(b.flags).toEqual(expect.arrayContaining(['certificate-reissue', 'sealed']));
    expect(b.data.child).toMatchObject({
      surname: 'Қодирзода',
      name: 'Сино',
      patronymic: 'Фаррух',
      sex: 'M',
      birthDate: '2022-08-20',
      birthPlace: { country: 'TJ', unit: 'DU-01', settlement: 'Душанбе' },
    });
    expect(b.data.mother).toEqual(ex.adoptiveMother);
    expect(b.data.father).toEqual(ex.adoptiveFather);
    expect(b.data.fatherBasis).toMatchObject({
      type: 'ADOPTION_RECORD',
      recordId: adoption.id,
      recordNumber: String(adoption.number),
      recordOffice: 'DU-03-00',
    });
    expect(links(b)).toEqual([{ type: 'adoption', recordId: adoption.id }]);
    expect(b.notations).toEqual([
      expect.objectContaining({
        type: 'adoption',
        recordId: adoption.id,
        number: adoption.number,
        version: 2,
        changed: expect.arrayContaining([
          'child.surname',
          'child.birthDate',
          'child.birthPlace.unit',
          'mother.name',
          'father.name',
        ]),
      }),
    ]);
    const v = await versions(birth.id);
    expect(v.map((x: { version: number; sealed: boolean }) => [x.version, x.sealed])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(v[0].data.child.surname).toBe('Ҳамидзода');
    expect(v[0].data.mother.surname).toBe('Ҳамидова');
    expect(v[1].changes).toEqual(
      expect.arrayContaining([
        { path: 'child.surname', before: 'Ҳамидзода', after: 'Қодирзода' },
        { path: 'child.patronymic', before: null, after: 'Фаррух' },
        { path: 'child.birthDate', before: '2022-09-12', after: '2022-08-20' },
        { path: 'mother.surname', before: 'Ҳамидова', after: 'Сафарова' },
        { path: 'fatherBasis.type', before: 'NONE', after: 'ADOPTION_RECORD' },
      ]),
    );
  });

  it('keeps the original out of sight of roles that may not read sealed records', async () => {
    expect((await read(adoption.id, back)).data).toBeNull();
    const b = await read(birth.id, back);
    expect(b.data.child.surname).toBe('Қодирзода');
    const v = await versions(birth.id, back);
    expect(v[0]).toMatchObject({ version: 1, sealed: true, data: null, changes: null });
    expect(v[1].changes).toBeNull();
  });

  it('leaves the birth parents on the birth record when the court did not record the adopters as parents', async () => {
    const child = { surname: 'Раҷабов', name: 'Амир', sex: 'M' as const, birthDate: '2021-02-14' };
    const mother = { surname: 'Раҷабова', name: 'Шаҳло', birthDate: '1998-05-05' };
    const b = await registerThrough(clerks, 'BIRTH', birthOf(child, mother));
    const data: AdoptionData = {
      ...structuredClone(ex),
      birthRecordId: b.id,
      childBefore: {
        surname: child.surname,
        name: child.name,
        sex: 'M',
        birthDate: child.birthDate,
        birthPlace: { country: 'TJ', unit: 'DU-03', settlement: 'Душанбе' },
      },
      childAfter: {
        surname: 'Сафаров',
        name: 'Амир',
        birthDate: child.birthDate,
        birthPlace: { country: 'TJ', unit: 'DU-03', settlement: 'Душанбе' },
      },
      birthMother: mother,
      adoptersRecordedAsParents: false,
    };
    delete data.adoptiveFather;
    const a = await registerThrough(clerks, 'ADOPTION', data);
    const now = await read(b.id);
    expect(now.version).toBe(2);
    expect(now.data.child).toMatchObject({ surname: 'Сафаров', name: 'Амир', birthDate: '2021-02-14' });
    expect(now.data.child.patronymic).toBeUndefined();
    expect(now.data.mother.surname).toBe('Раҷабова');
    expect(now.data.father).toBeUndefined();
    expect(now.data.fatherBasis.type).toBe('NONE');
    expect(now.flags).toEqual(expect.arrayContaining(['certificate-reissue', 'sealed']));
    expect((await read(a.id)).flags).toContain('sealed');
  });

  // The court may also move the date of birth later than the day the medical certificate was
  // issued (up to six months); the amended birth record must still be accepted.
  // BUG: registering fails with 422 problem.incomplete, error data.birthBasis.date
  // error.date.beforeEvent: amendRegistered re-checks the amended birth record with the birth
  // rules, and the medical certificate now predates the court's date of birth.
  it('registers an adoption whose court moved the date of birth later', async () => {
    const child = { surname: 'Маҳмудов', name: 'Давлат', sex: 'M' as const, birthDate: '2023-03-03' };
    const mother = { surname: 'Маҳмудова', name: 'Сайёра', birthDate: '2000-10-10' };
    const b = await registerThrough(clerks, 'BIRTH', birthOf(child, mother));
    const data: AdoptionData = {
      ...structuredClone(ex),
      birthRecordId: b.id,
      childBefore: {
        surname: child.surname,
        name: child.name,
        sex: 'M',
        birthDate: child.birthDate,
        birthPlace: { country: 'TJ', unit: 'DU-03' },
      },
      childAfter: {
        surname: 'Қодирзода',
        name: 'Давлат',
        patronymic: 'Фаррух',
        birthDate: '2023-05-01',
        birthPlace: { country: 'TJ', unit: 'DU-01' },
      },
      birthMother: mother,
    };
    const id = await createRecord(front, 'ADOPTION', data);
    await front.post(`${R}/${id}/submit`);
    await back.post(`${R}/${id}/validate`);
    const res = await registrar.post(`${R}/${id}/register`);
    expect(res.status, show(res)).toBe(200);
    expect((await read(b.id)).data.child.birthDate).toBe('2023-05-01');
  });

  it('is refused when the child has no registered birth record', async () => {
    const data: AdoptionData = {
      ...structuredClone(ex),
      childBefore: { ...structuredClone(ex.childBefore), name: 'Номаълум', birthDate: '2020-01-01' },
    };
    const id = await createRecord(front, 'ADOPTION', data);
    expectRegistryError(
      await front.post(`${R}/${id}/submit`),
      'data.birthRecordId',
      'error.birthRecord.notFound',
    );
  });
});

// ---- paternity -------------------------------------------------------------------------------

describe('PATERNITY', () => {
  const ex = paternityKind.example;
  let birth: { id: string };
  let paternity: {
    id: string;
    number: number;
    nationalId: string;
    links: { type: string; recordId: string }[];
  };

  beforeAll(async () => {
    birth = await registerThrough(clerks, 'BIRTH', birthOf({ ...ex.childBefore }, ex.mother as Named));
  });

  it('is registered with a national ID of kind 5 and linked to the birth record it amends', async () => {
    paternity = await registerThrough(clerks, 'PATERNITY', ex);
    expect(isValidNationalRecordId(paternity.nationalId)).toBe(true);
    expect(paternity.nationalId[0]).toBe('5');
    expect(links(paternity)).toEqual([{ type: 'amends-birth', recordId: birth.id }]);
  });

  it("amends the birth record: the father, the child's surname and patronymic; version 2, new certificate due", async () => {
    const b = await read(birth.id, back);
    expect(b.version).toBe(2);
    expect(b.flags).toContain('certificate-reissue');
    expect(b.flags).not.toContain('sealed');
    expect(b.data.child).toMatchObject({
      surname: 'Ғафурзода',
      name: 'Нилуфар',
      patronymic: 'Бахтиёр',
      birthDate: '2024-11-05',
    });
    expect(b.data.father).toEqual(ex.father);
    expect(b.data.fatherBasis).toMatchObject({
      type: 'PATERNITY_RECORD',
      recordId: paternity.id,
      recordNumber: String(paternity.number),
      recordOffice: 'DU-03-00',
    });
    expect(b.data.mother.surname).toBe('Сафарова');
    expect(links(b)).toEqual([{ type: 'paternity', recordId: paternity.id }]);
    expect(b.notations).toEqual([
      expect.objectContaining({
        type: 'paternity',
        recordId: paternity.id,
        number: paternity.number,
        nationalId: paternity.nationalId,
        version: 2,
        changed: expect.arrayContaining([
          'child.surname',
          'child.patronymic',
          'father.name',
          'fatherBasis.type',
        ]),
      }),
    ]);
    const history = await back.get(`${R}/${birth.id}/history`);
    const actions = history.body.items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(['create', 'submit', 'validate', 'register', 'amend', 'notation']);
    expect(history.body.items[4].payload).toMatchObject({
      version: 2,
      previousVersion: 1,
      cause: { type: 'PATERNITY', recordId: paternity.id },
    });
  });

  it('keeps the old version readable and lists what changed', async () => {
    const v = await versions(birth.id, back);
    expect(v).toHaveLength(2);
    expect(v[0]).toMatchObject({ version: 1, sealed: false, changes: null });
    expect(v[0].data.child.surname).toBe('Сафарзода');
    expect(v[0].data.child.patronymic).toBeUndefined();
    expect(v[0].data.father).toBeUndefined();
    expect(v[1]).toMatchObject({ version: 2, action: 'amend' });
    expect(v[1].changes).toEqual(
      expect.arrayContaining([
        { path: 'child.surname', before: 'Сафарзода', after: 'Ғафурзода' },
        { path: 'child.patronymic', before: null, after: 'Бахтиёр' },
        { path: 'father.surname', before: null, after: 'Ғафуров' },
        { path: 'fatherBasis.type', before: 'NONE', after: 'PATERNITY_RECORD' },
      ]),
    );
    expect(v[1].changes.map((c: { path: string }) => c.path)).not.toContain('mother.surname');
  });

  it('is refused when the cited birth record does not exist', async () => {
    const id = await createRecord(front, 'PATERNITY', {
      ...structuredClone(ex),
      birthRecordId: '0b1f6a52-7f42-4a7e-9a55-3b2a8f9c1d11',
    });
    expectRegistryError(
      await front.post(`${R}/${id}/submit`),
      'data.birthRecordId',
      'error.birthRecord.notFound',
    );
  });

  it('is refused when no registered birth matches the child', async () => {
    const data: PaternityData = {
      ...structuredClone(ex),
      childBefore: { ...ex.childBefore, name: 'Шабнам', birthDate: '2024-10-01' },
    };
    const id = await createRecord(front, 'PATERNITY', data);
    expectRegistryError(
      await front.post(`${R}/${id}/submit`),
      'data.birthRecordId',
      'error.birthRecord.notFound',
    );
  });
});

// ---- change of name --------------------------------------------------------------------------

describe('NAME_CHANGE', () => {
  const ex = nameChangeKind.example;
  const person = {
    surname: 'Алиева',
    name: 'Мавлуда',
    patronymic: 'Раҳимовна',
    sex: 'F' as const,
    birthDate: '1990-09-15',
  };
  const husband = { surname: 'Назаров', name: 'Фаридун', patronymic: 'Олимович', birthDate: '1988-04-04' };
  let own: { id: string };
  let marriage: { id: string };
  let children: { id: string }[];
  let nc: { id: string; number: number; nationalId: string; links: { type: string; recordId: string }[] };

  beforeAll(async () => {
    own = await registerThrough(
      clerks,
      'BIRTH',
      birthOf(
        person,
        { surname: 'Алиева', name: 'Гулрухсор', birthDate: '1965-03-10' },
        { surname: 'Алиев', name: 'Раҳим', birthDate: '1962-07-01' },
      ),
    );
    marriage = await registerThrough(clerks, 'MARRIAGE', marriageOf(husband, person));
    children = [];
    for (const c of [
      { surname: 'Назаров', name: 'Шаҳром', sex: 'M' as const, birthDate: '2015-06-01' },
      { surname: 'Назарова', name: 'Меҳрона', sex: 'F' as const, birthDate: '2018-02-02' },
    ])
      children.push(await registerThrough(clerks, 'BIRTH', birthOf(c, person, husband)));
  });

  it('is registered with a national ID of kind 6, linked to every record it changes or notes', async () => {
    const data: NameChangeData = {
      ...structuredClone(ex),
      marriageRecordId: marriage.id,
      childrenBirthRecordIds: children.map((c) => c.id),
    };
    nc = await registerThrough(clerks, 'NAME_CHANGE', data);
    expect(isValidNationalRecordId(nc.nationalId)).toBe(true);
    expect(nc.nationalId[0]).toBe('6');
    expect(links(nc)).toHaveLength(4);
    expect(links(nc)).toEqual(
      expect.arrayContaining([
        { type: 'amends-birth', recordId: own.id },
        { type: 'notes-on', recordId: marriage.id },
        { type: 'notes-on', recordId: children[0]!.id },
        { type: 'notes-on', recordId: children[1]!.id },
      ]),
    );
  });

  it("amends the person's own birth record to the new names (version 2, new certificate due)", async () => {
    const b = await read(own.id, back);
    expect(b.version).toBe(2);
    expect(b.flags).toContain('certificate-reissue');
    expect(b.data.child).toMatchObject({
      surname: 'Алӣзода',
      name: 'Мавлуда',
      patronymic: 'Раҳим',
      birthDate: '1990-09-15',
    });
    expect(links(b)).toEqual([{ type: 'name-change', recordId: nc.id }]);
    expect(b.notations).toEqual([
      expect.objectContaining({ type: 'name-change', recordId: nc.id, number: nc.number, version: 2 }),
    ]);
    const v = await versions(own.id, back);
    expect(v[0].data.child).toMatchObject({ surname: 'Алиева', patronymic: 'Раҳимовна' });
    expect(v[1].changes).toEqual([
      { path: 'child.patronymic', before: 'Раҳимовна', after: 'Раҳим' },
      { path: 'child.surname', before: 'Алиева', after: 'Алӣзода' },
    ]);
  });

  it('notes the change on the marriage record and asks for a new marriage certificate', async () => {
    const m = await read(marriage.id, back);
    expect(m.flags).toContain('certificate-reissue');
    expect(m.version).toBe(1);
    expect(links(m)).toEqual([{ type: 'name-change-of-spouse', recordId: nc.id }]);
    expect(m.notations).toEqual([
      expect.objectContaining({
        type: 'name-change-of-spouse',
        recordId: nc.id,
        number: nc.number,
        nationalId: nc.nationalId,
        before: { surname: 'Алиева', name: 'Мавлуда', patronymic: 'Раҳимовна' },
        after: { surname: 'Алӣзода', name: 'Мавлуда', patronymic: 'Раҳим' },
      }),
    ]);
  });

  it("notes the change on each minor child's birth record and asks for new birth certificates", async () => {
    for (const c of children) {
      const b = await read(c.id, back);
      expect(b.flags).toContain('certificate-reissue');
      expect(links(b)).toEqual([{ type: 'name-change-of-parent', recordId: nc.id }]);
      expect(b.notations).toEqual([
        expect.objectContaining({
          type: 'name-change-of-parent',
          recordId: nc.id,
          number: nc.number,
          after: { surname: 'Алӣзода', name: 'Мавлуда', patronymic: 'Раҳим' },
        }),
      ]);
    }
  });

  it('refuses records cited in the wrong place', async () => {
    const data: NameChangeData = {
      ...structuredClone(ex),
      person: { ...structuredClone(ex.person), birthDate: '1991-01-01' },
      marriageRecordId: children[0]!.id,
      childrenBirthRecordIds: [children[1]!.id, marriage.id],
    };
    const id = await createRecord(front, 'NAME_CHANGE', data);
    const res = await front.post(`${R}/${id}/submit`);
    expectRegistryError(res, 'data.marriageRecordId', 'error.linkedRecord.notFound');
    expectRegistryError(res, 'data.childrenBirthRecordIds.1', 'error.linkedRecord.notFound');
    expect(res.body.errors.map((e: { path: string }) => e.path)).not.toContain(
      'data.childrenBirthRecordIds.0',
    );
  });

  it('is registered without amending anything when the person has no birth record in Sabt', async () => {
    const data: NameChangeData = {
      ...structuredClone(ex),
      person: {
        ...structuredClone(ex.person),
        nameBefore: 'Гулчеҳра',
        nameAfter: 'Гулчеҳра',
        birthDate: '1985-12-12',
      },
    };
    const reg = await registerThrough(clerks, 'NAME_CHANGE', data);
    expect(reg.links).toEqual([]);
  });
});

// ---- death -----------------------------------------------------------------------------------

describe('DEATH and the deceased’s marriage', () => {
  const husband = {
    surname: 'Исмоилов',
    name: 'Ҷамшед',
    patronymic: 'Раҳимович',
    sex: 'M' as const,
    birthDate: '1960-12-12',
  };
  const wife = { surname: 'Саидова', surnameAfter: 'Исмоилова', name: 'Малика', birthDate: '1964-03-03' };
  let birth: { id: string };
  let marriage: { id: string; number: number };
  let death: { id: string; number: number; links: { type: string; recordId: string }[] };

  beforeAll(async () => {
    birth = await registerThrough(
      clerks,
      'BIRTH',
      birthOf(
        husband,
        { surname: 'Исмоилова', name: 'Ойша', birthDate: '1935-05-05' },
        { surname: 'Исмоилов', name: 'Раҳим', birthDate: '1932-02-02' },
      ),
    );
    marriage = await registerThrough(clerks, 'MARRIAGE', marriageOf(husband, wife));
    death = await registerThrough(clerks, 'DEATH', deathOf(husband, '2026-01-15'));
  });

  it('links the death to the birth record and to the marriage it ended', async () => {
    expect(links(death)).toHaveLength(2);
    expect(links(death)).toEqual(
      expect.arrayContaining([
        { type: 'birth-of-deceased', recordId: birth.id },
        { type: 'ended-marriage', recordId: marriage.id },
      ]),
    );
  });

  it('flags the marriage ended, and the notation says the wife is widowed', async () => {
    const m = await read(marriage.id, back);
    expect(m.flags).toContain('ended');
    expect(m.flags).not.toContain('dissolved');
    expect(m.version).toBe(1);
    expect(links(m)).toEqual([{ type: 'ended-by-death', recordId: death.id }]);
    expect(m.notations).toEqual([
      expect.objectContaining({
        type: 'marriage-ended-by-death',
        deceased: 'husband',
        widowed: 'wife',
        recordId: death.id,
        number: death.number,
        eventDate: '2026-01-15',
      }),
    ]);
  });

  it('flags the deceased’s birth record', async () => {
    const b = await read(birth.id, back);
    expect(b.flags).toContain('deceased');
    expect(links(b)).toEqual([{ type: 'death', recordId: death.id }]);
    expect(b.notations).toEqual([
      expect.objectContaining({ type: 'death', recordId: death.id, eventDate: '2026-01-15' }),
    ]);
  });

  it('a marriage ended by death can no longer be dissolved, and the widow may marry again', async () => {
    const id = await createRecord(front, 'DIVORCE', divorceOf(marriage, husband, wife));
    expectRegistryError(
      await front.post(`${R}/${id}/submit`),
      'data.marriageRecordId',
      'error.divorce.marriageNotInForce',
    );
    const remarriage = marriageOf(
      { surname: 'Каримов', name: 'Ориф', birthDate: '1958-08-08' },
      { surname: 'Исмоилова', name: 'Малика', birthDate: '1964-03-03' },
    );
    remarriage.wife.previousMaritalStatus = 'WIDOWED';
    remarriage.wife.previousMarriageEnd = { type: 'DEATH_RECORD', recordId: death.id };
    const reg = await registerThrough(clerks, 'MARRIAGE', remarriage);
    expect(reg.status).toBe('registered');
  });

  it('when the wife dies (under her married surname) the husband is the one widowed', async () => {
    const h = { surname: 'Бобоев', name: 'Сорбон', birthDate: '1955-09-09' };
    const w = {
      surname: 'Олимова',
      surnameAfter: 'Бобоева',
      name: 'Нодира',
      sex: 'F' as const,
      birthDate: '1957-11-11',
    };
    const m = await registerThrough(clerks, 'MARRIAGE', marriageOf(h, w));
    const d = await registerThrough(clerks, 'DEATH', deathOf({ ...w, surname: 'Бобоева' }, '2026-02-01'));
    expect(links(d)).toEqual([{ type: 'ended-marriage', recordId: m.id }]);
    const now = await read(m.id, back);
    expect(now.flags).toContain('ended');
    expect(now.notations).toEqual([
      expect.objectContaining({ type: 'marriage-ended-by-death', deceased: 'wife', widowed: 'husband' }),
    ]);
  });
});

// ---- the jamoat ------------------------------------------------------------------------------

describe('in a jamoat', () => {
  it('the jamoat registrar registers a marriage alone', async () => {
    const reg = await registerThrough(
      clerks,
      'MARRIAGE',
      marriageOf(
        { surname: 'Саидов', name: 'Комрон', birthDate: '1995-07-07' },
        { surname: 'Раҳимова', surnameAfter: 'Саидова', name: 'Тахмина', birthDate: '1998-08-18' },
      ),
      jamoat,
    );
    expect(reg.office).toBe('RA-13-01');
    expect(reg.nationalId[0]).toBe('2');
    expect(isValidNationalRecordId(reg.nationalId)).toBe(true);
  });

  it('the jamoat registrar registers a paternity, which amends the birth record', async () => {
    const mother = { surname: 'Юсупова', name: 'Гулноза', birthDate: '1997-04-04' };
    const birth = await registerThrough(
      clerks,
      'BIRTH',
      birthOf({ surname: 'Юсупов', name: 'Фаррух', sex: 'M', birthDate: '2025-01-20' }, mother),
      jamoat,
    );
    const data: PaternityData = {
      ...structuredClone(paternityKind.example),
      birthRecordId: birth.id,
      childBefore: { surname: 'Юсупов', name: 'Фаррух', sex: 'M', birthDate: '2025-01-20' },
      childAfter: { surname: 'Ғафуров', name: 'Фаррух', patronymic: 'Бахтиёрович' },
      mother: { surname: mother.surname, name: mother.name, birthDate: mother.birthDate },
    };
    const p = await registerThrough(clerks, 'PATERNITY', data, jamoat);
    expect(p.office).toBe('RA-13-01');
    expect(p.nationalId[0]).toBe('5');
    const b = await read(birth.id, jamoat);
    expect(b.version).toBe(2);
    expect(b.data.child.surname).toBe('Ғафуров');
    expect(b.data.fatherBasis).toMatchObject({
      type: 'PATERNITY_RECORD',
      recordId: p.id,
      recordOffice: 'RA-13-01',
    });
  });

  it.each([
    ['DIVORCE', divorceKind.example],
    ['ADOPTION', adoptionKind.example],
    ['NAME_CHANGE', nameChangeKind.example],
  ] as const)('refuses to start a %s record in the jamoat', async (kind, data) => {
    const res = await jamoat.post(R, { kind, data });
    expect(res.status, show(res)).toBe(403);
    expect(res.body.key).toBe('problem.kindNotAllowedInOffice');
  });
});
