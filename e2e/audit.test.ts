import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequenceAudit } from '../packages/server/src/audit/sequencer.ts';
import { birthData } from '../packages/server/src/test/fixtures.ts';
import { registerThrough } from '../packages/server/src/test/workflow.ts';
import { browserAvailable, launch, newContext, shot, signIn } from './support/browser.ts';
import { type E2eServer, startServer, webBuilt } from './support/server.ts';

const ready = browserAvailable() && webBuilt();
let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  if (!ready) return;
  server = await startServer();
  const [front, back, registrar] = await Promise.all([
    server.t.as('front'),
    server.t.as('back'),
    server.t.as('registrar'),
  ]);
  for (let i = 0; i < 3; i++) {
    const { id } = await registerThrough({ front, back, registrar }, 'BIRTH', birthData());
    // the clerk opens the record a few times: reads the log keeps too
    for (let j = 0; j < 5; j++) expect((await front.get(`/api/v1/records/${id}`)).status).toBe(200);
  }
  await sequenceAudit(server.t.dbx.db);
  browser = await launch();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const T = { timeout: 15_000 };

describe("the auditor's view in a real browser", () => {
  it.runIf(ready)(
    'the auditor finds what the registrar registered, pages the log, sees the chain intact and exports the search',
    async () => {
      const context = await newContext(browser, server.url);
      const page = await signIn(context, 'auditor');
      // from the auditor's home
      await page.getByRole('main').getByRole('link', { name: 'Дафтари аудит' }).click(T);
      await page.getByRole('heading', { name: 'Дафтари аудит', level: 1 }).waitFor(T);
      const status = page.getByRole('region', { name: 'Ҳолати занҷир' });
      await status.getByText('Занҷир бутун аст').waitFor(T);
      expect(await status.innerText()).toContain('Санҷида шуд: аз № 1');

      // the whole log, newest first, page after page
      const rows = page.locator('tr[data-entry]');
      await rows.first().waitFor(T);
      expect(await rows.count()).toBe(25);
      const newest = await rows.first().getAttribute('data-entry');
      await page.getByRole('button', { name: 'Кӯҳнатарҳо' }).click();
      await expect.poll(() => rows.first().getAttribute('data-entry'), T).not.toBe(newest);
      expect(Number(await rows.first().getAttribute('data-entry'))).toBeLessThan(Number(newest));
      await page.getByText('Саҳифаи 2').waitFor(T);
      await page.getByRole('button', { name: 'Навтарҳо' }).click();
      await expect.poll(() => rows.first().getAttribute('data-entry'), T).toBe(newest);

      // who registered what: the registrar's registrations
      const form = page.getByRole('form', { name: 'Ҷустуҷӯ дар дафтар' });
      await form.getByLabel('Кӣ кард (логин ё ном)').fill('Қодиров');
      await form.getByLabel('Амал', { exact: true }).fill('record.register');
      await form.getByRole('button', { name: 'Ҷустуҷӯ' }).click();
      await expect.poll(() => rows.count(), T).toBe(3);
      for (const text of await rows.allInnerTexts()) {
        expect(text).toContain('Шералӣ Қодиров');
        expect(text).toContain('record.register');
        expect(text).toContain('дар занҷир');
      }
      expect(page.url()).toContain('actor=');
      await shot(page, 'audit-auditor-view');

      // the search exported for an inspection: what Excel opens
      const csv = page.getByRole('link', { name: 'CSV (Excel)' });
      const href = await csv.getAttribute('href');
      expect(href).toContain('format=csv');
      expect(href).toContain('event=record.register');
      const res = await page.request.get(href!);
      expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
      const body = await res.body();
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(body.toString('utf8').trim().split('\r\n')).toHaveLength(4);
      await context.close();
    },
    60_000,
  );

  it.runIf(ready)('a registrar has no audit log in the menu and is told so at its address', async () => {
    const context = await newContext(browser, server.url);
    const page = await signIn(context, 'registrar');
    const nav = page.getByRole('navigation', { name: 'Менюи асосӣ' });
    await nav.getByRole('link', { name: 'Пардохтҳо' }).waitFor(T);
    expect(await nav.getByRole('link', { name: 'Дафтари аудит' }).count()).toBe(0);
    await page.goto('/audit');
    await page.getByRole('heading', { name: 'Нақши шумо дафтари аудитро намехонад.' }).waitFor(T);
    await context.close();
  });
});
