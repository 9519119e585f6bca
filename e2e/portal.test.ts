import { describe, expect, it } from 'vitest';
import { birthData } from '../packages/server/src/test/fixtures.ts';
import { firstScreen, sum } from '../scripts/first-screen.ts';
import { newContext, shot, signIn } from './support/browser.ts';
import { SCAN, sendBirthApplication, seriousIssues, signInCitizen, usePortalE2e } from './support/portal.ts';

/**
 * The citizen portal in Chromium: every page checked by axe-core (WCAG 2.1 A and AA: nothing
 * serious or critical), read at 360 px, the certificate check reached from the home page, the
 * language remembered, and a citizen signing in with the code that arrives by e-mail at a real
 * SMTP server.
 */

const portal = usePortalE2e();
const { e2e } = portal;
const { ready } = e2e;
const T = { timeout: 20_000 };
const PHONE = { width: 360, height: 740 };

describe('the citizen portal in a real browser', () => {
  it.runIf(ready).each([
    ['at 360 px', PHONE],
    ['on a laptop', { width: 1366, height: 768 }],
  ])('has no serious accessibility issue on any page, %s', { timeout: 240_000 }, async (_, viewport) => {
    {
      const context = await newContext(e2e.browser, e2e.server.url, viewport);
      const page = await context.newPage();
      const found: Record<string, string[]> = {};
      const check = async (name: string, ready: () => Promise<unknown>) => {
        await ready();
        found[name] = await seriousIssues(page);
      };
      await page.goto('/portal/');
      await check('home', () => page.getByRole('heading', { level: 1 }).waitFor(T));
      await page.goto('/portal/services');
      await check('services', () => page.getByText('Нарх имрӯз', { exact: false }).first().waitFor(T));
      await page.goto('/portal/services/birth');
      await check('service', () => page.locator('[data-service="BIRTH_REG"]').waitFor(T));
      await page.goto('/portal/fees?service=NAME_CHANGE_REG');
      await check('fees', () => page.getByTestId('fee-total').last().waitFor(T));
      await page.goto('/portal/offices');
      await check('offices', () => page.locator('[data-office="DU-03-00"]').waitFor(T));
      await page.goto('/portal/sign-in');
      await check('sign-in', () => page.getByLabel('Суроғаи почтаи электронӣ').waitFor(T));
      await page.getByRole('button', { name: 'Рамзро фиристед' }).click();
      await check('sign-in refused', () => page.getByRole('alert').waitFor(T));
      await page.goto('/portal/no-such-page');
      await check('not found', () => page.getByRole('heading', { name: 'Саҳифа ёфт нашуд' }).waitFor(T));
      await signInCitizen(page, portal, `axe-${viewport.width}@example.tj`, () =>
        check('sign-in code', () => page.getByRole('status').waitFor(T)),
      );
      await check('account', () => page.getByText('Шумо ҳоло ягон аризаи онлайн надоред.').waitFor(T));
      await page.goto('/portal/apply');
      await check('apply', () => page.getByRole('radio', { name: 'Бақайдгирии таваллуд' }).waitFor(T));
      await page.getByRole('button', { name: 'Оғоз кардан' }).click();
      await check('application', () => page.getByLabel('Идора', { exact: true }).waitFor(T));
      await page.getByRole('button', { name: 'Аризаро фиристед' }).click();
      await check('application refused', () => page.getByRole('alert').waitFor(T));
      await page.goto('/portal/apply');
      await page.getByRole('radio', { name: 'Шаҳодатномаи такрорӣ' }).check(T);
      await page.getByRole('button', { name: 'Оғоз кардан' }).click();
      await check('copy request', () => page.getByRole('group', { name: 'Сабти кист *' }).waitFor(T));
      await page.getByRole('button', { name: 'Аризаро фиристед' }).click();
      await check('copy request refused', () => page.getByRole('alert').waitFor(T));
      await shot(page, `portal-copy-request-refused-${viewport.width}`);
      await page.goto('/portal/track');
      await check('track', () => page.getByLabel('Рамзи пайгирӣ').waitFor(T));
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
      await context.close();
    }
  });

  it.runIf(ready)(
    'loads at most 100 KB of JavaScript, gzipped, for its first screen, nothing of the staff app’s but React',
    () => {
      const files = firstScreen('portal.html');
      expect(sum(files)).toBeLessThanOrEqual(100 * 1024);
      const staff = new Set(firstScreen('index.html').map((f) => f.file));
      // the entry is its own; what it shares with the staff app is React's runtime only
      expect(files.filter((f) => staff.has(f.file) && f.gzip > 5 * 1024).length).toBeLessThanOrEqual(1);
      expect(staff.has(files[0]!.file)).toBe(false);
    },
  );

  it.runIf(ready)('reads at 360 px: the home page and the certificate check it leads to', async () => {
    const context = await newContext(e2e.browser, e2e.server.url, PHONE);
    const page = await context.newPage();
    await page.goto('/portal/');
    await page.getByRole('heading', { level: 1 }).waitFor(T);
    // nothing wider than the screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'portal-home-360');
    await page.goto('/portal/offices?region=RA');
    await page.locator('[data-office="RA-13-01"]').waitFor(T);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'portal-offices-360');

    await page.goto('/portal/');
    await page.getByRole('main').getByRole('link', { name: 'Санҷиши шаҳодатнома' }).click();
    await page.waitForURL('**/verify?lang=tg', T);
    await page.locator('form').first().waitFor(T);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('tg');
    await context.close();
  });

  it.runIf(ready)('shows Tajik first, and remembers Russian once chosen', async () => {
    const context = await newContext(e2e.browser, e2e.server.url, PHONE);
    const page = await context.newPage();
    await page.goto('/portal/services/marriage');
    await page.getByRole('heading', { level: 1, name: 'Бақайдгирии ақди никоҳ' }).waitFor(T);
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { level: 1, name: 'Регистрация заключения брака' }).waitFor(T);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Регистрация заключения брака' }).waitFor(T);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    expect(await page.getByRole('button', { name: 'Русский' }).getAttribute('aria-pressed')).toBe('true');
    await shot(page, 'portal-service-ru-360');
    await context.close();
  });

  it.runIf(ready)('works out a fee as the office does, and says so when a date does not exist', async () => {
    const context = await newContext(e2e.browser, e2e.server.url, PHONE);
    const page = await context.newPage();
    await page.goto('/portal/services');
    await page.getByRole('link', { name: 'Иваз намудани насаб, ном ва номи падар' }).click();
    await page.getByRole('link', { name: 'Маблағро барои санаи дигар ҳисоб кунед' }).click();
    await page.waitForURL('**/portal/fees?service=NAME_CHANGE_REG', T);
    const form = page.getByRole('form', { name: 'Ҳисобкунаки пардохт' });
    await form.getByLabel('Санаи ариза').fill('01.11.2025');
    const total = page.locator('.total [data-testid="fee-total"]');
    await expect.poll(() => total.innerText(), T).toBe('487.50 сомонӣ');
    await form.getByLabel('Санаи ариза').fill('31.02.2025');
    await page.getByText('Санаро ба шакли рр.мм.сссс нависед.').waitFor(T);
    expect(await form.getByLabel('Санаи ариза').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'portal-fees-360');
    await context.close();
  });

  it.runIf(ready)('signs a citizen in with the code received by e-mail, and out again', async () => {
    const context = await newContext(e2e.browser, e2e.server.url, PHONE);
    const page = await context.newPage();
    await page.goto('/portal/');
    await page.getByRole('navigation').getByRole('link', { name: 'Ворид шудан' }).click();
    await signInCitizen(page, portal, 'gulnora@example.tj');
    await page.getByText('Шумо бо gulnora@example.tj ворид шудаед.').waitFor(T);
    await page.getByText('Шумо ҳоло ягон аризаи онлайн надоред.').waitFor(T);
    await shot(page, 'portal-account-360');
    // the staff workspace does not know this citizen
    const staff = await page.request.get('/api/v1/auth/session');
    expect((await staff.json()).user).toBeNull();
    await page.getByRole('button', { name: 'Баромадан' }).click();
    await page.waitForURL(/\/portal\/$/, T);
    await page.getByRole('navigation').getByRole('link', { name: 'Ворид шудан' }).waitFor(T);
    await context.close();
  });

  it.runIf(ready)(
    'a citizen starts a birth application at 360 px, attaches a scan, saves it, and is told what is missing',
    { timeout: 120_000 },
    async () => {
      const context = await newContext(e2e.browser, e2e.server.url, PHONE);
      const page = await context.newPage();
      await signInCitizen(page, portal, 'applicant@example.tj');
      await page.getByRole('link', { name: 'Аризаи нав' }).click();
      await page.getByRole('radio', { name: 'Бақайдгирии таваллуд' }).check();
      await page.getByRole('button', { name: 'Оғоз кардан' }).click();
      await page.waitForURL('**/portal/applications/*', T);

      // only the offices that register births, the staff form's sections and labels
      const office = page.getByLabel('Идора', { exact: true });
      await office.locator('option[value="DU-03-00"]').waitFor({ state: 'attached', ...T });
      await office.selectOption('DU-03-00');
      const child = page.getByRole('group', { name: 'Кӯдак', exact: true });
      await child
        .getByLabel(/^Насаб/)
        .first()
        .fill('Раҳимов');
      await child.getByLabel(/^Ном/).first().fill('Алишер');
      await page.getByLabel('Файлро замима кунед').setInputFiles({
        name: 'medical.pdf',
        mimeType: 'application/pdf',
        buffer: SCAN,
      });
      await page.getByRole('link', { name: 'medical.pdf' }).waitFor(T);
      await page.getByRole('button', { name: 'Нигоҳ доштан' }).click();
      await page.getByText('Сиёҳнавис нигоҳ дошта шуд.').waitFor(T);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await shot(page, 'portal-application-360');

      // sending an incomplete application: refused, each missing field named and linked
      await page.getByLabel('Санаи таваллуди шумо (рр.мм.сссс)').fill('12.04.1990');
      await page.getByRole('button', { name: 'Аризаро фиристед' }).click();
      const refused = page.getByRole('alert');
      await refused.waitFor(T);
      expect(await refused.getByRole('link').count()).toBeGreaterThan(0);
      await shot(page, 'portal-application-refused-360');

      // the account lists the draft, and the tracking page answers an unknown code without sign-in
      await page.goto('/portal/account');
      await page.getByRole('link', { name: /Сиёҳнавис/ }).waitFor(T);
      await page.goto('/portal/track');
      await page.getByLabel('Рамзи пайгирӣ').fill('7KQ2M-X9D4G');
      await page.getByLabel('Санаи таваллуди аризадиҳанда (рр.мм.сссс)').fill('12.04.1990');
      await page.getByRole('button', { name: 'Ёфтан' }).click();
      await page.getByText('Аризае бо ин рамз ва санаи таваллуд ёфт нашуд.', { exact: false }).waitFor(T);
      await shot(page, 'portal-track-360');
      await context.close();
    },
  );

  it.runIf(ready)(
    'a sent application reaches the front office’s queue, is started as a record there, and the citizen sees they are awaited',
    { timeout: 180_000 },
    async () => {
      const context = await newContext(e2e.browser, e2e.server.url, PHONE);
      const page = await context.newPage();
      await signInCitizen(page, portal, 'parent@example.tj');
      await page.goto('/portal/apply');
      await page.getByRole('button', { name: 'Оғоз кардан' }).click();
      await page.waitForURL('**/portal/applications/*', T);
      const data = birthData();
      const code = await sendBirthApplication(page, data);
      await shot(page, 'portal-application-sent-360');

      // the front office finds it in its queue, opens it with its scan, and starts the record from it
      const office = await newContext(e2e.browser, e2e.server.url);
      const clerk = await signIn(office, 'front');
      await clerk.getByRole('link', { name: 'Аризаҳои онлайн' }).first().click();
      await clerk.getByRole('link', { name: code }).click();
      await clerk.getByRole('link', { name: 'medical.pdf' }).waitFor(T);
      await clerk.getByText(data.child.name!, { exact: true }).first().waitFor(T);
      await shot(clerk, 'online-application-staff');
      await clerk.getByRole('button', { name: 'Ҳуҷҷатҳои аслӣ санҷида шуданд: сабтро оғоз кардан' }).click();
      await clerk.waitForURL('**/records/*/edit', T);
      await expect
        .poll(
          () =>
            clerk.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
          T,
        )
        .toContain(data.child.surname);
      await shot(clerk, 'online-application-record');
      await office.close();

      // the citizen: waiting for their visit, in the account and by the tracking code
      await page.goto('/portal/account');
      await page.getByText('Ташрифи шуморо интизор аст').waitFor(T);
      await page.goto('/portal/track');
      await page.getByLabel('Рамзи пайгирӣ').fill(code.toLowerCase());
      await page.getByLabel('Санаи таваллуди аризадиҳанда (рр.мм.сссс)').fill('12.04.1990');
      await page.getByRole('button', { name: 'Ёфтан' }).click();
      await page.getByText('Ташрифи шуморо интизор аст').waitFor(T);
      await context.close();
    },
  );
});
