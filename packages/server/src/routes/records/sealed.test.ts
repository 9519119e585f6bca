import { type AdoptionData, adoptionKind, type BirthData, type Role, SEALED_READERS } from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequenceAudit } from '../../audit/sequencer.ts';
import { payFee } from '../../test/fees.ts';
import { preAdoptionBirth } from '../../test/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';
import { R, registerThrough, show, type Workflow } from '../../test/workflow.ts';

/**
 * Adoption secrecy: once an adoption is registered, the adoption record and what the child's birth
 * record said before it are readable only by SEALED_READERS, and every such view is audited. The
 * birth record as the adoption made it stays readable by everyone.
 */

let t: TestApp;
let front: Client;
let back: Client;
let registrar: Client;
let clerks: Workflow;

/**
 * Every demo role of the district office that reads records, by login (the statistician reads
 * none: personal-data.test.ts).
 */
const ROLES: [string, Role][] = [
  ['front', 'front_office'],
  ['back', 'back_office'],
  ['registrar', 'registrar'],
  ['head', 'head_of_office'],
  ['archivist', 'archivist'],
  ['verifier', 'verifier'],
  ['admin', 'central_admin'],
  ['auditor', 'auditor'],
];

// What only sealed readers may learn: the child's original surname and the birth mother.
const ORIGINAL_SURNAME = 'Ҳамидзода';
const BIRTH_MOTHER = 'Ҳамидова';

let birth: { id: string };
let adoption: { id: string; number: number };

beforeAll(async () => {
  t = await startTestApp();
  [front, back, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
  clerks = { front, back, registrar };
  const ex = adoptionKind.example;
  birth = await registerThrough(
    clerks,
    'BIRTH',
    preAdoptionBirth(ex.childBefore, { surname: BIRTH_MOTHER, name: 'Зарина', birthDate: '2003-01-17' }),
  );
  adoption = await registerThrough(clerks, 'ADOPTION', { ...structuredClone(ex), birthRecordId: birth.id });
});
afterAll(() => t.close());

async function lastSeq(): Promise<number> {
  await sequenceAudit(t.dbx.db);
  const row = await t.dbx.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirstOrThrow();
  return Number(row.seq ?? 0);
}

async function auditSince(seq: number, login: string) {
  await sequenceAudit(t.dbx.db);
  const rows = await t.dbx.db
    .selectFrom('audit_log')
    .select(['event', 'record_id', 'actor_login'])
    .where('seq', '>', seq)
    .where('actor_login', '=', login)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ event: r.event, recordId: r.record_id }));
}

it('the adoption sealed the birth record and itself', async () => {
  const b = (await registrar.get(`${R}/${birth.id}`)).body;
  const a = (await registrar.get(`${R}/${adoption.id}`)).body;
  expect(b.flags).toContain('sealed');
  expect(b.version).toBe(2);
  expect(a.flags).toContain('sealed');
  expect(SEALED_READERS).toEqual(['registrar', 'head_of_office']);
});

describe.each(ROLES)('as %s (%s)', (login, role) => {
  const reader = SEALED_READERS.includes(role);
  let c: Client;
  let since: number;

  beforeAll(async () => {
    c = await t.as(login);
    since = await lastSeq();
  });

  it(reader ? 'reads the adoption record' : 'sees the adoption record without its data', async () => {
    const res = await c.get(`${R}/${adoption.id}`);
    expect(res.status, show(res)).toBe(200);
    expect(res.body.sealed).toBe(true);
    expect(res.body.kind).toBe('ADOPTION');
    expect(res.body.status).toBe('registered');
    if (reader) {
      expect(res.body.data.childBefore.surname).toBe(ORIGINAL_SURNAME);
    } else {
      expect(res.body.data).toBeNull();
      expect(show(res)).not.toContain(ORIGINAL_SURNAME);
      expect(show(res)).not.toContain(BIRTH_MOTHER);
    }
    const versions = await c.get(`${R}/${adoption.id}/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.items).toHaveLength(1);
    expect(versions.body.items[0].sealed).toBe(true);
    if (reader) expect(versions.body.items[0].data.childAfter.surname).toBe('Қодирзода');
    else expect(versions.body.items[0].data).toBeNull();
    const history = await c.get(`${R}/${adoption.id}/history`);
    expect(history.status).toBe(200);
    const payloads = history.body.items.map((a: { payload: unknown }) => a.payload);
    if (reader) expect(payloads[0].data.childBefore.surname).toBe(ORIGINAL_SURNAME);
    else expect(payloads.every((p: unknown) => JSON.stringify(p) === '{"sealed":true}')).toBe(true);
  });

  it('reads the birth record as the adoption made it', async () => {
    const res = await c.get(`${R}/${birth.id}`);
    expect(res.status, show(res)).toBe(200);
    expect(res.body.data.child).toMatchObject({ surname: 'Қодирзода', name: 'Сино', patronymic: 'Фаррух' });
    expect(res.body.data.mother.surname).toBe('Сафарова');
    expect(res.body.sealed).toBe(true);
    expect(show(res)).not.toContain(ORIGINAL_SURNAME);
  });

  it(
    reader
      ? "reads the birth record's version before the adoption"
      : "does not see the birth record's version before the adoption",
    async () => {
      const res = await c.get(`${R}/${birth.id}/versions`);
      expect(res.status, show(res)).toBe(200);
      const [v1, v2] = res.body.items;
      expect(res.body.items).toHaveLength(2);
      expect(v1).toMatchObject({ version: 1, sealed: true });
      expect(v2).toMatchObject({ version: 2, sealed: false });
      expect(v2.data.child.surname).toBe('Қодирзода');
      if (reader) {
        expect(v1.data.child.surname).toBe(ORIGINAL_SURNAME);
        expect(v1.data.mother.surname).toBe(BIRTH_MOTHER);
        expect(v2.changes).toEqual(
          expect.arrayContaining([{ path: 'child.surname', before: ORIGINAL_SURNAME, after: 'Қодирзода' }]),
        );
      } else {
        expect(v1.data).toBeNull();
        expect(v1.changes).toBeNull();
        expect(v2.changes).toBeNull();
        expect(show(res)).not.toContain(ORIGINAL_SURNAME);
      }
    },
  );

  it(
    reader
      ? "reads the birth record's whole history"
      : "sees the birth record's history with the pre-adoption payloads withheld",
    async () => {
      const res = await c.get(`${R}/${birth.id}/history`);
      expect(res.status, show(res)).toBe(200);
      const items: { action: string; payload: Record<string, unknown> }[] = res.body.items;
      expect(items.map((a) => a.action)).toEqual([
        'create',
        'submit',
        'validate',
        'register',
        'amend',
        'notation',
      ]);
      const upToAdoption = items.slice(0, 5);
      if (reader) {
        expect((items[0]!.payload.data as BirthData).child.surname).toBe(ORIGINAL_SURNAME);
        expect(items[4]!.payload.changes).toEqual(
          expect.arrayContaining([{ path: 'mother.surname', before: BIRTH_MOTHER, after: 'Сафарова' }]),
        );
      } else {
        for (const a of upToAdoption) expect(a.payload, a.action).toEqual({ sealed: true });
        expect(show(res)).not.toContain(ORIGINAL_SURNAME);
        expect(show(res)).not.toContain(BIRTH_MOTHER);
      }
      // The notation that follows the adoption is not secret.
      expect(items[5]!.payload).toMatchObject({ type: 'adoption', recordId: adoption.id, version: 2 });
    },
  );

  it(
    reader
      ? 'leaves an audit entry for every view of sealed data'
      : 'is not recorded as having viewed sealed data',
    async () => {
      const events = await auditSince(since, login);
      const sealed = events.filter((e) => e.event.startsWith('record.sealed'));
      if (reader) {
        expect(sealed).toEqual([
          { event: 'record.sealed-read', recordId: adoption.id },
          { event: 'record.sealed-versions', recordId: adoption.id },
          { event: 'record.sealed-history', recordId: adoption.id },
          { event: 'record.sealed-versions', recordId: birth.id },
          { event: 'record.sealed-history', recordId: birth.id },
        ]);
      } else {
        expect(sealed).toEqual([]);
      }
      // Every read is audited either way.
      const reads = events.filter((e) => /^record\.(sealed-)?(read|versions|history)$/.test(e.event));
      expect(reads.map((e) => e.recordId)).toEqual([
        adoption.id,
        adoption.id,
        adoption.id,
        birth.id,
        birth.id,
        birth.id,
      ]);
    },
  );
});

describe('the birth record as the adoption made it', () => {
  // BUG: the adoption amends child, mother, father and fatherBasis but keeps the original
  // `applicant` ({type: 'MOTHER', surname: 'Ҳамидова', name: 'Зарина'}), so the current data,
  // readable by every role, names the birth mother — the very thing version 1 is sealed for.
  it('does not name the birth mother to roles that may not read sealed records', async () => {
    const res = await back.get(`${R}/${birth.id}`);
    expect(res.status).toBe(200);
    expect(res.body.data.mother.surname).toBe('Сафарова');
    expect(show(res)).not.toContain(BIRTH_MOTHER);
    const versions = await back.get(`${R}/${birth.id}/versions`);
    expect(show(versions)).not.toContain(BIRTH_MOTHER);
  });
});

describe('amendments made before the adoption', () => {
  let b2: { id: string };

  beforeAll(async () => {
    const ex = adoptionKind.example;
    b2 = await registerThrough(
      clerks,
      'BIRTH',
      preAdoptionBirth(
        { surname: 'Ҳамидзода', name: 'Ситора', birthDate: '2023-02-02' },
        { surname: 'Ҳамидоваа', name: 'Малика', birthDate: '2001-05-05' },
      ),
    );
    // The birth mother's surname is corrected while the record is still open...
    const req = await front.post(`${R}/${b2.id}/amendments`, {
      patch: { mother: { surname: BIRTH_MOTHER } },
      reason: 'Хатои имлоӣ дар насаби модар',
      basis: { type: 'APPLICATION', number: '12', date: '2026-01-10', issuer: 'Ҳамидова М.' },
    });
    expect(req.status, show(req)).toBe(201);
    await payFee(front, b2.id, 'amendment');
    expect((await registrar.post(`${R}/${b2.id}/amendments/approve`)).status).toBe(200);
    // ...then the child is adopted.
    const data: AdoptionData = {
      ...structuredClone(ex),
      birthRecordId: b2.id,
      childBefore: {
        surname: 'Ҳамидзода',
        name: 'Ситора',
        sex: 'F',
        birthDate: '2023-02-02',
        birthPlace: { country: 'TJ', unit: 'KT-01' },
      },
      childAfter: {
        surname: 'Қодирова',
        name: 'Ситора',
        patronymic: 'Фаррух',
        birthDate: '2023-02-02',
        birthPlace: { country: 'TJ', unit: 'DU-01' },
      },
      birthMother: { surname: BIRTH_MOTHER, name: 'Малика', birthDate: '2001-05-05' },
    };
    await registerThrough(clerks, 'ADOPTION', data);
  });

  it('seal every earlier version of the birth record', async () => {
    const versions = (await back.get(`${R}/${b2.id}/versions`)).body.items;
    expect(
      versions.map((v: { version: number; sealed: boolean; data: unknown }) => [
        v.version,
        v.sealed,
        v.data === null,
      ]),
    ).toEqual([
      [1, true, true],
      [2, true, true],
      [3, false, false],
    ]);
  });

  // BUG: GET /records/{id}/amendments hides the patch only on ADOPTION records; on the adopted
  // child's birth record it shows any role the pre-adoption patch (here the birth mother's
  // surname), which the record's history and versions withhold from the same user.
  it('do not show their patch to roles that may not read sealed records', async () => {
    const res = await back.get(`${R}/${b2.id}/amendments`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].patch).toBeNull();
    expect(show(res)).not.toContain(BIRTH_MOTHER);
  });

  it('show their patch to sealed readers', async () => {
    const res = await registrar.get(`${R}/${b2.id}/amendments`);
    expect(res.body.items[0].patch).toEqual({ mother: { surname: BIRTH_MOTHER } });
  });
});
