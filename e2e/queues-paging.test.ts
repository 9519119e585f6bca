import { describe, expect, it } from 'vitest';
import { birthData } from '../packages/server/src/test/fixtures.ts';
import { R } from '../packages/server/src/test/workflow.ts';
import { newContext, shot, signIn } from './support/browser.ts';
import { useE2e } from './support/suite.ts';

const e2e = useE2e();
const { ready } = e2e;

describe('a work queue longer than a page', () => {
  it.runIf(ready)(
    'pages forward and back by the server’s page tokens, with the count in words',
    async () => {
      const front = await e2e.server.t.as('front');
      for (let i = 0; i < 27; i++) {
        const res = await front.post(R, { kind: 'BIRTH', data: birthData() });
        expect(res.status).toBe(201);
      }
      const context = await newContext(e2e.browser, e2e.server.url);
      const page = await signIn(context, 'front');
      await page.goto('/queues/drafts');
      const table = page.getByRole('table');
      const rows = () => table.locator('tbody tr').count();
      await expect.poll(rows, { timeout: 20_000 }).toBe(25);
      const pages = page.getByRole('navigation', { name: 'Саҳифаҳо' });
      await page.getByText('27 сабт', { exact: true }).waitFor();
      expect(await pages.getByRole('button', { name: 'Саҳифаи қаблӣ' }).isDisabled()).toBe(true);
      const first = await table.locator('tbody tr').first().innerText();

      await pages.getByRole('button', { name: 'Саҳифаи навбатӣ' }).click();
      await expect.poll(rows, { timeout: 20_000 }).toBe(2);
      expect(new URL(page.url()).searchParams.get('page')).toBeTruthy();
      expect(await pages.getByRole('button', { name: 'Саҳифаи навбатӣ' }).isDisabled()).toBe(true);
      await shot(page, 'queues-second-page');

      await pages.getByRole('button', { name: 'Саҳифаи қаблӣ' }).click();
      await expect.poll(rows, { timeout: 20_000 }).toBe(25);
      expect(await table.locator('tbody tr').first().innerText()).toBe(first);
      // Back in the browser returns to the second page, as the address keeps the token
      await page.goBack();
      await expect.poll(rows, { timeout: 20_000 }).toBe(2);
      await context.close();
    },
    120_000,
  );
});
