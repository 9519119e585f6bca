import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ReadReplica } from './read-replica.ts';
import type { Database } from './schema.ts';

// Event dates stay plain strings; bigint counters fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

export interface Db {
  db: Kysely<Database>;
  /** 'pglite' is single-connection: every transaction waits its turn. */
  engine: 'pglite' | 'postgres';
  /** The pool under `db` (one connection on PGlite), for what must take its turn with Sabt's queries (the job queue). */
  pool: pg.Pool;
  /** The streaming replica search and the public check read from (DATABASE_READ_URL), else null. */
  replica: ReadReplica | null;
  close(): Promise<void>;
}

/** Connects to PostgreSQL when a URL is given, otherwise to embedded PGlite in `dataDir` (or `memory://`). */
export async function connect(opts: {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** A streaming replica of `databaseUrl` for the reads that may lag, and the lag past which it is not read. */
  readUrl?: string | undefined;
  readMaxLagSeconds?: number;
}): Promise<Db> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    const lost = (err: Error) => console.error(`database connection lost: ${err.message}`);
    pool.on('connect', (client) => {
      nameStatements(client);
      // a connection dropped while a transaction holds it between statements: its next query fails
      // and the pool discards it, rather than the process dying of an unhandled 'error'
      client.on('error', lost);
    });
    // An idle connection dropped by the server (restart, admin) must not bring Sabt down; the pool reconnects.
    pool.on('error', lost);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const replica = opts.readUrl
      ? new ReadReplica(
          { db, pool },
          {
            url: opts.readUrl,
            maxLagSeconds: opts.readMaxLagSeconds ?? 10,
            poolSize: opts.poolSize ?? 10,
            onConnect: nameStatements,
          },
        )
      : null;
    await replica?.start();
    return {
      db,
      engine: 'postgres',
      pool,
      replica,
      close: async () => {
        await replica?.close();
        await db.destroy();
      },
    };
  }
  if (!opts.dataDir.startsWith('memory://')) mkdirSync(opts.dataDir, { recursive: true });
  const pglite = new PGlite(opts.dataDir, { extensions: { pg_trgm } });
  await pglite.waitReady;
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0 } as pg.PoolConfig);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'pglite',
    pool,
    replica: null,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

/** Statements of at most this many characters are named (bulk inserts of many rows are not). */
const NAMED_MAX_LENGTH = 4000;
/** At most this many named statements per connection; later new ones go unnamed. */
const NAMED_PER_CONNECTION = 500;

/**
 * Names the statements a connection sends, so that PostgreSQL parses each once per connection and
 * keeps its plan (a statement sent unnamed is parsed and planned anew every time). The name is the
 * hash of the text, so the same text always finds its prepared statement. Bounded: long texts and
 * the texts past the first NAMED_PER_CONNECTION of a connection go unnamed, and so do statements
 * without parameters (BEGIN, COMMIT, migrations: the simple protocol, which allows several in one text).
 */
function nameStatements(client: pg.PoolClient) {
  const named = new Set<string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((text: unknown, values?: unknown, callback?: unknown) => {
    if (
      typeof text === 'string' &&
      Array.isArray(values) &&
      values.length > 0 &&
      text.length <= NAMED_MAX_LENGTH
    ) {
      const name = createHash('sha1').update(text).digest('base64url');
      if (named.has(name) || named.size < NAMED_PER_CONNECTION) {
        named.add(name);
        return query({ name, text, values }, callback);
      }
    }
    return query(text, values, callback);
  }) as typeof client.query;
}
