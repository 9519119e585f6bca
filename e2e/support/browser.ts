import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { authenticatorAt } from './server.ts';

/** Debian's Chromium, installed by the project's scripts (.ci/run, scripts/install-browser.sh). */
export const CHROMIUM = process.env.SABT_CHROMIUM ?? '/usr/bin/chromium';

export const SCREENSHOTS = path.resolve('test-results/e2e');

export function browserAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** A fresh browser profile at a laptop-sized window (the offices' 1366×768 screens). */
export async function newContext(browser: Browser, baseURL: string, viewport = { width: 1366, height: 768 }) {
  return browser.newContext({ baseURL, viewport, locale: 'tg-TJ' });
}

/** Saves a screenshot as a test artifact under test-results/e2e/. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Signs in through the sign-in screen as a demo user (password sabt-demo), as they would: with the
 * code of their authenticator app when asked (the tests' authenticator, e2e/support/server.ts); a
 * user whose role requires two-factor sign-in and who has not set it up does so on the set-up
 * screen first (the key read from the screen).
 */
export async function signIn(context: BrowserContext, login: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/sign-in');
  const authenticator = authenticatorAt(new URL(page.url()).origin);
  await page.locator('input[autocomplete="username"]').fill(login);
  await page.locator('input[autocomplete="current-password"]').fill('sabt-demo');
  await page.keyboard.press('Enter');
  const code = page.locator('input[autocomplete="one-time-code"]');
  const left = page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 20_000 });
  await Promise.race([left, code.waitFor({ timeout: 20_000 })]).catch(() => undefined);
  left.catch(() => undefined);
  if (new URL(page.url()).pathname.startsWith('/sign-in')) {
    await code.fill(await authenticator.code(login));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 20_000 });
  }
  if (new URL(page.url()).pathname === '/two-factor') await setUpTwoFactor(page, login);
  return page;
}

/**
 * On the set-up screen of two-factor sign-in: the key read from the screen into the tests'
 * authenticator, its first code typed, the recovery codes taken; the user goes on to their work.
 */
export async function setUpTwoFactor(page: Page, login: string): Promise<void> {
  const authenticator = authenticatorAt(new URL(page.url()).origin);
  const secret = page.getByTestId('totp-secret');
  await secret.waitFor({ timeout: 20_000 });
  authenticator.add(login, (await secret.innerText()).replace(/\s+/g, ''));
  await page.locator('input[autocomplete="one-time-code"]').fill(await authenticator.code(login));
  await page.keyboard.press('Enter');
  await page.locator('.sabt-recovery-codes').waitFor({ timeout: 20_000 });
  await page.locator('.sabt-recovery-codes ~ button').last().click();
  await page.waitForURL((url) => url.pathname !== '/two-factor', { timeout: 20_000 });
}
