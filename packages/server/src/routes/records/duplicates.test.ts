import { birthKind } from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanDuplicates } from '../../duplicates/scan.ts';
import { payFee } from '../../test/fees.ts';
import { birthData, deathData } from '../../test/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';
import { R, registerThrough, type Workflow } from '../../test/workflow.ts';

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

async function toValidated(kind: string, data: unknown) {
  const c = await front.post(R, { kind, data });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  const s = await front.post(`${R}/${c.body.id}/submit`);
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  const v = await back.post(`${R}/${c.body.id}/validate`);
  expect(v.status, JSON.stringify(v.body)).toBe(200);
  return v.body;
}

const baby = (surname: string, name: string, birthDate: string, mother = 'Нигина') =>
  birthData({
    child: { ...birthKind.example.child, surname, name, birthDate },
    mother: { ...birthKind.example.mother, name: mother },
  });

describe('possible duplicate births', () => {
  it('flags a birth spelled another way, born within five days to a similar mother, and blocks its registration', async () => {
    const first = await registerThrough(clerks, 'BIRTH', baby('Раҳимова', 'Фарзона', '2025-05-10'));
    const second = await toValidated('BIRTH', baby('Рахимова', 'Фарзона', '2025-05-12', 'Нигина'));
    expect(second.flags).toContain('possible-duplicate');
    expect(second.actions).not.toContain('register');
    expect(second.actions).toContain('resolve-duplicate');

    const refused = await registrar.post(`${R}/${second.id}/register`);
    expect(refused.status).toBe(409);
    expect(refused.body.key).toBe('problem.possibleDuplicate');

    const side = await back.get(`${R}/${second.id}/duplicates`);
    expect(side.status).toBe(200);
    expect(side.body.record.id).toBe(second.id);
    expect(side.body.candidates).toHaveLength(1);
    expect(side.body.candidates[0]).toMatchObject({ candidateId: first.id, status: 'open' });
    expect(side.body.candidates[0].record.data.child.surname).toBe('Раҳимова');
    expect(side.body.candidates[0].reasons).toEqual(expect.arrayContaining(['name:exact', 'birth-date:2d']));
  });

  it('lets the back office clear a false alarm, after which the record registers', async () => {
    await registerThrough(clerks, 'BIRTH', baby('Саидзода', 'Меҳрона', '2025-04-01'));
    const twin = await toValidated('BIRTH', baby('Саидзода', 'Меҳрона', '2025-04-01'));
    expect(twin.flags).toContain('possible-duplicate');
    const side = await back.get(`${R}/${twin.id}/duplicates`);
    const candidate = side.body.candidates[0].candidateId;
    const cleared = await back.post(`${R}/${twin.id}/duplicates/${candidate}`, {
      verdict: 'not-duplicate',
      reason: 'Ду кӯдак бо як ном аз ду модар',
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.flags).not.toContain('possible-duplicate');
    const reg = await registrar.post(`${R}/${twin.id}/register`);
    expect(reg.status).toBe(200);
    expect(reg.body.status).toBe('registered');
  });

  it('sends a confirmed duplicate back and keeps it from being submitted again', async () => {
    await registerThrough(clerks, 'BIRTH', baby('Назарова', 'Шабнам', '2025-02-02'));
    const dup = await toValidated('BIRTH', baby('Nazarova', 'Shabnam', '2025-02-03'));
    const side = await back.get(`${R}/${dup.id}/duplicates`);
    const candidate = side.body.candidates[0].candidateId;
    const noReason = await back.post(`${R}/${dup.id}/duplicates/${candidate}`, { verdict: 'duplicate' });
    expect(noReason.status).toBe(422);
    const marked = await back.post(`${R}/${dup.id}/duplicates/${candidate}`, {
      verdict: 'duplicate',
      reason: 'Ҳамон кӯдак, аллакай ба қайд гирифта шудааст',
    });
    expect(marked.status).toBe(200);
    expect(marked.body.status).toBe('draft');
    expect(marked.body.flags).toEqual(expect.arrayContaining(['duplicate', 'rejected']));
    expect((await front.post(`${R}/${dup.id}/submit`)).status).toBe(409);
  });

  it('does not flag a different child of the same mother born far apart, nor a different name', async () => {
    await registerThrough(clerks, 'BIRTH', baby('Каримова', 'Зарина', '2025-01-05'));
    const sibling = await toValidated('BIRTH', baby('Каримова', 'Зарина', '2025-01-20'));
    expect(sibling.flags).not.toContain('possible-duplicate');
    const other = await toValidated('BIRTH', baby('Каримова', 'Малика', '2025-01-06'));
    expect(other.flags).not.toContain('possible-duplicate');
  });

  it('flags a birth whose surname was typed with a keyboard substitute (Ч for Ҷ), not a different surname', async () => {
    const first = await registerThrough(clerks, 'BIRTH', baby('Раҷабова', 'Шабнам', '2025-06-02'));
    const typed = await toValidated('BIRTH', baby('Рачабова', 'Шабнам', '2025-06-02'));
    expect(typed.flags).toContain('possible-duplicate');
    const side = await back.get(`${R}/${typed.id}/duplicates`);
    expect(side.body.candidates.map((c: { candidateId: string }) => c.candidateId)).toEqual([first.id]);
    expect(side.body.candidates[0].reasons).toEqual(expect.arrayContaining(['surname:loose']));
    const other = await toValidated('BIRTH', baby('Раҳимова', 'Шабнам', '2025-06-02'));
    expect(other.flags).not.toContain('possible-duplicate');
  });

  it('blocks a registration when a duplicate was registered after validation, and keeps the flag', async () => {
    const b = await toValidated('BIRTH', baby('Ғафурова', 'Дилноза', '2025-03-03'));
    expect(b.flags).not.toContain('possible-duplicate');
    // another office's look-alike is flagged on submission, cleared (wrongly) and registered
    const c = await toValidated('BIRTH', baby('Гафурова', 'Дилноза', '2025-03-04'));
    expect(c.flags).toContain('possible-duplicate');
    const side = await back.get(`${R}/${c.id}/duplicates`);
    await back.post(`${R}/${c.id}/duplicates/${side.body.candidates[0].candidateId}`, {
      verdict: 'not-duplicate',
    });
    expect((await registrar.post(`${R}/${c.id}/register`)).status).toBe(200);
    // now b meets a registered look-alike at registration
    const res = await registrar.post(`${R}/${b.id}/register`);
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.key).toBe('problem.possibleDuplicate');
    expect(res.body.candidates[0].candidateId).toBe(c.id);
    const now = await back.get(`${R}/${b.id}`);
    expect(now.body.status).toBe('validated');
    expect(now.body.flags).toContain('possible-duplicate');
  });
});

describe('possible duplicate deaths', () => {
  it('flags the same name with the same date of birth', async () => {
    await registerThrough(
      clerks,
      'DEATH',
      deathData({
        deceased: { ...deathData().deceased, surname: 'Юсупов', name: 'Бахром', birthDate: '1950-03-03' },
      }),
    );
    const again = await toValidated(
      'DEATH',
      deathData({
        deceased: { ...deathData().deceased, surname: 'Юсуфов', name: 'Баҳром', birthDate: '1950-03-03' },
      }),
    );
    expect(again.flags).toContain('possible-duplicate');
    const other = await toValidated(
      'DEATH',
      deathData({
        deceased: { ...deathData().deceased, surname: 'Юсуфов', name: 'Баҳром', birthDate: '1951-03-03' },
      }),
    );
    expect(other.flags).not.toContain('possible-duplicate');
  });
});

describe('the batch scan across the registry', () => {
  it('finds registered duplicates that slipped in (here through an amendment) and flags the later one', async () => {
    const a = await registerThrough(clerks, 'BIRTH', baby('Шарипов', 'Некрӯз', '2024-07-07', 'Гулнора'));
    const b = await registerThrough(clerks, 'BIRTH', baby('Шарипов', 'Фирӯз', '2024-07-07', 'Гулнора'));
    const req = await front.post(`${R}/${b.id}/amendments`, {
      patch: { child: { name: 'Некруз' } },
      reason: 'Ислоҳи ном',
      basis: { type: 'APPLICATION', number: '7', date: '2025-01-10' },
    });
    expect(req.status, JSON.stringify(req.body)).toBe(201);
    await payFee(front, b.id, 'amendment');
    expect((await registrar.post(`${R}/${b.id}/amendments/approve`)).status).toBe(200);

    const results = await scanDuplicates(t.dbx.db, { kind: 'BIRTH' });
    expect(results[0]).toMatchObject({ kind: 'BIRTH' });
    expect(results[0]!.duplicates).toBeGreaterThanOrEqual(1);
    const later = await back.get(`${R}/${b.id}`);
    expect(later.body.flags).toContain('possible-duplicate');
    const side = await back.get(`${R}/${b.id}/duplicates`);
    expect(side.body.candidates.map((c: { candidateId: string }) => c.candidateId)).toContain(a.id);
    // a second scan does not flag the same pair again
    const again = await scanDuplicates(t.dbx.db, { kind: 'BIRTH' });
    expect(again[0]!.duplicates).toBe(0);
  });
});
