import { randomUUID } from 'node:crypto';
import { birthKind } from '@sabt/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../auth/sessions.ts';
import { scanDuplicates } from '../../duplicates/scan.ts';
import { CENTRAL_OFFICE_ID } from '../../offices/office-tree.ts';
import { queueCounts, recountRecords } from '../../queries/record-counts.ts';
import { listRecords } from '../../queries/records.ts';
import { payFee } from '../../test/fees.ts';
import { birthData, deathData } from '../../test/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';
import { advance, R, show, type Workflow } from '../../test/workflow.ts';

/** Lists paged by token, their totals, and the queue counters kept as records change. */

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

type Row = { id: string; number: number | null; createdAt: string; updatedAt: string };

/** Every page of a list from the first, following `next`; then back again following `previous`. */
async function walk(by: Client, query: string) {
  const forward: Row[][] = [];
  const tokens: (string | null)[] = [];
  let page: string | null = null;
  do {
    const res = await by.get(`${R}?${query}${page ? `&page=${encodeURIComponent(page)}` : ''}`);
    expect(res.status, show(res)).toBe(200);
    forward.push(res.body.items);
    tokens.push(res.body.previous);
    page = res.body.next;
  } while (page);
  const backward: Row[][] = [];
  let previous = tokens.at(-1) ?? null;
  while (previous) {
    const res = await by.get(`${R}?${query}&page=${encodeURIComponent(previous)}`);
    expect(res.status, show(res)).toBe(200);
    backward.unshift(res.body.items);
    previous = res.body.previous;
  }
  return { forward, backward, firstPrevious: tokens[0] };
}

describe('a list paged by token', () => {
  const ids: string[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 7; i++) {
      const res = await jamoat.post(R, { kind: 'DEATH', data: deathData() });
      expect(res.status, show(res)).toBe(201);
      ids.push(res.body.id);
    }
    // two of them registered: numbers among drafts without one
    await advance(clerks, ids[5]!, jamoat);
    await advance(clerks, ids[2]!, jamoat);
  });

  it('gives every record once, in order, page after page, and the same pages going back', async () => {
    for (const [sort, key] of [
      ['created', 'createdAt'],
      ['updated', 'updatedAt'],
    ] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const { forward, backward, firstPrevious } = await walk(
          jamoat,
          `limit=3&sort=${sort}&order=${order}`,
        );
        expect(firstPrevious).toBeNull();
        expect(forward.map((p) => p.length)).toEqual([3, 3, 1]);
        // back from the last page: every page before it, the same as on the way there
        expect(backward).toEqual(forward.slice(0, -1));
        const rows = forward.flat();
        expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
        const keys = rows.map((r) => r[key]);
        const sorted = [...keys].sort();
        expect(keys).toEqual(order === 'asc' ? sorted : sorted.reverse());
      }
    }
  });

  it('gives the same pages when it walks the index of the order as when it sorts the few that fit', async () => {
    const office = await t.dbx.db
      .selectFrom('offices')
      .select('path')
      .where('id', '=', 'RA-13-01')
      .executeTakeFirstOrThrow();
    // a jamoat's jurisdiction (the page's ids first) and the whole country (rows as the walk goes):
    // so far the country's records are the jamoat's
    for (const officePath of [office.path, `${CENTRAL_OFFICE_ID}/`]) {
      const actor = { officePath, role: 'registrar' } as Actor;
      for (const sort of ['created', 'updated', 'number'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          const { forward } = await walk(jamoat, `limit=3&sort=${sort}&order=${order}`);
          const walked: string[] = [];
          let page: string | undefined;
          do {
            const res = await listRecords(t.dbx.db, actor, { limit: 3, sort, order, page }, 0);
            walked.push(...res.items.map((i) => i.id));
            page = res.next ?? undefined;
          } while (page);
          expect(walked, `${officePath} ${sort} ${order}`).toEqual(forward.flat().map((r) => r.id));
        }
      }
    }
  });

  it('sorts by act number with the records that have none after the numbered ones going up', async () => {
    const { forward } = await walk(jamoat, 'limit=2&sort=number&order=asc');
    const numbers = forward.flat().map((r) => r.number);
    expect(numbers).toHaveLength(7);
    expect(numbers.slice(0, 2)).toEqual([...(numbers.slice(0, 2) as number[])].sort((a, b) => a - b));
    expect(numbers.slice(2)).toEqual([null, null, null, null, null]);
  });

  it('says how many there are in all, exactly, from the counters', async () => {
    const res = await jamoat.get(`${R}?limit=2`);
    expect(res.body).toMatchObject({ total: 7, totalIs: 'exact', limit: 2, previous: null });
    const drafts = await jamoat.get(`${R}?status=draft&kind=DEATH&limit=2`);
    expect(drafts.body).toMatchObject({ total: 5, totalIs: 'exact' });
    // untouched for a day: counted on the records (none yet)
    const stale = await jamoat.get(`${R}?status=draft&untouchedDays=1`);
    expect(stale.body).toMatchObject({ total: 0, totalIs: 'exact', items: [], next: null, previous: null });
  });

  it('refuses a token that is not one, or was made for another order, and an offset', async () => {
    const first = await jamoat.get(`${R}?limit=3&sort=created&order=asc`);
    const other = await jamoat.get(`${R}?limit=3&sort=created&order=desc&page=${first.body.next}`, {
      'accept-language': 'ru',
    });
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([
      expect.objectContaining({
        path: 'page',
        message: 'Эта страница не подходит к списку (его порядок изменился): начните с первой страницы.',
      }),
    ]);
    for (const page of [
      'garbage',
      Buffer.from('[1,"created","asc","after","x; DROP","y"]').toString('base64url'),
    ]) {
      const res = await jamoat.get(`${R}?page=${page}`);
      expect(res.status, page).toBe(400);
    }
    expect((await jamoat.get(`${R}?offset=3`)).status).toBe(400);
  });
});

describe('the queue counters', () => {
  const central = async (): Promise<Actor> => {
    const office = await t.dbx.db
      .selectFrom('offices')
      .select('path')
      .where('id', '=', CENTRAL_OFFICE_ID)
      .executeTakeFirstOrThrow();
    return { officePath: office.path } as Actor;
  };

  /** The queue counts as the records say, counted from scratch. */
  async function countedNow() {
    const { rows } = await sql<Record<string, number>>`
      SELECT count(*) FILTER (WHERE status = 'draft')::int AS draft,
             count(*) FILTER (WHERE status = 'submitted')::int AS submitted,
             count(*) FILTER (WHERE status = 'validated')::int AS validated,
             count(*) FILTER (WHERE status = 'registered')::int AS registered,
             count(*) FILTER (WHERE 'rejected' = ANY(flags))::int AS rejected,
             count(*) FILTER (WHERE 'possible-duplicate' = ANY(flags))::int AS "possibleDuplicate",
             count(*) FILTER (WHERE 'amendment-requested' = ANY(flags))::int AS "amendmentRequested",
             count(*) FILTER (WHERE 'self-registered' = ANY(flags))::int AS "selfRegistered"
        FROM records`.execute(t.dbx.db);
    return rows[0]!;
  }

  it('equal a recount after a mixed workload: creates, transitions, amendments, annulments, restorations, duplicates, a scan and a bulk insert', async () => {
    const court = { court: 'Суди ноҳияи Фирдавсӣ ш. Душанбе', caseNumber: '2-114/2026', date: '2026-02-20' };
    const basis = { type: 'APPLICATION', number: '45', date: '2026-01-12', issuer: 'Каримзода Н. С.' };
    const baby = (surname: string, name: string, birthDate: string) =>
      birthData({ child: { ...birthKind.example.child, surname, name, birthDate } });
    const create = async (by: Client, kind: string, data: unknown) => {
      const res = await by.post(R, { kind, data });
      expect(res.status, show(res)).toBe(201);
      return res.body.id as string;
    };
    const ok = async (res: Promise<{ status: number; body: unknown }>) => {
      const r = await res;
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
      return r;
    };

    await Promise.all([
      // drafts, one cancelled
      (async () => {
        await create(front, 'BIRTH', birthData());
        const gone = await create(front, 'DEATH', deathData());
        await ok(front.post(`${R}/${gone}/cancel`, { reason: 'Хато сохта шуд' }));
      })(),
      // submitted, then rejected back to a draft, resubmitted
      (async () => {
        const id = await create(front, 'BIRTH', birthData());
        await ok(front.post(`${R}/${id}/submit`));
        await ok(back.post(`${R}/${id}/reject`, { reason: 'Ҳуҷҷат нест' }));
        const again = await create(front, 'DEATH', deathData());
        await ok(front.post(`${R}/${again}/submit`));
      })(),
      // registered in a jamoat (self-registered)
      (async () => {
        await advance(clerks, await create(jamoat, 'BIRTH', birthData()), jamoat);
      })(),
      // registered in the district: one with an amendment asked, one annulled
      (async () => {
        const a = await create(front, 'BIRTH', birthData());
        await advance(clerks, a);
        await ok(
          front.post(`${R}/${a}/amendments`, {
            patch: { mother: { surname: 'Каримзода' } },
            reason: 'Хатои имлоӣ',
            basis,
          }),
        );
        const b = await create(front, 'DEATH', deathData());
        await advance(clerks, b);
        await ok(
          registrar.post(`${R}/${b}/annul`, {
            reason: 'Суд сабтро беэътибор донист',
            basis: { type: 'COURT_DECISION', court },
          }),
        );
      })(),
    ]);
    // an amendment approved, a restoration, a possible duplicate cleared and one marked
    const amended = await create(front, 'BIRTH', birthData());
    await advance(clerks, amended);
    await ok(
      back.post(`${R}/${amended}/amendments`, {
        patch: { mother: { surname: 'Каримзода' } },
        reason: 'Хатои имлоӣ',
        basis,
      }),
    );
    await payFee(front, amended, 'amendment');
    await ok(registrar.post(`${R}/${amended}/amendments/approve`));
    await ok(back.post(`${R}/restorations`, { kind: 'DEATH', data: deathData(), court }));
    for (const [verdict, name] of [
      ['not-duplicate', 'Фарзона'],
      ['duplicate', 'Меҳрона'],
    ] as const) {
      await advance(clerks, await create(front, 'BIRTH', baby('Раҳимова', name, '2025-05-10')));
      const twin = await create(front, 'BIRTH', baby('Рахимова', name, '2025-05-12'));
      await ok(front.post(`${R}/${twin}/submit`));
      await ok(back.post(`${R}/${twin}/validate`));
      const side = await back.get(`${R}/${twin}/duplicates`);
      expect(side.body.candidates, show(side)).toHaveLength(1);
      await ok(
        back.post(`${R}/${twin}/duplicates/${side.body.candidates[0].candidateId}`, {
          verdict,
          reason: 'Санҷида шуд',
        }),
      );
    }
    await scanDuplicates(t.dbx.db);
    // rows written straight into the table, as an import or a loader would (several per statement)
    const user = await t.dbx.db
      .selectFrom('users')
      .select('id')
      .where('login', '=', 'front')
      .executeTakeFirstOrThrow();
    const office = await t.dbx.db
      .selectFrom('offices')
      .select(['id', 'path'])
      .where('id', '=', 'DU-03-00')
      .executeTakeFirstOrThrow();
    await t.dbx.db
      .insertInto('records')
      .values(
        [['naming-warning'], [], ['rejected', 'rejected']].map((flags) => ({
          id: randomUUID(),
          kind: 'BIRTH',
          status: 'submitted',
          office_id: office.id,
          office_path: office.path,
          schema_version: 1,
          data: JSON.stringify(birthData()),
          flags,
          created_by: user.id,
        })),
      )
      .execute();

    expect(await recountRecords(t.dbx.db)).toEqual([]);
    const counts = await queueCounts(t.dbx.db, await central());
    expect(counts).toMatchObject(await countedNow());
    expect(counts.rejected).toBeGreaterThanOrEqual(2);
    expect(counts.selfRegistered).toBeGreaterThanOrEqual(1);
    expect(counts.amendmentRequested).toBeGreaterThanOrEqual(1);

    // the API's answers are the counters' (the district office sees its own and its jamoats')
    const api = await back.get(`${R}/counts`);
    expect(api.status).toBe(200);
    expect(api.body).toMatchObject({ staleDrafts: 0, staleDraftsIs: 'exact' });
    expect(api.body.registered).toBe((await back.get(`${R}?status=registered&limit=1`)).body.total);
  });

  it('are put right by a recount, which names what was wrong', async () => {
    const row = await t.dbx.db
      .selectFrom('record_counts')
      .selectAll()
      .where('status', '=', 'registered')
      .where('flag', '=', '')
      .executeTakeFirstOrThrow();
    await t.dbx.db
      .updateTable('record_counts')
      .set({ n: sql`n + 5` })
      .where('office_id', '=', row.office_id)
      .where('kind', '=', row.kind)
      .where('status', '=', row.status)
      .where('flag', '=', '')
      .execute();
    const fixes = await recountRecords(t.dbx.db);
    expect(fixes).toEqual([
      {
        officeId: row.office_id,
        kind: row.kind,
        status: 'registered',
        flag: '',
        was: Number(row.n) + 5,
        is: Number(row.n),
      },
    ]);
    expect(await queueCounts(t.dbx.db, await central())).toMatchObject(await countedNow());
  });
});
