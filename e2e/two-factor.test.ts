import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { createUser } from '../packages/server/src/auth/users.ts';
import { DEMO_OFFICE_ID, DEMO_PASSWORD } from '../packages/server/src/demo/demo-data.ts';
import { newContext, shot } from './support/browser.ts';
import { useE2e } from './support/suite.ts';

const e2e = useE2e();
const { ready } = e2e;

const T = { timeout: 20_000 };
const LOGIN = 'e2e-registrar';

/** The code an authenticator app set up with `secret` shows `steps` steps of 30 s from `at`. */
const codeOf = (secret: string, at: number, steps = 0) =>
  generate({ secret, epoch: Math.floor(at / 30_000 + steps) * 30 });

describe('two-factor sign-in', () => {
  it.runIf(ready)(
    'a registrar sets it up by scanning, signs out, signs in with the code, then with a recovery code once',
    async () => {
      await createUser(
        e2e.server.t.dbx.db,
        {
          login: LOGIN,
          password: DEMO_PASSWORD,
          fullName: 'Нозанин Раҳмонова',
          role: 'registrar',
          officeId: DEMO_OFFICE_ID,
        },
        { demoPassword: true },
      );
      const context = await newContext(e2e.browser, e2e.server.url);
      const page = await context.newPage();
      const signInWithPassword = async () => {
        await page.goto('/sign-in');
        await page.locator('input[autocomplete="username"]').fill(LOGIN);
        await page.locator('input[autocomplete="current-password"]').fill(DEMO_PASSWORD);
        await page.keyboard.press('Enter');
      };
      const signOut = async () => {
        await page.getByRole('button', { name: 'Баромадан' }).click();
        await page.waitForURL((url) => url.pathname.startsWith('/sign-in'), T);
      };

      // the password alone leads to the set-up, and nowhere else
      await signInWithPassword();
      await page.waitForURL((url) => url.pathname === '/two-factor', T);
      await page.getByRole('heading', { name: 'Танзими воридшавии дуқадама', level: 1 }).waitFor(T);
      await page.getByText('Барои вазифаи шумо воридшавии дуқадама ҳатмист.', { exact: false }).waitFor(T);
      await page.goto('/search');
      await page.waitForURL((url) => url.pathname === '/two-factor', T);
      const qr = page.getByRole('img', { name: 'Рамзи QR барои барномаи аутентификатор' });
      await qr.waitFor(T);
      expect((await qr.boundingBox())?.width).toBeGreaterThan(150);
      await shot(page, 'two-factor-enrol');

      // "scanning": the app is set up with the key the screen shows
      const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      const setUpAt = Date.now();
      const code = page.getByLabel('Рамз аз барнома', { exact: false });
      await code.fill('000000');
      await page.getByRole('button', { name: 'Тасдиқ ва фаъол кардан' }).click();
      await page.getByText('Рамз нодуруст аст ё аллакай истифода шудааст.', { exact: false }).waitFor(T);
      await code.fill(await codeOf(secret, setUpAt));
      await page.getByRole('button', { name: 'Тасдиқ ва фаъол кардан' }).click();

      // the recovery codes, once
      const list = page.getByRole('list', { name: 'Рамзҳои барқарорсозӣ' });
      await list.waitFor(T);
      const recoveryCodes = (await list.getByRole('listitem').allInnerTexts()).map((c) => c.trim());
      expect(recoveryCodes).toHaveLength(10);
      await page.getByRole('button', { name: 'Нусха гирифтан' }).waitFor(T);
      await page.getByRole('button', { name: 'Чоп кардан' }).waitFor(T);
      await shot(page, 'two-factor-recovery-codes');
      await page.getByRole('button', { name: 'Ман рамзҳоро нигоҳ доштам — идома' }).click();
      await page.waitForURL((url) => url.pathname === '/', T);
      await page.getByRole('button', { name: 'Баромадан' }).waitFor(T);
      await signOut();

      // the password, then the code of the app (the next step's: the first one is used)
      await signInWithPassword();
      const step = page.getByLabel('Рамз аз барнома', { exact: false });
      await step.waitFor(T);
      await shot(page, 'two-factor-code-step');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await step.fill(await codeOf(secret, setUpAt, 1));
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), T);
      await page.getByRole('button', { name: 'Баромадан' }).waitFor(T);
      await signOut();

      // a lost phone: a recovery code instead, which works once
      await signInWithPassword();
      await page.getByRole('button', { name: 'Рамзи барқарорсозиро истифода баред' }).click();
      await page.getByLabel('Рамзи барқарорсозӣ', { exact: false }).fill(recoveryCodes[0]!);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), T);
      await page.goto('/security');
      await page.getByText('Рамзҳои барқарорсозии боқимонда: 9').waitFor(T);
      await shot(page, 'two-factor-security');
      await signOut();

      await signInWithPassword();
      await page.getByRole('button', { name: 'Рамзи барқарорсозиро истифода баред' }).click();
      await page.getByLabel('Рамзи барқарорсозӣ', { exact: false }).fill(recoveryCodes[0]!);
      await page.keyboard.press('Enter');
      await page
        .getByRole('alert')
        .getByText('Рамз нодуруст аст ё аллакай истифода шудааст.', { exact: false })
        .waitFor(T);
      await shot(page, 'two-factor-recovery-code-used');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await context.close();
    },
    180_000,
  );
});
