import type { AuditEntry } from '@sabt/core';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { Database } from '../db/schema.ts';
import { DomainError } from '../errors/domain-error.ts';
import { CENTRAL_OFFICE_ID } from '../offices/office-tree.ts';
import { assertMayRead, personalView } from '../policies/records.ts';

/**
 * What the auditor's view looks for in the audit log. Every filter narrows (they combine with AND):
 * - `actor`: who acted, by login (exact) or by a part of a user's full name;
 * - the person a record names: `recordId`, or the record's `nationalId`, or its act number
 *   (`actNumber`, with `year` and `kind` to narrow): the entries naming such records;
 * - `event`: exact, or every event under a prefix ending with a dot (`record.`);
 * - `office`: entries of that office and the offices below it;
 * - `from`, `to`: days of the registry's time zone, both included.
 */
export interface AuditFilter {
  actor?: string | undefined;
  recordId?: string | undefined;
  nationalId?: string | undefined;
  actNumber?: number | undefined;
  year?: number | undefined;
  kind?: string | undefined;
  event?: string | undefined;
  office?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Where a page starts: below the entry `id` (newest first). */
export function encodeAuditPage(id: number): string {
  return Buffer.from(JSON.stringify([1, 'audit', id])).toString('base64url');
}

export function decodeAuditPage(token: string): number {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parts = null;
  }
  if (Array.isArray(parts) && parts.length === 3) {
    const [v, list, id] = parts;
    if (v === 1 && list === 'audit' && Number.isSafeInteger(id) && id > 0) return id;
  }
  throw new DomainError('malformed', 'problem.validation', {}, [{ path: ['page'], key: 'error.pageToken' }]);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The entries of the filter a reader of the audit log (core READ_MATRIX `audit`) sees: those of
 * the offices of their jurisdiction, and, for a reader of the central office, those that name no
 * office (what Sabt did by itself, sign-ins of unknown logins). Newest first, below `below` (an id).
 */
export function auditEntriesQuery(
  db: Kysely<Database>,
  actor: Actor,
  filter: AuditFilter,
  timeZone: string,
  below: number | null,
) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('offices as o', 'o.id', 'a.office_id')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'a.id',
      'a.seq',
      'a.at',
      'a.actor_id',
      'a.actor_login',
      'a.office_id',
      'a.event',
      'a.record_id',
      'a.detail',
      'a.prev_hash',
      'a.hash',
      'u.full_name',
      'o.name_tg',
      'o.name_ru',
      'o.name_en',
    ]);
  const inJurisdiction = sql<boolean>`starts_with(o.path, ${actor.officePath})`;
  q =
    actor.officeId === CENTRAL_OFFICE_ID
      ? q.where(sql<boolean>`(a.office_id IS NULL OR ${inJurisdiction})`)
      : q.where(inJurisdiction);
  if (below !== null) q = q.where('a.id', '<', below);
  if (filter.actor) {
    const name = `%${escapeLike(filter.actor)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('a.actor_login', '=', filter.actor!),
        eb(
          'a.actor_id',
          'in',
          eb.selectFrom('users').select('users.id').where(sql<boolean>`full_name ILIKE ${name}`),
        ),
      ]),
    );
  }
  if (filter.recordId) q = q.where('a.record_id', '=', filter.recordId);
  if (filter.nationalId !== undefined || filter.actNumber !== undefined) {
    q = q.where('a.record_id', 'in', (eb) => {
      let r = eb.selectFrom('records').select('records.id');
      if (filter.nationalId !== undefined) r = r.where('records.national_id', '=', filter.nationalId);
      if (filter.actNumber !== undefined) r = r.where('records.number', '=', filter.actNumber);
      if (filter.year !== undefined) r = r.where('records.year', '=', filter.year);
      if (filter.kind !== undefined) r = r.where('records.kind', '=', filter.kind);
      return r;
    });
  }
  if (filter.event) {
    q = filter.event.endsWith('.')
      ? q.where(sql<boolean>`a.event LIKE ${`${escapeLike(filter.event)}%`}`)
      : q.where('a.event', '=', filter.event);
  }
  if (filter.office) {
    q = q.where(sql<boolean>`starts_with(o.path, (SELECT path FROM offices WHERE id = ${filter.office}))`);
  }
  if (filter.from)
    q = q.where(sql<boolean>`a.at >= (${filter.from}::date)::timestamp AT TIME ZONE ${timeZone}`);
  if (filter.to)
    q = q.where(sql<boolean>`a.at < (${filter.to}::date + 1)::timestamp AT TIME ZONE ${timeZone}`);
  return q.orderBy('a.id', 'desc');
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof auditEntriesQuery>['execute']>>[number];

/** An entry as the reader sees it: its detail's personal data masked as their role's reads say. */
export function presentAuditEntry(actor: Actor, r: EntryRow): AuditEntry {
  return seenEntry(actor, r).entry;
}

/** The same, and whether masking changed its detail (an export then says so: its hash cannot be recomputed). */
function seenEntry(actor: Actor, r: EntryRow): { entry: AuditEntry; masked: boolean } {
  const raw = (r.detail ?? {}) as Record<string, unknown>;
  const detail = personalView(actor, raw);
  return { entry: presentEntry(r, detail), masked: JSON.stringify(detail) !== JSON.stringify(raw) };
}

function presentEntry(r: EntryRow, detail: Record<string, unknown>): AuditEntry {
  return {
    id: Number(r.id),
    seq: r.seq === null ? null : Number(r.seq),
    at: new Date(r.at).toISOString(),
    actor:
      r.actor_id || r.actor_login
        ? { id: r.actor_id, login: r.actor_login, name: r.full_name ?? null }
        : null,
    office: r.office_id
      ? { id: r.office_id, name: { tg: r.name_tg ?? '', ru: r.name_ru ?? '', en: r.name_en ?? '' } }
      : null,
    event: r.event,
    recordId: r.record_id,
    detail,
    chain: r.seq === null ? 'waiting' : 'chained',
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** One page of the filter's entries, newest first. */
export async function findAuditEntries(
  db: Kysely<Database>,
  actor: Actor,
  filter: AuditFilter,
  timeZone: string,
  opts: { limit: number; page?: string | undefined },
): Promise<{ items: AuditEntry[]; next: string | null }> {
  assertMayRead(actor, 'audit');
  const below = opts.page ? decodeAuditPage(opts.page) : null;
  const rows = await auditEntriesQuery(db, actor, filter, timeZone, below)
    .limit(opts.limit + 1)
    .execute();
  const more = rows.length > opts.limit;
  const page = more ? rows.slice(0, opts.limit) : rows;
  return {
    items: page.map((r) => presentAuditEntry(actor, r)),
    next: more ? encodeAuditPage(Number(page.at(-1)!.id)) : null,
  };
}

/**
 * Every entry of the filter, newest first, a batch at a time (keyset, so a large range streams
 * without an offset and without holding it all).
 */
export async function* allAuditEntries(
  db: Kysely<Database>,
  actor: Actor,
  filter: AuditFilter,
  timeZone: string,
  batch = 1000,
): AsyncGenerator<{ entry: AuditEntry; masked: boolean }> {
  assertMayRead(actor, 'audit');
  let below: number | null = null;
  for (;;) {
    const rows = await auditEntriesQuery(db, actor, filter, timeZone, below).limit(batch).execute();
    for (const r of rows) yield seenEntry(actor, r);
    if (rows.length < batch) return;
    below = Number(rows.at(-1)!.id);
  }
}
