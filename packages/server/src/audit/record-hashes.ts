import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { canonicalJson } from './audit-log.ts';

/**
 * The registry's rows under the audit chain: each action of a record's log and each registered
 * version carries the SHA-256 of its content as canonical JSON, and the audit entry the write
 * appends names it (`actionId`/`actionHash`, `version`/`versionHash`), so a row changed in the
 * database no longer matches its own hash, or, re-hashed, no longer matches the chain.
 */

/** An action's content as its hash covers it: every column but its serial id and the hash. */
export interface ActionContent {
  record_id: string;
  action: string;
  actor_id: string | null;
  actor_role: string | null;
  office_id: string | null;
  at: Date | string;
  from_status: string | null;
  to_status: string | null;
  revision: number;
  reason: string | null;
  payload: unknown;
}

/** A registered version's content as its hash covers it. */
export interface VersionContent {
  record_id: string;
  version: number;
  schema_version: number;
  data: unknown;
  action_id: number | null;
  created_at: Date | string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A JSON value as the database gives it back (what jsonb keeps of it). */
const asStored = (value: unknown) => JSON.parse(JSON.stringify(value ?? {}));

export function actionHash(a: ActionContent): string {
  return sha256(
    canonicalJson({
      t: 'record_action/1',
      record_id: a.record_id,
      action: a.action,
      actor_id: a.actor_id,
      actor_role: a.actor_role,
      office_id: a.office_id,
      at: new Date(a.at).toISOString(),
      from_status: a.from_status,
      to_status: a.to_status,
      revision: Number(a.revision),
      reason: a.reason,
      payload: asStored(a.payload),
    }),
  );
}

export function versionHash(v: VersionContent): string {
  return sha256(
    canonicalJson({
      t: 'record_version/1',
      record_id: v.record_id,
      version: Number(v.version),
      schema_version: Number(v.schema_version),
      data: asStored(v.data),
      action_id: v.action_id === null ? null : Number(v.action_id),
      created_at: new Date(v.created_at).toISOString(),
    }),
  );
}

/** An action row ready to insert: its payload as JSON text and its hash. */
export function hashedAction<A extends ActionContent>(
  a: A,
): Omit<A, 'payload'> & { payload: string; hash: string } {
  return { ...a, payload: JSON.stringify(a.payload ?? {}), hash: actionHash(a) };
}

/** A version row ready to insert: its data as JSON text and its hash. */
export function hashedVersion<V extends VersionContent>(
  v: V,
): Omit<V, 'data'> & { data: string; hash: string } {
  return { ...v, data: JSON.stringify(v.data), hash: versionHash(v) };
}

/**
 * The data step of migration 022: hashes the actions and versions written before it, batch by
 * batch (resumable: a row once hashed is not read again).
 */
export async function hashUnhashedRows(db: Kysely<Database>, batch = 2000): Promise<number> {
  const actions = await inBatches(
    db,
    () => db.selectFrom('record_actions').selectAll().where('hash', 'is', null).limit(batch).execute(),
    (trx, r) =>
      trx
        .updateTable('record_actions')
        .set({ hash: actionHash(r) })
        .where('id', '=', r.id)
        .execute(),
  );
  const versions = await inBatches(
    db,
    () => db.selectFrom('record_versions').selectAll().where('hash', 'is', null).limit(batch).execute(),
    (trx, r) =>
      trx
        .updateTable('record_versions')
        .set({ hash: versionHash(r) })
        .where('record_id', '=', r.record_id)
        .where('version', '=', r.version)
        .execute(),
  );
  return actions + versions;
}

/** Reads a batch and writes each of its rows in one transaction, until a read finds none; how many. */
async function inBatches<R>(
  db: Kysely<Database>,
  read: () => Promise<R[]>,
  write: (trx: Transaction<Database>, row: R) => Promise<unknown>,
): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await read();
    if (rows.length === 0) return done;
    await db.transaction().execute(async (trx) => {
      for (const r of rows) await write(trx, r);
    });
    done += rows.length;
  }
}

export interface RecordFinding {
  table: 'records' | 'record_actions' | 'record_versions';
  /** The action's id, `<record id>#<version>`, or the record's id. */
  id: string;
  problem: 'altered' | 'unhashed' | 'missing' | 'not-its-version';
  detail: string;
}

/**
 * One action's or version's row against its stored hash and the hash its audit entry names (taken
 * out of `chained`, so that what is left there names rows that are gone).
 */
function rowFinding(
  table: 'record_actions' | 'record_versions',
  id: string,
  stored: string | null,
  chained: Map<string, string>,
  computed: () => string,
  what: string,
): RecordFinding | undefined {
  const named = chained.get(id);
  chained.delete(id);
  if (stored === null) return { table, id, problem: 'unhashed', detail: `${what} has no hash` };
  if (computed() !== stored || (named !== undefined && named !== stored))
    return { table, id, problem: 'altered', detail: `${what} was changed` };
  return undefined;
}

/**
 * Checks the registry's rows against their hashes and the audit chain: every action and version
 * recomputed and compared with its stored hash and with the hash its audit entry names; every row an
 * audit entry names present; a registered record's data equal to its current version's.
 */
export async function verifyRecords(
  db: Kysely<Database>,
  batch = 5000,
): Promise<{ ok: boolean; actions: number; versions: number; findings: RecordFinding[] }> {
  const findings: RecordFinding[] = [];
  const chainedActions = new Map<string, string>();
  const chainedVersions = new Map<string, string>();
  const named = await sql<{
    record_id: string | null;
    action_id: string | null;
    action_hash: string | null;
    version: string | null;
    version_hash: string | null;
  }>`SELECT record_id, detail->>'actionId' AS action_id, detail->>'actionHash' AS action_hash,
            detail->>'version' AS version, detail->>'versionHash' AS version_hash
       FROM audit_log WHERE detail ? 'actionHash'`.execute(db);
  for (const n of named.rows) {
    if (n.action_id && n.action_hash) chainedActions.set(n.action_id, n.action_hash);
    if (n.record_id && n.version && n.version_hash)
      chainedVersions.set(`${n.record_id}#${n.version}`, n.version_hash);
  }

  let actions = 0;
  let lastId = 0;
  for (;;) {
    const rows = await db
      .selectFrom('record_actions')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      actions += 1;
      const id = String(r.id);
      lastId = Number(r.id);
      const found = rowFinding(
        'record_actions',
        id,
        r.hash,
        chainedActions,
        () => actionHash(r),
        `action ${id} of record ${r.record_id}`,
      );
      if (found) findings.push(found);
    }
  }
  for (const id of chainedActions.keys())
    findings.push({
      table: 'record_actions',
      id,
      problem: 'missing',
      detail: `action ${id}, named by the audit log, is missing`,
    });

  let versions = 0;
  let after = { record_id: '00000000-0000-0000-0000-000000000000', version: -1 };
  for (;;) {
    const rows = await db
      .selectFrom('record_versions')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('record_id', '>', after.record_id),
          eb.and([eb('record_id', '=', after.record_id), eb('version', '>', after.version)]),
        ]),
      )
      .orderBy('record_id')
      .orderBy('version')
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      versions += 1;
      after = { record_id: r.record_id, version: r.version };
      const id = `${r.record_id}#${r.version}`;
      const found = rowFinding(
        'record_versions',
        id,
        r.hash,
        chainedVersions,
        () => versionHash(r),
        `version ${r.version} of record ${r.record_id}`,
      );
      if (found) findings.push(found);
    }
  }
  for (const id of chainedVersions.keys())
    findings.push({
      table: 'record_versions',
      id,
      problem: 'missing',
      detail: `version ${id}, named by the audit log, is missing`,
    });

  // a registered record's data is its current version's (a draft has no version yet)
  let lastRecord = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .selectFrom('records as r')
      .leftJoin('record_versions as v', (j) =>
        j.onRef('v.record_id', '=', 'r.id').onRef('v.version', '=', 'r.version'),
      )
      .select(['r.id', 'r.version', 'r.data', 'v.data as version_data', 'v.version as found'])
      .where('r.registered_at', 'is not', null)
      .where('r.id', '>', lastRecord)
      .orderBy('r.id')
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      lastRecord = r.id;
      if (r.found === null || canonicalJson(r.data) !== canonicalJson(r.version_data))
        findings.push({
          table: 'records',
          id: r.id,
          problem: 'not-its-version',
          detail: `record ${r.id}: its data is not that of its version ${r.version}`,
        });
    }
  }
  return { ok: findings.length === 0, actions, versions, findings };
}
