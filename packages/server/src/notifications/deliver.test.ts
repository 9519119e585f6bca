import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { DomainError } from '../errors/domain-error.ts';
import { prepareDatabase } from '../prepare.ts';
import { testDatabase } from '../test/harness.ts';
import { deliverNotification } from './deliver.ts';
import { type NotificationRequest, recordNotification } from './record.ts';
import { notifyDb } from './tables.ts';
import type { TemplateId } from './templates.ts';
import { memoryLog } from './testing/log.ts';
import { type SmsGateway, startSmsGateway } from './testing/sms-gateway.ts';
import { type SmtpSink, startSmtpSink } from './testing/smtp-sink.ts';

/**
 * Delivery without the job queue: a recorded notification sent once through the real channels, to a
 * real SMTP server and an HTTP gateway started here. send-job.test.ts runs the same through jobs.
 */

let dbx: Db;
let drop: () => Promise<void>;
let smtp: SmtpSink;
let gateway: SmsGateway;
let config: Config;

beforeAll(async () => {
  ({ dbx, drop } = await testDatabase());
  await prepareDatabase(dbx.db);
  smtp = await startSmtpSink({
    login: { user: 'sabt', pass: 'smtp-secret' },
    refuse: (a) => a.startsWith('nobody@'),
  });
  gateway = await startSmsGateway();
  config = loadConfig({
    SABT_DATA_DIR: 'memory://',
    SABT_NOTIFY_EMAIL: 'smtp',
    SABT_SMTP_HOST: '127.0.0.1',
    SABT_SMTP_PORT: String(smtp.port),
    SABT_SMTP_USER: 'sabt',
    SABT_SMTP_PASSWORD: 'smtp-secret',
    SABT_SMTP_FROM: 'Сабт <noreply@sabt.example.tj>',
    SABT_NOTIFY_SMS: 'http',
    SABT_SMS_URL: gateway.url,
    SABT_SMS_TOKEN: 'gateway-token',
  });
});

afterAll(async () => {
  await smtp?.close();
  await gateway?.close();
  await drop?.();
});

const ndb = () => notifyDb(dbx.db);
const row = (id: string) =>
  ndb().selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const record = <T extends TemplateId>(req: NotificationRequest<T>, cfg = config) =>
  recordNotification(dbx.db, cfg, req);

describe('an e-mail notification', () => {
  it('arrives at the SMTP server in the recipient’s language, Tajik letters intact', async () => {
    const { id } = await record({
      template: 'application.ready-for-collection',
      params: {
        reference: 'A-2026-000042',
        office: {
          tg: 'Шуъбаи САҲШ — ноҳияи Фирдавсӣ',
          ru: 'Отдел ЗАГС — район Фирдавси',
          en: 'Firdavsi office',
        },
        collectBy: '2026-04-30',
      },
      to: { email: 'madina@example.tj' },
      language: 'tg',
      cause: { kind: 'citizen', citizenId: 'c-17' },
      related: { kind: 'application', id: 'A-2026-000042' },
    });
    const before = smtp.received.length;
    const log = memoryLog();
    expect(await deliverNotification(dbx.db, config, id, { lastAttempt: false, log })).toEqual({
      status: 'sent',
    });

    expect(smtp.received).toHaveLength(before + 1);
    const mail = smtp.received.at(-1)!;
    expect(mail.user).toBe('sabt');
    expect(mail.envelopeFrom).toBe('noreply@sabt.example.tj');
    expect(mail.envelopeTo).toEqual(['madina@example.tj']);
    expect(mail.subject).toBe('Ҳуҷҷати шумо омода аст (A-2026-000042)');
    expect(mail.headers.get('from')).toBe('Сабт <noreply@sabt.example.tj>');
    expect(mail.headers.get('to')).toBe('madina@example.tj');
    expect(mail.headers.get('content-language')).toBe('tg');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('x-sabt-notification')).toBe(id);
    expect(mail.headers.get('message-id')).toBe(`<notification-${id}@sabt.example.tj>`);
    expect(mail.contentType).toBe('multipart/alternative');
    // the subject went over the wire encoded (RFC 2047), not as raw 8-bit
    expect(mail.rawHeaders.get('subject')).toMatch(/^=\?UTF-8\?[BQ]\?/i);
    expect(mail.text).toContain(
      'Ҳуҷҷат аз рӯи аризаи шумо бо рақами A-2026-000042 омода аст. Онро дар ин идора гирифтан мумкин аст: Шуъбаи САҲШ — ноҳияи Фирдавсӣ.',
    );
    expect(mail.text).toContain('Лутфан онро то 30.04.2026 гиред.');
    expect(mail.text).toContain('Ин паём ба таври худкор фиристода шудааст');
    expect(mail.html).toContain('<html lang="tg">');
    expect(mail.html).toContain('<p>Шиноснома ё дигар ҳуҷҷати тасдиқкунандаи шахсиятро бо худ биёред.</p>');

    const r = await row(id);
    expect(r).toMatchObject({
      status: 'sent',
      attempts: 1,
      last_error: null,
      leased_until: null,
      caused_by: 'citizen',
      citizen_id: 'c-17',
      related_kind: 'application',
      related_id: 'A-2026-000042',
      channel: 'email',
      recipient: 'madina@example.tj',
      language: 'tg',
    });
    expect(r.sent_at).toBeInstanceOf(Date);
    expect(log.lines.map((l) => l.level)).toEqual(['info']);
  });

  it('is rendered in Russian or English for a recipient who reads those', async () => {
    for (const [language, subject, line] of [
      ['ru', 'Ваше заявление принято (A-7)', 'Ваше заявление № A-7 принято 05.03.2026.'],
      [
        'en',
        'Your application has been received (A-7)',
        'Your application no. A-7 was received on 05.03.2026.',
      ],
    ] as const) {
      const { id } = await record({
        template: 'application.received',
        params: { reference: 'A-7', receivedOn: '2026-03-05' },
        to: { email: `${language}@example.tj` },
        language,
        cause: { kind: 'system' },
      });
      await deliverNotification(dbx.db, config, id, { lastAttempt: true, log: memoryLog() });
      const mail = smtp.received.find((m) => m.headers.get('x-sabt-notification') === id)!;
      expect(mail.subject).toBe(subject);
      expect(mail.text).toContain(line);
      expect(mail.headers.get('content-language')).toBe(language);
    }
  });

  it('keeps a one-time code unreadable in the database and wipes it once sent', async () => {
    const { id } = await record({
      template: 'portal.sign-in-code',
      params: { code: '730451', minutes: 10 },
      to: { email: 'code@example.tj' },
      language: 'ru',
      cause: { kind: 'system' },
    });
    const queued = await row(id);
    expect(queued.params).toEqual({ minutes: 10 });
    expect(queued.secret_params).toBeInstanceOf(Buffer);
    expect(queued.secret_params!.toString('latin1')).not.toContain('730451');
    const anywhere = async () =>
      (
        await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM notifications WHERE id = ${id} AND (notifications::text LIKE '%730451%' OR encode(secret_params, 'escape') LIKE '%730451%')`.execute(
          dbx.db,
        )
      ).rows[0]!.n;
    expect(await anywhere()).toBe(0);

    await deliverNotification(dbx.db, config, id, { lastAttempt: false, log: memoryLog() });
    const mail = smtp.received.find((m) => m.headers.get('x-sabt-notification') === id)!;
    expect(mail.subject).toBe('Код для входа в Сабт');
    expect(mail.text).toContain('Ваш код для входа: 730451');
    const sent = await row(id);
    expect(sent.status).toBe('sent');
    expect(sent.secret_params).toBeNull();
  });

  it('is sent once however often it is delivered', async () => {
    const { id } = await record({
      template: 'operator.test',
      params: {},
      to: { email: 'twice@example.tj' },
      language: 'en',
      cause: { kind: 'system' },
    });
    const log = memoryLog();
    const first = await deliverNotification(dbx.db, config, id, { lastAttempt: false, log });
    const second = await deliverNotification(dbx.db, config, id, { lastAttempt: false, log });
    expect([first.status, second.status]).toEqual(['sent', 'done-before']);
    expect(smtp.received.filter((m) => m.headers.get('x-sabt-notification') === id)).toHaveLength(1);
    expect((await row(id)).attempts).toBe(1);
  });

  it('is sent once when two senders race for it', async () => {
    const { id } = await record({
      template: 'operator.test',
      params: {},
      to: { email: 'race@example.tj' },
      language: 'tg',
      cause: { kind: 'system' },
    });
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => deliverNotification(dbx.db, config, id, { lastAttempt: false, log: memoryLog() })),
    );
    expect(outcomes.filter((o) => o.status === 'sent')).toHaveLength(1);
    for (const o of outcomes) expect(['sent', 'busy', 'done-before']).toContain(o.status);
    expect(smtp.received.filter((m) => m.headers.get('x-sabt-notification') === id)).toHaveLength(1);
  });

  it('fails at once, without retries, when the server refuses the mailbox for good', async () => {
    const { id } = await record({
      template: 'operator.test',
      params: {},
      to: { email: 'nobody@example.tj' },
      language: 'ru',
      cause: { kind: 'system' },
    });
    const log = memoryLog();
    const outcome = await deliverNotification(dbx.db, config, id, { lastAttempt: false, log });
    expect(outcome.status).toBe('failed');
    const r = await row(id);
    expect(r).toMatchObject({ status: 'failed', attempts: 1 });
    expect(r.last_error).toMatch(/550|No such mailbox/);
    expect(r.failed_at).toBeInstanceOf(Date);
    const reported = log.lines.find((l) => l.level === 'error')!;
    expect(reported.msg).toContain(id);
    expect(reported.obj.to).toBe('no***@example.tj');
  });

  it('is retried when the SMTP server cannot be reached, and recorded failed after the last attempt', async () => {
    const down = loadConfig({ SABT_NOTIFY_EMAIL: 'smtp', SABT_SMTP_HOST: '127.0.0.1', SABT_SMTP_PORT: '1' });
    const { id } = await record(
      {
        template: 'operator.test',
        params: {},
        to: { email: 'x@example.tj' },
        language: 'en',
        cause: { kind: 'system' },
      },
      down,
    );
    const log = memoryLog();
    expect((await deliverNotification(dbx.db, down, id, { lastAttempt: false, log })).status).toBe('retry');
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 1, leased_until: null });
    expect((await row(id)).last_error).toMatch(/ECONNREFUSED|connect/i);
    expect((await deliverNotification(dbx.db, down, id, { lastAttempt: true, log })).status).toBe('failed');
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 2 });
    expect(log.lines.map((l) => l.level)).toEqual(['warn', 'error']);
  });
});

describe('an SMS notification', () => {
  it('goes to the gateway as JSON with the bearer token, retried after a failure', async () => {
    gateway.answer(500);
    const { id } = await record({
      template: 'portal.sign-in-code',
      params: { code: '118822', minutes: 5 },
      to: { phone: '+992 90 123-45-67' },
      language: 'tg',
      cause: { kind: 'system' },
    });
    const log = memoryLog();
    const first = await deliverNotification(dbx.db, config, id, { lastAttempt: false, log });
    expect(first.status).toBe('retry');
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'queued', attempts: 1, recipient: '+992901234567' });
    // the gateway quoted the refused text, code and all: the record keeps neither
    expect(failed.last_error).toMatch(/^SMS gateway answered 500/);
    expect(failed.last_error).toContain('[secret]');
    expect(failed.last_error).not.toContain('118822');
    expect(JSON.stringify(log.lines)).not.toContain('118822');

    gateway.answer(200);
    expect((await deliverNotification(dbx.db, config, id, { lastAttempt: false, log })).status).toBe('sent');
    const [refused, accepted] = gateway.requests.slice(-2);
    expect(refused!.status).toBe(500);
    expect(accepted!.headers.authorization).toBe('Bearer gateway-token');
    expect(accepted!.headers['content-type']).toBe('application/json');
    expect(accepted!.body).toEqual({
      to: '+992901234567',
      text: 'Сабт: рамзи воридшавӣ 118822. 5 дақиқа эътибор дорад. Ба касе нагӯед.',
    });
    expect(await row(id)).toMatchObject({
      status: 'sent',
      attempts: 2,
      last_error: null,
      secret_params: null,
    });
  });

  it('is not retried when the gateway says the message itself is wrong (400)', async () => {
    gateway.answer(400);
    const { id } = await record({
      template: 'application.received',
      params: { reference: 'A-9', receivedOn: '2026-01-02' },
      to: { phone: '+992000000000' },
      language: 'ru',
      cause: { kind: 'system' },
    });
    expect(
      (await deliverNotification(dbx.db, config, id, { lastAttempt: false, log: memoryLog() })).status,
    ).toBe('failed');
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1 });
    gateway.answer(200);
  });
});

describe('recording a notification', () => {
  it('records who caused it: a staff user', async () => {
    const user = await dbx.db
      .insertInto('users')
      .values({
        id: crypto.randomUUID(),
        login: `notify-${Date.now()}`,
        full_name: 'Test',
        role: 'registrar',
        office_id: 'HQ-00-00',
        password_hash: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id } = await record({
      template: 'application.status-changed',
      params: { reference: 'A-1', status: 'approved' },
      to: { email: 'u@example.tj' },
      language: 'en',
      cause: { kind: 'user', userId: user.id },
      related: { kind: 'record', id: crypto.randomUUID() },
    });
    expect(await row(id)).toMatchObject({
      caused_by: 'user',
      user_id: user.id,
      citizen_id: null,
      status: 'queued',
    });
  });

  it('refuses a wrong address or number with a message key the user can read', async () => {
    const attempt = (to: { email: string } | { phone: string }) =>
      record({ template: 'operator.test', params: {}, to, language: 'tg', cause: { kind: 'system' } });
    await expect(attempt({ email: 'not an address' })).rejects.toMatchObject({
      key: 'problem.validation',
      errors: [{ path: ['to', 'email'], key: 'error.email' }],
    });
    await expect(attempt({ phone: '90 123 45 67' })).rejects.toBeInstanceOf(DomainError);
    await expect(attempt({ phone: '90 123 45 67' })).rejects.toMatchObject({
      errors: [{ path: ['to', 'phone'], key: 'error.phone' }],
    });
  });

  it('refuses parameters that do not fit the template (a programming error)', async () => {
    await expect(
      record({
        template: 'portal.sign-in-code',
        params: { code: 'x', minutes: 1 },
        to: { email: 'a@example.tj' },
        language: 'tg',
        cause: { kind: 'system' },
      }),
    ).rejects.toThrow(/do not fit/);
  });

  it('is skipped, not sent, when its channel is off', async () => {
    const off = loadConfig({ SABT_NOTIFY_EMAIL: 'off' });
    const { id } = await record(
      {
        template: 'operator.test',
        params: {},
        to: { email: 'off@example.tj' },
        language: 'tg',
        cause: { kind: 'system' },
      },
      off,
    );
    const log = memoryLog();
    expect(await deliverNotification(dbx.db, off, id, { lastAttempt: false, log })).toEqual({
      status: 'skipped',
    });
    expect(await row(id)).toMatchObject({ status: 'skipped', last_error: 'SABT_NOTIFY_EMAIL=off: not sent' });
    expect(log.lines[0]!.level).toBe('warn');
  });

  it('is not sent after it expired', async () => {
    const { id } = await record({
      template: 'portal.sign-in-code',
      params: { code: '555111', minutes: 1 },
      to: { email: 'late@example.tj' },
      language: 'en',
      cause: { kind: 'system' },
      expiresAt: new Date(Date.now() - 1000),
    });
    const before = smtp.received.length;
    const outcome = await deliverNotification(dbx.db, config, id, { lastAttempt: false, log: memoryLog() });
    expect(outcome).toEqual({ status: 'failed', error: 'expired before it could be sent' });
    expect(smtp.received).toHaveLength(before);
    expect((await row(id)).secret_params).toBeNull();
  });

  it('leaves nothing behind when the transaction rolls back', async () => {
    const marker = `rollback-${Date.now()}@example.tj`;
    await expect(
      dbx.db.transaction().execute(async (trx) => {
        await recordNotification(trx, config, {
          template: 'operator.test',
          params: {},
          to: { email: marker },
          language: 'tg',
          cause: { kind: 'system' },
        });
        throw new Error('the request failed');
      }),
    ).rejects.toThrow('the request failed');
    expect(
      await ndb().selectFrom('notifications').select('id').where('recipient', '=', marker).execute(),
    ).toEqual([]);
  });
});
