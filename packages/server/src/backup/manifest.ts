import { readdirSync, readFileSync } from 'node:fs';
import { type Kysely, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';

/** The manifest's file name in a backup set; written last, so a set without it is incomplete. */
export const MANIFEST = 'manifest.json';
/** The PostgreSQL dump (custom format) in a set of a PostgreSQL database. */
export const DUMP_FILE = 'database.dump';
/** The copy of the embedded database's data directory in a set of a PGlite database. */
export const DATA_DIR_COPY = 'database';
/** The file store's files in a set, laid out as the fs store lays them out (`ab/cd/<sha256>`). */
export const FILES_DIR = 'files';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const tableDigest = z.object({
  /** Rows in the table. */
  rows: z.number().int().nonnegative(),
  /** The sum of the rows' text hashes: equal contents, equal sums, in any row order. */
  checksum: z.string(),
});
export type TableDigest = z.infer<typeof tableDigest>;

export const manifestSchema = z.object({
  format: z.literal('sabt-backup/1'),
  sabtVersion: z.string(),
  createdAt: z.string(),
  engine: z.enum(['postgres', 'pglite']),
  /** The newest migration the database had. */
  migration: z.string().nullable(),
  database: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('pg_dump-custom'), file: z.literal(DUMP_FILE), sha256, size: z.number() }),
    z.object({
      kind: z.literal('pglite-data-dir'),
      dir: z.literal(DATA_DIR_COPY),
      files: z.array(z.object({ path: z.string(), sha256, size: z.number() })),
    }),
  ]),
  /** Every table of the database (schema.table) at the moment of the backup. */
  tables: z.record(z.string(), tableDigest),
  /** The headline counts, as printed. */
  counts: z.object({ records: z.number(), actions: z.number(), audit: z.number(), files: z.number() }),
  fileStore: z.object({
    /** The store the files were read from (fs or s3); a restore writes them into the configured one. */
    backend: z.string(),
    /** Every file the database names (stored_files), as its hash, size and content type. */
    files: z.array(z.object({ sha256, size: z.number(), contentType: z.string() })),
  }),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** The version of Sabt's server package. */
export function sabtVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

type Queryable = Kysely<Database> | Transaction<Database>;

/** The user tables of the database, as `schema.table`: Sabt's and those of the job queue. */
export async function userTables(db: Queryable): Promise<string[]> {
  const res = await sql<{ name: string }>`
    SELECT n.nspname || '.' || c.relname AS name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p')
       AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
     ORDER BY 1`.execute(db);
  return res.rows.map((r) => r.name);
}

/**
 * Each table's rows and a checksum of its contents: the sum of the first 60 bits of each row's MD5
 * (of its text in UTC), so that a restore is compared with the backup table by table without
 * ordering the rows. Run in the transaction that sees what is backed up.
 */
export async function tableDigests(trx: Transaction<Database>): Promise<Record<string, TableDigest>> {
  await sql`SET LOCAL TimeZone = 'UTC'`.execute(trx);
  await sql`SET LOCAL DateStyle = 'ISO, YMD'`.execute(trx);
  await sql`SET LOCAL IntervalStyle = 'postgres'`.execute(trx);
  await sql`SET LOCAL extra_float_digits = 1`.execute(trx);
  const out: Record<string, TableDigest> = {};
  for (const name of await userTables(trx)) {
    const [schema, table] = name.split('.') as [string, string];
    const ref = sql.id(schema, table);
    const res = await sql<{ n: string | number; s: string }>`
      SELECT count(*) AS n,
             coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0)::text AS s
        FROM ${ref} t`.execute(trx);
    out[name] = { rows: Number(res.rows[0]!.n), checksum: res.rows[0]!.s };
  }
  return out;
}

/** The newest migration applied (null before the first). */
export async function migrationLevel(db: Queryable): Promise<string | null> {
  const made = await sql<{ t: string | null }>`SELECT to_regclass('schema_migrations')::text AS t`.execute(
    db,
  );
  if (!made.rows[0]?.t) return null;
  const res = await sql<{ name: string | null }>`SELECT max(name) AS name FROM schema_migrations`.execute(db);
  return res.rows[0]?.name ?? null;
}

/** The newest migration this Sabt has. */
export function newestMigration(): string {
  return readdirSync(new URL('../db/migrations/', import.meta.url))
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .at(-1)!;
}

/** The headline counts out of the table digests. */
export function headlineCounts(tables: Record<string, TableDigest>, files: number): Manifest['counts'] {
  const rows = (t: string) => tables[`public.${t}`]?.rows ?? 0;
  return { records: rows('records'), actions: rows('record_actions'), audit: rows('audit_log'), files };
}
