import { beforeAll, describe, expect, it } from 'vitest';
import { birthOf, deathOf, marriageOf } from '../packages/server/src/test/family.ts';
import { registerThrough, type Workflow } from '../packages/server/src/test/workflow.ts';
import { field, statusBadge } from './support/birth-form.ts';
import { uniqueName } from './support/birth-workflow.ts';
import { newContext, shot, signIn } from './support/browser.ts';
import { useE2e } from './support/suite.ts';

const e2e = useE2e();
const { ready } = e2e;
let clerks: Workflow;

beforeAll(async () => {
  if (!ready) return;
  const [front, back, registrar] = await Promise.all(
    ['front', 'back', 'registrar'].map((l) => e2e.server.t.as(l)),
  );
  clerks = { front: front!, back: back!, registrar: registrar! };
});

const T = { timeout: 20_000 };

describe('annulment in the staff workspace', () => {
  it.runIf(ready)(
    'the registrar annuls a wrong death record on a court decision; the birth and marriage records show it undone',
    async () => {
      // A man born, married and wrongly recorded as dead (registered through the API).
      // letters only: a name part may not hold digits
      const tag = uniqueName('');
      const husband = { surname: `Набиев${tag}`, name: 'Суҳроб', sex: 'M' as const, birthDate: '1975-08-19' };
      const wife = { surname: `Зоирова${tag}`, name: 'Гулнора', birthDate: '1978-04-02' };
      const birth = await registerThrough(
        clerks,
        'BIRTH',
        birthOf(
          husband,
          { surname: `Набиева${tag}`, name: 'Саодат', birthDate: '1950-02-11' },
          { surname: `Набиев${tag}`, name: 'Карим', birthDate: '1948-10-01' },
        ),
      );
      const marriage = await registerThrough(clerks, 'MARRIAGE', marriageOf(husband, wife));
      const death = await registerThrough(clerks, 'DEATH', deathOf(husband, '2026-01-15'));

      const context = await newContext(e2e.browser, e2e.server.url);
      const page = await signIn(context, 'registrar');
      await page.goto(`/records/${death.id}`);
      await page.getByRole('button', { name: 'Сабтро бекор кардан', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor(T);
      // The registrar is told what a court annulment of a death undoes before confirming.
      await dialog.getByText('қайди вафот аз сабти таваллуд гирифта мешавад', { exact: false }).waitFor(T);
      await field(dialog, 'Суд').fill('Суди ноҳияи Фирдавсӣ ш. Душанбе');
      await field(dialog, 'Рақами парванда').fill('2-77/2026');
      await field(dialog, 'Санаи қарор').fill('02.03.2026');
      await field(dialog, 'Сабаби бекор кардан').fill(
        'Шахс зинда аст: сабти вафот хато тартиб дода шуда буд',
      );
      await shot(page, 'annulment-dialog');
      await dialog.getByRole('button', { name: 'Сабтро бекор кардан' }).click();
      await dialog.waitFor({ state: 'detached', ...T });
      await expect.poll(() => statusBadge(page).innerText(), T).toContain('Бекор карда шуд');

      // The birth record no longer says the man is dead, and says why.
      await page.goto(`/records/${birth.id}`);
      await page.getByRole('tab', { name: /Пайвандҳо ва қайдҳо/ }).click();
      const notations = page.getByRole('region', { name: 'Қайдҳо дар сабт' });
      await notations.getByText('Сабти вафот бо қарори суд бекор карда шуд').waitFor(T);
      await notations.getByText('Қайди вафот аз сабт гирифта шуд.').waitFor(T);
      await shot(page, 'annulment-birth-record');

      // The marriage is in force again.
      await page.goto(`/records/${marriage.id}`);
      await page.getByRole('tab', { name: /Пайвандҳо ва қайдҳо/ }).click();
      await page
        .getByRole('region', { name: 'Қайдҳо дар сабт' })
        .getByText('Ақди никоҳ боз эътибор дорад.')
        .waitFor(T);
      await context.close();
    },
    120_000,
  );
});
