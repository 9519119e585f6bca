import { type RecordRead, STALE_DRAFT_DAYS } from '@sabt/core';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';
import { notFound } from '../errors/domain-error.ts';
import { assertCanRead, assertMayRead } from '../policies/records.ts';
import type { RecordRow } from '../unit-of-work/record-store.ts';

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
    .orderBy('a.id')
    .execute();
}

export async function recordLinks(db: Kysely<Database>, id: string) {
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
    .orderBy('l.created_at')
    .execute();
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

export interface ListFilter {
  status?: string | undefined;
  kind?: string | undefined;
  office?: string | undefined;
  flag?: string | undefined;
  /** Only records nobody has changed for this many days. */
  untouchedDays?: number | undefined;
  limit: number;
  offset: number;
  sort: 'updated' | 'created' | 'number';
  order: 'asc' | 'desc';
}

/** Records within the user's jurisdiction, filtered, sorted and paged on the server. */
export async function listRecords(db: Kysely<Database>, actor: Actor, f: ListFilter) {
  assertMayRead(actor, 'list');
  let q = db.selectFrom('records').where('office_path', 'like', `${actor.officePath}%`);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.office) q = q.where('office_id', '=', f.office);
  if (f.flag) q = q.where('flags', '@>', sql<string[]>`ARRAY[${f.flag}]::text[]`);
  if (f.untouchedDays) q = q.where('updated_at', '<', new Date(Date.now() - f.untouchedDays * 86_400_000));
  const total = await q.select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const column = f.sort === 'created' ? 'created_at' : f.sort === 'number' ? 'number' : 'updated_at';
  const items = await q
    .select([...LIST_ROW_COLUMNS, 'revision', 'created_at', 'updated_at'])
    .orderBy(column, f.order)
    .orderBy('id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total.n), items };
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

/** Drafts untouched since this instant are stale (STALE_DRAFT_DAYS). */
const staleSince = () => new Date(Date.now() - STALE_DRAFT_DAYS * 86_400_000);

/** How many records wait in each work queue of the user's jurisdiction (no personal data). */
export async function queueCounts(db: Kysely<Database>, actor: Actor) {
  const row = await db
    .selectFrom('records')
    .where('office_path', 'like', `${actor.officePath}%`)
    .select([
      sql<number>`count(*) FILTER (WHERE status = 'draft')`.as('draft'),
      sql<number>`count(*) FILTER (WHERE status = 'submitted')`.as('submitted'),
      sql<number>`count(*) FILTER (WHERE status = 'validated')`.as('validated'),
      sql<number>`count(*) FILTER (WHERE status = 'registered')`.as('registered'),
      sql<number>`count(*) FILTER (WHERE 'rejected' = ANY(flags))`.as('rejected'),
      sql<number>`count(*) FILTER (WHERE 'possible-duplicate' = ANY(flags))`.as('possibleDuplicate'),
      sql<number>`count(*) FILTER (WHERE 'amendment-requested' = ANY(flags))`.as('amendmentRequested'),
      sql<number>`count(*) FILTER (WHERE status = 'draft' AND updated_at < ${staleSince()})`.as(
        'staleDrafts',
      ),
      sql<number>`count(*) FILTER (WHERE 'self-registered' = ANY(flags))`.as('selfRegistered'),
    ])
    .executeTakeFirstOrThrow();
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}
