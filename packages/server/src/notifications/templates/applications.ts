import { formatDate, type Locale } from '@sabt/core';
import { z } from 'zod';
import { lines, officeNames, plainDate, reference, template } from './define.ts';

/** The statuses an application.status-changed message names. */
export const APPLICATION_STATUSES = [
  'in-review',
  'needs-information',
  'approved',
  'rejected',
  'waiting-for-visit',
  'registered',
  'closed',
] as const;
const STATUS_NAMES: Record<(typeof APPLICATION_STATUSES)[number], Record<Locale, string>> = {
  'in-review': { tg: 'дар баррасӣ', ru: 'на рассмотрении', en: 'under review' },
  'needs-information': {
    tg: 'маълумоти иловагӣ лозим аст',
    ru: 'нужны дополнительные сведения',
    en: 'more information is needed',
  },
  approved: { tg: 'қабул шуд', ru: 'одобрено', en: 'approved' },
  rejected: { tg: 'рад карда шуд', ru: 'отклонено', en: 'rejected' },
  'waiting-for-visit': {
    tg: 'қабул шуд; бо ҳуҷҷатҳои аслӣ ба идора биёед',
    ru: 'принято; приходите в учреждение с подлинниками документов',
    en: 'accepted; come to the office with the original documents',
  },
  registered: { tg: 'ба қайд гирифта шуд', ru: 'зарегистрировано', en: 'registered' },
  closed: {
    tg: 'дар идора баста шуд; саволҳоро дар портал ба идора диҳед',
    ru: 'закрыто учреждением; вопросы можно задать учреждению на портале',
    en: 'closed by the office; you can ask the office about it on the portal',
  },
};

/** What a citizen is told of their application as it moves on. */
export const APPLICATION_TEMPLATES = {
  /** A citizen's application has been received. */
  'application.received': template({
    params: z.object({ reference, receivedOn: plainDate }),
    example: { reference: 'A-2026-000123', receivedOn: '2026-03-05' },
    tg: {
      subject: (p) => `Аризаи шумо қабул шуд (${p.reference})`,
      body: (p) =>
        lines(
          `Аризаи шумо бо рақами ${p.reference} ${formatDate(p.receivedOn)} қабул шуд.`,
          'Вақте ки ҳолати он тағйир ёбад, ба шумо хабар медиҳем. Ҳолати аризаро дар портали Сабт низ дидан мумкин аст.',
        ),
      sms: (p) => `Сабт: аризаи ${p.reference} қабул шуд.`,
    },
    ru: {
      subject: (p) => `Ваше заявление принято (${p.reference})`,
      body: (p) =>
        lines(
          `Ваше заявление № ${p.reference} принято ${formatDate(p.receivedOn)}.`,
          'Мы сообщим вам, когда его статус изменится. Статус заявления можно также посмотреть на портале Сабт.',
        ),
      sms: (p) => `Сабт: заявление ${p.reference} принято.`,
    },
    en: {
      subject: (p) => `Your application has been received (${p.reference})`,
      body: (p) =>
        lines(
          `Your application no. ${p.reference} was received on ${formatDate(p.receivedOn)}.`,
          'We will let you know when its status changes. You can also follow it on the Sabt portal.',
        ),
      sms: (p) => `Sabt: application ${p.reference} received.`,
    },
  }),

  /** A citizen's application has moved on; `note` is what staff wrote to the applicant, if anything. */
  'application.status-changed': template({
    params: z.object({
      reference,
      status: z.enum(APPLICATION_STATUSES),
      note: z.string().max(500).optional(),
    }),
    example: {
      reference: 'A-2026-000123',
      status: 'needs-information',
      note: 'Нусхаи шиносномаро илова кунед.',
    },
    tg: {
      subject: (p) => `Ҳолати аризаи ${p.reference} тағйир ёфт`,
      body: (p) =>
        lines(
          `Ҳолати аризаи шумо бо рақами ${p.reference} тағйир ёфт: ${STATUS_NAMES[p.status].tg}.`,
          p.note && `Шарҳ: ${p.note}`,
          'Тафсилотро дар портали Сабт дидан мумкин аст.',
        ),
      sms: (p) => `Сабт: аризаи ${p.reference} — ${STATUS_NAMES[p.status].tg}.`,
    },
    ru: {
      subject: (p) => `Статус заявления ${p.reference} изменился`,
      body: (p) =>
        lines(
          `Статус вашего заявления № ${p.reference} изменился: ${STATUS_NAMES[p.status].ru}.`,
          p.note && `Комментарий: ${p.note}`,
          'Подробности — на портале Сабт.',
        ),
      sms: (p) => `Сабт: заявление ${p.reference} — ${STATUS_NAMES[p.status].ru}.`,
    },
    en: {
      subject: (p) => `Application ${p.reference}: status changed`,
      body: (p) =>
        lines(
          `The status of your application no. ${p.reference} has changed: ${STATUS_NAMES[p.status].en}.`,
          p.note && `Note: ${p.note}`,
          'See the details on the Sabt portal.',
        ),
      sms: (p) => `Sabt: application ${p.reference} — ${STATUS_NAMES[p.status].en}.`,
    },
  }),

  /** The document asked for is ready at an office. */
  'application.ready-for-collection': template({
    params: z.object({ reference, office: officeNames, collectBy: plainDate.optional() }),
    example: {
      reference: 'A-2026-000123',
      office: {
        tg: 'Шуъбаи САҲШ — ноҳияи Фирдавсӣ',
        ru: 'Отдел ЗАГС — район Фирдавси',
        en: 'Civil registry office — Firdavsi district',
      },
      collectBy: '2026-04-30',
    },
    tg: {
      subject: (p) => `Ҳуҷҷати шумо омода аст (${p.reference})`,
      body: (p) =>
        lines(
          `Ҳуҷҷат аз рӯи аризаи шумо бо рақами ${p.reference} омода аст. Онро дар ин идора гирифтан мумкин аст: ${p.office.tg}.`,
          p.collectBy && `Лутфан онро то ${formatDate(p.collectBy)} гиред.`,
          'Шиноснома ё дигар ҳуҷҷати тасдиқкунандаи шахсиятро бо худ биёред.',
        ),
      sms: (p) => `Сабт: ҳуҷҷат аз рӯи аризаи ${p.reference} омода аст. Идора: ${p.office.tg}.`,
    },
    ru: {
      subject: (p) => `Ваш документ готов (${p.reference})`,
      body: (p) =>
        lines(
          `Документ по вашему заявлению № ${p.reference} готов. Получить его можно в учреждении: ${p.office.ru}.`,
          p.collectBy && `Пожалуйста, получите его до ${formatDate(p.collectBy)}.`,
          'Возьмите с собой паспорт или другой документ, удостоверяющий личность.',
        ),
      sms: (p) => `Сабт: документ по заявлению ${p.reference} готов. Учреждение: ${p.office.ru}.`,
    },
    en: {
      subject: (p) => `Your document is ready (${p.reference})`,
      body: (p) =>
        lines(
          `The document for your application no. ${p.reference} is ready. You can collect it at this office: ${p.office.en}.`,
          p.collectBy && `Please collect it by ${formatDate(p.collectBy)}.`,
          'Bring your passport or another identity document.',
        ),
      sms: (p) => `Sabt: the document for application ${p.reference} is ready. Office: ${p.office.en}.`,
    },
  }),
} as const;
