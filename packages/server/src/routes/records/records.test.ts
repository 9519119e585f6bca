import { randomUUID } from 'node:crypto';
import { isValidNationalRecordId } from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthData, deathData } from '../../test/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';
import { registerThrough, type Workflow } from '../../test/workflow.ts';

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

describe('the life of a birth record', () => {
  it('goes from draft to registered with an act number, a national ID and a full history', async () => {
    const created = await front.post('/api/v1/records', { kind: 'BIRTH', data: birthData() });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    expect(created.headers.etag).toBe('"1"');
    expect(created.body.actions).toEqual(['edit', 'submit', 'cancel']);
    const id = created.body.id;

    const submitted = await front.post(`/api/v1/records/${id}/submit`);
    expect(submitted.body.status).toBe('submitted');
    const validated = await back.post(`/api/v1/records/${id}/validate`);
    expect(validated.body.status).toBe('validated');
    const registered = await registrar.post(`/api/v1/records/${id}/register`);
    expect(registered.status).toBe(200);
    expect(registered.body.status).toBe('registered');
    expect(registered.body.number).toBeGreaterThanOrEqual(1);
    expect(isValidNationalRecordId(registered.body.nationalId)).toBe(true);
    expect(registered.body.nationalId.startsWith('1')).toBe(true);

    const read = await back.get(`/api/v1/records/${id}`);
    expect(read.body.data.child.name).toBe('Фарзона');
    expect(read.body.schemaVersion).toBe(1);
    const history = await back.get(`/api/v1/records/${id}/history`);
    expect(history.body.items.map((a: { action: string }) => a.action)).toEqual([
      'create',
      'submit',
      'validate',
      'register',
    ]);
    expect(history.body.items[0].by.login).toBe('front');
    expect(history.body.items[3].by.role).toBe('registrar');
    expect(history.body.items[3].office).toBe('DU-03-00');
  });

  it('is sent back with a reason, corrected and resubmitted', async () => {
    const created = await front.post('/api/v1/records', { kind: 'BIRTH', data: birthData() });
    const id = created.body.id;
    await front.post(`/api/v1/records/${id}/submit`);
    const noReason = await back.post(`/api/v1/records/${id}/reject`, {});
    expect(noReason.status).toBe(422);
    const rejected = await back.post(`/api/v1/records/${id}/reject`, {
      reason: 'Насаби модар хато навишта шудааст',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('draft');
    expect(rejected.body.flags).toContain('rejected');
    expect(rejected.body.rejection.reason).toBe('Насаби модар хато навишта шудааст');
    const edited = await front.patch(
      `/api/v1/records/${id}`,
      { data: { mother: { surname: 'Каримзода' } } },
      { 'if-match': rejected.headers.etag as string },
    );
    expect(edited.status).toBe(200);
    expect(edited.body.data.mother.surname).toBe('Каримзода');
    expect(edited.body.data.mother.name).toBe('Нигина');
    const resubmitted = await front.post(`/api/v1/records/${id}/submit`);
    expect(resubmitted.body.status).toBe('submitted');
    expect(resubmitted.body.flags).not.toContain('rejected');
  });

  it('cannot be submitted while incomplete, and says which fields are missing', async () => {
    const created = await front.post('/api/v1/records', {
      kind: 'BIRTH',
      data: { child: { surname: 'Раҳимзода' } },
    });
    expect(created.status).toBe(201);
    const res = await front.post(`/api/v1/records/${created.body.id}/submit`, undefined, {
      'accept-language': 'ru',
    });
    expect(res.status).toBe(422);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('data.child.name');
    expect(paths).toContain('data.mother');
    expect(res.body.errors[0].message).toMatch(/обязательно/);
  });

  it('flags a birth registered more than three months late', async () => {
    const body = await registerThrough(
      clerks,
      'BIRTH',
      birthData({ child: { ...birthData().child, birthDate: '2020-01-10' } }),
    );
    expect(body.flags).toContain('late-registration');
  });
});

describe('the life of a death record', () => {
  it('registers a death and marks the deceased’s birth record', async () => {
    const birth = await registerThrough(
      clerks,
      'BIRTH',
      birthData({
        child: {
          ...birthData().child,
          surname: 'Назаров',
          name: 'Суҳроб',
          patronymic: 'Ҷамшед',
          birthDate: '2024-12-01',
        },
      }),
    );
    const death = await registerThrough(
      clerks,
      'DEATH',
      deathData({
        deceased: {
          ...deathData().deceased,
          surname: 'Назаров',
          name: 'Суҳроб',
          patronymic: 'Ҷамшед',
          birthDate: '2024-12-01',
        },
        death: { ...deathData().death, date: '2025-04-02' },
      }),
    );
    expect(death.nationalId.startsWith('7')).toBe(true);
    expect(death.links).toEqual([expect.objectContaining({ type: 'birth-of-deceased', recordId: birth.id })]);
    const birthNow = await back.get(`/api/v1/records/${birth.id}`);
    expect(birthNow.body.flags).toContain('deceased');
    expect(birthNow.body.links).toEqual([expect.objectContaining({ type: 'death', recordId: death.id })]);
    expect(birthNow.body.notations).toEqual([
      expect.objectContaining({
        type: 'death',
        recordId: death.id,
        number: death.number,
        eventDate: '2025-04-02',
      }),
    ]);
  });

  it('accepts a year-only date of death and links nothing when no birth record matches', async () => {
    const death = await registerThrough(
      clerks,
      'DEATH',
      deathData({
        deceased: { ...deathData().deceased, surname: 'Ғаюров', birthDate: '1931' },
        death: { ...deathData().death, date: '1999' },
      }),
    );
    expect(death.status).toBe('registered');
    expect(death.links).toEqual([]);
    expect(death.flags).toContain('late-registration');
  });
});

describe('listing', () => {
  it('filters by flag and counts every work queue', async () => {
    const c = await front.post('/api/v1/records', { kind: 'BIRTH', data: birthData() });
    await front.post(`/api/v1/records/${c.body.id}/submit`);
    await back.post(`/api/v1/records/${c.body.id}/reject`, { reason: 'Ҳуҷҷат нест' });
    const rejected = await back.get('/api/v1/records?flag=rejected');
    expect(rejected.status).toBe(200);
    expect(rejected.body.items.map((i: { id: string }) => i.id)).toContain(c.body.id);
    expect(rejected.body.items.every((i: { flags: string[] }) => i.flags.includes('rejected'))).toBe(true);
    const counts = await back.get('/api/v1/records/counts');
    expect(counts.status).toBe(200);
    expect(counts.body.rejected).toBe(rejected.body.total);
    expect(counts.body.draft).toBe((await back.get('/api/v1/records?status=draft&limit=1')).body.total);
    expect(counts.body.registered).toBe(
      (await back.get('/api/v1/records?status=registered&limit=1')).body.total,
    );
  });

  it('lists records by status and kind with server-side paging', async () => {
    const id = randomUUID();
    await front.post('/api/v1/records', { id, kind: 'DEATH', data: deathData() });
    const drafts = await back.get('/api/v1/records?status=draft&kind=DEATH&limit=1');
    expect(drafts.status).toBe(200);
    expect(drafts.body.total).toBeGreaterThanOrEqual(1);
    expect(drafts.body.items).toHaveLength(1);
    expect(drafts.body.items[0].status).toBe('draft');
    const registered = await back.get('/api/v1/records?status=registered&sort=number&order=asc');
    expect(registered.body.items.every((r: { status: string }) => r.status === 'registered')).toBe(true);
  });
});
