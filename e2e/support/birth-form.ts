import type { Locator, Page } from 'playwright-core';

/** Helpers for the birth application form and the record screen, by their Tajik labels. */

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A labelled input, whether or not its label carries the required asterisk. */
export function field(scope: Locator | Page, label: string): Locator {
  return scope.getByLabel(new RegExp(`^\\s*${esc(label)}\\s*\\*?\\s*$`)).first();
}

/** A section of the form (a <section> named by its title). */
export function section(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

/** A place fieldset (its legend) inside a section. */
export function placeGroup(scope: Locator, legend: string): Locator {
  return scope.getByRole('group', { name: new RegExp(`^\\s*${esc(legend)}\\s*\\*?\\s*$`) });
}

/** Types a date as a clerk does: digits only, the mask puts the dots. */
export async function typeDate(input: Locator, ddmmyyyy: string) {
  await input.click();
  await input.pressSequentially(ddmmyyyy.replace(/\D/g, ''), { delay: 10 });
  await input.press('Tab');
}

/** Dushanbe → Firdavsi (DU-03). */
export async function choosePlace(group: Locator) {
  await field(group, 'Вилоят').selectOption('DU');
  await field(group, 'Ноҳия ё шаҳр').selectOption('DU-03');
}

export function ddmmyyyy(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()}`;
}

export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

/** The save status of the form's bottom bar (idle | saving | saved | offline | error). */
export function saveStatus(page: Page): Locator {
  return page.getByRole('status', { name: 'Ҳолати захира' }).locator('[data-save-status]');
}

/** The status badge on the record screen (the first badge under the title). */
export function statusBadge(page: Page): Locator {
  return page.locator('h1 ~ ul li').first();
}

/** Clicks an action button on the record screen and confirms it in its dialog (with a reason). */
export async function runAction(page: Page, name: string, reason?: string) {
  await page.getByRole('button', { name, exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ timeout: 10_000 });
  if (reason !== undefined) await field(dialog, 'Сабаб').fill(reason);
  await dialog.getByRole('button', { name, exact: true }).click();
  await dialog.waitFor({ state: 'detached', timeout: 15_000 });
}
