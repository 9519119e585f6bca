import { randomUUID } from 'node:crypto';
import { addDays, type OfficeHours, todayIn } from '@sabt/core';
import type { Kysely } from 'kysely';
import { adminDb } from '../admin/tables.ts';
import type { Database } from '../db/schema.ts';
import { portalDb } from '../portal/tables.ts';

const WEEKDAYS: OfficeHours = [
  { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' },
  { days: [6], opens: '09:00', closes: '13:00' },
];
const JAMOAT: OfficeHours = [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '16:00' }];

/** What the demo offices publish on the portal (made-up addresses and telephones). */
export const DEMO_OFFICE_DETAILS: {
  id: string;
  address: { tg: string; ru: string; en: string };
  phone: string;
  hours: OfficeHours;
}[] = [
  {
    id: 'DU-03-00',
    address: {
      tg: 'ш. Душанбе, н. Фирдавсӣ, кӯчаи Н. Қарабоев 12',
      ru: 'г. Душанбе, р-н Фирдавси, ул. Н. Карабаева 12',
      en: '12 N. Qaraboev St, Firdavsi district, Dushanbe',
    },
    phone: '+992 37 235 10 12',
    hours: WEEKDAYS,
  },
  {
    id: 'RA-13-00',
    address: {
      tg: 'н. Рӯдакӣ, ш. Сомониён, кӯчаи Рӯдакӣ 5',
      ru: 'Рудакинский р-н, пгт Сомониён, ул. Рудаки 5',
      en: '5 Rudaki St, Somoniyon, Rudaki district',
    },
    phone: '+992 3136 2 21 05',
    hours: WEEKDAYS,
  },
  {
    id: 'RA-13-01',
    address: {
      tg: 'ҷамоати Чимтеппа, бинои ҷамоат',
      ru: 'джамоат Чимтеппа, здание джамоата',
      en: 'Chimteppa jamoat, the jamoat building',
    },
    phone: '+992 3136 2 40 11',
    hours: JAMOAT,
  },
  {
    id: 'RA-13-02',
    address: {
      tg: 'ҷамоати Зайнабобод, бинои ҷамоат',
      ru: 'джамоат Зайнабобод, здание джамоата',
      en: 'Zaynabobod jamoat, the jamoat building',
    },
    phone: '+992 3136 2 40 22',
    hours: JAMOAT,
  },
  {
    id: 'RA-13-03',
    address: {
      tg: 'ҷамоати Рӯдакӣ, бинои ҷамоат',
      ru: 'джамоат Рудаки, здание джамоата',
      en: 'Rudaki jamoat, the jamoat building',
    },
    phone: '+992 3136 2 40 33',
    hours: JAMOAT,
  },
  {
    id: 'CN-RU-01',
    address: {
      tg: 'ш. Маскав, Гранатный переулок 13',
      ru: 'г. Москва, Гранатный переулок, 13',
      en: '13 Granatny Lane, Moscow',
    },
    phone: '+7 495 690 41 86',
    hours: [{ days: [1, 2, 3, 4, 5], opens: '09:00', closes: '18:00' }],
  },
];

/**
 * The demo offices' public details, where none are set, and the demo mobile office's visits for
 * the coming weeks (Tuesdays and Thursdays at the Rudaki district's jamoats), if it has none planned.
 */
export async function loadDemoPortal(db: Kysely<Database>, timeZone = 'Asia/Dushanbe'): Promise<void> {
  const pdb = portalDb(db);
  for (const o of DEMO_OFFICE_DETAILS) {
    await pdb
      .updateTable('offices')
      .set({
        address_tg: o.address.tg,
        address_ru: o.address.ru,
        address_en: o.address.en,
        phone: o.phone,
        hours: JSON.stringify(o.hours),
      })
      .where('id', '=', o.id)
      .where('address_tg', 'is', null)
      .execute();
  }
  const mobile = 'DU-03-90';
  const adb = adminDb(db);
  const planned = await adb
    .selectFrom('office_visits')
    .select('id')
    .where('office_id', '=', mobile)
    .executeTakeFirst();
  const head = await db.selectFrom('users').select('id').where('login', '=', 'head').executeTakeFirst();
  const office = await db.selectFrom('offices').select('id').where('id', '=', mobile).executeTakeFirst();
  if (planned || !head || !office) return;
  const today = todayIn(timeZone);
  const hosts = ['RA-13-01', 'RA-13-02', 'RA-13-03'];
  let n = 0;
  for (let d = 1; d <= 28; d++) {
    const date = addDays(today, d);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay(); // 2 Tuesday, 4 Thursday
    if (weekday !== 2 && weekday !== 4) continue;
    const host = hosts[n++ % hosts.length]!;
    await adb
      .insertInto('office_visits')
      .values({
        id: randomUUID(),
        office_id: mobile,
        visit_date: date,
        starts_at: '09:00',
        ends_at: '15:00',
        place: 'Бинои ҷамоат',
        host_office_id: host,
        cancelled_at: null,
        created_by: head.id,
      })
      .execute();
  }
}
