import type { RecordRead } from '@sabt/core';
import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Actor } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';
import { notFound } from '../errors/domain-error.ts';
import { CENTRAL_OFFICE_ID } from '../offices/office-tree.ts';
import { assertCanRead, assertMayRead } from '../policies/records.ts';
import type { RecordRow } from '../unit-of-work/record-store.ts';
import { decodePageToken, encodePageToken, type ListOrder } from './page-token.ts';
import { cappedCount, countedTotal } from './record-counts.ts';

/**
 * A record by its id, for a reader whose role reads records this way (`record`, or `certificates`
 * for a record's certificates) and whose jurisdiction holds it.
 */
export async function findRecord(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  read: RecordRead = 'record',
): Promise<RecordRow> {
  assertMayRead(actor, read);
  const row = await db.selectFrom('records').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  assertCanRead(actor, row);
  return row as unknown as RecordRow;
}

export async function recordActions(db: Kysely<Database>, id: string) {
  return actionsQuery(db, id).execute();
}

export async function recordLinks(db: Kysely<Database>, id: string) {
  return linksQuery(db, id).execute();
}

function actionsQuery(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('record_actions as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'a.id',
      'a.action',
      'a.at',
      'a.actor_id',
      'a.actor_role',
      'a.office_id',
      'a.from_status',
      'a.to_status',
      'a.revision',
      'a.reason',
      'a.payload',
      'u.login',
      'u.full_name',
    ])
    .where('a.record_id', '=', id)
    .orderBy('a.id');
}

function linksQuery(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('record_links as l')
    .innerJoin('records as r', 'r.id', 'l.linked_record_id')
    .select([
      'l.type',
      'l.linked_record_id',
      'l.created_at',
      'r.kind',
      'r.number',
      'r.year',
      'r.national_id',
      'r.office_id',
      'r.status',
    ])
    .where('l.record_id', '=', id)
    .orderBy('l.created_at');
}

/**
 * A record with its action log, links and versions (number and time) in one statement, as the
 * record view shows them after every write: one round trip instead of four.
 */
export async function findRecordWhole(db: Kysely<Database>, actor: Actor, id: string) {
  assertMayRead(actor, 'record');
  const row = await db
    .selectFrom('records')
    .selectAll('records')
    .select([
      jsonArrayFrom(actionsQuery(db, id)).as('_actions'),
      jsonArrayFrom(linksQuery(db, id)).as('_links'),
      jsonArrayFrom(
        db
          .selectFrom('record_versions')
          .select(['version', 'created_at'])
          .where('record_id', '=', id)
          .orderBy('version'),
      ).as('_versions'),
    ])
    .where('records.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  const { _actions, _links, _versions, ...rec } = row;
  assertCanRead(actor, rec);
  // JSON gives times as text: back to the Dates the separate queries give
  return {
    rec: rec as unknown as RecordRow,
    actions: _actions.map((a) => ({ ...a, at: new Date(a.at) })),
    links: _links.map((l) => ({ ...l, created_at: new Date(l.created_at) })),
    versions: _versions.map((v) => ({ ...v, created_at: new Date(v.created_at) })),
  };
}

/** The columns of a record's list row (presenters/list-row.ts). */
export const LIST_ROW_COLUMNS = [
  'id',
  'kind',
  'status',
  'flags',
  'office_id',
  'surname',
  'given_name',
  'patronymic',
  'birth_date',
  'event_date',
  'number',
  'year',
  'national_id',
] as const;

export interface ListFilter extends ListOrder {
  status?: string | undefined;
  kind?: string | undefined;
  office?: string | undefined;
  flag?: string | undefined;
  /** Only records nobody has changed for this many days. */
  untouchedDays?: number | undefined;
  limit: number;
  /** The page token of GET /records: where this page starts (none: the first page). */
  page?: string | undefined;
}

/**
 * A sort column, the same order as an expression no index serves (to sort a few rows found by
 * another index), its value as text (for the page token) and the value read back from a token.
 */
const SORT_KEYS = {
  updated: {
    column: sql`updated_at`,
    unindexed: sql`(updated_at + interval '0 seconds')`,
    text: sql<string>`updated_at::text`,
    read: (key: string) => sql`CAST(${key} AS timestamptz)`,
  },
  created: {
    column: sql`created_at`,
    unindexed: sql`(created_at + interval '0 seconds')`,
    text: sql<string>`created_at::text`,
    read: (key: string) => sql`CAST(${key} AS timestamptz)`,
  },
  // a record without a number (not registered) sorts as the highest: last going up, first going down
  number: {
    column: sql`coalesce(number, 2147483647)`,
    unindexed: sql`(coalesce(number, 2147483647) + 0)`,
    text: sql<string>`coalesce(number, 2147483647)::text`,
    read: (key: string) => sql`CAST(${key} AS integer)`,
  },
} as const;

/** At most this many records fitting a filter are found by the filter and sorted (see listRecords). */
const FEW = 2000;

/**
 * Records within the user's jurisdiction, filtered, in order, one page at a time by keyset: a page
 * starts after the last row of the page before (or ends before the first row of the page after), so
 * any page costs what the first does, walking an index of its order (migration 024). The total
 * comes from the maintained counters (exact), or for a filter they do not keep (untouched days) from
 * a count that stops at COUNT_CAP (`atLeast` when it does).
 */
export async function listRecords(db: Kysely<Database>, actor: Actor, f: ListFilter, fewUpTo = FEW) {
  const at = f.page ? decodePageToken(f.page, f) : undefined;
  assertMayRead(actor, 'list');
  let q = db.selectFrom('records').where('office_path', 'like', `${actor.officePath}%`);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.office) q = q.where('office_id', '=', f.office);
  if (f.flag) q = q.where('flags', '@>', sql<string[]>`ARRAY[${f.flag}]::text[]`);
  if (f.untouchedDays) q = q.where('updated_at', '<', new Date(Date.now() - f.untouchedDays * 86_400_000));
  const { total, totalIs } =
    f.untouchedDays === undefined
      ? { total: await countedTotal(db, actor.officePath, f), totalIs: 'exact' as const }
      : await cappedCount(db, q);
  // When few records fit (a flag queue, an empty status), they are read by their filter's own index
  // and sorted, rather than found by walking the order's index past all the records that do not fit.
  const few = totalIs === 'exact' && total <= fewUpTo;

  const sortKey = SORT_KEYS[f.sort];
  // walking backwards (to the page before) reads the order reversed, then turns the rows round
  const backwards = at?.side === 'before';
  const dir = (f.order === 'desc') !== backwards ? 'desc' : 'asc';
  let ids = q.select('id');
  if (at) {
    const key = sql`(${sortKey.column}, id)`;
    const from = sql`(${sortKey.read(at.key)}, CAST(${at.id} AS uuid))`;
    ids = ids.where(dir === 'desc' ? sql<boolean>`${key} < ${from}` : sql<boolean>`${key} > ${from}`);
  }
  const pageIds = ids
    .orderBy(few ? sortKey.unindexed : sortKey.column, dir)
    .orderBy('id', dir)
    .limit(f.limit + 1);
  const columns = [
    ...LIST_ROW_COLUMNS,
    'revision',
    'created_at',
    'updated_at',
    sortKey.text.as('page_key'),
  ] as const;
  // Across the whole country every entry the walk meets is on the page: its rows are read as it
  // walks. Within a jurisdiction the page's ids come first, from the index alone (the office path
  // is in it), so that the other offices' records the walk passes are skipped unread; then their rows.
  const rows = await (actor.officePath === `${CENTRAL_OFFICE_ID}/`
    ? pageIds.clearSelect().select(columns)
    : db
        .selectFrom('records')
        .select(columns)
        .where('id', 'in', pageIds)
        .orderBy(sortKey.column, dir)
        .orderBy('id', dir)
  ).execute();
  const more = rows.length > f.limit;
  const items = rows.slice(0, f.limit);
  if (backwards) items.reverse();
  const token = (side: 'after' | 'before', row: (typeof items)[number] | undefined) =>
    row ? encodePageToken({ sort: f.sort, order: f.order, side, key: row.page_key, id: row.id }) : null;
  const first = items[0];
  const last = items.at(-1);
  return {
    total,
    totalIs,
    items,
    next: backwards || more ? token('after', last) : null,
    previous: backwards ? (more ? token('before', first) : null) : at ? token('before', first) : null,
  };
}

export async function recordVersions(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('record_versions as v')
    .leftJoin('record_actions as a', 'a.id', 'v.action_id')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'v.version',
      'v.schema_version',
      'v.data',
      'v.created_at',
      'a.action',
      'a.reason',
      'a.payload',
      'u.login',
      'u.full_name',
    ])
    .where('v.record_id', '=', id)
    .orderBy('v.version')
    .execute();
}

export async function amendmentRequests(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('amendment_requests as r')
    .leftJoin('users as u', 'u.id', 'r.requested_by')
    .leftJoin('users as d', 'd.id', 'r.decided_by')
    .select([
      'r.id',
      'r.status',
      'r.base_version',
      'r.patch',
      'r.reason',
      'r.basis',
      'r.requested_at',
      'r.decided_at',
      'r.decision_reason',
      'r.result_version',
      'u.login as requested_by',
      'u.full_name as requested_by_name',
      'd.login as decided_by',
      'd.full_name as decided_by_name',
    ])
    .where('r.record_id', '=', id)
    .orderBy('r.requested_at')
    .execute();
}
