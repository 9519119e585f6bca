import { type JobsRuntime, startJobs } from '../../jobs/runtime.ts';
import { sendNotification } from '../../notifications/send-job.ts';
import { memoryLog } from '../../notifications/testing/log.ts';
import { type SmsGateway, startSmsGateway } from '../../notifications/testing/sms-gateway.ts';
import { type SmtpSink, startSmtpSink } from '../../notifications/testing/smtp-sink.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';

/** A test app whose notifications really travel, and what receives them. */
export interface NotifyingApp {
  t: TestApp;
  /** A real SMTP server on a loopback port: the e-mails sent. */
  smtp: SmtpSink;
  /** A stand-in SMS gateway: the messages sent. */
  sms: SmsGateway;
  close(): Promise<void>;
}

/**
 * The app of the portal's API tests: e-mail to a real SMTP server, SMS to a stand-in gateway, and
 * the job runtime sending them as the server runs it. `env` adds settings (a public address …).
 */
export async function startNotifyingApp(env: Record<string, string> = {}): Promise<NotifyingApp> {
  const smtp = await startSmtpSink();
  const sms = await startSmsGateway();
  let t: TestApp | undefined;
  let jobs: JobsRuntime | undefined;
  try {
    t = await startTestApp({
      SABT_NOTIFY_EMAIL: 'smtp',
      SABT_SMTP_HOST: '127.0.0.1',
      SABT_SMTP_PORT: String(smtp.port),
      SABT_SMTP_FROM: 'Sabt <noreply@sabt.example.tj>',
      SABT_NOTIFY_SMS: 'http',
      SABT_SMS_URL: sms.url,
      SABT_SMS_TOKEN: 'gateway-token',
      ...env,
    });
    jobs = await startJobs({
      dbx: t.dbx,
      config: t.config,
      registry: { jobs: [sendNotification], subscribers: [] },
      log: memoryLog(),
      pollIntervalSeconds: 0.5,
      dispatchPollMs: 100,
      shutdownTimeoutMs: 2000,
    });
  } catch (error) {
    await t?.close();
    await smtp.close();
    await sms.close();
    throw error;
  }
  const app = t;
  const runtime = jobs;
  return {
    t: app,
    smtp,
    sms,
    async close() {
      await runtime.stop();
      await app.close();
      await smtp.close();
      await sms.close();
    },
  };
}
