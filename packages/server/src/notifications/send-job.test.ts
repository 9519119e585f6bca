import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { REGISTRY } from '../job-registry.ts';
import { enqueue } from '../jobs/enqueue.ts';
import { type JobsRuntime, startJobs } from '../jobs/runtime.ts';
import { prepareDatabase } from '../prepare.ts';
import { testDatabase } from '../test/harness.ts';
import { listNotifications } from './list.ts';
import { queueNotification, sendNotification } from './send-job.ts';
import { notifyDb } from './tables.ts';
import { memoryLog } from './testing/log.ts';
import { type SmsGateway, startSmsGateway } from './testing/sms-gateway.ts';
import { type SmtpSink, startSmtpSink } from './testing/smtp-sink.ts';
import { waitFor } from './testing/wait.ts';

/**
 * Notifications through the job queue as the server runs it: queued in a transaction, sent by the
 * job runtime's worker to a real SMTP server and an HTTP gateway started here, retried by the queue.
 * Retries wait a second here instead of a minute: the same job, with a shorter delay.
 */

let dbx: Db;
let drop: () => Promise<void>;
let smtp: SmtpSink;
let gateway: SmsGateway;
let config: Config;
let jobs: JobsRuntime;
const log = memoryLog();
const fastSend = { ...sendNotification, retryLimit: 2, retryDelaySeconds: 1 };

beforeAll(async () => {
  ({ dbx, drop } = await testDatabase());
  await prepareDatabase(dbx.db);
  smtp = await startSmtpSink();
  gateway = await startSmsGateway();
  config = loadConfig({
    SABT_DATA_DIR: 'memory://',
    SABT_NOTIFY_EMAIL: 'smtp',
    SABT_SMTP_HOST: '127.0.0.1',
    SABT_SMTP_PORT: String(smtp.port),
    SABT_SMTP_FROM: 'Sabt <noreply@sabt.example.tj>',
    SABT_NOTIFY_SMS: 'http',
    SABT_SMS_URL: gateway.url,
    SABT_SMS_TOKEN: 'gateway-token',
  });
  jobs = await startJobs({
    dbx,
    config,
    registry: { jobs: [fastSend], subscribers: [] },
    log,
    pollIntervalSeconds: 0.5,
    dispatchPollMs: 100,
    shutdownTimeoutMs: 2000,
  });
});

afterAll(async () => {
  await jobs?.stop();
  await smtp?.close();
  await gateway?.close();
  await drop?.();
});

const row = (id: string) =>
  notifyDb(dbx.db).selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const mailsOf = (id: string) => smtp.received.filter((m) => m.headers.get('x-sabt-notification') === id);

describe('notifications sent by jobs', () => {
  it('is a job of the registry the server runs', () => {
    expect(REGISTRY.jobs).toContain(sendNotification);
  });

  it('delivers an e-mail in the recipient’s language once the transaction commits', async () => {
    const { id } = await dbx.db.transaction().execute(async (trx) => {
      const queued = await queueNotification(trx, config, {
        template: 'appointment.reminder',
        params: {
          date: '2026-03-12',
          time: '10:30',
          office: {
            tg: 'Шуъбаи САҲШ — ноҳияи Фирдавсӣ',
            ru: 'Отдел ЗАГС — район Фирдавси',
            en: 'Firdavsi office',
          },
        },
        to: { email: 'rustam@example.tj' },
        language: 'ru',
        cause: { kind: 'system' },
        related: { kind: 'appointment', id: 'ap-1' },
      });
      // nothing goes out from inside the transaction
      expect(mailsOf(queued.id)).toHaveLength(0);
      return queued;
    });
    const [mail] = await waitFor('the reminder at the SMTP server', () => mailsOf(id).length && mailsOf(id));
    expect(mail!.subject).toBe('Напоминание: приём 12.03.2026 в 10:30');
    expect(mail!.text).toContain(
      'Напоминаем: ваш приём назначен на 12.03.2026 в 10:30. Учреждение: Отдел ЗАГС — район Фирдавси.',
    );
    expect(mail!.headers.get('content-language')).toBe('ru');
    expect(mail!.envelopeTo).toEqual(['rustam@example.tj']);
    const sent = await waitFor('the notification recorded sent', async () => {
      const r = await row(id);
      return r.status === 'sent' && r;
    });
    expect(sent).toMatchObject({ attempts: 1, last_error: null });
  });

  it('sends nothing when the transaction rolls back', async () => {
    await expect(
      dbx.db.transaction().execute(async (trx) => {
        await queueNotification(trx, config, {
          template: 'operator.test',
          params: {},
          to: { email: 'rolled-back@example.tj' },
          language: 'tg',
          cause: { kind: 'system' },
        });
        throw new Error('the request failed after queueing');
      }),
    ).rejects.toThrow('the request failed after queueing');
    // one queued after it has gone through the same queue: the rolled-back one would have by now
    const { id } = await queueNotification(dbx.db, config, {
      template: 'operator.test',
      params: {},
      to: { email: 'after-rollback@example.tj' },
      language: 'tg',
      cause: { kind: 'system' },
    });
    await waitFor('the later message', () => mailsOf(id).length);
    expect(smtp.received.flatMap((m) => m.envelopeTo)).not.toContain('rolled-back@example.tj');
    const rows = await notifyDb(dbx.db)
      .selectFrom('notifications')
      .select('id')
      .where('recipient', '=', 'rolled-back@example.tj')
      .execute();
    expect(rows).toEqual([]);
  });

  it('retries an SMS the gateway refused, and it goes through', async () => {
    gateway.script('+992905550001', [500, 503]);
    const { id } = await queueNotification(dbx.db, config, {
      template: 'application.status-changed',
      params: { reference: 'A-2026-000077', status: 'approved' },
      to: { phone: '+992 90 555 00 01' },
      language: 'tg',
      cause: { kind: 'citizen', citizenId: 'c-5' },
    });
    const sent = await waitFor(
      'the SMS sent on the third attempt',
      async () => {
        const r = await row(id);
        return r.status === 'sent' && r;
      },
      30_000,
    );
    expect(sent.attempts).toBe(3);
    const tries = gateway.requests.filter((r) => (r.body as { to: string }).to === '+992905550001');
    expect(tries.map((r) => r.status)).toEqual([500, 503, 200]);
    expect(tries[2]!.body).toEqual({
      to: '+992905550001',
      text: 'Сабт: аризаи A-2026-000077 — қабул шуд.',
    });
    const warnings = log.lines.filter((l) => l.level === 'warn' && l.obj.notification === id);
    expect(warnings).toHaveLength(2);
  });

  it('reports an SMS the gateway never takes: failed after the last attempt', async () => {
    gateway.script('+992905550002', [500, 500, 500, 500]);
    const { id } = await queueNotification(dbx.db, config, {
      template: 'portal.sign-in-code',
      params: { code: '904417', minutes: 10 },
      to: { phone: '+992905550002' },
      language: 'en',
      cause: { kind: 'system' },
    });
    const failed = await waitFor(
      'the notification recorded failed',
      async () => {
        const r = await row(id);
        return r.status === 'failed' && r;
      },
      30_000,
    );
    expect(failed.attempts).toBe(3);
    expect(failed.last_error).toMatch(/^SMS gateway answered 500/);
    expect(failed.last_error).not.toContain('904417');
    expect(failed.secret_params).toBeNull();
    expect(failed.failed_at).toBeInstanceOf(Date);
    expect(gateway.requests.filter((r) => (r.body as { to: string }).to === '+992905550002')).toHaveLength(3);
    const reported = log.lines.filter((l) => l.level === 'error' && l.obj.notification === id);
    expect(reported).toHaveLength(1);
    expect(reported[0]!.msg).toContain(`notification ${id} failed for good (portal.sign-in-code by sms)`);
    expect(JSON.stringify(log.lines)).not.toContain('904417');
    const listed = await listNotifications(dbx.db, { status: 'failed', limit: 10 });
    expect(listed.map((n) => n.id)).toContain(id);
  });

  it('sends once when its job runs twice', async () => {
    const { id } = await queueNotification(dbx.db, config, {
      template: 'operator.test',
      params: {},
      to: { email: 'once@example.tj' },
      language: 'en',
      cause: { kind: 'system' },
    });
    await waitFor('the first send', async () => (await row(id)).status === 'sent');
    // the same job again, under another key, so the queue really runs it a second time
    await enqueue(dbx.db, fastSend, { notificationId: id }, { key: `${id}/again` });
    await waitFor('the second run', () =>
      log.lines.some((l) => l.obj.notification === id && l.msg.includes('was sent before: not sent again')),
    );
    // and the same key again: the queue does not even take it
    await enqueue(dbx.db, fastSend, { notificationId: id }, { key: id });
    expect(mailsOf(id)).toHaveLength(1);
    expect((await row(id)).attempts).toBe(1);
  });
});
