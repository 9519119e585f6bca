import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launch, newContext, shot, signIn } from './support/browser.ts';
import { type E2eServer, startServer, webBuilt } from './support/server.ts';

const ready = browserAvailable() && webBuilt();
let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  if (!ready) return;
  server = await startServer();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// The browser and the built app are installed by .ci/run and scripts/test.mjs; without them this
// file fails loudly rather than passing silently.
describe('the staff workspace in a real browser', () => {
  it('has Chromium and the built web app', () => {
    expect(browserAvailable(), 'Chromium missing: run scripts/install-browser.sh').toBe(true);
    expect(webBuilt(), 'web app not built: npm run build:web').toBe(true);
  });

  it.runIf(ready)('signs in in Tajik and shows the user, the office and the role', async () => {
    const context = await newContext(browser, server.url);
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
    const context = await newContext(browser, server.url);
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
    const context = await newContext(browser, server.url);
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

  it.runIf(ready)('sends a signed-out visitor to the sign-in screen', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/queues/drafts');
    await page.waitForURL(/\/sign-in/);
    await page.locator('input[autocomplete="username"]').waitFor();
    expect(await page.locator('input[autocomplete="username"]').count()).toBe(1);
    await context.close();
  });
});
