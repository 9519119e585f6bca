import { describe, expect, it } from 'vitest';
import {
  daysAgo,
  ddmmyyyy,
  field,
  runAction,
  saveStatus,
  section,
  statusBadge,
  typeDate,
} from './support/birth-form.ts';
import { checkAndSubmit, fillBirthForm, unique, uniqueName } from './support/birth-workflow.ts';
import { newContext, shot, signIn } from './support/browser.ts';
import { useE2e } from './support/suite.ts';

const e2e = useE2e();
const { ready } = e2e;

const T = { timeout: 15_000 };

describe('a birth from the front desk to the register', () => {
  it.runIf(ready)(
    'front office applies, back office validates, the registrar registers: № and national ID',
    async () => {
      const surname = uniqueName('Раҳимов');
      const name = uniqueName('Сомон');

      const front = await newContext(e2e.browser, e2e.server.url);
      const fp = await signIn(front, 'front');
      await fillBirthForm(fp, { surname, name });
      const id = await checkAndSubmit(fp, 'workflow-1');
      await expect.poll(() => fp.locator('h1').innerText()).toContain(surname);
      await shot(fp, 'workflow-1-submitted');
      await front.close();

      const back = await newContext(e2e.browser, e2e.server.url);
      const bp = await signIn(back, 'back');
      await bp.goto(`/records/${id}`);
      await expect.poll(() => statusBadge(bp).innerText(), T).toBe('Барои санҷиш фиристода шуд');
      await shot(bp, 'workflow-1-back-office-opens');
      await runAction(bp, 'Санҷида шуд');
      await expect.poll(() => statusBadge(bp).innerText(), T).toBe('Санҷида шуд');
      await shot(bp, 'workflow-1-validated');
      await back.close();

      const reg = await newContext(e2e.browser, e2e.server.url);
      const rp = await signIn(reg, 'registrar');
      await rp.goto(`/records/${id}`);
      await expect.poll(() => statusBadge(rp).innerText(), T).toBe('Санҷида шуд');
      await runAction(rp, 'Ба қайд гирифтан');
      await expect.poll(() => statusBadge(rp).innerText(), T).toBe('Ба қайд гирифта шуд');
      const facts = rp.getByRole('region', { name: 'Маълумоти асосии сабт' });
      await expect.poll(() => facts.innerText(), T).toMatch(/№ \d+ \/ \d{4}/);
      const text = await facts.innerText();
      expect(text).not.toContain('Баъд аз бақайдгирӣ дода мешавад');
      const nationalId =
        (await facts.getByRole('button', { name: 'Рақами миллиро нусха бардоштан' }).count()) > 0;
      expect(nationalId, 'the national ID with its copy button').toBe(true);
      await shot(rp, 'workflow-1-registered');
      await reg.close();
    },
    120_000,
  );
});

describe('a rejected application goes back to the front office', () => {
  it.runIf(ready)(
    'back office rejects with a reason; the front office reads it, edits the draft and resubmits',
    async () => {
      const surname = uniqueName('Каримов');
      const front = await newContext(e2e.browser, e2e.server.url);
      const fp = await signIn(front, 'front');
      await fillBirthForm(fp, { surname, name: uniqueName('Дилшод') });
      const id = await checkAndSubmit(fp, 'workflow-2');

      const back = await newContext(e2e.browser, e2e.server.url);
      const bp = await signIn(back, 'back');
      await bp.goto(`/records/${id}`);
      await expect.poll(() => statusBadge(bp).innerText(), T).toBe('Барои санҷиш фиристода шуд');
      // the reason is required: confirming without one shows the message
      await bp.getByRole('button', { name: 'Баргардонидан', exact: true }).first().click();
      const dialog = bp.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Баргардонидан', exact: true }).click();
      await dialog.getByText('Сабабро нависед.').waitFor(T);
      await shot(bp, 'workflow-2-reject-needs-reason');
      await dialog.getByRole('button', { name: 'Бекор', exact: true }).first().click();
      const reason = `Номи падари кӯдак дар ҳуҷҷати тиббӣ дигар аст (${unique()})`;
      await runAction(bp, 'Баргардонидан', reason);
      await expect.poll(() => statusBadge(bp).innerText(), T).toBe('Лоиҳа');
      await shot(bp, 'workflow-2-rejected');
      await back.close();

      await fp.goto(`/records/${id}`);
      await fp.getByText('Сабт баргардонида шуд', { exact: true }).first().waitFor(T);
      await fp.getByText(reason).first().waitFor(T);
      await shot(fp, 'workflow-2-front-sees-reason');
      await fp.getByRole('link', { name: 'Таҳрир кардан' }).click();
      await fp.waitForURL(new RegExp(`/records/${id}/edit$`), T);
      const kid = section(fp, 'Кӯдак');
      await field(kid, 'Номи падар').waitFor(T);
      expect(await field(kid, 'Насаб').inputValue()).toBe(surname);
      await field(kid, 'Номи падар').fill('Фаридунович');
      await expect.poll(() => saveStatus(fp).getAttribute('data-save-status'), T).toBe('saved');
      await shot(fp, 'workflow-2-edited');
      const again = await checkAndSubmit(fp, 'workflow-2-resubmit');
      expect(again).toBe(id);
      await fp.getByText('Фаридунович').first().waitFor(T);
      await shot(fp, 'workflow-2-resubmitted');
      await front.close();
    },
    120_000,
  );
});

describe('a draft survives closing the tab', () => {
  it.runIf(ready)(
    'saved in Sabt: the edit page brings the typed values back',
    async () => {
      const surname = uniqueName('Назаров');
      const name = uniqueName('Бахтиёр');
      const context = await newContext(e2e.browser, e2e.server.url);
      const page = await signIn(context, 'front');
      await page.goto('/records/new/BIRTH');
      const kid = section(page, 'Кӯдак');
      await kid.waitFor(T);
      const created = page.waitForResponse(
        (r) => r.request().method() === 'POST' && /\/records$/.test(new URL(r.url()).pathname),
        T,
      );
      await field(kid, 'Насаб').fill(surname);
      await field(kid, 'Ном').fill(name);
      await typeDate(field(kid, 'Санаи таваллуд'), ddmmyyyy(daysAgo(3)));
      const response = await created;
      expect(response.status()).toBeLessThan(300);
      const id = ((await response.json()) as { id: string }).id;
      await expect.poll(() => saveStatus(page).getAttribute('data-save-status'), T).toBe('saved');
      await shot(page, 'workflow-3-saved');
      await page.close();

      const again = await context.newPage();
      await again.goto(`/records/${id}/edit`);
      const kid2 = section(again, 'Кӯдак');
      await kid2.waitFor(T);
      await expect.poll(() => field(kid2, 'Насаб').inputValue(), T).toBe(surname);
      expect(await field(kid2, 'Ном').inputValue()).toBe(name);
      expect(await field(kid2, 'Санаи таваллуд').inputValue()).toBe(ddmmyyyy(daysAgo(3)));
      await shot(again, 'workflow-3-continued');
      await context.close();
    },
    60_000,
  );

  it.runIf(ready)(
    'offline: the copy kept in the browser is offered on a new application',
    async () => {
      const surname = uniqueName('Саидов');
      const name = uniqueName('Ҷамшед');
      const context = await newContext(e2e.browser, e2e.server.url);
      const page = await signIn(context, 'front');
      await page.goto('/records/new/BIRTH');
      const kid = section(page, 'Кӯдак');
      await kid.waitFor(T);
      await context.setOffline(true);
      await field(kid, 'Насаб').fill(surname);
      await field(kid, 'Ном').fill(name);
      await field(kid, 'Ҷинс').selectOption({ label: 'Зан' });
      await expect.poll(() => saveStatus(page).getAttribute('data-save-status'), T).toBe('offline');
      await shot(page, 'workflow-3-offline');
      await page.close();
      await context.setOffline(false);

      const again = await context.newPage();
      await again.goto('/records/new/BIRTH');
      const offer = again.getByRole('region', { name: 'Аризаи нотамом ҳаст' });
      await offer.waitFor(T);
      expect(await offer.innerText()).toContain(surname);
      await shot(again, 'workflow-3-offer');
      await offer.getByRole('button', { name: new RegExp(`^Идома додан: ${surname}`) }).click();
      const kid2 = section(again, 'Кӯдак');
      await expect.poll(() => field(kid2, 'Насаб').inputValue(), T).toBe(surname);
      expect(await field(kid2, 'Ном').inputValue()).toBe(name);
      expect(await field(kid2, 'Ҷинс').inputValue()).toBe('F');
      // back online, the continued draft is saved in Sabt
      await expect.poll(() => saveStatus(again).getAttribute('data-save-status'), T).toBe('saved');
      await shot(again, 'workflow-3-offline-continued');
      await context.close();
    },
    60_000,
  );
});
