import {
  type ActKindDefinition,
  documentNumbers,
  getActKind,
  type NameKeys,
  nameKeys,
  type PersonEntry,
} from '@sabt/core';
import type { Transaction } from 'kysely';
import type { Database, RecordPersonsTable } from '../db/schema.ts';

export type PersonRow = Omit<RecordPersonsTable, 'id'>;

/**
 * The search row of one person: each name part with its match, stem and loose keys. `keys` may be
 * a memoised `nameKeys` (the benchmark's generator keys millions of rows of the same names).
 */
export function personRow(
  recordId: string,
  p: PersonEntry,
  extra: { historical?: boolean; sealed?: boolean } = {},
  keys: (name: string) => NameKeys = nameKeys,
): PersonRow {
  const sk = p.surname ? keys(p.surname) : undefined;
  const nk = p.name ? keys(p.name) : undefined;
  const pk = p.patronymic ? keys(p.patronymic) : undefined;
  const year = p.birthDate && /^\d{4}/.test(p.birthDate) ? Number(p.birthDate.slice(0, 4)) : null;
  return {
    record_id: recordId,
    role: p.role,
    historical: Boolean(p.historical || extra.historical),
    sealed: Boolean(p.sealed || extra.sealed),
    surname: p.surname ?? null,
    given_name: p.name ?? null,
    patronymic: p.patronymic ?? null,
    birth_date: p.birthDate ?? null,
    birth_year: year,
    surname_key: sk?.matchKey || null,
    name_key: nk?.matchKey || null,
    patronymic_key: pk?.matchKey || null,
    surname_stem: sk?.stemKey || null,
    surname_loose: sk?.looseKey || null,
    name_loose: nk?.looseKey || null,
    latin: [sk?.latin, nk?.latin, pk?.latin].filter(Boolean).join(' ') || null,
  };
}

/** An earlier version of a record: its data, and whether it was sealed (an adoption's birth data). */
export interface EarlierVersion {
  data: unknown;
  sealed: boolean;
}

/**
 * The search rows of a record: its current people, then the names only earlier versions had (so a
 * person is found by any name they have had), each person and name once; names from sealed versions
 * are marked sealed.
 */
export function searchRows(
  recordId: string,
  kind: string,
  data: unknown,
  versions: readonly EarlierVersion[],
  keys: (name: string) => NameKeys = nameKeys,
): PersonRow[] {
  const def = getActKind(kind);
  if (!def) return [];
  const seen = new Set<string>();
  const rows: PersonRow[] = [];
  const add = (row: PersonRow) => {
    const key = [
      row.role,
      row.surname_key,
      row.name_key,
      row.patronymic_key,
      row.birth_date,
      row.historical,
      row.sealed,
    ].join('|');
    if (!row.name_key && !row.surname_key) return;
    if (seen.has(key)) return;
    seen.add(key);
    rows.push(row);
  };
  for (const p of def.persons(data as never)) add(personRow(recordId, p, {}, keys));
  const current = new Set(rows.map((r) => `${r.role}|${r.surname_key}|${r.name_key}`));
  for (const v of versions) {
    for (const p of def.persons(v.data as never)) {
      const row = personRow(recordId, p, { historical: true, sealed: v.sealed }, keys);
      if (!current.has(`${row.role}|${row.surname_key}|${row.name_key}`)) add(row);
    }
  }
  return rows;
}

/** Rewrites a record's search rows from its current data and every earlier version. */
export async function indexRecord(trx: Transaction<Database>, recordId: string): Promise<void> {
  const rec = await trx
    .selectFrom('records')
    .select(['kind', 'data'])
    .where('id', '=', recordId)
    .executeTakeFirstOrThrow();
  const def = getActKind(rec.kind);
  if (!def) return;
  const versions = await trx
    .selectFrom('record_versions as v')
    .leftJoin('sealed_versions as s', (j) =>
      j.onRef('s.record_id', '=', 'v.record_id').onRef('s.version', '=', 'v.version'),
    )
    .select(['v.data', 's.version as sealed'])
    .where('v.record_id', '=', recordId)
    .execute();
  const rows = searchRows(
    recordId,
    rec.kind,
    rec.data,
    versions.map((v) => ({ data: v.data, sealed: v.sealed !== null })),
  );
  await trx.deleteFrom('record_persons').where('record_id', '=', recordId).execute();
  if (rows.length > 0) await trx.insertInto('record_persons').values(rows).execute();
  await trx.updateTable('records').set(searchColumns(def, rec.data)).where('id', '=', recordId).execute();
}

/** The search columns of a record's own row: its document numbers and the place of its event. */
export function searchColumns(def: ActKindDefinition<unknown>, data: unknown) {
  return { documents: documentNumbers(data), place_unit: def.summary(data as never).placeUnit ?? null };
}

/**
 * The search rows of a record just made, from the data it was made with: it has no earlier
 * versions and no rows yet, and its row took its search columns when inserted (searchColumns).
 */
export async function indexNewRecord(
  trx: Transaction<Database>,
  recordId: string,
  kind: string,
  data: unknown,
): Promise<void> {
  const rows = searchRows(recordId, kind, data, []);
  if (rows.length > 0) await trx.insertInto('record_persons').values(rows).execute();
}
