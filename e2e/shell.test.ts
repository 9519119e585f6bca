import { describe, expect, it } from 'vitest';
import { birthOf } from '../packages/server/src/test/family.ts';
import { registerThrough } from '../packages/server/src/test/workflow.ts';
import { uniqueName } from './support/birth-workflow.ts';
import { browserAvailable, newContext, shot, signIn } from './support/browser.ts';
import { webBuilt } from './support/server.ts';
import { useE2e } from './support/suite.ts';

const e2e = useE2e();
const { ready } = e2e;

// The browser and the built app are installed by .ci/run and scripts/test.mjs; without them this
// file fails loudly rather than passing silently.
describe('the staff workspace in a real browser', () => {
  it('has Chromium and the built web app', () => {
    expect(browserAvailable(), 'Chromium missing: run scripts/install-tools.sh').toBe(true);
    expect(webBuilt(), 'web app not built: npm run build:web').toBe(true);
  });

  it.runIf(ready)('signs in in Tajik and shows the user, the office and the role', async () => {
    const context = await newContext(e2e.browser, e2e.server.url);
    const page = await signIn(context, 'front');
    const header = page.locator('header');
    await expect.poll(() => header.innerText()).toContain('Мадина Раҳимова');
    const text = await header.innerText();
    expect(text).toContain('Фирдавсӣ');
    expect(text).toContain('Корманди қабул');
    await shot(page, 'shell-signed-in-tg');
    await context.close();
  });

  it.runIf(ready)('switches the language and every visible label follows', async () => {
    const context = await newContext(e2e.browser, e2e.server.url);
    const page = await signIn(context, 'back');
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.locator('header').innerText()).toContain('Back-office specialist');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByText('Русский', { exact: true }).click();
    await expect.poll(() => page.locator('header').innerText()).toContain('Специалист бэк-офиса');
    await shot(page, 'shell-language-ru');
    // the choice is kept after a reload
    await page.reload();
    await expect.poll(() => page.locator('header').innerText()).toContain('Специалист бэк-офиса');
    await context.close();
  });

  it.runIf(ready)('offers a jamoat registrar the four acts a jamoat registers, and not divorce', async () => {
    const context = await newContext(e2e.browser, e2e.server.url);
    const page = await signIn(context, 'jamoat');
    const group = page.getByRole('group', { name: /ариза|application/i });
    await expect.poll(async () => (await group.locator('a').allInnerTexts()).length).toBeGreaterThan(0);
    const links = await page
      .locator('a[href^="/records/new/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.sort()).toEqual(
      ['/records/new/BIRTH', '/records/new/DEATH', '/records/new/MARRIAGE', '/records/new/PATERNITY'].sort(),
    );
    expect(links).not.toContain('/records/new/DIVORCE');
    await shot(page, 'jamoat-new-applications');
    await context.close();
  });

  it.runIf(ready)(
    "gives the statistician counts, no record search, and says why at a search's address",
    async () => {
      const context = await newContext(e2e.browser, e2e.server.url);
      const page = await signIn(context, 'statistician');
      const counts = page.getByRole('region', { name: 'Сабтҳои идораҳои шумо' });
      await expect.poll(() => counts.innerText()).toContain('Ба қайд гирифта шуд');
      const nav = page.getByRole('navigation');
      const links = await nav.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).not.toContain('/search');
      expect(links.some((l) => l?.startsWith('/queues'))).toBe(false);
      await shot(page, 'statistician-home');
      await page.goto('/search');
      const heading = page.getByRole('heading', { level: 1 });
      await expect.poll(() => heading.innerText()).toBe('Нақши шумо одамон ва сабтҳоро ҷустуҷӯ намекунад.');
      expect(await page.locator('input[type="search"]').count()).toBe(0);
      await shot(page, 'statistician-search-refused');
      await context.close();
    },
  );

  it.runIf(ready)('sends a signed-out visitor to the sign-in screen', async () => {
    const context = await newContext(e2e.browser, e2e.server.url);
    const page = await context.newPage();
    await page.goto('/queues/drafts');
    await page.waitForURL(/\/sign-in/);
    await page.locator('input[autocomplete="username"]').waitFor();
    expect(await page.locator('input[autocomplete="username"]').count()).toBe(1);
    await context.close();
  });

  it.runIf(ready)(
    'fits a 390 px wide phone screen: no sideways scrolling on the queues and a record',
    async () => {
      const [front, back, registrar] = await Promise.all(
        ['front', 'back', 'registrar'].map((l) => e2e.server.t.as(l)),
      );
      const surname = uniqueName('Раҳимов');
      const birth = await registerThrough(
        { front: front!, back: back!, registrar: registrar! },
        'BIRTH',
        birthOf(
          { surname, name: 'Суҳроб', sex: 'M', birthDate: '2026-01-19' },
          { surname: `${surname}а`, name: 'Саодат', birthDate: '1996-02-11' },
        ),
      );
      const context = await newContext(e2e.browser, e2e.server.url, { width: 390, height: 800 });
      // the registrar has the longest navigation (blanks and the printer too)
      const page = await signIn(context, 'registrar');
      const width = () => page.evaluate(() => document.documentElement.scrollWidth);
      const nav = page.getByRole('navigation', { name: 'Менюи асосӣ' });
      // on a phone the navigation opens from the menu button, once the screen is there (a press
      // before the page has settled on a busy machine opened nothing)
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: 'Меню' }).click({ timeout: 15_000 });
      await nav.getByRole('link', { name: 'Танзими чопгар' }).waitFor({ timeout: 15_000 });
      expect(await width()).toBeLessThanOrEqual(390);
      // every link of the navigation is whole on screen
      for (const link of await nav.getByRole('link').all()) {
        const box = await link.boundingBox();
        expect(box, await link.innerText()).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      }
      await shot(page, 'shell-390-queues');

      await page.goto(`/records/${birth.id}`);
      const facts = page.getByRole('region', { name: 'Маълумоти асосии сабт' });
      await facts.getByText('Санаи бақайдгирӣ').waitFor({ timeout: 15_000 });
      expect(await width()).toBeLessThanOrEqual(390);
      const registered = await facts.getByText('Санаи бақайдгирӣ').boundingBox();
      expect(registered!.x + registered!.width).toBeLessThanOrEqual(390);
      await shot(page, 'shell-390-record');
      await context.close();
    },
  );
});
