import type { LocalizedText } from '../i18n/locale.ts';

const e = (tg: string, ru: string, en: string): LocalizedText => ({ tg, ru, en });

/** The days of the week, Monday first (ISO 8601: day 1 is WEEKDAY_LABELS[0]), as opening hours count them. */
export const WEEKDAY_LABELS: readonly LocalizedText[] = [
  e('Душанбе', 'Понедельник', 'Monday'),
  e('Сешанбе', 'Вторник', 'Tuesday'),
  e('Чоршанбе', 'Среда', 'Wednesday'),
  e('Панҷшанбе', 'Четверг', 'Thursday'),
  e('Ҷумъа', 'Пятница', 'Friday'),
  e('Шанбе', 'Суббота', 'Saturday'),
  e('Якшанбе', 'Воскресенье', 'Sunday'),
];
