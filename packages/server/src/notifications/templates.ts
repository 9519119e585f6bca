import { formatDate, isPlainDate, type Locale } from '@sabt/core';
import { z } from 'zod';

/**
 * The messages Sabt sends, by template id: for each language a subject, a body (the e-mail's plain
 * text, from which the HTML version is made) and a short text for SMS. Parameters are checked by
 * the template's schema when the message is queued and again when it is rendered; those named in
 * `secret` (a one-time code) are stored encrypted and wiped once the message is out.
 *
 * Texts are functions of the parameters, so a template may leave out a sentence whose parameter is
 * missing and format dates; every text stays in its language, names of offices are given in all
 * three by the caller.
 */

export interface Texts<P> {
  subject(p: P): string;
  body(p: P): string;
  sms(p: P): string;
}

export interface TemplateDefinition<S extends z.ZodType<Record<string, unknown>>> {
  params: S;
  /** Parameters never stored readable (encrypted while queued, then wiped). */
  secret?: readonly (keyof z.output<S> & string)[];
  /** Parameters that make a valid message: for tests, previews and `sabt notifications test`. */
  example: z.output<S>;
  tg: Texts<z.output<S>>;
  ru: Texts<z.output<S>>;
  en: Texts<z.output<S>>;
}

function template<S extends z.ZodType<Record<string, unknown>>>(def: TemplateDefinition<S>) {
  return def;
}

const plainDate = z.string().refine(isPlainDate, 'a date YYYY-MM-DD');
const reference = z.string().min(1).max(40);
/** An office's name in the three languages (offices.name_tg, name_ru, name_en). */
const officeNames = z.object({ tg: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });

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

const lines = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join('\n\n');

export const TEMPLATES = {
  /** A one-time code to sign in to the citizen portal. */
  'portal.sign-in-code': template({
    params: z.object({ code: z.string().regex(/^\d{4,8}$/), minutes: z.number().int().positive() }),
    secret: ['code'],
    example: { code: '482915', minutes: 10 },
    tg: {
      subject: () => 'Рамзи воридшавӣ ба Сабт',
      body: (p) =>
        lines(
          `Рамзи воридшавии шумо: ${p.code}`,
          `Рамз ${p.minutes} дақиқа эътибор дорад. Онро ба касе нагӯед: кормандони Сабт ҳеҷ гоҳ онро намепурсанд.`,
          'Агар шумо ворид шудан нахоста бошед, ин паёмро нодида гиред.',
        ),
      sms: (p) => `Сабт: рамзи воридшавӣ ${p.code}. ${p.minutes} дақиқа эътибор дорад. Ба касе нагӯед.`,
    },
    ru: {
      subject: () => 'Код для входа в Сабт',
      body: (p) =>
        lines(
          `Ваш код для входа: ${p.code}`,
          `Код действует ${p.minutes} мин. Никому его не сообщайте: сотрудники Сабт никогда его не спрашивают.`,
          'Если вы не пытались войти, просто не обращайте внимания на это сообщение.',
        ),
      sms: (p) => `Сабт: код для входа ${p.code}. Действует ${p.minutes} мин. Никому не сообщайте.`,
    },
    en: {
      subject: () => 'Your Sabt sign-in code',
      body: (p) =>
        lines(
          `Your sign-in code: ${p.code}`,
          `The code is valid for ${p.minutes} minutes. Do not tell it to anyone: Sabt staff never ask for it.`,
          'If you did not try to sign in, ignore this message.',
        ),
      sms: (p) => `Sabt: sign-in code ${p.code}. Valid for ${p.minutes} min. Do not share it.`,
    },
  }),

  /** Staff answered a citizen's question: that there is an answer and where, never its text. */
  'portal.question-answered': template({
    params: z.object({ link: z.url({ protocol: /^https?$/ }).max(300) }),
    example: { link: 'https://sabt.example.tj/portal/questions/0f4b1a62-2a57-4d3e-9c4b-6a0f3c1e2d55' },
    tg: {
      subject: () => 'Ба саволи шумо ҷавоб доданд',
      body: (p) =>
        lines(
          'Кормандони САҲШ ба саволи шумо дар портали Сабт ҷавоб доданд.',
          `Ҷавобро ин ҷо хонед: ${p.link}`,
        ),
      sms: (p) => `Сабт: ба саволи шумо ҷавоб доданд. ${p.link}`,
    },
    ru: {
      subject: () => 'На ваш вопрос ответили',
      body: (p) =>
        lines('Сотрудники ЗАГС ответили на ваш вопрос на портале Сабт.', `Прочитать ответ: ${p.link}`),
      sms: (p) => `Сабт: на ваш вопрос ответили. ${p.link}`,
    },
    en: {
      subject: () => 'Your question has been answered',
      body: (p) =>
        lines(
          'The civil registry staff answered your question on the Sabt portal.',
          `Read the answer: ${p.link}`,
        ),
      sms: (p) => `Sabt: your question has been answered. ${p.link}`,
    },
  }),

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

  /**
   * The operator's test message (`sabt notifications test`): it names the Tajik letters Russian
   * lacks, so whoever receives it sees at once whether they arrived intact.
   */
  'operator.test': template({
    params: z.object({}),
    example: {},
    tg: {
      subject: () => 'Паёми санҷишии Сабт',
      body: () =>
        lines(
          'Ин паёми санҷишӣ аз Сабт аст. Агар шумо онро гирифта бошед, фиристодани огоҳиномаҳо кор мекунад.',
          'Ҳарфҳои тоҷикӣ бояд дуруст намоён шаванд: Ғ ғ, Ӣ ӣ, Қ қ, Ӯ ӯ, Ҳ ҳ, Ҷ ҷ.',
        ),
      sms: () => 'Сабт: паёми санҷишӣ. Ғғ Ӣӣ Ққ Ӯӯ Ҳҳ Ҷҷ',
    },
    ru: {
      subject: () => 'Тестовое сообщение Сабт',
      body: () =>
        lines(
          'Это тестовое сообщение Сабт. Если вы его получили, отправка уведомлений работает.',
          'Таджикские буквы должны отображаться правильно: Ғ ғ, Ӣ ӣ, Қ қ, Ӯ ӯ, Ҳ ҳ, Ҷ ҷ.',
        ),
      sms: () => 'Сабт: тестовое сообщение. Ғғ Ӣӣ Ққ Ӯӯ Ҳҳ Ҷҷ',
    },
    en: {
      subject: () => 'Sabt test message',
      body: () =>
        lines(
          'This is a test message from Sabt. If you received it, notifications are working.',
          'These Tajik letters should look right: Ғ ғ, Ӣ ӣ, Қ қ, Ӯ ӯ, Ҳ ҳ, Ҷ ҷ.',
        ),
      sms: () => 'Sabt: test message. Ғғ Ӣӣ Ққ Ӯӯ Ҳҳ Ҷҷ',
    },
  }),
} as const;

export type TemplateId = keyof typeof TEMPLATES;
export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];
export type TemplateParams<T extends TemplateId> = z.output<(typeof TEMPLATES)[T]['params']>;

export function isTemplateId(id: string): id is TemplateId {
  return Object.hasOwn(TEMPLATES, id);
}
