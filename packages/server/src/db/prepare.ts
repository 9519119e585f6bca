import type { Kysely } from 'kysely';
import { ensureOffices, nationalOfficeTree } from '../offices/office-tree.ts';
import { migrate } from './migrate.ts';
import type { Database } from './schema.ts';

/** Brings a database up to date: migrations, then the national office tree (reference data). */
export async function prepareDatabase(
  db: Kysely<Database>,
): Promise<{ migrations: string[]; offices: number }> {
  const migrations = await migrate(db);
  const offices = await ensureOffices(db, nationalOfficeTree());
  return { migrations, offices };
}
