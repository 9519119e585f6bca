import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Db } from '../../packages/server/src/db/connect.ts';
import { prepareDatabase } from '../../packages/server/src/prepare.ts';

/**
 * A database of the benchmark's own on the PostgreSQL server `serverUrl` names, migrated and
 * ready (the office tree, no users); `drop` closes it and drops it.
 */
export async function scratchPostgres(
  serverUrl: string,
  prefix: string,
  poolSize = 40,
): Promise<{ dbx: Db; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dbx = await connect({ databaseUrl: url.toString(), dataDir: '', poolSize });
  const drop = async () => {
    await dbx.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  try {
    await prepareDatabase(dbx.db);
  } catch (e) {
    await drop();
    throw e;
  }
  return { dbx, drop };
}

/** DATABASE_URL when it names a PostgreSQL server; else the benchmark says so and stops. */
export function postgresServerOrExit(): string {
  const server = process.env.DATABASE_URL;
  if (!server?.startsWith('postgres')) {
    console.error('DATABASE_URL=postgres://… is required (the benchmark measures PostgreSQL)');
    process.exit(2);
  }
  return server;
}
