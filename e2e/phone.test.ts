import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { receiveBlanks, registeredBirth } from '../packages/server/src/certificates/testing/fixtures.ts';
import { newContext, SCREENSHOTS, shot, signIn } from './support/browser.ts';
import { useE2e } from './support/suite.ts';

const e2e = useE2e();
const { ready } = e2e;

/** A phone held upright: a clerk of a mobile office keying an application in a van. */
const PHONE = { width: 390, height: 844 };
const T = { timeout: 15_000 };

/** What the phone's screen shows now (not the whole page). */
const view = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const height = async (page: Page, selector: string) =>
  (await page.locator(selector).first().boundingBox())!.height;

describe('the staff workspace on a 390×844 phone', () => {
  it.runIf(ready)('a compact header whose menu opens, and application buttons whose names wrap', async () => {
    const context = await newContext(e2e.browser, e2e.server.url, PHONE);
    // the registrar has the longest navigation (blanks and the printer too)
    const page = await signIn(context, 'registrar');
    await page.getByRole('heading', { level: 1 }).first().waitFor(T);
    // one line: the name and the menu button
    expect(await height(page, 'header')).toBeLessThanOrEqual(64);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    // every act name of "new application" is whole: wrapped, never cut
    const group = page.getByRole('group', { name: /Аризаи нав/ });
    await group.getByRole('link').first().waitFor(T);
    for (const link of await group.getByRole('link').all()) {
      const box = (await link.boundingBox())!;
      expect(box.x + box.width, await link.innerText()).toBeLessThanOrEqual(PHONE.width);
      const cut = await link.evaluate((a) => {
        const label = a.querySelector('.mantine-Button-label') as HTMLElement;
        return label.scrollWidth > label.clientWidth;
      });
      expect(cut, await link.innerText()).toBe(false);
    }
    await view(page, 'phone-queues');

    await page.getByRole('button', { name: 'Меню' }).click();
    const nav = page.getByRole('navigation', { name: 'Менюи асосӣ' });
    await nav.getByRole('link', { name: 'Танзими чопгар' }).waitFor(T);
    for (const link of await nav.getByRole('link').all()) {
      const box = (await link.boundingBox())!;
      expect(box.x + box.width, await link.innerText()).toBeLessThanOrEqual(PHONE.width);
    }
    expect(await page.locator('header').innerText()).toContain('Шералӣ Қодиров');
    await view(page, 'phone-menu-open');
    // following a link closes the menu
    await nav.getByRole('link', { name: 'Ҷустуҷӯ' }).click();
    await page.waitForURL(/\/search/);
    await expect.poll(() => height(page, 'header')).toBeLessThanOrEqual(64);
    await context.close();
  });

  it.runIf(ready)(
    'the form takes most of the screen and the sticky bar is slim, its buttons whole',
    async () => {
      const context = await newContext(e2e.browser, e2e.server.url, PHONE);
      const page = await signIn(context, 'front');
      await page.goto('/records/new/BIRTH');
      const surname = page.getByLabel('Насаб').first();
      await surname.waitFor(T);
      const bar = page.locator('.sabt-action-bar');
      // the header scrolls away with the page; the bar stays at the foot of the screen
      await page.getByLabel('Ҷинс').first().scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(300);
      const barBox = (await bar.boundingBox())!;
      expect(barBox.y + barBox.height).toBeLessThanOrEqual(PHONE.height + 1);
      expect(barBox.height).toBeLessThanOrEqual(PHONE.height * 0.12);
      const header = await page.locator('header').boundingBox();
      const headerBottom = header ? Math.max(0, header.y + header.height) : 0;
      // the fields have at least four fifths of the screen
      expect(barBox.y - headerBottom).toBeGreaterThanOrEqual(PHONE.height * 0.8);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      // both buttons whole on screen
      for (const name of ['Санҷидан', 'Барои санҷиш фиристодан']) {
        const box = (await bar.getByRole('button', { name }).boundingBox())!;
        expect(box.x + box.width, name).toBeLessThanOrEqual(PHONE.width);
      }
      await view(page, 'phone-form');
      await context.close();
    },
  );

  it.runIf(ready)('a certificates table scrolls inside its own box, its first column in view', async () => {
    const [front, back, registrar, head] = await Promise.all(
      ['front', 'back', 'registrar', 'head'].map((l) => e2e.server.t.as(l)),
    );
    await receiveBlanks(head!, { from: '000701', to: '000720' });
    const rec = await registeredBirth({ front: front!, back: back!, registrar: registrar! });
    const issued = await front!.post(`/api/v1/records/${rec.id}/certificates`, { mode: 'full' });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);

    const context = await newContext(e2e.browser, e2e.server.url, PHONE);
    const page = await signIn(context, 'front');
    await page.goto(`/records/${rec.id}`);
    await page.getByRole('tab', { name: /Шаҳодатнома/ }).click(T);
    const table = page.locator('table', { hasText: '000701' }).first();
    await table.waitFor(T).catch(async (e) => {
      await shot(page, 'phone-record-certificates-missing');
      throw e;
    });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    const box = table.locator('xpath=..');
    const scroller = await box.evaluate((el) => {
      let e: HTMLElement | null = el as HTMLElement;
      while (e && e.scrollWidth <= e.clientWidth) e = e.parentElement;
      return e ? { client: e.clientWidth, scroll: e.scrollWidth } : null;
    });
    // the table is wider than the phone and scrolls in its box, not the page
    expect(scroller).not.toBeNull();
    expect(scroller!.client).toBeLessThanOrEqual(PHONE.width);
    await table.scrollIntoViewIfNeeded();
    await view(page, 'phone-record-certificates');
    // scrolled sideways, the first column stays in view
    const first = table.locator('tbody tr').first().locator(':scope > *').first();
    const before = (await first.boundingBox())!;
    await table.evaluate((t) => {
      let e: HTMLElement | null = t.parentElement;
      while (e && e.scrollWidth <= e.clientWidth) e = e.parentElement;
      if (e) e.scrollLeft = e.scrollWidth;
    });
    await page.waitForTimeout(200);
    const after = (await first.boundingBox())!;
    expect(after.x).toBeGreaterThanOrEqual(0);
    expect(Math.abs(after.x - before.x)).toBeLessThanOrEqual(1);
    await view(page, 'phone-record-certificates-scrolled');
    await context.close();
  });
});
