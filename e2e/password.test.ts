import { describe, expect, it } from 'vitest';
import { newContext, shot } from './support/browser.ts';
import { useE2e } from './support/suite.ts';

const e2e = useE2e();
const { ready } = e2e;

const T = { timeout: 20_000 };

describe('a password an administrator set', () => {
  it.runIf(ready)(
    'the user signs in with it, is kept on the change screen until they choose their own, then reaches the home',
    async () => {
      // the central administrator resets the clerk's password (through the API): a temporary one
      const admin = await e2e.server.t.as('admin');
      const { id } = await e2e.server.t.dbx.db
        .selectFrom('users')
        .select('id')
        .where('login', '=', 'front')
        .executeTakeFirstOrThrow();
      const reset = await admin.post(`/api/v1/admin/users/${id}/reset-password`);
      expect(reset.status).toBe(200);
      const temporary: string = reset.body.temporaryPassword;

      const context = await newContext(e2e.browser, e2e.server.url);
      const page = await context.newPage();
      await page.goto('/sign-in');
      await page.locator('input[autocomplete="username"]').fill('front');
      await page.locator('input[autocomplete="current-password"]').fill(temporary);
      await page.keyboard.press('Enter');

      // taken to the change screen, told why
      await page.waitForURL((url) => url.pathname === '/password', T);
      await page.getByRole('heading', { name: 'Иваз кардани парол', level: 1 }).waitFor(T);
      await page.getByText('Паролро ба шумо маъмур додааст.', { exact: false }).waitFor(T);
      // and back there from any other page
      await page.goto('/search');
      await page.waitForURL((url) => url.pathname === '/password', T);

      const current = page.getByLabel('Пароли ҳозира', { exact: false });
      const fresh = page.getByLabel(/^Пароли нав\s*\*?$/);
      const repeat = page.getByLabel('Пароли нав бори дигар', { exact: false });
      // a wrong current password is said at its field
      await current.fill('not-the-temporary-one');
      await fresh.fill('amber-kettle-orbit-9');
      await repeat.fill('amber-kettle-orbit-9');
      await page.getByRole('button', { name: 'Иваз кардан' }).click();
      await page.getByText('Пароли ҳозира нодуруст аст.').waitFor(T);
      await shot(page, 'password-temporary-wrong-current');

      await current.fill(temporary);
      await page.getByRole('button', { name: 'Иваз кардан' }).click();
      await page.waitForURL((url) => url.pathname !== '/password', T);
      await page.getByText('Парол иваз шуд.').waitFor(T);
      await page.getByRole('link', { name: 'Иваз кардани парол' }).waitFor(T);
      await shot(page, 'password-changed-home');
      expect(new URL(page.url()).pathname).not.toBe('/password');

      // the session no longer holds a temporary password
      const me = await context.request.get('/api/v1/auth/session');
      expect((await me.json()).user.temporaryCredentials).toBe(false);
      await context.close();
    },
    120_000,
  );
});
