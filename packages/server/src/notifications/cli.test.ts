import { afterAll, describe, expect, it } from 'vitest';
import { runCli, useCliDatabase } from '../test/cli.ts';
import { type SmtpSink, startSmtpSink } from './testing/smtp-sink.ts';

/** `sabt notifications test` and `sabt notifications list`, run in-process against a database of their own. */

let smtp: SmtpSink;
useCliDatabase('notify-cli', async () => {
  smtp = await startSmtpSink({ refuse: (a) => a.startsWith('nobody@') });
  return {
    SABT_NOTIFY_EMAIL: 'smtp',
    SABT_NOTIFY_SMS: 'off',
    SABT_SMTP_HOST: '127.0.0.1',
    SABT_SMTP_PORT: String(smtp.port),
    SABT_SMTP_FROM: 'Sabt <noreply@sabt.example.tj>',
  };
});
afterAll(() => smtp?.close());

const run = (...argv: string[]) => runCli(argv);

describe('sabt notifications', () => {
  it('lists its commands and settings in --help', async () => {
    const res = await run('--help');
    for (const text of ['notifications list', 'notifications test', 'SABT_NOTIFY_EMAIL', 'SABT_SMS_URL'])
      expect(res.out).toContain(text);
  });

  it('sends the operator’s test message in the language asked for', async () => {
    const res = await run('notifications', 'test', '--to', 'operator@example.tj', '--lang', 'ru');
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/test message sent to operator@example\.tj \(notification [0-9a-f-]{36}\)/);
    const mail = smtp.received.at(-1)!;
    expect(mail.envelopeTo).toEqual(['operator@example.tj']);
    expect(mail.subject).toBe('Тестовое сообщение Сабт');
    expect(mail.text).toContain(
      'Таджикские буквы должны отображаться правильно: Ғ ғ, Ӣ ӣ, Қ қ, Ӯ ӯ, Ҳ ҳ, Ҷ ҷ.',
    );
  });

  it('says why a test message did not go, and lists it among the failed', async () => {
    const failed = await run('notifications', 'test', '--to', 'nobody@example.tj');
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/not sent \(notification [0-9a-f-]{36}\): SMTP: .*550/);

    const sms = await run('notifications', 'test', '--to', '+992 90 000 00 00');
    expect(sms.code).toBe(1);
    expect(sms.err).toContain('the channel is off');

    const wrong = await run('notifications', 'test', '--to', '12');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('Give the phone number with its country code');

    const all = await run('notifications', 'list');
    expect(all.code).toBe(0);
    const lines = all.out.split('\n').filter((l) => /^\d{4}-/.test(l));
    expect(lines).toHaveLength(3);
    expect(all.out).toMatch(/skipped\s+sms/);
    expect(all.out).toMatch(/sent\s+email\s+ru\s+operator\.test\s+operator@example\.tj/);

    const onlyFailed = await run('notifications', 'list', '--failed');
    const failedLines = onlyFailed.out.split('\n').filter((l) => /^\d{4}-/.test(l));
    expect(failedLines).toHaveLength(1);
    expect(failedLines[0]).toMatch(/failed\s+email\s+tg\s+operator\.test\s+nobody@example\.tj\s+attempts 1/);
    expect(onlyFailed.out).toMatch(/\n {4}SMTP: .*550/);
  });
});
