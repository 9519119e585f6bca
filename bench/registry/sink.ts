/** The database writer of the load: connections, the batch INSERT and its columns, the secondary indexes. */
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../../packages/server/src/db/connect.ts';

export interface Sink {
  run(text: string, params: unknown[]): Promise<void>;
  close(): Promise<void>;
  parallel: number;
}

export async function makeSink(dbx: Db, databaseUrl: string | undefined): Promise<Sink> {
  if (dbx.engine === 'postgres' && databaseUrl) {
    const clients: pg.Client[] = [];
    for (let i = 0; i < 2; i++) {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query('SET synchronous_commit = off');
      // Replica mode skips the foreign-key triggers during the bulk load (the data is consistent by
      // construction); it needs a superuser, so it is only tried.
      await c.query('SET session_replication_role = replica').catch(() => undefined);
      clients.push(c);
    }
    let next = 0;
    return {
      parallel: clients.length,
      run: async (text, params) => {
        const c = clients[next++ % clients.length]!;
        await c.query(text, params);
      },
      close: async () => {
        for (const c of clients) await c.end();
      },
    };
  }
  return {
    parallel: 1,
    run: async (text, params) => {
      await dbx.db.executeQuery(CompiledQuery.raw(text, params));
    },
    close: async () => undefined,
  };
}

export const BATCH_SQL = `
WITH r AS (
  INSERT INTO records (id, kind, status, office_id, office_path, schema_version, data, flags, surname, given_name,
    patronymic, birth_date, event_date, year, number, national_id, registered_at, version, revision, created_by,
    created_at, updated_at, place_unit, documents)
  SELECT id, kind, 'registered', office_id, office_path, 1, data::jsonb, flags::text[], surname, given_name,
    patronymic, birth_date, event_date, year, number, national_id, registered_at, version, version, $1::uuid,
    registered_at, registered_at, place_unit, documents::text[]
  FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
    $10::text[], $11::text[], $12::text[], $13::int[], $14::int[], $15::text[], $16::timestamptz[], $17::int[],
    $18::text[], $19::text[])
    AS t(id, kind, office_id, office_path, data, flags, surname, given_name, patronymic, birth_date, event_date,
      year, number, national_id, registered_at, version, place_unit, documents)
  RETURNING 1
), p AS (
  INSERT INTO record_persons (record_id, role, historical, sealed, surname, given_name, patronymic, birth_date,
    birth_year, surname_key, name_key, patronymic_key, surname_stem, surname_loose, name_loose, latin)
  SELECT * FROM unnest($20::uuid[], $21::text[], $22::bool[], $23::bool[], $24::text[], $25::text[], $26::text[],
    $27::text[], $28::int[], $29::text[], $30::text[], $31::text[], $32::text[], $33::text[], $34::text[], $35::text[])
  RETURNING 1
), l AS (
  INSERT INTO record_links (record_id, linked_record_id, type)
  SELECT * FROM unnest($36::uuid[], $37::uuid[], $38::text[])
  RETURNING 1
), v AS (
  INSERT INTO record_versions (record_id, version, schema_version, data)
  SELECT record_id, version, 1, data::jsonb FROM unnest($39::uuid[], $40::int[], $41::text[]) AS t(record_id, version, data)
  RETURNING 1
)
SELECT (SELECT count(*) FROM r) AS records, (SELECT count(*) FROM p) AS persons`;

export const arrayLiteral = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, '')}"`).join(',')}}`;

/** Columns of one INSERT batch. */
export class Batch {
  records = 0;
  persons = 0;
  links = 0;
  readonly r: unknown[][] = Array.from({ length: 18 }, () => []);
  readonly p: unknown[][] = Array.from({ length: 16 }, () => []);
  readonly l: unknown[][] = Array.from({ length: 3 }, () => []);
  readonly v: unknown[][] = Array.from({ length: 3 }, () => []);

  params(userId: string): unknown[] {
    return [userId, ...this.r, ...this.p, ...this.l, ...this.v];
  }
}

export async function secondaryIndexes(dbx: Db): Promise<{ name: string; def: string }[]> {
  const res = await sql<{ name: string; def: string }>`
    SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
    WHERE i.schemaname = current_schema()
      AND i.tablename IN ('records', 'record_persons', 'record_links', 'record_versions')
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
    ORDER BY i.indexname`.execute(dbx.db);
  return res.rows;
}
