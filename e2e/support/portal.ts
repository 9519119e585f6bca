import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { sendNotification } from '../../packages/server/src/notifications/send-job.ts';
import {
  type ReceivedMail,
  type SmtpSink,
  startSmtpSink,
} from '../../packages/server/src/notifications/testing/smtp-sink.ts';
import { waitFor } from '../../packages/server/src/notifications/testing/wait.ts';
import { notifyApplicationFromRecord } from '../../packages/server/src/portal/application-notices.ts';
import { type E2eSuite, useE2e } from './suite.ts';

const T = { timeout: 20_000 };

/** A portal e2e file: its server sends e-mail to a real SMTP server on a loopback port. */
export interface PortalSuite {
  e2e: E2eSuite;
  /** The next mail to `address` that satisfies `matches` and was not taken before (each mail once). */
  mailTo(address: string, matches?: (mail: ReceivedMail) => boolean): Promise<ReceivedMail>;
}

/**
 * Starts a test SMTP server, then the file's Sabt server and Chromium (useE2e) sending its
 * notifications there (an online application's statuses read from its record told too, as the
 * server runs it), and closes them after the file's tests.
 */
export function usePortalE2e(): PortalSuite {
  let smtp: SmtpSink;
  const taken = new Set<ReceivedMail>();
  beforeAll(async () => {
    smtp = await startSmtpSink();
  });
  afterAll(async () => {
    await smtp?.close();
  });
  const e2e = useE2e(() => ({
    env: {
      SABT_NOTIFY_EMAIL: 'smtp',
      SABT_SMTP_HOST: '127.0.0.1',
      SABT_SMTP_PORT: String(smtp.port),
      SABT_SMTP_FROM: 'Sabt <noreply@sabt.example.tj>',
    },
    jobs: { jobs: [sendNotification], subscribers: [notifyApplicationFromRecord] },
  }));
  return {
    e2e,
    mailTo: (address, matches = () => true) =>
      waitFor(`a mail to ${address}`, () => {
        const mail = smtp.received.find((m) => m.envelopeTo.includes(address) && !taken.has(m) && matches(m));
        if (mail) taken.add(mail);
        return mail;
      }),
  };
}

/** What axe-core finds serious or critical on the page as it is now (WCAG 2.1 A and AA). */
export async function seriousIssues(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * A citizen signs in on the portal (in Tajik) with the code the mail brings, and lands on their
 * account; `atCode` runs on the code's step, before the code is typed.
 */
export async function signInCitizen(
  page: Page,
  portal: PortalSuite,
  address: string,
  atCode?: () => Promise<void>,
): Promise<void> {
  await page.goto('/portal/sign-in');
  await page.getByLabel('Суроғаи почтаи электронӣ').fill(address);
  await page.getByRole('button', { name: 'Рамзро фиристед' }).click();
  await page.getByLabel('Рамз аз паём (6 рақам)').waitFor(T);
  await atCode?.();
  const mail = await portal.mailTo(address, (m) => /\b\d{6}\b/.test(m.text ?? ''));
  const code = /\b(\d{6})\b/.exec(mail.text ?? '')?.[1];
  expect(code).toMatch(/^\d{6}$/);
  await page.getByLabel('Рамз аз паём (6 рақам)').fill(code!);
  await page.getByRole('button', { name: 'Ворид шудан', exact: true }).click();
  await page.waitForURL('**/portal/account', T);
}

/** A one-page PDF, as a scanner writes it (enough for the content check: the magic number and a trailer). */
export const SCAN = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/**
 * On the page of a citizen's new draft birth application: the whole form saved as the page saves
 * it (typing each field is the form test's), a medical certificate's scan attached through the
 * page, the application sent with the applicant's date of birth. Its tracking code as shown.
 */
export async function sendBirthApplication(page: Page, data: Record<string, unknown>): Promise<string> {
  const id = new URL(page.url()).pathname.split('/').at(-1)!;
  const saved = await page.evaluate(
    async ({ id, data }) =>
      (
        await fetch(`/api/v1/portal/applications/${id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
          body: JSON.stringify({ office: 'DU-03-00', data }),
        })
      ).status,
    { id, data },
  );
  expect(saved).toBe(200);
  await page.reload();
  await page.getByLabel('Файлро замима кунед').setInputFiles({
    name: 'medical.pdf',
    mimeType: 'application/pdf',
    buffer: SCAN,
  });
  await page.getByRole('link', { name: 'medical.pdf' }).waitFor(T);
  await page.getByLabel('Санаи таваллуди шумо (рр.мм.сссс)').fill('12.04.1990');
  await page.getByRole('button', { name: 'Аризаро фиристед' }).click();
  const sent = page.getByText(/Рамзи пайгирии шумо: [0-9A-Z]{5}-[0-9A-Z]{5}/);
  await sent.waitFor(T);
  return /([0-9A-Z]{5}-[0-9A-Z]{5})/.exec((await sent.textContent()) ?? '')![1]!;
}
