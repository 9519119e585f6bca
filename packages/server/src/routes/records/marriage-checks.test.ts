import type { MarriageData } from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthOf, divorceOf, marriageOf } from '../../test/family.ts';
import { payFee } from '../../test/fees.ts';
import { type Client, type Response, startTestApp, type TestApp } from '../../test/harness.ts';
import { advance, createRecord, R, registerThrough, show, type Workflow } from '../../test/workflow.ts';

/**
 * Impediments to marriage: the age rule of the Family Code, and what the registry can see — a
 * marriage still in force, or close kinship through linked birth records.
 */

let t: TestApp;
let front: Client;
let back: Client;
let registrar: Client;
let clerks: Workflow;

beforeAll(async () => {
  t = await startTestApp();
  [front, back, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
  clerks = { front, back, registrar };
});
afterAll(() => t.close());

function expectRegistryError(res: Response, path: string, key: string) {
  expect(res.status, show(res)).toBe(422);
  expect(res.body.key).toBe('problem.registryCheck');
  expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path, key })]));
}

const court = { court: 'Суди ноҳияи Фирдавсӣ', caseNumber: '2-55/2025', date: '2025-04-01' };

// ---- age -------------------------------------------------------------------------------------

describe('marriage age', () => {
  const teen = (birthDate: string): MarriageData =>
    marriageOf(
      { surname: 'Мирзоев', name: 'Акбар', birthDate },
      { surname: 'Мирзоева', name: 'Ширин', birthDate: '2000-01-01' },
    );

  // The rule is part of the kind's data check, so a draft that breaks it is refused already
  // when it is made (a draft may be incomplete but never wrong), and again at submit.
  it('refuses a 17-year-old spouse without a court decision, saying which spouse and how old', async () => {
    const res = await front.post(
      R,
      { kind: 'MARRIAGE', data: teen('2008-01-10') },
      { 'accept-language': 'en' },
    );
    expect(res.status, show(res)).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: 'data.husband.birthDate',
        key: 'error.marriage.underAge',
        params: { age: 17 },
      }),
    ]);
    const wife = marriageOf(
      { surname: 'Мирзоев', name: 'Акбар', birthDate: '1999-09-09' },
      { surname: 'Мирзоева', name: 'Ширин', birthDate: '2008-02-02' },
    );
    const res2 = await front.post(R, { kind: 'MARRIAGE', data: wife });
    expect(res2.status).toBe(422);
    expect(res2.body.errors).toEqual([
      expect.objectContaining({ path: 'data.wife.birthDate', key: 'error.marriage.underAge' }),
    ]);
  });

  it('refuses the edit that takes the court decision away from a 17-year-old', async () => {
    const data = teen('2008-01-11');
    data.husband.courtAgeReduction = court;
    const created = await front.post(R, { kind: 'MARRIAGE', data });
    expect(created.status, show(created)).toBe(201);
    const edited = await front.patch(
      `${R}/${created.body.id}`,
      { data: { husband: { courtAgeReduction: null } } },
      { 'if-match': created.headers.etag as string },
    );
    expect(edited.status, show(edited)).toBe(422);
    expect(edited.body.errors).toEqual([
      expect.objectContaining({ path: 'data.husband.birthDate', key: 'error.marriage.underAge' }),
    ]);
    // The draft is unchanged and still goes through with its court decision.
    const reg = await advance(clerks, created.body.id);
    expect(reg.data.husband.courtAgeReduction).toEqual(court);
  });

  it('counts the age on the day of registration', async () => {
    // 17 on the ceremony day, 18 today: the ceremony day decides.
    const data = teen('2007-12-01');
    expect((await front.post(R, { kind: 'MARRIAGE', data })).status).toBe(422);
    delete data.registrationDate;
    const res = await front.post(R, { kind: 'MARRIAGE', data });
    expect(res.status, show(res)).toBe(201);
  });

  it('a court may lower the age by one year only: 16 is refused even with a decision', async () => {
    const data = teen('2009-01-10');
    data.husband.courtAgeReduction = court;
    const res = await front.post(R, { kind: 'MARRIAGE', data });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: 'data.husband.birthDate',
        key: 'error.marriage.underAge',
        params: { age: 16 },
      }),
    ]);
  });
});

// ---- a marriage in force ---------------------------------------------------------------------

describe('already married', () => {
  const a = { surname: 'Ёров', name: 'Илҳом', birthDate: '1987-02-03' };
  const b = { surname: 'Каримова', surnameAfter: 'Ёрова', name: 'Нигора', birthDate: '1990-04-05' };
  let first: { id: string; number: number; year: number };
  let husbandAgain: string;
  let wifeAgain: string;

  beforeAll(async () => {
    first = await registerThrough(clerks, 'MARRIAGE', marriageOf(a, b));
  });

  it('refuses a second marriage of the husband while the first is in force', async () => {
    const data = marriageOf(a, { surname: 'Рашидова', name: 'Санавбар', birthDate: '1993-03-03' });
    data.husband.previousMaritalStatus = 'DIVORCED';
    data.husband.previousMarriageEnd = {
      type: 'DIVORCE_RECORD',
      number: '1',
      date: '2026-02-10',
      office: 'DU-03-00',
    };
    husbandAgain = await createRecord(front, 'MARRIAGE', data);
    const res = await front.post(`${R}/${husbandAgain}/submit`);
    expectRegistryError(res, 'data.husband', 'error.marriage.alreadyMarried');
    expect(res.body.errors).toHaveLength(1);
    // the office by its name, never by its code
    expect(res.body.errors[0].params).toEqual({
      number: first.number,
      year: first.year,
      office: 'Шуъбаи САҲШ — Фирдавсӣ',
    });
    expect(res.body.errors[0].message).toContain('Шуъбаи САҲШ — Фирдавсӣ');
    expect(res.body.errors[0].message).not.toContain('DU-03-00');
    const draft = await front.get(`${R}/${husbandAgain}`);
    expect(draft.body.status).toBe('draft');
  });

  it('refuses a second marriage of the wife, found under her married surname', async () => {
    const data = marriageOf(
      { surname: 'Сафаров', name: 'Манучеҳр', birthDate: '1985-05-15' },
      { ...b, surname: 'Ёрова', surnameAfter: 'Сафарова' },
    );
    data.wife.previousMaritalStatus = 'DIVORCED';
    data.wife.previousMarriageEnd = {
      type: 'DIVORCE_RECORD',
      number: '1',
      date: '2026-02-10',
      office: 'DU-03-00',
    };
    wifeAgain = await createRecord(front, 'MARRIAGE', data);
    expectRegistryError(
      await front.post(`${R}/${wifeAgain}/submit`),
      'data.wife',
      'error.marriage.alreadyMarried',
    );
  });

  it('does not take a namesake born the same day, with another surname, for the married man', async () => {
    const data = marriageOf(
      { ...a, surname: 'Ҷӯраев' },
      { surname: 'Ҷӯраева', name: 'Мунира', birthDate: '1991-01-21' },
    );
    const reg = await registerThrough(clerks, 'MARRIAGE', data);
    expect(reg.status).toBe('registered');
  });

  it('checks again at validation and registration, when the other marriage was registered in between', async () => {
    const h = { surname: 'Латифов', name: 'Шоҳрух', birthDate: '1994-10-10' };
    const one = await createRecord(
      front,
      'MARRIAGE',
      marriageOf(h, { surname: 'Латифова', name: 'Зебо', birthDate: '1996-06-06' }),
    );
    const two = await createRecord(
      front,
      'MARRIAGE',
      marriageOf(h, { surname: 'Латифова', name: 'Фотима', birthDate: '1997-07-07' }),
    );
    const three = await createRecord(
      front,
      'MARRIAGE',
      marriageOf(h, { surname: 'Латифова', name: 'Гулшан', birthDate: '1998-08-08' }),
    );
    for (const id of [one, two, three]) expect((await front.post(`${R}/${id}/submit`)).status).toBe(200);
    for (const id of [one, two]) expect((await back.post(`${R}/${id}/validate`)).status).toBe(200);
    await payFee(front, one);
    expect((await registrar.post(`${R}/${one}/register`)).status).toBe(200);
    expectRegistryError(
      await registrar.post(`${R}/${two}/register`),
      'data.husband',
      'error.marriage.alreadyMarried',
    );
    expectRegistryError(
      await back.post(`${R}/${three}/validate`),
      'data.husband',
      'error.marriage.alreadyMarried',
    );
    expect((await front.get(`${R}/${two}`)).body.status).toBe('validated');
    expect((await front.get(`${R}/${three}`)).body.status).toBe('submitted');
  });

  it('lets both marry again once the first marriage is dissolved by a registered divorce', async () => {
    const divorce = await registerThrough(clerks, 'DIVORCE', divorceOf(first, a, b));
    expect(divorce.links).toEqual([expect.objectContaining({ type: 'dissolves', recordId: first.id })]);
    const h = await advance(clerks, husbandAgain);
    expect(h.status).toBe('registered');
    const w = await advance(clerks, wifeAgain);
    expect(w.status).toBe('registered');
  });
});

// ---- kinship ---------------------------------------------------------------------------------

describe('close kinship through linked birth records', () => {
  it('refuses a marriage of half-siblings who share their mother', async () => {
    const mother = { surname: 'Шарифова', name: 'Гулбаҳор', birthDate: '1975-05-05' };
    const x = await registerThrough(
      clerks,
      'BIRTH',
      birthOf({ surname: 'Шарифов', name: 'Бахтовар', sex: 'M', birthDate: '2000-02-02' }, mother, {
        surname: 'Шарифов',
        name: 'Рустам',
        birthDate: '1972-01-01',
      }),
    );
    const y = await registerThrough(
      clerks,
      'BIRTH',
      birthOf(
        { surname: 'Қосимова', name: 'Нозия', sex: 'F', birthDate: '2003-03-03' },
        { ...mother, surname: 'Қосимова' },
        { surname: 'Қосимов', name: 'Эраҷ', birthDate: '1970-07-07' },
      ),
    );
    const husband = { surname: 'Шарифов', name: 'Бахтовар', birthDate: '2000-02-02' };
    const wife = { surname: 'Қосимова', name: 'Нозия', birthDate: '2003-03-03' };
    const cited = await createRecord(
      front,
      'MARRIAGE',
      marriageOf({ ...husband, birthRecordId: x.id }, { ...wife, birthRecordId: y.id }),
    );
    expectRegistryError(await front.post(`${R}/${cited}/submit`), 'data.wife', 'error.marriage.kin.siblings');
    // Without the ids the registry finds the same birth records by name, date of birth and surname.
    const found = await createRecord(front, 'MARRIAGE', marriageOf(husband, wife));
    expectRegistryError(await front.post(`${R}/${found}/submit`), 'data.wife', 'error.marriage.kin.siblings');
  });

  describe('through a shared grandparent', () => {
    const grandmother = { surname: 'Ҳакимова', name: 'Санам', birthDate: '1945-01-01' };
    const grandfather = { surname: 'Ҳакимов', name: 'Собир', birthDate: '1942-02-02' };
    const aunt = { surname: 'Ҳакимова', name: 'Зулфия', sex: 'F' as const, birthDate: '1970-03-03' };
    const uncle = { surname: 'Ҳакимов', name: 'Фирӯз', sex: 'M' as const, birthDate: '1972-06-06' };
    const girl = { surname: 'Муродова', name: 'Парвина', sex: 'F' as const, birthDate: '1996-04-04' };
    const boy = { surname: 'Ҳакимов', name: 'Сиёвуш', sex: 'M' as const, birthDate: '1997-09-09' };
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      ids.aunt = (await registerThrough(clerks, 'BIRTH', birthOf(aunt, grandmother, grandfather))).id;
      ids.uncle = (await registerThrough(clerks, 'BIRTH', birthOf(uncle, grandmother, grandfather))).id;
      // The aunt is the girl's mother (under her married surname); the uncle is the boy's father.
      ids.girl = (
        await registerThrough(
          clerks,
          'BIRTH',
          birthOf(
            girl,
            { ...aunt, surname: 'Муродова' },
            { surname: 'Муродов', name: 'Анвар', birthDate: '1968-08-08' },
          ),
        )
      ).id;
      ids.boy = (
        await registerThrough(
          clerks,
          'BIRTH',
          birthOf(boy, { surname: 'Ҳакимова', name: 'Лола', birthDate: '1974-04-14' }, uncle),
        )
      ).id;
    });

    it('refuses a marriage of first cousins', async () => {
      const id = await createRecord(
        front,
        'MARRIAGE',
        marriageOf({ ...boy, birthRecordId: ids.boy }, { ...girl, birthRecordId: ids.girl }),
      );
      const res = await front.post(`${R}/${id}/submit`);
      expectRegistryError(res, 'data.wife', 'error.marriage.kin.firstCousins');
      expect(res.body.errors).toHaveLength(1);
    });

    it('refuses a marriage of an uncle and his niece', async () => {
      const id = await createRecord(
        front,
        'MARRIAGE',
        marriageOf({ ...uncle, birthRecordId: ids.uncle }, { ...girl, birthRecordId: ids.girl }),
      );
      expectRegistryError(
        await front.post(`${R}/${id}/submit`),
        'data.wife',
        'error.marriage.kin.uncleNiece',
      );
    });

    it('refuses a marriage of an aunt and her nephew', async () => {
      const id = await createRecord(
        front,
        'MARRIAGE',
        marriageOf({ ...boy, birthRecordId: ids.boy }, { ...aunt, birthRecordId: ids.aunt }),
      );
      expectRegistryError(
        await front.post(`${R}/${id}/submit`),
        'data.wife',
        'error.marriage.kin.uncleNiece',
      );
    });

    it('refuses a marriage of full siblings', async () => {
      const id = await createRecord(
        front,
        'MARRIAGE',
        marriageOf({ ...uncle, birthRecordId: ids.uncle }, { ...aunt, birthRecordId: ids.aunt }),
      );
      expectRegistryError(await front.post(`${R}/${id}/submit`), 'data.wife', 'error.marriage.kin.siblings');
    });
  });

  it('lets unrelated people marry, each with their birth record cited', async () => {
    const h = await registerThrough(
      clerks,
      'BIRTH',
      birthOf(
        { surname: 'Давлатов', name: 'Хусрав', sex: 'M', birthDate: '1995-01-15' },
        { surname: 'Давлатова', name: 'Маҳина', birthDate: '1970-10-10' },
        { surname: 'Давлатов', name: 'Неъмат', birthDate: '1968-11-11' },
      ),
    );
    const w = await registerThrough(
      clerks,
      'BIRTH',
      birthOf(
        { surname: 'Обидова', name: 'Фарангис', sex: 'F', birthDate: '1998-12-20' },
        { surname: 'Обидова', name: 'Рухшона', birthDate: '1973-03-13' },
        { surname: 'Обидов', name: 'Ҳасан', birthDate: '1971-01-31' },
      ),
    );
    const reg = await registerThrough(
      clerks,
      'MARRIAGE',
      marriageOf(
        { surname: 'Давлатов', name: 'Хусрав', birthDate: '1995-01-15', birthRecordId: h.id },
        {
          surname: 'Обидова',
          surnameAfter: 'Давлатова',
          name: 'Фарангис',
          birthDate: '1998-12-20',
          birthRecordId: w.id,
        },
      ),
    );
    expect(reg.status).toBe('registered');
    expect(reg.nationalId[0]).toBe('2');
  });
});
