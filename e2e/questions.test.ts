import { describe, expect, it } from 'vitest';
import { newContext, shot, signIn } from './support/browser.ts';
import { seriousIssues, signInCitizen, usePortalE2e } from './support/portal.ts';

/**
 * A citizen's question to staff in Chromium: asked on the portal at 360 px in Tajik, answered by
 * the front office from the workspace's inbox, the notice received by e-mail at a real SMTP server
 * with a link that opens the answer in the same thread; axe-core on the portal's question pages.
 */

const portal = usePortalE2e();
const { e2e } = portal;
const { ready } = e2e;
const T = { timeout: 20_000 };
const PHONE = { width: 360, height: 740 };

describe('a question to staff, in a real browser', () => {
  it.runIf(ready)(
    'a citizen asks, the front office answers from its inbox, the citizen reads the answer',
    { timeout: 240_000 },
    async () => {
      const address = 'savol@example.tj';
      const citizen = await newContext(e2e.browser, e2e.server.url, PHONE);
      const page = await citizen.newPage();
      const issues: Record<string, string[]> = {};

      await signInCitizen(page, portal, address);

      await page.getByRole('navigation').getByRole('link', { name: 'Саволҳои ман' }).click();
      await page.getByText('Шумо ҳоло савол надодаед.').waitFor(T);
      issues['my questions'] = await seriousIssues(page);
      await page.getByRole('link', { name: 'Савол додан' }).click();
      const form = page.getByRole('form', { name: 'Савол ба идора' });
      await form.getByLabel('Идора').selectOption('DU-03-00');
      await form.getByLabel('Мавзӯъ').fill('Шаҳодатномаи таваллуд');
      await form.getByLabel('Саволи шумо').fill('Барои писарам кадом ҳуҷҷатҳо лозиманд?');
      issues.ask = await seriousIssues(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await shot(page, 'portal-question-ask-360');
      await form.getByRole('button', { name: 'Фиристодан' }).click();
      await page.getByRole('heading', { level: 1, name: 'Шаҳодатномаи таваллуд' }).waitFor(T);
      const threadUrl = new URL(page.url()).pathname;
      expect(threadUrl).toMatch(/^\/portal\/questions\/[0-9a-f-]{36}$/);
      issues.thread = await seriousIssues(page);

      // the front office finds it in the inbox and answers
      const staff = await newContext(e2e.browser, e2e.server.url);
      const desk = await signIn(staff, 'front');
      await desk.getByRole('navigation').getByRole('link', { name: 'Саволҳо' }).click();
      await desk.getByRole('heading', { level: 1, name: 'Саволҳои шаҳрвандон' }).waitFor(T);
      await desk.getByRole('link', { name: 'Шаҳодатномаи таваллуд' }).waitFor(T);
      await shot(desk, 'questions-inbox');
      await desk.getByRole('link', { name: 'Шаҳодатномаи таваллуд' }).click();
      await desk.getByText('Барои писарам кадом ҳуҷҷатҳо лозиманд?').waitFor(T);
      await desk
        .getByRole('textbox', { name: 'Ҷавоб' })
        .fill('Маълумотномаи таваллуд аз беморхона ва шиносномаҳои волидонро биёред.');
      await shot(desk, 'questions-thread-staff');
      await desk.getByRole('button', { name: 'Фиристодан' }).click();
      await desk.getByText('Ҷавоб дода шуд', { exact: false }).first().waitFor(T);

      // the citizen is told by e-mail, without the answer, and the link opens the thread
      const notice = await portal.mailTo(address);
      expect(notice.subject).toBe('Ба саволи шумо ҷавоб доданд');
      expect(notice.text).not.toContain('беморхона');
      const link = /(https?:\/\/\S+\/portal\/questions\/[0-9a-f-]{36})/.exec(notice.text ?? '')![1]!;
      expect(new URL(link).pathname).toBe(threadUrl);
      await page.goto(new URL(link).pathname);
      await page.getByText('Маълумотномаи таваллуд аз беморхона', { exact: false }).waitFor(T);
      await page.getByText('Корманди идора', { exact: false }).waitFor(T);
      issues['thread answered'] = await seriousIssues(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await shot(page, 'portal-question-thread-360');

      expect(issues).toEqual(Object.fromEntries(Object.keys(issues).map((k) => [k, []])));

      // the head of office keeps a canned answer in three languages
      const head = await newContext(e2e.browser, e2e.server.url);
      const office = await signIn(head, 'head');
      await office.goto('/questions/canned');
      await office.getByRole('button', { name: 'Ҷавоби тайёри нав' }).click();
      const canned = office.getByRole('form', { name: 'Ҷавоби тайёри нав' });
      await canned.getByRole('textbox', { name: 'Номи ҷавоб' }).fill('Соатҳои корӣ');
      await canned
        .getByRole('textbox', { name: 'Матн бо тоҷикӣ' })
        .fill('Душанбе – ҷумъа, соати 8:00 – 17:00.');
      await canned
        .getByRole('textbox', { name: 'Матн бо русӣ' })
        .fill('Понедельник – пятница, 8:00 – 17:00.');
      await canned.getByRole('textbox', { name: 'Матн бо англисӣ' }).fill('Monday to Friday, 8:00 to 17:00.');
      await canned.getByRole('button', { name: 'Нигоҳ доштан' }).click();
      await office.getByRole('region', { name: 'Соатҳои корӣ' }).waitFor(T);
      await shot(office, 'questions-canned');
      await head.close();
      await staff.close();
      await citizen.close();
    },
  );
});
