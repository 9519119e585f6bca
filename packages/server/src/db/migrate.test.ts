import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { throwawayDatabase } from '../test/harness.ts';
import { connect, type Db } from './connect.ts';
import { migrate } from './migrate.ts';

/** Several servers started together on one empty PostgreSQL database migrate it once, without a clash. */

const server = process.env.SABT_TEST_DATABASE_URL;
const opened: Db[] = [];
const drops: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const dbx of opened) await dbx.close();
  for (const drop of drops) await drop();
});

describe.skipIf(!server)('migrations from several processes at once', () => {
  it('three migrators on an empty database: each migration applied once, none fails', async () => {
    const { url, drop } = await throwawayDatabase(server!);
    drops.push(drop);
    const dbs = await Promise.all([1, 2, 3].map(() => connect({ databaseUrl: url, dataDir: '' })));
    opened.push(...dbs);
    const applied = await Promise.all(dbs.map((dbx) => migrate(dbx.db)));
    const all = applied.flat();
    expect(all.length).toBeGreaterThan(30);
    expect(new Set(all).size).toBe(all.length);
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_migrations`.execute(
      dbs[0]!.db,
    );
    expect(rows.rows[0]!.n).toBe(all.length);
  });
});
