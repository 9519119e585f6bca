import { z } from 'zod';
import { lines, template } from './define.ts';

/** The citizen portal's own messages: a sign-in code, an answer to a question. */
export const PORTAL_TEMPLATES = {
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
} as const;
