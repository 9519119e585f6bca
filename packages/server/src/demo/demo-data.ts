import type { Role } from '@sabt/core';
import type { Kysely } from 'kysely';
import { createUser } from '../auth/users.ts';
import { certDb } from '../certificates/tables.ts';
import type { Database } from '../db/schema.ts';
import { childOffice, consulate, ensureOffices } from '../offices/office-tree.ts';
import { loadDemoPortal } from './demo-portal.ts';

export const DEMO_PASSWORD = 'sabt-demo';
export const DEMO_OFFICE_ID = 'DU-03-00'; // Firdavsi district, Dushanbe
export const DEMO_JAMOAT_ID = 'RA-13-01';
/** The Rudaki district office, which the demo jamoats are under. */
export const DEMO_JAMOAT_DISTRICT_ID = 'RA-13-00';

export const DEMO_USERS: { login: string; role: Role; fullName: string; officeId: string }[] = [
  { login: 'front', role: 'front_office', fullName: 'Мадина Раҳимова', officeId: DEMO_OFFICE_ID },
  { login: 'back', role: 'back_office', fullName: 'Фирӯза Назарова', officeId: DEMO_OFFICE_ID },
  { login: 'registrar', role: 'registrar', fullName: 'Шералӣ Қодиров', officeId: DEMO_OFFICE_ID },
  { login: 'head', role: 'head_of_office', fullName: 'Зарина Саидзода', officeId: DEMO_OFFICE_ID },
  { login: 'archivist', role: 'archivist', fullName: 'Умед Бобоев', officeId: DEMO_OFFICE_ID },
  { login: 'verifier', role: 'verifier', fullName: 'Нилуфар Ғаниева', officeId: DEMO_OFFICE_ID },
  { login: 'admin', role: 'central_admin', fullName: 'Бахтиёр Ҳасанов', officeId: DEMO_OFFICE_ID },
  { login: 'statistician', role: 'statistician', fullName: 'Гулнора Исмоилова', officeId: DEMO_OFFICE_ID },
  { login: 'auditor', role: 'auditor', fullName: 'Рустам Аминов', officeId: DEMO_OFFICE_ID },
  { login: 'jamoat', role: 'registrar', fullName: 'Саидҷон Шарипов', officeId: DEMO_JAMOAT_ID },
  // the head of the Rudaki district office: receives its blanks and hands them over to the jamoats
  { login: 'rudaki', role: 'head_of_office', fullName: 'Нозим Давлатов', officeId: DEMO_JAMOAT_DISTRICT_ID },
];

/** Demo offices and users, added only when asked (`npm start` asks). Safe to run again. */
export async function loadDemoData(db: Kysely<Database>): Promise<{ created: string[] }> {
  const rudaki = await db
    .selectFrom('offices')
    .selectAll()
    .where('id', '=', DEMO_JAMOAT_DISTRICT_ID)
    .executeTakeFirstOrThrow();
  const firdavsi = await db
    .selectFrom('offices')
    .selectAll()
    .where('id', '=', DEMO_OFFICE_ID)
    .executeTakeFirstOrThrow();
  await ensureOffices(db, [
    childOffice(rudaki, 'jamoat', 1, {
      tg: 'Ҷамоати деҳоти Чимтеппа',
      ru: 'Джамоат Чимтеппа',
      en: 'Chimteppa jamoat',
    }),
    childOffice(rudaki, 'jamoat', 2, {
      tg: 'Ҷамоати деҳоти Зайнабобод',
      ru: 'Джамоат Зайнабобод',
      en: 'Zaynabobod jamoat',
    }),
    childOffice(rudaki, 'jamoat', 3, {
      tg: 'Ҷамоати деҳоти Рӯдакӣ',
      ru: 'Джамоат Рудаки',
      en: 'Rudaki jamoat',
    }),
    childOffice(firdavsi, 'mobile', 90, {
      tg: 'Идораи сайёри САҲШ — Фирдавсӣ',
      ru: 'Мобильный офис ЗАГС — Фирдавси',
      en: 'Mobile civil registry office — Firdavsi',
    }),
    consulate('RU', 1, 1, {
      tg: 'Консулгарии генералии Ҷумҳурии Тоҷикистон дар шаҳри Маскав',
      ru: 'Генеральное консульство Республики Таджикистан в Москве',
      en: 'Consulate General of Tajikistan in Moscow',
    }),
  ]);
  const created: string[] = [];
  for (const u of DEMO_USERS) {
    const exists = await db.selectFrom('users').select('id').where('login', '=', u.login).executeTakeFirst();
    if (exists) continue;
    await createUser(db, { ...u, password: DEMO_PASSWORD }, { demoPassword: true });
    created.push(u.login);
  }
  await demoSignatories(db);
  await loadDemoPortal(db);
  return { created };
}

/**
 * Who signs the demo offices' documents: their heads (the Firdavsi office's head is the demo user
 * `head`; the mobile office is the Firdavsi office's and has the same head). Only where none is set.
 */
export const DEMO_SIGNATORIES: { officeId: string; fullName: string; title: string }[] = [
  { officeId: DEMO_OFFICE_ID, fullName: 'Зарина Саидзода', title: 'Сардори шуъбаи САҲШ' },
  { officeId: 'DU-03-90', fullName: 'Зарина Саидзода', title: 'Сардори шуъбаи САҲШ' },
  { officeId: 'RA-13-01', fullName: 'Раҳмон Назаров', title: 'Раиси ҷамоат' },
  { officeId: 'RA-13-02', fullName: 'Фаррух Азимов', title: 'Раиси ҷамоат' },
  { officeId: 'RA-13-03', fullName: 'Меҳрубон Каримова', title: 'Раиси ҷамоат' },
  { officeId: 'CN-RU-01', fullName: 'Ҷамшед Ҳакимов', title: 'Консул' },
];

/** Since when the demo heads sign: before any certificate the demo prints. */
const DEMO_SIGNATORIES_SINCE = new Date('2025-01-01T00:00:00+05:00');

async function demoSignatories(db: Kysely<Database>) {
  const sdb = certDb(db);
  for (const s of DEMO_SIGNATORIES) {
    const office = await db
      .selectFrom('offices')
      .select('id')
      .where('id', '=', s.officeId)
      .executeTakeFirst();
    if (!office) continue;
    const set = await sdb
      .selectFrom('office_signatories')
      .select('id')
      .where('office_id', '=', s.officeId)
      .executeTakeFirst();
    if (set) continue;
    await sdb
      .insertInto('office_signatories')
      .values({
        office_id: s.officeId,
        basis: 'head',
        full_name: s.fullName,
        title: s.title,
        head_title: null,
        authority: null,
        valid_from: DEMO_SIGNATORIES_SINCE,
        set_by: null,
      })
      .execute();
  }
}
