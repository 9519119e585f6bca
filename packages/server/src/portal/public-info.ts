import {
  addDays,
  OFFICE_ACT_KINDS,
  type OfficeHours,
  type OfficeKind,
  officeHoursSchema,
  type PublicOffice,
} from '@sabt/core';
import type { Kysely } from 'kysely';
import { adminDb } from '../admin/tables.ts';
import type { Database } from '../db/schema.ts';
import { portalDb } from './tables.ts';

/** The kinds of office citizens apply at (the ones that register acts). */
const SERVING = (Object.keys(OFFICE_ACT_KINDS) as OfficeKind[]).filter((k) => OFFICE_ACT_KINDS[k].length > 0);

/** How far ahead the public sees the mobile offices' visits. */
export const VISITS_AHEAD_DAYS = 60;

function hoursOf(value: unknown): OfficeHours | null {
  const parsed = officeHoursSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const PUBLIC_COLUMNS = [
  'id',
  'parent_id',
  'kind',
  'region',
  'name_tg',
  'name_ru',
  'name_en',
  'address_tg',
  'address_ru',
  'address_en',
  'phone',
  'hours',
] as const;

/** The offices citizens may apply at (open or closed), with what they publish, in tree order. */
const publicRows = (db: Kysely<Database>) =>
  portalDb(db).selectFrom('offices').select(PUBLIC_COLUMNS).where('kind', 'in', SERVING).orderBy('path');

type PublicRow = Awaited<ReturnType<ReturnType<typeof publicRows>['executeTakeFirstOrThrow']>>;

function present(o: PublicRow): PublicOffice {
  const kind = o.kind as OfficeKind;
  return {
    id: o.id,
    parent: o.parent_id,
    kind,
    region: o.region,
    name: { tg: o.name_tg, ru: o.name_ru, en: o.name_en },
    address:
      o.address_tg && o.address_ru && o.address_en
        ? { tg: o.address_tg, ru: o.address_ru, en: o.address_en }
        : null,
    phone: o.phone,
    hours: hoursOf(o.hours),
    actKinds: [...OFFICE_ACT_KINDS[kind]],
  };
}

/** The open offices citizens apply at, in tree order, with what they publish and the acts they register. */
export async function publicOffices(db: Kysely<Database>): Promise<PublicOffice[]> {
  return (await publicRows(db).where('active', '=', true).execute()).map(present);
}

/** One office as the portal shows it (closed ones too), or undefined if citizens do not apply there. */
export async function publicOffice(db: Kysely<Database>, id: string): Promise<PublicOffice | undefined> {
  const row = await publicRows(db).where('id', '=', id).executeTakeFirst();
  return row && present(row);
}

/** The mobile offices' planned visits from `from` on (VISITS_AHEAD_DAYS), cancelled ones left out. */
export async function publicVisits(db: Kysely<Database>, from: string) {
  const rows = await adminDb(db)
    .selectFrom('office_visits as v')
    .innerJoin('offices as o', 'o.id', 'v.office_id')
    .leftJoin('offices as h', 'h.id', 'v.host_office_id')
    .select([
      'v.id',
      'v.office_id',
      'v.visit_date',
      'v.starts_at',
      'v.ends_at',
      'v.place',
      'v.host_office_id',
      'o.name_tg',
      'o.name_ru',
      'o.name_en',
      'h.name_tg as host_tg',
      'h.name_ru as host_ru',
      'h.name_en as host_en',
    ])
    .where('v.cancelled_at', 'is', null)
    .where('o.active', '=', true)
    .where('v.visit_date', '>=', from)
    .where('v.visit_date', '<=', addDays(from, VISITS_AHEAD_DAYS))
    .orderBy('v.visit_date')
    .orderBy('v.starts_at')
    .orderBy('v.office_id')
    .execute();
  return rows.map((v) => ({
    id: v.id,
    office: { id: v.office_id, name: { tg: v.name_tg, ru: v.name_ru, en: v.name_en } },
    date: v.visit_date,
    from: v.starts_at,
    to: v.ends_at,
    place: v.place,
    host: v.host_office_id
      ? { id: v.host_office_id, name: { tg: v.host_tg ?? '', ru: v.host_ru ?? '', en: v.host_en ?? '' } }
      : null,
  }));
}
