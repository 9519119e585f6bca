import { z } from 'zod';
import { lines, template } from './define.ts';

/** The operator's own messages. */
export const OPERATOR_TEMPLATES = {
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
