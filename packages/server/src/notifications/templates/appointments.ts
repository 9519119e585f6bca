import { formatDate } from '@sabt/core';
import { z } from 'zod';
import { lines, officeNames, plainDate, template } from './define.ts';

/** A citizen's appointments at an office: booked, moved, cancelled, and the reminder before. */
export const APPOINTMENT_TEMPLATES = {
  /** A reminder of an appointment at an office (date and time in the office's local time). */
  'appointment.reminder': template({
    params: z.object({
      date: plainDate,
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      office: officeNames,
    }),
    example: {
      date: '2026-03-12',
      time: '10:30',
      office: {
        tg: 'Шуъбаи САҲШ — ноҳияи Фирдавсӣ',
        ru: 'Отдел ЗАГС — район Фирдавси',
        en: 'Civil registry office — Firdavsi district',
      },
    },
    tg: {
      subject: (p) => `Хотиррасонӣ: қабул ${formatDate(p.date)}, соати ${p.time}`,
      body: (p) =>
        lines(
          `Ба шумо хотиррасон мекунем: қабули шумо ${formatDate(p.date)}, соати ${p.time} аст. Идора: ${p.office.tg}.`,
          'Агар омада натавонед, лутфан вақти қабулро дар портали Сабт бекор кунед ё иваз намоед.',
        ),
      sms: (p) => `Сабт: қабули шумо ${formatDate(p.date)}, соати ${p.time}. ${p.office.tg}.`,
    },
    ru: {
      subject: (p) => `Напоминание: приём ${formatDate(p.date)} в ${p.time}`,
      body: (p) =>
        lines(
          `Напоминаем: ваш приём назначен на ${formatDate(p.date)} в ${p.time}. Учреждение: ${p.office.ru}.`,
          'Если вы не сможете прийти, отмените или перенесите запись на портале Сабт.',
        ),
      sms: (p) => `Сабт: ваш приём ${formatDate(p.date)} в ${p.time}. ${p.office.ru}.`,
    },
    en: {
      subject: (p) => `Reminder: your appointment on ${formatDate(p.date)} at ${p.time}`,
      body: (p) =>
        lines(
          `A reminder: your appointment is on ${formatDate(p.date)} at ${p.time}. Office: ${p.office.en}.`,
          'If you cannot come, please cancel or move it on the Sabt portal.',
        ),
      sms: (p) => `Sabt: your appointment ${formatDate(p.date)} at ${p.time}. ${p.office.en}.`,
    },
  }),

  /** A citizen booked an appointment on the portal (date and time in the office's local time). */
  'appointment.booked': template({
    params: z.object({
      date: plainDate,
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      office: officeNames,
    }),
    example: {
      date: '2026-03-12',
      time: '10:30',
      office: {
        tg: 'Шуъбаи САҲШ — ноҳияи Фирдавсӣ',
        ru: 'Отдел ЗАГС — район Фирдавси',
        en: 'Civil registry office — Firdavsi district',
      },
    },
    tg: {
      subject: (p) => `Навбат: ${formatDate(p.date)}, соати ${p.time}`,
      body: (p) =>
        lines(
          `Шумо ба қабул навбат гирифтед: ${formatDate(p.date)}, соати ${p.time}. Идора: ${p.office.tg}.`,
          'Ҳуҷҷатҳои аслиро бо худ биёред. Агар омада натавонед, навбатро дар портали Сабт бекор кунед ё иваз намоед.',
        ),
      sms: (p) => `Сабт: навбати шумо ${formatDate(p.date)}, соати ${p.time}. ${p.office.tg}.`,
    },
    ru: {
      subject: (p) => `Запись на приём: ${formatDate(p.date)} в ${p.time}`,
      body: (p) =>
        lines(
          `Вы записаны на приём: ${formatDate(p.date)} в ${p.time}. Учреждение: ${p.office.ru}.`,
          'Возьмите с собой оригиналы документов. Если не сможете прийти, отмените или перенесите запись на портале Сабт.',
        ),
      sms: (p) => `Сабт: вы записаны на ${formatDate(p.date)} в ${p.time}. ${p.office.ru}.`,
    },
    en: {
      subject: (p) => `Appointment booked: ${formatDate(p.date)} at ${p.time}`,
      body: (p) =>
        lines(
          `Your appointment is booked: ${formatDate(p.date)} at ${p.time}. Office: ${p.office.en}.`,
          'Bring the original documents. If you cannot come, cancel or move it on the Sabt portal.',
        ),
      sms: (p) => `Sabt: appointment booked ${formatDate(p.date)} at ${p.time}. ${p.office.en}.`,
    },
  }),

  /** A citizen moved their appointment to another time. */
  'appointment.moved': template({
    params: z.object({
      date: plainDate,
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      fromDate: plainDate,
      fromTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      office: officeNames,
    }),
    example: {
      date: '2026-03-13',
      time: '09:00',
      fromDate: '2026-03-12',
      fromTime: '10:30',
      office: {
        tg: 'Шуъбаи САҲШ — ноҳияи Фирдавсӣ',
        ru: 'Отдел ЗАГС — район Фирдавси',
        en: 'Civil registry office — Firdavsi district',
      },
    },
    tg: {
      subject: (p) => `Навбат иваз шуд: ${formatDate(p.date)}, соати ${p.time}`,
      body: (p) =>
        lines(
          `Навбати шумо аз ${formatDate(p.fromDate)}, соати ${p.fromTime} ба ${formatDate(p.date)}, соати ${p.time} гузаронида шуд. Идора: ${p.office.tg}.`,
        ),
      sms: (p) => `Сабт: навбат ба ${formatDate(p.date)}, соати ${p.time} гузашт. ${p.office.tg}.`,
    },
    ru: {
      subject: (p) => `Запись перенесена: ${formatDate(p.date)} в ${p.time}`,
      body: (p) =>
        lines(
          `Ваша запись перенесена с ${formatDate(p.fromDate)} ${p.fromTime} на ${formatDate(p.date)} ${p.time}. Учреждение: ${p.office.ru}.`,
        ),
      sms: (p) => `Сабт: запись перенесена на ${formatDate(p.date)} в ${p.time}. ${p.office.ru}.`,
    },
    en: {
      subject: (p) => `Appointment moved: ${formatDate(p.date)} at ${p.time}`,
      body: (p) =>
        lines(
          `Your appointment has moved from ${formatDate(p.fromDate)} ${p.fromTime} to ${formatDate(p.date)} ${p.time}. Office: ${p.office.en}.`,
        ),
      sms: (p) => `Sabt: appointment moved to ${formatDate(p.date)} at ${p.time}. ${p.office.en}.`,
    },
  }),

  /** An appointment cancelled, by the citizen or because the office closed the time. */
  'appointment.cancelled': template({
    params: z.object({
      date: plainDate,
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      office: officeNames,
      byOffice: z.boolean(),
    }),
    example: {
      date: '2026-03-12',
      time: '10:30',
      office: {
        tg: 'Шуъбаи САҲШ — ноҳияи Фирдавсӣ',
        ru: 'Отдел ЗАГС — район Фирдавси',
        en: 'Civil registry office — Firdavsi district',
      },
      byOffice: false,
    },
    tg: {
      subject: (p) => `Навбат бекор шуд: ${formatDate(p.date)}, соати ${p.time}`,
      body: (p) =>
        lines(
          `Навбати шумо ${formatDate(p.date)}, соати ${p.time} бекор шуд. Идора: ${p.office.tg}.`,
          p.byOffice &&
            'Идора ин вақти қабулро баст. Лутфан дар портали Сабт вақти дигарро интихоб кунед. Бубахшед.',
        ),
      sms: (p) =>
        `Сабт: навбати ${formatDate(p.date)}, соати ${p.time} бекор шуд${p.byOffice ? ' (идора вақтро баст). Вақти дигарро интихоб кунед' : ''}.`,
    },
    ru: {
      subject: (p) => `Запись отменена: ${formatDate(p.date)} в ${p.time}`,
      body: (p) =>
        lines(
          `Ваша запись на ${formatDate(p.date)} в ${p.time} отменена. Учреждение: ${p.office.ru}.`,
          p.byOffice &&
            'Учреждение закрыло это время приёма. Пожалуйста, выберите другое время на портале Сабт. Приносим извинения.',
        ),
      sms: (p) =>
        `Сабт: запись на ${formatDate(p.date)} в ${p.time} отменена${p.byOffice ? ' (учреждение закрыло время). Выберите другое время' : ''}.`,
    },
    en: {
      subject: (p) => `Appointment cancelled: ${formatDate(p.date)} at ${p.time}`,
      body: (p) =>
        lines(
          `Your appointment on ${formatDate(p.date)} at ${p.time} is cancelled. Office: ${p.office.en}.`,
          p.byOffice &&
            'The office has closed this time. Please choose another on the Sabt portal. We are sorry.',
        ),
      sms: (p) =>
        `Sabt: appointment ${formatDate(p.date)} at ${p.time} cancelled${p.byOffice ? ' (the office closed it). Choose another time' : ''}.`,
    },
  }),
} as const;
