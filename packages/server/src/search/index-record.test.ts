import { birthKind } from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthData } from '../test/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../test/harness.ts';
import { indexRecord } from './index-record.ts';

let t: TestApp;
let front: Client;

beforeAll(async () => {
  t = await startTestApp();
  front = await t.as('front');
});
afterAll(() => t.close());

/** A record's search rows and search columns, in a stable order. */
async function searchState(id: string) {
  const persons = await t.dbx.db
    .selectFrom('record_persons')
    .selectAll()
    .where('record_id', '=', id)
    .orderBy('role')
    .orderBy('surname')
    .execute();
  const columns = await t.dbx.db
    .selectFrom('records')
    .select(['documents', 'place_unit'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { persons: persons.map(({ id: _id, ...row }) => row), columns };
}

describe('a new draft in the search', () => {
  it('has from its creation the search rows and columns a full reindex gives it', async () => {
    const data = birthData({
      child: { ...birthKind.example.child, surname: 'Раҳимзода', name: 'Сомон' },
    });
    const created = await front.post('/api/v1/records', { kind: 'BIRTH', data });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const made = await searchState(id);
    expect(made.persons.map((p) => p.role).sort()).toEqual(['father', 'mother', 'subject']);
    expect(made.columns.documents.length).toBeGreaterThan(0);
    expect(made.columns.place_unit).not.toBeNull();

    await t.dbx.db.transaction().execute((trx) => indexRecord(trx, id));
    expect(await searchState(id)).toEqual(made);
  });
});
