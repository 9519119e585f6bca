import { addDays, formatDate, todayIn } from '@sabt/core';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { birthData } from '../packages/server/src/test/fixtures.ts';
import { checkAndSubmit, validateAndRegister } from './support/birth-workflow.ts';
import { newContext, shot, signIn } from './support/browser.ts';
import { sendBirthApplication, seriousIssues, signInCitizen, usePortalE2e } from './support/portal.ts';

/**
 * The portal's whole path in Chromium, in Tajik: a citizen applies online for a birth with a
 * scanned medical certificate and books a visit for it; the front office finds it in its queue,
 * sees the visit, accepts it once the originals are checked, and the birth goes through the
 * workflow to registration and a printed certificate; the citizen sees "registered", then "ready
 * for collection", and the collection notice arrives by e-mail at the test SMTP server.
 */

const portal = usePortalE2e();
const { e2e } = portal;
const T = { timeout: 20_000 };
const PHONE = { width: 360, height: 740 };

/** A weekday at least two days from today (the office is open Monday to Friday). */
function weekdayAhead(): string {
  let d = addDays(todayIn('Asia/Dushanbe'), 2);
  while ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
}

/** A write through the API as the signed-in user of a context (steps other e2e tests click through). */
async function post(context: BrowserContext, url: string, data: unknown) {
  const res = await context.request.post(`/api/v1${url}`, { data });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

describe('the citizen portal from application to certificate', () => {
  it.runIf(e2e.ready)(
    'a citizen applies for a birth and books a visit; the office registers it and prints the certificate; the citizen is told',
    { timeout: 360_000 },
    async () => {
      // the office's head publishes a morning's slots and receives certificate blanks
      // (both clicked through in appointments.test.ts and certificates.test.ts)
      const day = weekdayAhead();
      const headContext = await newContext(e2e.browser, e2e.server.url);
      await signIn(headContext, 'head');
      const isoDay = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
      const series = { days: [isoDay], from: '09:00', to: '10:00', minutes: 30, capacity: 2 };
      await post(headContext, '/offices/DU-03-00/slot-series', { ...series, firstDay: day, lastDay: day });
      const blanks = { document: 'BIRTH_CERTIFICATE', series: 'I-ДУ', from: '000301', to: '000310' };
      await post(headContext, '/blanks/batches', blanks);
      await headContext.close();

      // the citizen applies online, the medical certificate scanned
      const context = await newContext(e2e.browser, e2e.server.url, PHONE);
      const page = await context.newPage();
      const address = 'journey@example.tj';
      await signInCitizen(page, portal, address);
      await page.getByRole('link', { name: 'Аризаи нав' }).click();
      await page.getByRole('radio', { name: 'Бақайдгирии таваллуд' }).check();
      await page.getByRole('button', { name: 'Оғоз кардан' }).click();
      await page.waitForURL('**/portal/applications/*', T);
      const id = new URL(page.url()).pathname.split('/').at(-1)!;
      const code = await sendBirthApplication(page, birthData());
      await shot(page, 'journey-1-sent');

      // and books a visit for it: the appointments page comes set to its office and application
      await page.getByRole('link', { name: 'Навбат ба идора гирифтан' }).click();
      await page.getByText(`Барои аризаи шумо ${code}`).waitFor(T);
      expect(await page.getByLabel('Идора', { exact: true }).inputValue()).toBe('DU-03-00');
      await page.getByRole('radio', { name: new RegExp(formatDate(day).replaceAll('.', '\\.')) }).check();
      await page.getByRole('radio', { name: /09:30–10:00/ }).check();
      expect(await seriousIssues(page)).toEqual([]);
      await shot(page, 'journey-2-booking');
      await page.getByRole('button', { name: 'Навбат гирифтан' }).click();
      await page.waitForURL(`**/portal/applications/${id}`, T);
      await page.getByText(/09:30–10:00, Шуъбаи/).waitFor(T);
      expect(await seriousIssues(page)).toEqual([]);
      await shot(page, 'journey-3-visit');

      // the front office finds it in the queue with the visit, checks the originals, accepts it
      const office = await newContext(e2e.browser, e2e.server.url);
      const clerk = await signIn(office, 'front');
      await clerk.getByRole('link', { name: 'Аризаҳои онлайн' }).first().click();
      await clerk.getByRole('link', { name: code }).click();
      await clerk.getByRole('link', { name: 'medical.pdf' }).waitFor(T);
      await clerk.getByText(/Навбати қабул: .*09:30–10:00/).waitFor(T);
      await shot(clerk, 'journey-4-online-application');
      await clerk.getByRole('button', { name: 'Ҳуҷҷатҳои аслӣ санҷида шуданд: сабтро оғоз кардан' }).click();
      await clerk.waitForURL('**/records/*/edit', T);
      // and it goes through the workflow to registration
      const record = await checkAndSubmit(clerk, 'journey-5-record');
      await validateAndRegister(e2e.browser, e2e.server, record, 'journey-6');

      await page.goto('/portal/account');
      await page.getByText('Ба қайд гирифта шуд').waitFor(T);
      await shot(page, 'journey-7-registered');

      // the front office prints the certificate on the next blank
      await clerk.goto(`/records/${record}`);
      await clerk.getByRole('tab', { name: 'Шаҳодатномаҳо' }).click();
      await clerk.getByRole('button', { name: 'Шаҳодатнома додан' }).click();
      const dialog = clerk.getByRole('dialog', { name: 'Додани шаҳодатнома' });
      await dialog.getByLabel('Бланки навбатии холӣ: I-ДУ № 000301').waitFor(T);
      await dialog.getByRole('button', { name: 'Додан ва чоп кардан' }).click();
      await clerk
        .getByRole('dialog', { name: 'Шаҳодатнома дар бораи таваллуд I-ДУ № 000301 дода шуд' })
        .waitFor(T);
      await shot(clerk, 'journey-8-certificate');
      await office.close();

      // the citizen: ready for collection, on the account and by the tracking code, and told by e-mail in Tajik
      await page.goto('/portal/account');
      await page.getByText('Шаҳодатнома омода аст').waitFor(T);
      await page.goto('/portal/track');
      await page.getByLabel('Рамзи пайгирӣ').fill(code);
      await page.getByLabel('Санаи таваллуди аризадиҳанда (рр.мм.сссс)').fill('12.04.1990');
      await page.getByRole('button', { name: 'Ёфтан' }).click();
      await page.getByText('Шаҳодатнома омода аст').waitFor(T);
      await shot(page, 'journey-9-ready');
      const mail = await portal.mailTo(address, (m) => m.subject === `Ҳуҷҷати шумо омода аст (${code})`);
      expect(mail.text).toContain(`Ҳуҷҷат аз рӯи аризаи шумо бо рақами ${code} омода аст.`);
      expect(mail.text).toContain('Шуъбаи');
      await context.close();
    },
  );
});
