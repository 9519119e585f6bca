import { birthKind, nameChangeKind } from '@sabt/core';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, statusBadge } from './support/birth-form.ts';
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

const T = { timeout: 15_000 };

/** A workflow step through the API as the signed-in user of a context. */
async function step(context: BrowserContext, url: string, data?: unknown) {
  const res = await context.request.post(`/api/v1${url}`, data === undefined ? {} : { data });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

describe('fees at the front office in a real browser', () => {
  it.runIf(ready)(
    'a name change: the fee computed and paid at the front office, then the act registered',
    async () => {
      const frontContext = await newContext(browser, server.url);
      const front = await signIn(frontContext, 'front');
      const backContext = await newContext(browser, server.url);
      await signIn(backContext, 'back');
      // the application taken and checked (the form itself is covered by the workflow tests)
      const { id } = await step(frontContext, '/records', {
        kind: 'NAME_CHANGE',
        data: structuredClone(nameChangeKind.example),
      });
      await step(frontContext, `/records/${id}/submit`);
      await step(backContext, `/records/${id}/validate`);

      // the registrar is told why the act cannot be registered yet
      const registrarContext = await newContext(browser, server.url);
      const registrar = await signIn(registrarContext, 'registrar');
      await registrar.goto(`/records/${id}`);
      const blocked = registrar.getByTestId('register-blocked');
      await blocked.waitFor(T);
      expect(await blocked.innerText()).toContain('487.50');
      await shot(registrar, 'front-office-fees-1-blocked');

      // the clerk computes the fee, sees it itemised and takes the money in cash
      await front.goto(`/records/${id}?tab=fees`);
      const fees = front.getByTestId('record-fees');
      await fees.waitFor(T);
      await expect.poll(() => fees.getByTestId('fee-total').first().innerText(), T).toBe('487.50 сомонӣ');
      await shot(front, 'front-office-fees-2-due');
      await fees.getByRole('button', { name: 'Ҳисоб кардан ва сабт кардан' }).click(T);
      const charge = fees.getByTestId('fee-charge');
      await charge.waitFor(T);
      expect(await charge.getByTestId('fee-status').textContent()).toBe('Пардохт нашудааст');
      const form = front.getByRole('form', { name: 'Сабти пардохт' });
      expect(await form.getByLabel('Маблағ (сомонӣ)').inputValue()).toBe('487.50');
      await form.getByLabel('Пардохткунанда (агар аризадиҳанда набошад)').fill('Алиева Мавлуда');
      await form.getByRole('button', { name: 'Сабт кардан' }).click(T);
      await expect.poll(() => charge.getByTestId('fee-status').textContent(), T).toBe('Пардохт шудааст');
      const row = charge.locator('[data-kind="payment"]');
      expect(await row.innerText()).toMatch(/\d+-\d{4}-1/);
      expect(await row.innerText()).toContain('Алиева Мавлуда');
      expect(await row.locator('[data-slot="receipt"]').count()).toBe(1);
      await shot(front, 'front-office-fees-3-paid');

      // now the registrar registers it
      await registrar.reload();
      await registrar.getByRole('button', { name: 'Ба қайд гирифтан', exact: true }).waitFor(T);
      expect(await registrar.getByTestId('register-blocked').count()).toBe(0);
      await runAction(registrar, 'Ба қайд гирифтан');
      await expect.poll(() => statusBadge(registrar).innerText(), T).toContain('Ба қайд гирифта');
      await shot(registrar, 'front-office-fees-4-registered');
      for (const c of [frontContext, backContext, registrarContext]) await c.close();
    },
    180_000,
  );

  it.runIf(ready)(
    'a repeat certificate: the clerk is told it must be paid, pays it on the fees tab, then prints it',
    async () => {
      const headContext = await newContext(browser, server.url);
      await signIn(headContext, 'head');
      await step(headContext, '/blanks/batches', {
        document: 'BIRTH_CERTIFICATE',
        series: 'I-ДУ',
        from: '000301',
        to: '000310',
      });
      const frontContext = await newContext(browser, server.url);
      const front = await signIn(frontContext, 'front');
      const backContext = await newContext(browser, server.url);
      await signIn(backContext, 'back');
      const registrarContext = await newContext(browser, server.url);
      await signIn(registrarContext, 'registrar');
      // a birth registered (free) and its first certificate printed, through the API
      const { id } = await step(frontContext, '/records', {
        kind: 'BIRTH',
        data: structuredClone(birthKind.example),
      });
      await step(frontContext, `/records/${id}/submit`);
      await step(backContext, `/records/${id}/validate`);
      await step(registrarContext, `/records/${id}/register`);
      const first = await step(frontContext, `/records/${id}/certificates`, { mode: 'full' });
      expect(first.issue).toBe('first');

      // the clerk asks for a repeat certificate: the screen says it is paid first, and where
      await front.goto(`/records/${id}?tab=certificates`);
      const section = front.getByRole('region', { name: 'Шаҳодатномаҳо' });
      const unpaid = section.getByTestId('certificate-unpaid');
      await unpaid.waitFor(T);
      expect(await unpaid.innerText()).toContain('Шаҳодатномаи такрорӣ');
      expect(await unpaid.innerText()).toContain('15.00');
      await section.getByRole('button', { name: 'Шаҳодатномаи такрорӣ додан' }).click();
      const dialog = front.getByRole('dialog', { name: 'Додани шаҳодатнома' });
      await dialog.getByRole('button', { name: 'Додан ва чоп кардан' }).click(T);
      const refusal = dialog.getByRole('alert');
      await expect.poll(() => refusal.innerText(), T).toContain('анҷом наёфтааст');
      expect(await refusal.innerText()).toContain('15.00');
      await shot(front, 'front-office-fees-5-repeat-unpaid');
      await front.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached', ...T });

      // on the fees tab: what the repeat certificate costs, its charge, the cash taken
      await unpaid.getByRole('link', { name: 'Пардохтҳо' }).click();
      const fees = front.getByTestId('record-fees');
      const proposed = fees.locator('[data-testid="fee-proposed"][data-purpose="certificate"]');
      await proposed.waitFor(T);
      expect(await proposed.innerText()).toContain('Шаҳодатномаи такрорӣ');
      await shot(front, 'front-office-fees-6-repeat-due');
      await proposed.getByRole('button', { name: 'Ҳисоб кардан ва сабт кардан' }).click(T);
      const charge = fees.getByTestId('fee-charge');
      await charge.waitFor(T);
      const form = front.getByRole('form', { name: 'Сабти пардохт' });
      expect(await form.getByLabel('Маблағ (сомонӣ)').inputValue()).toBe('15.00');
      await form.getByRole('button', { name: 'Сабт кардан' }).click(T);
      await expect.poll(() => charge.getByTestId('fee-status').textContent(), T).toBe('Пардохт шудааст');
      await shot(front, 'front-office-fees-7-repeat-paid');

      // back on the certificates: nothing unpaid; the repeat is printed on the next blank
      await front.getByRole('tab', { name: 'Шаҳодатномаҳо' }).click();
      await section.getByRole('button', { name: 'Шаҳодатномаи такрорӣ додан' }).waitFor(T);
      expect(await section.getByTestId('certificate-unpaid').count()).toBe(0);
      await section.getByRole('button', { name: 'Шаҳодатномаи такрорӣ додан' }).click();
      const posted = front.waitForResponse(
        (r) =>
          r.request().method() === 'POST' &&
          /\/records\/[^/]+\/certificates$/.test(new URL(r.url()).pathname),
        T,
      );
      await dialog.getByRole('button', { name: 'Додан ва чоп кардан' }).click(T);
      const response = await posted;
      expect(response.status()).toBe(201);
      const repeat = await response.json();
      expect(repeat.issue).toBe('repeat');
      await front
        .getByRole('dialog', {
          name: `Шаҳодатнома дар бораи таваллуд ${repeat.series} № ${repeat.number} дода шуд`,
        })
        .waitFor(T);
      await shot(front, 'front-office-fees-8-repeat-printed');

      // the charge is spent: the next repeat is paid again
      await front.goto(`/records/${id}?tab=fees`);
      await fees.getByTestId('fee-spent').waitFor(T);
      await fees.locator('[data-testid="fee-proposed"][data-purpose="certificate"]').waitFor(T);
      await shot(front, 'front-office-fees-9-spent');
      for (const c of [headContext, frontContext, backContext, registrarContext]) await c.close();
    },
    240_000,
  );
});
