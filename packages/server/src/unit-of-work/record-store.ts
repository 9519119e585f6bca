import { type ActKindDefinition, checkRecordData, type DataCheck, getActKind, type Mode } from '@sabt/core';
import { sql } from 'kysely';
import { hashedAction } from '../audit/record-hashes.ts';
import type { RecordsTable } from '../db/schema.ts';
import { DomainError, notFound } from '../errors/domain-error.ts';
import type { WriteContext } from './write.ts';

export type RecordRow = Omit<
  RecordsTable,
  'data' | 'flags' | 'version' | 'revision' | 'created_at' | 'updated_at' | 'registered_at'
> & {
  data: unknown;
  flags: string[];
  version: number;
  revision: number;
  created_at: Date;
  updated_at: Date;
  registered_at: Date | null;
};

/** Loads a record and locks it until the transaction ends, so concurrent actions on it queue up. */
export async function lockRecord(ctx: WriteContext, id: string): Promise<RecordRow> {
  const row = await ctx.trx
    .selectFrom('records')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound();
  return row as unknown as RecordRow;
}

export function kindOf(code: string): ActKindDefinition<unknown> {
  const def = getActKind(code);
  if (!def) throw new DomainError('malformed', 'problem.unknownKind');
  return def;
}

/** Checks data for a kind; a failed check is a 422 with every field error under `data.`. */
export function requireValidData(
  ctx: WriteContext,
  def: ActKindDefinition<unknown>,
  data: unknown,
  mode: Mode,
): DataCheck {
  const check = checkRecordData(def, data, mode, { today: ctx.today });
  if (!check.ok) {
    const issues = check.errors.map((e) => ({ ...e, path: ['data', ...e.path] }));
    throw new DomainError(
      'invalid',
      mode === 'complete' ? 'problem.incomplete' : 'problem.validation',
      {},
      issues,
    );
  }
  return check;
}

/** The person/event columns kept beside the JSON for lists and look-ups. */
export function summaryColumns(def: ActKindDefinition<unknown>, data: unknown) {
  const s = def.summary(data as never);
  return {
    surname: s.surname ?? null,
    given_name: s.name ?? null,
    patronymic: s.patronymic ?? null,
    birth_date: s.birthDate ?? null,
    event_date: s.eventDate ?? null,
  };
}

export interface ActionEntry {
  recordId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  revision: number;
  reason?: string | null;
  payload?: Record<string, unknown>;
}

/** What the acting user did to the record so far (their entries in its log): authorship and separation of duties. */
export async function actionsBy(ctx: WriteContext, recordId: string): Promise<string[]> {
  const rows = await ctx.trx
    .selectFrom('record_actions')
    .select('action')
    .distinct()
    .where('record_id', '=', recordId)
    .where('actor_id', '=', ctx.actor.id)
    .execute();
  return rows.map((r) => r.action);
}

/**
 * Appends to a record's action log (and the audit trail) as the acting user. The row carries the
 * hash of its content, and its audit entry names the row and that hash (audit/record-hashes.ts).
 */
export async function appendAction(ctx: WriteContext, a: ActionEntry): Promise<number> {
  const row = hashedAction({
    record_id: a.recordId,
    action: a.action,
    actor_id: ctx.actor.id,
    actor_role: ctx.actor.role,
    office_id: ctx.actor.officeId,
    at: ctx.now,
    from_status: a.fromStatus,
    to_status: a.toStatus,
    revision: a.revision,
    reason: a.reason ?? null,
    payload: a.payload ?? {},
  });
  const inserted = await ctx.trx
    .insertInto('record_actions')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(inserted.id);
  ctx.audit.push({
    event: `record.${a.action}`,
    actorId: ctx.actor.id,
    actorLogin: ctx.actor.login,
    officeId: ctx.actor.officeId,
    recordId: a.recordId,
    detail: {
      from: a.fromStatus,
      to: a.toStatus,
      revision: a.revision,
      ...(a.reason ? { reason: a.reason } : {}),
      actionId: id,
      actionHash: row.hash,
    },
  });
  return id;
}

/** Flags that a data check decides, replaced on every check; the rest are kept. */
const CHECK_FLAGS = ['late-registration', 'naming-warning'];

/** A record's flags with some added and some removed: sorted, each once. */
export function withFlags(
  current: readonly string[],
  add: readonly string[],
  remove: readonly string[] = [],
): string[] {
  return [...new Set([...current.filter((f) => !remove.includes(f)), ...add])].sort();
}

export function mergeCheckFlags(
  current: string[],
  check: DataCheck,
  drop: string[] = [],
  add: string[] = [],
): string[] {
  const kept = current.filter((f) => !CHECK_FLAGS.includes(f) && !drop.includes(f));
  return withFlags(kept, [...check.flags, ...add]);
}

export function pgTextArray(values: string[]) {
  return sql<string[]>`${values}::text[]`;
}
