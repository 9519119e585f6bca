import { describe, expect, it } from 'vitest';
import { birthOf } from '../packages/server/src/test/family.ts';
import { registerThrough } from '../packages/server/src/test/workflow.ts';
import { field, section } from './support/birth-form.ts';
import { uniqueName } from './support/birth-workflow.ts';
import { newContext, shot, signIn } from './support/browser.ts';
import { useE2e } from './support/suite.ts';

const e2e = useE2e();
const { ready } = e2e;

const T = { timeout: 15_000 };

/** Digits typed key by key, as a clerk does (no dots). */
async function typeDigits(input: ReturnType<typeof field>, digits: string) {
  await input.click();
  await input.pressSequentially(digits, { delay: 10 });
}

describe('dates typed as digits in a real browser', () => {
  it.runIf(ready)('the death form reads 8 digits as a date, 6 as a month and year, 4 as a year', async () => {
    const context = await newContext(e2e.browser, e2e.server.url);
    const page = await signIn(context, 'front');
    await page.goto('/records/new/DEATH');
    const deceased = section(page, 'Фавтида');
    await deceased.waitFor(T);
    const born = field(deceased, 'Санаи таваллуд');
    await typeDigits(born, '01031950');
    expect(await born.inputValue()).toBe('01.03.1950');
    const died = field(section(page, 'Вафот'), 'Санаи вафот');
    await typeDigits(died, '1503195');
    expect(await died.inputValue()).toBe('15.03.195');
    await died.pressSequentially('0');
    expect(await died.inputValue()).toBe('15.03.1950');
    await born.fill('');
    await typeDigits(born, '061950');
    expect(await born.inputValue()).toBe('06.1950');
    await born.fill('');
    await typeDigits(born, '1950');
    expect(await born.inputValue()).toBe('1950');
    await shot(page, 'death-form-partial-dates');
    await context.close();
  });

  it.runIf(ready)('the amendment and annulment dialogs put the dots in too', async () => {
    const [front, back, registrar] = await Promise.all(
      ['front', 'back', 'registrar'].map((l) => e2e.server.t.as(l)),
    );
    const surname = uniqueName('Раҳимов');
    const birth = await registerThrough(
      { front: front!, back: back!, registrar: registrar! },
      'BIRTH',
      birthOf(
        { surname, name: 'Суҳроб', sex: 'M', birthDate: '2026-01-19' },
        { surname: `${surname}а`, name: 'Саодат', birthDate: '1996-02-11' },
      ),
    );
    const context = await newContext(e2e.browser, e2e.server.url);
    const page = await signIn(context, 'registrar');
    await page.goto(`/records/${birth.id}`);

    await page.getByRole('button', { name: 'Тағйирот дархост кардан', exact: true }).click();
    let dialog = page.getByRole('dialog');
    await dialog.waitFor(T);
    const basisDate = field(dialog, 'Санаи ҳуҷҷат');
    await typeDigits(basisDate, '01012030');
    expect(await basisDate.inputValue()).toBe('01.01.2030');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', ...T });

    await page.getByRole('button', { name: 'Сабтро бекор кардан', exact: true }).click();
    dialog = page.getByRole('dialog');
    await dialog.waitFor(T);
    await dialog.getByRole('button', { name: 'Сабтро бекор кардан' }).click();
    // «Суд» and «Рақами парванда» left empty: said to be required
    await expect.poll(() => dialog.getByText('Ин майдон ҳатмист: онро пур кунед.').count(), T).toBe(3);
    const courtDate = field(dialog, 'Санаи қарор');
    await typeDigits(courtDate, '02032026');
    expect(await courtDate.inputValue()).toBe('02.03.2026');
    const inForce = field(dialog, 'Санаи эътибор пайдо кардан (ихтиёрӣ)');
    await typeDigits(inForce, '16032026');
    expect(await inForce.inputValue()).toBe('16.03.2026');
    await shot(page, 'annulment-dialog-dates');
    await context.close();
  });
});
