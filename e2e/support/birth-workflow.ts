import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  choosePlace,
  daysAgo,
  ddmmyyyy,
  field,
  placeGroup,
  runAction,
  section,
  statusBadge,
  typeDate,
} from './birth-form.ts';
import { newContext, shot, signIn } from './browser.ts';
import type { E2eServer } from './server.ts';

/** A birth taken through the workflow in the browser: the front office applies, others check and register. */

const T = { timeout: 15_000 };
export const unique = () => Math.random().toString(36).slice(2, 7);
/** Tajik-looking unique names: a Cyrillic base plus a Cyrillic suffix from a random number. */
export function uniqueName(base: string): string {
  const letters = 'абвгдеёжзиклмнопрстуфхчшэюя';
  const n = Number.parseInt(unique(), 36);
  let s = '';
  for (let x = n; s.length < 4; x = Math.floor(x / letters.length)) s += letters[x % letters.length];
  return `${base}${s}`;
}

/** Opens a new birth application as the given page and fills it completely (applicant = mother). */
export async function fillBirthForm(
  page: Page,
  child: { surname: string; name: string },
  shots = 'workflow-1',
) {
  await page.goto('/records/new/BIRTH');
  const kid = section(page, 'Кӯдак');
  await kid.waitFor(T);
  await field(kid, 'Насаб').fill(child.surname);
  await field(kid, 'Ном').fill(child.name);
  await field(kid, 'Номи падар').fill('Фирӯзович');
  await field(kid, 'Ҷинс').selectOption({ label: 'Мард' });
  const born = daysAgo(5);
  await typeDate(field(kid, 'Санаи таваллуд'), ddmmyyyy(born));
  await expect.poll(() => field(kid, 'Санаи таваллуд').inputValue()).toBe(ddmmyyyy(born));
  const birthPlace = placeGroup(kid, 'Ҷои таваллуд');
  await choosePlace(birthPlace);
  await field(birthPlace, 'Маҳалли аҳолинишин').fill('Душанбе');
  await shot(page, `${shots}-child`);

  const basis = section(page, 'Ҳуҷҷати тасдиқкунандаи таваллуд');
  await field(basis, 'Намуди ҳуҷҷат').selectOption({ label: 'Маълумотномаи тиббӣ дар бораи таваллуд' });
  await field(basis, 'Рақами ҳуҷҷат').fill(`МТ-${unique()}`);
  await typeDate(field(basis, 'Санаи ҳуҷҷат'), ddmmyyyy(born));
  await field(basis, 'Аз ҷониби кӣ дода шудааст').fill('Таваллудхонаи шаҳрии №3, ш. Душанбе');

  const fatherBasis = section(page, 'Асоси сабти маълумот дар бораи падар');
  await field(fatherBasis, 'Асос').selectOption('NONE');
  // no father: the father's section goes away
  await expect.poll(() => section(page, 'Падар').count()).toBe(0);

  const mother = section(page, 'Модар');
  await field(mother, 'Насаб').fill(child.surname.replace(/ов$/, 'ова'));
  await field(mother, 'Ном').fill('Нигина');
  await field(mother, 'Номи падар').fill('Алиевна');
  await typeDate(field(mother, 'Санаи таваллуд'), '14.05.1996');
  const residence = placeGroup(mother, 'Ҷои истиқомат');
  await choosePlace(residence);
  await field(residence, 'Маҳалли аҳолинишин').fill('Душанбе');
  await field(residence, 'Суроға').fill('кӯчаи Борбад 12, ҳуҷраи 5');
  await shot(page, `${shots}-mother`);

  const applicant = section(page, 'Аризадиҳанда');
  await applicant.getByRole('button', { name: 'Аз маълумоти модар' }).click();
  await expect.poll(() => field(applicant, 'Кӣ муроҷиат кард').inputValue()).toBe('MOTHER');
  await expect.poll(() => field(applicant, 'Ном').inputValue()).toBe('Нигина');
}

/** "Check", then "Submit for checking"; returns the new record's id from the record screen's URL. */
export async function checkAndSubmit(
  page: Page,
  name: string,
  opts: { reload?: boolean } = {},
): Promise<string> {
  await page.getByRole('button', { name: 'Санҷидан', exact: true }).click();
  const ok = page.getByText('Ҳамаи майдонҳо дуруст пур карда шудаанд', { exact: false });
  try {
    await ok.waitFor(T);
  } catch (error) {
    await shot(page, `${name}-check-failed`);
    const problems = await page.locator('[role="alert"], [id$="-errors"]').allInnerTexts();
    throw new Error(`the form's check did not pass: ${problems.join(' | ')}`, { cause: error });
  }
  await shot(page, `${name}-checked`);
  await page.getByRole('button', { name: 'Барои санҷиш фиристодан', exact: true }).click();
  await page.waitForURL(/\/records\/[^/]+$/, T);
  // App bug: the form invalidates ['records'] but the record screen caches ['record', id] (staleTime
  // 30 s), so a record already viewed in this tab shows its old status after a resubmission.
  if (opts.reload) await page.reload();
  await expect.poll(() => statusBadge(page).innerText(), T).toBe('Барои санҷиш фиристода шуд');
  return new URL(page.url()).pathname.split('/').pop()!;
}

/**
 * A birth from the front desk to the register, each step by its own person in its own browser
 * context: front office fills and submits, back office validates, the registrar registers.
 * Returns the record's id.
 */
export async function registerBirth(
  browser: Browser,
  server: E2eServer,
  child: { surname: string; name: string },
  shots: string,
): Promise<string> {
  const front = await newContext(browser, server.url);
  const fp = await signIn(front, 'front');
  await fillBirthForm(fp, child, shots);
  const id = await checkAndSubmit(fp, shots);
  await front.close();
  await validateAndRegister(browser, server, id, shots);
  return id;
}

/** A record submitted for checking: the back office validates it, the registrar registers it, each in their own context. */
export async function validateAndRegister(browser: Browser, server: E2eServer, id: string, shots: string) {
  for (const [login, before, action, after] of [
    ['back', 'Барои санҷиш фиристода шуд', 'Санҷида шуд', 'Санҷида шуд'],
    ['registrar', 'Санҷида шуд', 'Ба қайд гирифтан', 'Ба қайд гирифта шуд'],
  ] as const) {
    const context = await newContext(browser, server.url);
    const page = await signIn(context, login);
    await page.goto(`/records/${id}`);
    await expect.poll(() => statusBadge(page).innerText(), T).toBe(before);
    await runAction(page, action);
    await expect.poll(() => statusBadge(page).innerText(), T).toBe(after);
    await shot(page, `${shots}-${login}`);
    await context.close();
  }
}
