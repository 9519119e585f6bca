import { addDays, formatDate, todayIn } from '@sabt/core';
import { describe, expect, it } from 'vitest';
import { newContext, shot, signIn } from './support/browser.ts';
import { seriousIssues, signInCitizen, usePortalE2e } from './support/portal.ts';

/**
 * Appointments in Chromium: the head of office publishes a morning of slots in the workspace; a
 * citizen signs in to the portal at 360 px, books one in Tajik and gets the e-mail; the front office
 * sees them in the day's list.
 */

const portal = usePortalE2e();
const { e2e } = portal;
const { ready } = e2e;
const T = { timeout: 20_000 };
const PHONE = { width: 360, height: 740 };

/** A weekday at least two days from today (the office is open Monday to Friday). */
function weekdayAhead(): string {
  let d = addDays(todayIn('Asia/Dushanbe'), 2);
  while ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
}

describe('appointments in a real browser', () => {
  it.runIf(ready)(
    'the head publishes slots, a citizen books one on the portal, the front office sees them',
    { timeout: 240_000 },
    async () => {
      const day = weekdayAhead();
      const typed = formatDate(day).replaceAll('.', '');

      // the head of office publishes 09:00–11:00 in half hours on that day
      const headContext = await newContext(e2e.browser, e2e.server.url);
      const head = await signIn(headContext, 'head');
      await head.goto('/appointments');
      await head.getByRole('heading', { level: 1, name: 'Қабул бо навбат' }).waitFor(T);
      const form = head.getByRole('form', { name: 'Нашри вақтҳои қабул' });
      await form.getByLabel('То соати').fill('11:00');
      await form.getByLabel('Рӯзи аввал').fill(typed);
      await form.getByLabel('Рӯзи охир').fill(typed);
      await form.getByRole('button', { name: 'Нашр кардан' }).click();
      await form.getByText('4 вақти қабул нашр шуд.').waitFor(T);
      await headContext.close();

      // a citizen books 09:30 on the portal, in Tajik, at 360 px
      const context = await newContext(e2e.browser, e2e.server.url, PHONE);
      const page = await context.newPage();
      const address = 'zarina.appointment@example.tj';
      await signInCitizen(page, portal, address);

      await page.getByRole('navigation').getByRole('link', { name: 'Навбат ба идора' }).click();
      await page.getByRole('heading', { level: 1, name: 'Навбат ба идора' }).waitFor(T);
      await page.getByLabel('Идора', { exact: true }).selectOption('DU-03-00');
      const times = page.getByRole('group', { name: /^Вақти холӣ/ });
      await times.waitFor(T);
      await page.getByRole('radio', { name: new RegExp(formatDate(day).replaceAll('.', '\\.')) }).check();
      await page.getByRole('radio', { name: /09:30–10:00/ }).check();
      await page.getByLabel('Барои чӣ меоед (ихтиёрӣ)').selectOption('birth');
      expect(await seriousIssues(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await shot(page, 'portal-appointments-360');
      await page.getByRole('button', { name: 'Навбат гирифтан' }).click();

      await page.waitForURL('**/portal/account**', T);
      await page.getByText(/^Навбат гирифта шуд: .*соати 09:30\./).waitFor(T);
      const mine = page.getByRole('region', { name: 'Навбатҳои ман' });
      await mine.getByText(/09:30–10:00/).waitFor(T);
      expect(await seriousIssues(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await shot(page, 'portal-account-appointments-360');
      const told = await portal.mailTo(address, (m) => /09:30/.test(m.text ?? ''));
      expect(told.subject).toMatch(/^Навбат: /);
      await context.close();

      // the front office reads the day
      const frontContext = await newContext(e2e.browser, e2e.server.url);
      const front = await signIn(frontContext, 'front');
      await front
        .getByRole('navigation', { name: 'Менюи асосӣ' })
        .getByRole('link', { name: 'Қабул бо навбат' })
        .click();
      await front.getByRole('heading', { level: 1, name: 'Қабул бо навбат' }).waitFor(T);
      await front.getByRole('textbox', { name: 'Рӯз' }).fill(typed);
      await front.getByRole('button', { name: 'Нишон додан' }).click();
      const list = front.getByRole('table', { name: 'Навбатҳои рӯз' });
      await list.getByText(address).waitFor(T);
      expect(await list.locator('tbody tr').first().innerText()).toContain('09:30');
      await shot(front, 'workspace-appointments');
      await frontContext.close();
    },
  );
});
