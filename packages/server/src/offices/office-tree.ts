import type { LocalizedText } from '@sabt/core';
import { ADMIN_UNITS, REGIONS } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Database, OfficesTable } from '../db/schema.ts';

export type NewOffice = Omit<OfficesTable, 'active' | 'created_at' | 'official_name' | 'closed_at'>;

export const CENTRAL_OFFICE_ID = 'HQ-00-00';
const REGION_NUMBERS: Record<string, string> = { DU: '01', SU: '02', KT: '03', GB: '04', RA: '05' };

/**
 * The national office tree from the administrative units: the central department, a regional
 * department per region, and a civil registry office for every district and city (Dushanbe's
 * city office and its four city districts included). Codes follow `RR-DD-SS`.
 */
export function nationalOfficeTree(): NewOffice[] {
  const central: NewOffice = {
    id: CENTRAL_OFFICE_ID,
    parent_id: null,
    kind: 'central',
    numeric_code: '990000',
    region: null,
    unit: null,
    name_tg: 'Раёсати САҲШ-и Вазорати адлия',
    name_ru: 'Управление ЗАГС Министерства юстиции',
    name_en: 'Civil Registration Department, Ministry of Justice',
    path: `${CENTRAL_OFFICE_ID}/`,
  };
  const regions: NewOffice[] = REGIONS.map((r) => ({
    id: r.code,
    parent_id: CENTRAL_OFFICE_ID,
    kind: 'region',
    numeric_code: `${REGION_NUMBERS[r.code]}9900`,
    region: r.code,
    unit: null,
    name_tg: `Раёсати САҲШ — ${r.tg}`,
    name_ru: `Управление ЗАГС — ${r.ru}`,
    name_en: `Civil Registration — ${r.en}`,
    path: `${central.path}${r.code}/`,
  }));
  const districts: NewOffice[] = ADMIN_UNITS.map((u) => {
    const id = `${u.code}-00`;
    const dd = u.code.split('-')[1]!;
    return {
      id,
      parent_id: u.region,
      kind: 'district',
      numeric_code: `${REGION_NUMBERS[u.region]}${dd}00`,
      region: u.region,
      unit: u.code,
      name_tg: `Шуъбаи САҲШ — ${u.tg}`,
      name_ru: `Отдел ЗАГС — ${u.ru}`,
      name_en: `Civil Registry Office — ${u.en}`,
      path: `${central.path}${u.region}/${id}/`,
    };
  });
  return [central, ...regions, ...districts];
}

/** Inserts the offices that are missing; never changes existing ones. */
export async function ensureOffices(db: Kysely<Database>, offices: NewOffice[]): Promise<number> {
  if (offices.length === 0) return 0;
  const res = await db
    .insertInto('offices')
    .values(offices)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0);
}

/** A child office (jamoat, mobile office) under a district office, or a consulate under the centre. */
export function childOffice(
  parent: Pick<NewOffice, 'id' | 'path' | 'numeric_code' | 'region' | 'unit'>,
  kind: 'jamoat' | 'mobile',
  ss: number,
  names: LocalizedText,
): NewOffice {
  const code = String(ss).padStart(2, '0');
  const id = `${parent.id.slice(0, -3)}-${code}`;
  return {
    id,
    parent_id: parent.id,
    kind,
    numeric_code: `${parent.numeric_code.slice(0, 4)}${code}`,
    region: parent.region,
    unit: parent.unit,
    name_tg: names.tg,
    name_ru: names.ru,
    name_en: names.en,
    path: `${parent.path}${id}/`,
  };
}

export function consulate(country: string, seq: number, numericSeq: number, names: LocalizedText): NewOffice {
  const id = `CN-${country}-${String(seq).padStart(2, '0')}`;
  return {
    id,
    parent_id: CENTRAL_OFFICE_ID,
    kind: 'consulate',
    numeric_code: `98${String(numericSeq).padStart(2, '0')}${String(seq).padStart(2, '0')}`,
    region: 'CN',
    unit: null,
    name_tg: names.tg,
    name_ru: names.ru,
    name_en: names.en,
    path: `${CENTRAL_OFFICE_ID}/${id}/`,
  };
}
