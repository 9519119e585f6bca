import { adoptionKind, type NameChangeData, nameChangeKind, paternityKind } from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthOf, deathOf, divorceOf, marriageOf, type Named } from '../../test/family.ts';
import { payFee } from '../../test/fees.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';
import { createRecord, R, registerThrough, show, type Workflow } from '../../test/workflow.ts';

/**
 * A court annuls an act: what the act did to earlier records is undone (marks taken off, amended
 * fields back as they were, marriages in force again), unless undoing it would break the registry.
 * An act annulled as a duplicate leaves its effects standing: the event did happen.
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

const court = { court: 'Суди ноҳияи Сино ш. Душанбе', caseNumber: '2-311/2026', date: '2026-03-02' };
const byCourt = (reason: string) => ({ reason, basis: { type: 'COURT_DECISION', court } });

const read = async (id: string, by: Client = registrar) => {
  const res = await by.get(`${R}/${id}`);
  expect(res.status, show(res)).toBe(200);
  return res.body;
};

async function annul(id: string, reason: string) {
  const res = await registrar.post(`${R}/${id}/annul`, byCourt(reason));
  expect(res.status, show(res)).toBe(200);
  expect(res.body.status).toBe('annulled');
  return res.body;
}

/** A person born, married and then (wrongly) recorded as dead. */
async function family(tag: string, year: number) {
  const husband = { surname: `Шарипов${tag}`, name: 'Далер', sex: 'M' as const, birthDate: `${year}-03-14` };
  const wife = {
    surname: `Юсупова${tag}`,
    name: 'Нодира',
    sex: 'F' as const,
    birthDate: `${year + 2}-07-21`,
  };
  const birth = await registerThrough(
    clerks,
    'BIRTH',
    birthOf(
      husband,
      { surname: `Шарипова${tag}`, name: 'Зулфия', birthDate: `${year - 25}-01-09` },
      { surname: `Шарипов${tag}`, name: 'Анвар', birthDate: `${year - 28}-05-30` },
    ),
  );
  const marriage = await registerThrough(clerks, 'MARRIAGE', marriageOf(husband, wife));
  return { husband, wife, birth, marriage };
}

describe('a death annulled by a court', () => {
  it('takes the death mark off the birth record and puts the marriage it ended back in force', async () => {
    const f = await family('', 1970);
    const death = await registerThrough(clerks, 'DEATH', deathOf(f.husband, '2026-01-15'));
    expect((await read(f.birth.id)).flags).toContain('deceased');
    expect((await read(f.marriage.id)).flags).toContain('ended');

    await annul(death.id, 'Шахс зинда аст: сабти вафот хато буд');

    const birth = await read(f.birth.id);
    expect(birth.flags).not.toContain('deceased');
    expect(birth.notations.at(-1)).toMatchObject({
      type: 'death-annulled',
      recordId: death.id,
      kind: 'DEATH',
      number: death.number,
      nationalId: death.nationalId,
      markLifted: true,
    });
    const marriage = await read(f.marriage.id);
    expect(marriage.flags).not.toContain('ended');
    expect(marriage.notations.at(-1)).toMatchObject({
      type: 'marriage-end-annulled',
      recordId: death.id,
      markLifted: true,
    });
    // In force again: the wife may not marry someone else.
    const other = { surname: 'Каримов', name: 'Фирӯз', birthDate: '1968-10-10' };
    const id = await createRecord(front, 'MARRIAGE', marriageOf(other, f.wife));
    const refused = await front.post(`${R}/${id}/submit`);
    expect(refused.status, show(refused)).toBe(422);
    expect(refused.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'error.marriage.alreadyMarried' })]),
    );
  });

  it('is refused while the widow has married again, and changes nothing', async () => {
    const f = await family('и', 1966);
    const death = await registerThrough(clerks, 'DEATH', deathOf(f.husband, '2026-01-20'));
    const second = await registerThrough(
      clerks,
      'MARRIAGE',
      marriageOf({ surname: 'Раҳимов', name: 'Бахтиёр', birthDate: '1965-02-02' }, f.wife),
    );

    const res = await registrar.post(`${R}/${death.id}/annul`, byCourt('Шахс зинда аст'));
    expect(res.status, show(res)).toBe(409);
    expect(res.body.key).toBe('problem.annul.spouseMarriedAgain');
    expect(res.body.title).toContain(`№ ${second.number}`);
    expect(res.body.title).toContain('Шуъбаи САҲШ — Фирдавсӣ');
    expect(res.body.title).not.toMatch(/[A-Z]{2}-\d{2}-\d{2}/);

    expect((await read(death.id)).status).toBe('registered');
    expect((await read(f.birth.id)).flags).toContain('deceased');
    expect((await read(f.marriage.id)).flags).toContain('ended');
  });

  it('keeps the mark while another death record of the same person stays in force', async () => {
    const f = await family('а', 1950);
    const first = await registerThrough(clerks, 'DEATH', deathOf(f.husband, '2026-02-01'));
    // A second record of the same death, cleared by the back office as not a duplicate.
    const id = await createRecord(front, 'DEATH', deathOf(f.husband, '2026-02-01'));
    expect((await front.post(`${R}/${id}/submit`)).status).toBe(200);
    const side = await back.get(`${R}/${id}/duplicates`);
    const candidate = side.body.candidates[0].candidateId;
    expect(candidate).toBe(first.id);
    const cleared = await back.post(`${R}/${id}/duplicates/${candidate}`, {
      verdict: 'not-duplicate',
      reason: 'Сабти дуюм бо қарори суд',
    });
    expect(cleared.status, show(cleared)).toBe(200);
    expect((await back.post(`${R}/${id}/validate`)).status).toBe(200);
    expect((await registrar.post(`${R}/${id}/register`)).status).toBe(200);

    await annul(first.id, 'Сабти аввал хато тартиб дода шуда буд');

    const birth = await read(f.birth.id);
    expect(birth.flags).toContain('deceased');
    expect(birth.notations.at(-1)).toMatchObject({ type: 'death-annulled', markLifted: false });
  });
});

describe('a death annulled as a duplicate', () => {
  it('leaves its effects standing: the person is still dead, the marriage still ended', async () => {
    const f = await family('о', 1955);
    const first = await registerThrough(clerks, 'DEATH', deathOf(f.husband, '2026-02-11'));
    const id = await createRecord(front, 'DEATH', deathOf(f.husband, '2026-02-11'));
    await front.post(`${R}/${id}/submit`);
    const side = await back.get(`${R}/${id}/duplicates`);
    await back.post(`${R}/${id}/duplicates/${side.body.candidates[0].candidateId}`, {
      verdict: 'not-duplicate',
      reason: 'Санҷиш',
    });
    await back.post(`${R}/${id}/validate`);
    expect((await registrar.post(`${R}/${id}/register`)).status).toBe(200);
    const before = (await read(f.birth.id)).notations.length;

    const res = await registrar.post(`${R}/${first.id}/annul`, {
      reason: 'Такрори сабт',
      basis: { type: 'DUPLICATE', duplicateOf: id },
    });
    expect(res.status, show(res)).toBe(200);

    const birth = await read(f.birth.id);
    expect(birth.flags).toContain('deceased');
    expect(birth.notations).toHaveLength(before);
    expect((await read(f.marriage.id)).flags).toContain('ended');
  });
});

describe('a divorce annulled by a court', () => {
  it('puts the marriage back in force, so it may be dissolved again', async () => {
    const f = await family('е', 1980);
    const divorce = await registerThrough(clerks, 'DIVORCE', divorceOf(f.marriage, f.husband, f.wife));
    expect((await read(f.marriage.id)).flags).toContain('dissolved');

    await annul(divorce.id, 'Суд бекор кардани ақди никоҳро беэътибор донист');

    const marriage = await read(f.marriage.id);
    expect(marriage.flags).not.toContain('dissolved');
    expect(marriage.notations.at(-1)).toMatchObject({
      type: 'marriage-end-annulled',
      kind: 'DIVORCE',
      recordId: divorce.id,
      markLifted: true,
    });
    await registerThrough(clerks, 'DIVORCE', divorceOf(f.marriage, f.husband, f.wife));
    expect((await read(f.marriage.id)).flags).toContain('dissolved');
  });

  it('is refused while a former spouse has married again', async () => {
    const f = await family('у', 1982);
    const divorce = await registerThrough(clerks, 'DIVORCE', divorceOf(f.marriage, f.husband, f.wife));
    await registerThrough(
      clerks,
      'MARRIAGE',
      marriageOf(f.husband, { surname: 'Ҳакимова', name: 'Шабнам', birthDate: '1990-09-09' }),
    );
    const res = await registrar.post(`${R}/${divorce.id}/annul`, byCourt('Қарори суд'));
    expect(res.status, show(res)).toBe(409);
    expect(res.body.key).toBe('problem.annul.spouseMarriedAgain');
    expect((await read(f.marriage.id)).flags).toContain('dissolved');
    expect((await read(divorce.id)).status).toBe('registered');
  });
});

describe('a paternity annulled by a court', () => {
  const ex = paternityKind.example;

  it('gives the birth record back what it said before: no father, the earlier surname, a new certificate due', async () => {
    const birth = await registerThrough(clerks, 'BIRTH', birthOf({ ...ex.childBefore }, ex.mother as Named));
    const paternity = await registerThrough(clerks, 'PATERNITY', ex);
    expect((await read(birth.id)).data.father.surname).toBe('Ғафуров');

    await annul(paternity.id, 'Падарӣ дар суд рад карда шуд');

    const b = await read(birth.id);
    expect(b.version).toBe(3);
    expect(b.data.father).toBeUndefined();
    expect(b.data.fatherBasis).toEqual({ type: 'NONE' });
    expect(b.data.child.surname).toBe('Сафарзода');
    expect(b.data.child.patronymic).toBeUndefined();
    expect(b.flags).toContain('certificate-reissue');
    expect(b.notations.at(-1)).toMatchObject({
      type: 'amendment-annulled',
      kind: 'PATERNITY',
      recordId: paternity.id,
      version: 3,
    });
    expect(b.notations.at(-1).changed).toEqual(
      expect.arrayContaining(['father.surname', 'fatherBasis.type', 'child.surname', 'child.patronymic']),
    );
    expect(b.notations.at(-1).kept).toBeUndefined();
    // Every version stays readable; the third one says it came from the annulment.
    const versions = (await registrar.get(`${R}/${birth.id}/versions`)).body.items;
    expect(versions).toHaveLength(3);
    expect(versions[2].data).toEqual(versions[0].data);
    const history = (await registrar.get(`${R}/${birth.id}/history`)).body.items;
    const amend = history.filter((a: { action: string }) => a.action === 'amend').at(-1);
    expect(amend.payload.cause).toEqual({ type: 'ANNULMENT', recordId: paternity.id });
    // Search finds the child under the earlier surname again.
    const found = await registrar.get(`/api/v1/search?q=${encodeURIComponent('Сафарзода Нилуфар')}`);
    expect(found.status, show(found)).toBe(200);
    expect(found.body.items.map((h: { id: string }) => h.id)).toContain(birth.id);
  });

  it('keeps a field changed again since the paternity, and says so; what the paternity added goes', async () => {
    const child = { ...ex.childBefore, name: 'Мадина', birthDate: '2024-12-01' };
    const birth = await registerThrough(clerks, 'BIRTH', birthOf(child, ex.mother as Named));
    const paternity = await registerThrough(clerks, 'PATERNITY', {
      ...structuredClone(ex),
      childBefore: child,
      childAfter: { ...ex.childAfter, name: 'Мадина' },
    });
    const asked = await front.post(`${R}/${birth.id}/amendments`, {
      patch: { child: { surname: 'Ғафурӣ' }, father: { patronymic: 'Алиҷонович' } },
      reason: 'Насаби кӯдак бо аризаи модар; хатои имлоӣ дар номи падари падар',
      basis: { type: 'APPLICATION', number: '12', date: '2026-02-01', issuer: 'Сафарова М.' },
    });
    expect(asked.status, show(asked)).toBe(201);
    await payFee(front, birth.id, 'amendment');
    const approved = await registrar.post(`${R}/${birth.id}/amendments/approve`);
    expect(approved.status, show(approved)).toBe(200);

    await annul(paternity.id, 'Падарӣ дар суд рад карда шуд');

    const b = await read(birth.id);
    expect(b.version).toBe(4);
    expect(b.data.child.surname).toBe('Ғафурӣ');
    expect(b.data.child.patronymic).toBeUndefined();
    expect(b.data.father).toBeUndefined();
    expect(b.data.fatherBasis).toEqual({ type: 'NONE' });
    expect(b.notations.at(-1).kept).toEqual(['child.surname']);
  });
});

describe('a change of name annulled by a court', () => {
  it('gives the person their earlier names back and tells the marriage and the children', async () => {
    const ex = nameChangeKind.example;
    const person = {
      surname: 'Алиева',
      name: 'Мавлуда',
      patronymic: 'Раҳимовна',
      sex: 'F' as const,
      birthDate: '1990-09-15',
    };
    const husband = { surname: 'Назаров', name: 'Фаридун', birthDate: '1988-04-04' };
    const own = await registerThrough(
      clerks,
      'BIRTH',
      birthOf(
        person,
        { surname: 'Алиева', name: 'Гулрухсор', birthDate: '1965-03-10' },
        { surname: 'Алиев', name: 'Раҳим', birthDate: '1962-07-01' },
      ),
    );
    const marriage = await registerThrough(clerks, 'MARRIAGE', marriageOf(husband, person));
    const child = await registerThrough(
      clerks,
      'BIRTH',
      birthOf({ surname: 'Назаров', name: 'Шаҳром', sex: 'M', birthDate: '2015-06-01' }, person, husband),
    );
    const data: NameChangeData = {
      ...structuredClone(ex),
      marriageRecordId: marriage.id,
      childrenBirthRecordIds: [child.id],
    };
    const nc = await registerThrough(clerks, 'NAME_CHANGE', data);
    expect((await read(own.id)).data.child.surname).toBe('Алӣзода');

    await annul(nc.id, 'Суд ивази номро беэътибор донист');

    const b = await read(own.id);
    expect(b.version).toBe(3);
    expect(b.data.child).toMatchObject({ surname: 'Алиева', name: 'Мавлуда', patronymic: 'Раҳимовна' });
    expect(b.notations.at(-1)).toMatchObject({
      type: 'amendment-annulled',
      kind: 'NAME_CHANGE',
      recordId: nc.id,
    });
    for (const id of [marriage.id, child.id]) {
      const r = await read(id);
      expect(r.flags).toContain('certificate-reissue');
      expect(r.notations.at(-1)).toMatchObject({
        type: 'name-change-annulled',
        recordId: nc.id,
        before: { surname: 'Алӣзода' },
        after: { surname: 'Алиева' },
      });
    }
  });
});

describe('an adoption annulled by a court', () => {
  const ex = adoptionKind.example;

  it('gives the birth record back its original data and seals the versions that named the adopters', async () => {
    const birth = await registerThrough(
      clerks,
      'BIRTH',
      birthOf({ ...ex.childBefore, sex: 'M' }, ex.birthMother as Named),
    );
    const adoption = await registerThrough(clerks, 'ADOPTION', structuredClone(ex));
    expect((await read(birth.id)).data.child.surname).toBe('Қодирзода');

    await annul(adoption.id, 'Фарзандхонӣ бо қарори суд бекор карда шуд');

    const b = await read(birth.id);
    expect(b.version).toBe(3);
    expect(b.data.child.surname).toBe(ex.childBefore.surname);
    expect(b.data.mother.surname).toBe(ex.birthMother!.surname);
    expect(b.flags).toContain('sealed');

    // The back office sees the original again, but not the adoptive version nor the difference.
    const seenByBack = await back.get(`${R}/${birth.id}/versions`);
    expect(seenByBack.status, show(seenByBack)).toBe(200);
    const [v1, v2, v3] = seenByBack.body.items;
    expect(v1).toMatchObject({ version: 1, sealed: true, data: null });
    expect(v2).toMatchObject({ version: 2, sealed: true, data: null });
    expect(v3).toMatchObject({ version: 3, sealed: false, changes: null });
    expect(v3.data.child.surname).toBe(ex.childBefore.surname);
    expect(show(seenByBack)).not.toContain('Қодирзода');
    const history = await back.get(`${R}/${birth.id}/history`);
    expect(show(history)).not.toContain('Қодирзода');
    // The registrar, who may read sealed records, sees every version.
    const seenByRegistrar = (await registrar.get(`${R}/${birth.id}/versions`)).body.items;
    expect(seenByRegistrar[1].data.child.surname).toBe('Қодирзода');
  });
});
