import { ADMIN_UNITS, type LocalizedText } from '@sabt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Offices as people read them: by name in every language, never by code (DU-03-00). Messages take
 * `officeNames`, documents the office's full official name.
 */

/** An office's name in Tajik, Russian and English, for a message's `{office}`; the code if unknown. */
export async function officeNames(db: Kysely<Database>, officeId: string): Promise<LocalizedText> {
  const o = await db
    .selectFrom('offices')
    .select(['name_tg', 'name_ru', 'name_en'])
    .where('id', '=', officeId)
    .executeTakeFirst();
  return o ? { tg: o.name_tg, ru: o.name_ru, en: o.name_en } : { tg: officeId, ru: officeId, en: officeId };
}

const UNITS = new Map(ADMIN_UNITS.map((u) => [u.code, u]));
const CITY_OF_REGION = new Map(ADMIN_UNITS.filter((u) => u.code.endsWith('-00')).map((u) => [u.region, u]));

/**
 * The full official name a document prints: a district or city office of the national tree is the
 * "Шуъбаи сабти асноди ҳолати шаҳрвандии ноҳияи Фирдавсӣ, шаҳри Душанбе" its short name
 * ("Шуъбаи САҲШ — Фирдавсӣ") stands for; jamoats, mobile offices and consulates carry their full
 * names already. A name the central department set (official_name, when an office is renamed)
 * comes before either.
 */
export function officialName(office: {
  kind: string;
  unit: string | null;
  name_tg: string;
  official_name?: string | null;
}): string {
  if (office.official_name) return office.official_name;
  const u = office.unit ? UNITS.get(office.unit) : undefined;
  if (office.kind !== 'district' || !u) return office.name_tg;
  const city = CITY_OF_REGION.get(u.region);
  const where =
    u.kind === 'city'
      ? `шаҳри ${u.tg}`
      : u.kind === 'city-district' && city
        ? `ноҳияи ${u.tg}, шаҳри ${city.tg}`
        : `ноҳияи ${u.tg}`;
  return `Шуъбаи сабти асноди ҳолати шаҳрвандии ${where}`;
}
