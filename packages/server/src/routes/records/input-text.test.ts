import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthData } from '../../test/fixtures.ts';
import { type Client, type Response, startTestApp, type TestApp } from '../../test/harness.ts';
import { R, registerThrough, show, type Workflow } from '../../test/workflow.ts';

/** Text and dates no act holds: invisible and control characters, look-alike letters, the future. */

let t: TestApp;
let w: Workflow;

beforeAll(async () => {
  t = await startTestApp();
  const [front, back, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
  w = { front, back, registrar };
});
afterAll(() => t.close());

function fieldProblem(res: Response, path: string, key: string) {
  expect(res.status, show(res)).toBe(422);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const found = (res.body.errors ?? []).filter((e: { path: string }) => e.path === path);
  expect(
    found.map((e: { key: string }) => e.key),
    show(res),
  ).toEqual([key]);
  return found[0] as { message: string };
}

async function recordCount(by: Client) {
  const res = await by.get(`${R}?limit=1`);
  expect(res.status).toBe(200);
  return res.body.total as number;
}

const base = () => birthData();

describe('a new act refuses invisible characters, look-alike letters and future dates', () => {
  const cases: [string, (d: ReturnType<typeof base>) => void, string, string][] = [
    [
      'a given name of one combining accent',
      (d) => (d.child.name = '\u0301'),
      'child.name',
      'error.name.letters',
    ],
    [
      'a surname with Latin a and o inside Cyrillic',
      (d) => (d.child.surname = 'Сaидoв'),
      'child.surname',
      'error.name.mixedScripts',
    ],
    [
      'an address with a right-to-left override',
      (d) => (d.mother.residence.address = 'кӯчаи Рӯдакӣ \u202e42'),
      'mother.residence.address',
      'error.invalidCharacters',
    ],
    [
      'an address with ESC and BEL',
      (d) => (d.mother.residence.address = 'кӯчаи Рӯдакӣ\u001b[2J\u0007'),
      'mother.residence.address',
      'error.invalidCharacters',
    ],
    [
      'a father’s basis record dated 2200',
      (d) => (d.fatherBasis = { ...d.fatherBasis, recordDate: '2200-01-01' }),
      'fatherBasis.recordDate',
      'error.date.future',
    ],
    [
      'a father’s basis record dated 9999',
      (d) => (d.fatherBasis = { ...d.fatherBasis, recordDate: '9999-12-31' }),
      'fatherBasis.recordDate',
      'error.date.future',
    ],
  ];

  it.each(cases)('%s is a 422 field problem and no record is made', async (_label, spoil, path, key) => {
    const data = base();
    spoil(data);
    const id = randomUUID();
    const before = await recordCount(w.back);
    const res = await w.front.post(R, { id, kind: 'BIRTH', data });
    fieldProblem(res, `data.${path}`, key);
    expect(await recordCount(w.back)).toBe(before);
    expect((await w.back.get(`${R}/${id}`)).status).toBe(404);
  });

  it('says so in the user’s language', async () => {
    const data = base();
    data.child.surname = 'Сaидов';
    const ru = await w.front.post(R, { kind: 'BIRTH', data }, { 'accept-language': 'ru' });
    expect(fieldProblem(ru, 'data.child.surname', 'error.name.mixedScripts').message).toMatch(/алфавит/);
    const en = await w.front.post(R, { kind: 'BIRTH', data }, { 'accept-language': 'en' });
    expect(fieldProblem(en, 'data.child.surname', 'error.name.mixedScripts').message).toMatch(/alphabet/);
  });
});

describe('a registered act', () => {
  it('refuses an amendment that brings such text, and stays as it was', async () => {
    const registered = await registerThrough(w, 'BIRTH', base());
    const url = `${R}/${registered.id}/amendments`;
    const basis = { type: 'APPLICATION', number: '45', date: registered.data.child.birthDate };
    for (const [patch, path, key] of [
      [{ mother: { surname: 'Кaримова' } }, 'patch.mother.surname', 'error.name.mixedScripts'],
      [
        { mother: { residence: { address: 'кӯчаи\u2066 Сино\u2069' } } },
        'patch.mother.residence.address',
        'error.invalidCharacters',
      ],
      [{ fatherBasis: { recordDate: '2200-01-01' } }, 'patch.fatherBasis.recordDate', 'error.date.future'],
    ] as const) {
      const res = await w.front.post(url, { patch, reason: 'Хатои имлоӣ', basis });
      expect(res.status, show(res)).toBe(422);
      expect(
        (res.body.errors ?? []).some(
          (e: { path: string; key: string }) => e.path.endsWith(path.slice(6)) && e.key === key,
        ),
        show(res),
      ).toBe(true);
    }
    // the reason, a free text of several lines, refuses them too
    const res = await w.front.post(url, {
      patch: { mother: { surname: 'Каримзода' } },
      reason: 'Хатои\u202e имлоӣ',
      basis,
    });
    expect(res.status, show(res)).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'reason', key: 'error.invalidCharacters' }),
    ]);
    expect((await w.back.get(`${url}`)).body.items).toEqual([]);
    const after = await w.back.get(`${R}/${registered.id}`);
    expect(after.body.version).toBe(registered.version);
    expect(after.body.data).toEqual(registered.data);
  });
});
