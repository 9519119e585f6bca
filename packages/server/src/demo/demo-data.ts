import type { Role } from '@sabt/core';
import type { Kysely } from 'kysely';
import { createUser } from '../auth/users.ts';
import type { Database } from '../db/schema.ts';
import { childOffice, consulate, ensureOffices } from '../offices/office-tree.ts';

export const DEMO_PASSWORD = 'sabt-demo';
export const DEMO_OFFICE_ID = 'DU-03-00'; // Firdavsi district, Dushanbe
export const DEMO_JAMOAT_ID = 'RA-13-01';

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
];

/** Demo offices and users, added only when asked (`npm start` asks). Safe to run again. */
export async function loadDemoData(db: Kysely<Database>): Promise<{ created: string[] }> {
  const rudaki = await db
    .selectFrom('offices')
    .selectAll()
    .where('id', '=', 'RA-13-00')
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
    await createUser(db, { ...u, password: DEMO_PASSWORD });
    created.push(u.login);
  }
  return { created };
}
