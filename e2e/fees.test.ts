import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newContext, SCREENSHOTS, shot, signIn } from './support/browser.ts';
import { useE2e } from './support/suite.ts';

const e2e = useE2e();
const { ready } = e2e;

const T = { timeout: 15_000 };

describe('the fee calculator in a real browser', () => {
  it.runIf(ready)(
    'a clerk finds the fee of a name change, itemised, and what a disabled applicant pays',
    async () => {
      const context = await newContext(e2e.browser, e2e.server.url);
      const page = await signIn(context, 'front');
      await page
        .getByRole('navigation', { name: 'Менюи асосӣ' })
        .getByRole('link', { name: 'Пардохтҳо' })
        .click(T);
      const form = page.getByRole('form', { name: 'Ҳисобкунаки пардохтҳо' });
      await form.waitFor(T);
      await form.getByLabel('Хизматрасонӣ').selectOption('NAME_CHANGE_REG');
      const application = form.getByLabel(/Санаи ариза/);
      await application.fill('');
      await application.pressSequentially('01112025', { delay: 10 });
      const total = page.getByTestId('fee-total');
      await expect.poll(() => total.innerText(), T).toBe('487.50 сомонӣ');
      const duty = page.locator('[data-line="duty"]');
      expect(await duty.innerText()).toContain('450.00');
      expect(await duty.innerText()).toContain('Қонуни Ҷумҳурии Тоҷикистон «Дар бораи боҷи давлатӣ»');
      expect(await page.locator('[data-line="service"]').getByTestId('unverified').count()).toBe(1);
      await shot(page, 'fees-name-change');

      await form.getByLabel('Категорияи аризадиҳанда').selectOption('disabled');
      await expect.poll(() => total.innerText(), T).toBe('37.50 сомонӣ');
      await context.close();
    },
  );

  it.runIf(ready)(
    'the central administrator sees the versions and previews a new one before saving it',
    async () => {
      const context = await newContext(e2e.browser, e2e.server.url);
      const page = await signIn(context, 'admin');
      await page.goto('/fees');
      await page.getByRole('link', { name: 'Идоракунии қоидаҳои пардохт' }).click(T);
      const form = page.getByRole('region', { name: 'Версияи нав' });
      await form.waitFor(T);
      // the versions of one service among the fee lines
      await page.getByLabel('Версияҳо аз рӯи хизматрасонӣ').selectOption('NAME_CHANGE_REG');
      await page.locator('[data-version="default:line:NAME_CHANGE_REG.duty:2025-11-01"]').waitFor(T);
      await form.getByLabel('Хизматрасонӣ').selectOption('MARRIAGE_REG');
      await form.getByLabel('Навъи сатр').selectOption('blank');
      await form.getByLabel(/Ҳисса аз нишондиҳанда/).fill('0.4');
      await form.getByLabel('Асоси ҳуқуқӣ бо тоҷикӣ').fill('Қарори Ҳукумат');
      await form.getByLabel('Асоси ҳуқуқӣ бо русӣ').fill('Постановление Правительства');
      await form.getByLabel('Асоси ҳуқуқӣ бо англисӣ').fill('Government decree');
      await form.getByRole('button', { name: 'Тағйиротро дидан' }).click();
      const preview = page.getByTestId('fee-preview');
      await preview.waitFor(T);
      const row = preview.getByRole('row', { name: /Бақайдгирии ақди никоҳ/ }).first();
      expect(await row.innerText()).toMatch(/15\.00[\s\S]*30\.00/);
      await shot(page, 'fees-admin-preview');
      await form.screenshot({ path: path.join(SCREENSHOTS, 'fees-admin-form.png') });
      await context.close();
    },
  );
});
