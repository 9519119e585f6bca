import { isPlainDate } from '@sabt/core';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** A person as later acts cite them: the names they have had, date of birth, maybe their birth record. */
export interface PersonRef {
  surnames: (string | undefined)[];
  name: string | undefined;
  patronymic?: string | undefined;
  birthDate: string | undefined;
  birthRecordId?: string | undefined;
}

/** How a later act cites the person it is about, as they were before it. */
export const citedPerson = (
  p:
    | {
        surname?: string | undefined;
        name?: string | undefined;
        patronymic?: string | undefined;
        birthDate?: string | undefined;
      }
    | undefined,
  birthRecordId: string | undefined,
): PersonRef => ({
  surnames: [p?.surname],
  name: p?.name,
  patronymic: p?.patronymic,
  birthDate: p?.birthDate,
  birthRecordId,
});

const low = (s: string | undefined) => (s ?? '').trim().toLocaleLowerCase('tg');

/** The key that identifies a person across records where no record link exists: given name and date of birth. */
export function personKey(name: string | undefined, birthDate: string | undefined): string | undefined {
  return name && birthDate && isPlainDate(birthDate) ? `${low(name)}|${birthDate}` : undefined;
}

/**
 * The person's registered birth record: the one cited, or else the single registered birth whose
 * child has this given name, date of birth and one of these surnames. Ambiguity finds nothing.
 */
export async function findBirthRecord(trx: Transaction<Database>, p: PersonRef): Promise<string | undefined> {
  if (p.birthRecordId) {
    const r = await trx
      .selectFrom('records')
      .select('id')
      .where('id', '=', p.birthRecordId)
      .where('kind', '=', 'BIRTH')
      .where('status', '=', 'registered')
      .executeTakeFirst();
    return r?.id;
  }
  if (!p.name || !p.birthDate || !isPlainDate(p.birthDate)) return undefined;
  const surnames = [...new Set(p.surnames.filter((s): s is string => !!s).map(low))];
  let q = trx
    .selectFrom('records')
    .select(['id', 'surname', 'patronymic'])
    .where('kind', '=', 'BIRTH')
    .where('status', '=', 'registered')
    .where(sql`lower(given_name)`, '=', low(p.name))
    .where('birth_date', '=', p.birthDate);
  if (surnames.length > 0) q = q.where(sql`lower(surname)`, 'in', surnames);
  let rows = await q.limit(5).execute();
  if (p.patronymic && rows.length > 1)
    rows = rows.filter((r) => low(r.patronymic ?? '') === low(p.patronymic));
  return rows.length === 1 ? rows[0]!.id : undefined;
}

/** A spouse as a marriage or divorce record names them: the surname before and after, and the rest. */
export interface Spouse {
  surnameBefore?: string;
  surnameAfter?: string;
  name?: string;
  patronymic?: string;
  birthDate?: string;
  birthRecordId?: string;
}

export const spouseRef = (s: Spouse): PersonRef => ({
  surnames: [s.surnameBefore, s.surnameAfter],
  name: s.name,
  patronymic: s.patronymic,
  birthDate: s.birthDate,
  birthRecordId: s.birthRecordId,
});

export interface MarriageInForce {
  id: string;
  number: number | null;
  year: number | null;
  office_id: string;
  side: 'husband' | 'wife';
}

/** Registered marriages of this person not ended by divorce, death or annulment. */
export async function marriagesInForce(
  trx: Transaction<Database>,
  p: PersonRef,
  exceptId?: string,
): Promise<MarriageInForce[]> {
  if (!p.name || !p.birthDate) return [];
  const out: MarriageInForce[] = [];
  for (const side of ['husband', 'wife'] as const) {
    const rows = await trx
      .selectFrom('records')
      .select(['id', 'number', 'year', 'office_id', 'data'])
      .where('kind', '=', 'MARRIAGE')
      .where('status', '=', 'registered')
      .where(sql<boolean>`NOT (flags && ARRAY['dissolved', 'ended']::text[])`)
      .where(sql`lower(data->${sql.lit(side)}->>'name')`, '=', low(p.name))
      .where(sql`data->${sql.lit(side)}->>'birthDate'`, '=', p.birthDate)
      .execute();
    for (const r of rows) {
      if (r.id === exceptId) continue;
      const s = (
        r.data as Record<string, { surnameBefore?: string; surnameAfter?: string; birthRecordId?: string }>
      )[side]!;
      const sameRecord = p.birthRecordId && s.birthRecordId && p.birthRecordId === s.birthRecordId;
      const names = [s.surnameBefore, s.surnameAfter].map(low);
      const sameName = p.surnames.some((x) => x && names.includes(low(x)));
      if (sameRecord || sameName)
        out.push({ id: r.id, number: r.number, year: r.year, office_id: r.office_id, side });
    }
  }
  return out;
}

/** Marriages in force of either spouse of a marriage, other than that marriage itself. */
export async function otherMarriagesOfSpouses(
  trx: Transaction<Database>,
  marriageId: string,
): Promise<MarriageInForce[]> {
  const m = await trx.selectFrom('records').select(['data']).where('id', '=', marriageId).executeTakeFirst();
  const data = (m?.data ?? {}) as { husband?: Spouse; wife?: Spouse };
  const out: MarriageInForce[] = [];
  for (const s of [data.husband, data.wife]) {
    if (s) out.push(...(await marriagesInForce(trx, spouseRef(s), marriageId)));
  }
  return out;
}

interface ParentData {
  surname?: string;
  name?: string;
  patronymic?: string;
  birthDate?: string;
}

/** Keys of a person's parents and grandparents, followed through registered birth records. */
export async function ancestry(trx: Transaction<Database>, birthRecordId: string) {
  const self = await trx
    .selectFrom('records')
    .select(['data'])
    .where('id', '=', birthRecordId)
    .executeTakeFirst();
  const data = (self?.data ?? {}) as { child?: ParentData; mother?: ParentData; father?: ParentData };
  const parents = [data.mother, data.father].filter((p): p is ParentData => !!p);
  const parentKeys = new Set<string>();
  const grandparentKeys = new Set<string>();
  for (const parent of parents) {
    const key = personKey(parent.name, parent.birthDate);
    if (key) parentKeys.add(key);
    const parentBirth = await findBirthRecord(trx, {
      surnames: [],
      name: parent.name,
      patronymic: parent.patronymic,
      birthDate: parent.birthDate,
    });
    if (!parentBirth) continue;
    const pr = await trx
      .selectFrom('records')
      .select(['data'])
      .where('id', '=', parentBirth)
      .executeTakeFirst();
    const pd = (pr?.data ?? {}) as { mother?: ParentData; father?: ParentData };
    for (const gp of [pd.mother, pd.father]) {
      const k = gp && personKey(gp.name, gp.birthDate);
      if (k) grandparentKeys.add(k);
    }
  }
  return { self: personKey(data.child?.name, data.child?.birthDate), parentKeys, grandparentKeys };
}

export type Kinship = 'direct-line' | 'siblings' | 'uncle-niece' | 'first-cousins';

/** Close kinship that forbids marriage, as far as the linked birth records tell. */
export async function closeKinship(
  trx: Transaction<Database>,
  a: string,
  b: string,
): Promise<Kinship | undefined> {
  if (a === b) return 'direct-line';
  const x = await ancestry(trx, a);
  const y = await ancestry(trx, b);
  const meets = (s1: Set<string>, s2: Set<string>) => [...s1].some((k) => s2.has(k));
  if (
    (x.self && (y.parentKeys.has(x.self) || y.grandparentKeys.has(x.self))) ||
    (y.self && (x.parentKeys.has(y.self) || x.grandparentKeys.has(y.self)))
  )
    return 'direct-line';
  if (meets(x.parentKeys, y.parentKeys)) return 'siblings';
  if (meets(x.parentKeys, y.grandparentKeys) || meets(y.parentKeys, x.grandparentKeys)) return 'uncle-niece';
  if (meets(x.grandparentKeys, y.grandparentKeys)) return 'first-cousins';
  return undefined;
}
