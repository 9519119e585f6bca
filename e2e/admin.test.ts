import { formatDate, todayIn } from '@sabt/core';
import { describe, expect, it } from 'vitest';
import { newContext, setUpTwoFactor, shot, signIn } from './support/browser.ts';
import { useE2e } from './support/suite.ts';

const e2e = useE2e();
const { ready } = e2e;

const T = { timeout: 20_000 };

/** A day a month from today, as the date field takes it (dd.mm.yyyy). */
function monthAhead(): { typed: string; shown: string } {
  const [y, m, d] = todayIn('Asia/Dushanbe').split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m, Math.min(d, 28)));
  const iso = next.toISOString().slice(0, 10);
  return { typed: formatDate(iso).replaceAll('.', ''), shown: formatDate(iso) };
}

describe('administration in the workspace', () => {
  it.runIf(ready)(
    'a head of office creates a user, who must change the temporary password; the head disables them',
    async () => {
      const headContext = await newContext(e2e.browser, e2e.server.url);
      const head = await signIn(headContext, 'head');
      await head
        .getByRole('navigation', { name: 'Менюи асосӣ' })
        .getByRole('link', { name: 'Маъмурият' })
        .click();
      await head.getByRole('heading', { name: 'Корбарон', level: 1 }).waitFor(T);
      // only the head's own office and those below it
      await head.locator('tr[data-login="front"]').waitFor(T);
      expect(await head.locator('tr[data-login="jamoat"]').count()).toBe(0);

      await head.getByRole('button', { name: 'Корбари нав' }).click();
      const form = head.getByRole('form', { name: 'Корбари нав' });
      await form.getByLabel('Логин', { exact: false }).fill('nodir.k');
      await form.getByLabel('Ному насаб', { exact: false }).fill('Нодир Каримов');
      // the head gives staff roles only
      const roles = await form.getByLabel('Нақш', { exact: false }).locator('option').allTextContents();
      expect(roles).not.toContain('Роҳбари идора');
      expect(roles).not.toContain('Маъмури марказӣ');
      await form.getByLabel('Нақш', { exact: false }).selectOption('registrar');
      await form.getByLabel('Идора', { exact: false }).selectOption('DU-03-00');
      await form.getByRole('button', { name: 'Сохтан' }).click();
      const shown = head.getByTestId('temporary-password');
      await shown.waitFor(T);
      const temporary = (await shown.textContent())!.trim();
      expect(temporary).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
      await shot(head, 'admin-user-created');
      await head.getByRole('link', { name: 'Кушодани корбар' }).click();
      await head.getByRole('heading', { name: 'Нодир Каримов', level: 1 }).waitFor(T);
      await head.getByText('пароли муваққатӣ').waitFor(T);

      // the new user signs in with it and must choose their own first
      const userContext = await newContext(e2e.browser, e2e.server.url);
      const page = await userContext.newPage();
      await page.goto('/sign-in');
      await page.locator('input[autocomplete="username"]').fill('nodir.k');
      await page.locator('input[autocomplete="current-password"]').fill(temporary);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/password', T);
      await page.getByLabel('Пароли ҳозира', { exact: false }).fill(temporary);
      await page.getByLabel(/^Пароли нав\s*\*?$/).fill('Kuhi-Tojik-2026-bahor');
      await page.getByLabel('Пароли нав бори дигар', { exact: false }).fill('Kuhi-Tojik-2026-bahor');
      await page.getByRole('button', { name: 'Иваз кардан' }).click();
      await page.waitForURL((url) => url.pathname !== '/password', T);
      // a registrar must set up two-factor sign-in before any work, then lands on their work queue
      await page.waitForURL((url) => url.pathname === '/two-factor', T);
      await shot(page, 'admin-new-user-two-factor');
      await setUpTwoFactor(page, 'nodir.k');
      await page.getByRole('heading', { level: 1 }).waitFor(T);
      await shot(page, 'admin-new-user-home');

      // the head sees the session, then disables the user: the session ends at once
      await head.reload();
      await head.locator('tr[data-session]').first().waitFor(T);
      await head.getByRole('button', { name: 'Ғайрифаъол кардан' }).click();
      const confirm = head.getByRole('dialog', { name: 'Корбарро ғайрифаъол кардан?' });
      await confirm.getByRole('button', { name: 'Ғайрифаъол кардан' }).click();
      await head.getByRole('button', { name: 'Фаъол кардан', exact: true }).waitFor(T);
      await head.getByText('Ҷаласаи фаъол нест.').waitFor(T);
      await shot(head, 'admin-user-disabled');

      await page.goto('/search');
      await page.waitForURL((url) => url.pathname.startsWith('/sign-in'), T);
      const session = await userContext.request.get('/api/v1/auth/session');
      expect((await session.json()).user).toBeNull();
      await userContext.close();
      await headContext.close();
    },
    180_000,
  );

  it.runIf(ready)(
    'the central administrator opens a mobile office and plans its visit',
    async () => {
      const context = await newContext(e2e.browser, e2e.server.url);
      const page = await signIn(context, 'admin');
      await page
        .getByRole('navigation', { name: 'Менюи асосӣ' })
        .getByRole('link', { name: 'Маъмурият' })
        .click();
      await page
        .getByRole('navigation', { name: 'Маъмурият' })
        .getByRole('link', { name: 'Идораҳо' })
        .click();
      await page.getByRole('heading', { name: 'Идораҳо', level: 1 }).waitFor(T);
      const form = page.getByRole('form', { name: 'Кушодани идораи нав' });
      await form.getByLabel('Навъи идора').selectOption('mobile');
      await form.getByLabel('Шуъбаи ноҳия').selectOption('RA-13-00');
      await form.getByLabel('Ном бо тоҷикӣ').fill('Идораи сайёри Рӯдакӣ');
      await form.getByLabel('Ном бо русӣ').fill('Выездной отдел Рудаки');
      await form.getByLabel('Ном бо англисӣ').fill('Rudaki mobile office');
      await shot(page, 'admin-office-open-form');
      await form.getByRole('button', { name: 'Кушодан' }).click();
      await page.getByRole('heading', { name: 'Идораи сайёри Рӯдакӣ', level: 1 }).waitFor(T);
      expect(new URL(page.url()).pathname).toMatch(/^\/admin\/offices\/RA-13-9\d$/);
      // the toast of the opening is let go (a pointer resting on it keeps it) before the forms below
      await page.mouse.move(0, 0);
      await page
        .getByRole('alert')
        .filter({ hasText: 'кушода шуд' })
        .waitFor({ state: 'detached', ...T });

      const day = monthAhead();
      const visit = page.getByRole('form', { name: 'Сафари нав' });
      const date = visit.getByLabel('Сана', { exact: true });
      await date.fill('');
      await date.pressSequentially(day.typed);
      await visit.getByLabel('Аз соати (ҳҳ:дд)').fill('09:30');
      await visit.getByLabel('То соати (ҳҳ:дд)').fill('14:00');
      await visit.getByLabel('Ҷой (суроға, нишона)').fill('Маркази деҳа, назди мактаби № 5');
      await visit.getByLabel('Ҷамоати қабулкунанда (ихтиёрӣ)').selectOption('RA-13-01');
      await visit.getByRole('button', { name: 'Ба нақша гирифтан' }).click();
      const row = page.locator('tr[data-visit]');
      await row.first().waitFor(T);
      const text = await row.first().innerText();
      expect(text).toContain(day.shown);
      expect(text).toContain('09:30–14:00');
      expect(text).toContain('Маркази деҳа, назди мактаби № 5');
      await shot(page, 'admin-office-visit-planned');
      // what the portal shows of it: the address in three languages, the telephone, the hours
      const details = page.getByRole('form', { name: 'Дар портали шаҳрвандон' });
      await details.getByLabel('Суроға бо тоҷикӣ').fill('деҳаи Чоргул, назди мактаби № 5');
      await details.getByLabel('Суроға бо русӣ').fill('село Чоргул, у школы № 5');
      await details.getByLabel('Суроға бо англисӣ').fill('Chorgul village, by school no. 5');
      await details.getByRole('button', { name: 'Сатри соатҳоро илова кардан' }).click();
      for (const day of ['Душанбе', 'Сешанбе', 'Чоршанбе']) await details.getByLabel(day).check();
      await details.getByRole('button', { name: 'Нигоҳ доштан' }).click();
      await page.getByRole('alert').filter({ hasText: 'Дар портал нашр шуд.' }).waitFor(T);
      const published = await page.request.get('/api/v1/portal/offices');
      // biome-ignore lint/suspicious/noExplicitAny: the API's JSON
      const mobile = (await published.json()).items.find((o: any) => o.name.tg === 'Идораи сайёри Рӯдакӣ');
      expect(mobile.address.en).toBe('Chorgul village, by school no. 5');
      expect(mobile.hours).toEqual([{ days: [1, 2, 3], opens: '08:00', closes: '17:00' }]);
      await details.scrollIntoViewIfNeeded();
      await shot(page, 'admin-office-details');
      await context.close();
    },
    180_000,
  );
});
