import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Applies the raw-SQL migrations not applied yet, each in its own transaction, in name order. */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  // made only when missing: the runtime role of production may not create tables (scripts/db-roles.sql)
  const made = await sql<{ t: string | null }>`SELECT to_regclass('schema_migrations')::text AS t`.execute(
    db,
  );
  if (!made.rows[0]?.t)
    // under the migrators' lock: two servers starting together on an empty database would both
    // create it, and CREATE TABLE IF NOT EXISTS is not safe against a concurrent twin (pg_type's
    // unique index refuses the second)
    await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(7423001)`.execute(trx);
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(
        trx,
      );
    });
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const done = await db.transaction().execute(async (trx) => {
      // one migrator at a time, even when several servers start together
      await sql`SELECT pg_advisory_xact_lock(7423001)`.execute(trx);
      const seen = await trx
        .selectFrom('schema_migrations')
        .select('name')
        .where('name', '=', file)
        .executeTakeFirst();
      if (seen) return false;
      await sql.raw(readFileSync(MIGRATIONS_DIR + file, 'utf8')).execute(trx);
      await trx.insertInto('schema_migrations').values({ name: file }).execute();
      return true;
    });
    if (done) applied.push(file);
  }
  return applied;
}
