import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pdfTextFlat } from '../packages/server/src/certificates/documents/pdf-tools.ts';
import { field } from './support/birth-form.ts';
import { registerBirth, uniqueName } from './support/birth-workflow.ts';
import { newContext, shot, signIn } from './support/browser.ts';
import { useE2e } from './support/suite.ts';

const e2e = useE2e();
const { ready } = e2e;

const T = { timeout: 20_000 };

/**
 * The counts of one document in the stock report: in stock, used, awaiting, spoiled, lost, written
 * off otherwise, written off in all, received from above, handed over below, total.
 */
async function stockCounts(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: 'Бланкҳои идора аз рӯи ҳуҷҷат ва ҳолат' });
  const row = table.getByRole('row', { name: /Шаҳодатнома дар бораи таваллуд/ });
  await row.waitFor(T);
  return (await row.getByRole('cell').allInnerTexts()).map((s) => s.trim());
}

/** The first bytes and type of a PDF, fetched from the page as the signed-in user. */
function pdfStart(page: Page, url: string) {
  return page.evaluate(async (u) => {
    const res = await fetch(u, { credentials: 'include' });
    const bytes = new Uint8Array(await res.arrayBuffer());
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      start: String.fromCharCode(...bytes.slice(0, 5)),
      size: bytes.length,
    };
  }, url);
}

/** The text of a PDF as pdftotext reads it, fetched from the page as the signed-in user. */
async function pdfTextOf(page: Page, url: string): Promise<string> {
  const base64 = await page.evaluate(async (u) => {
    const bytes = new Uint8Array(await (await fetch(u, { credentials: 'include' })).arrayBuffer());
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    return btoa(bin);
  }, url);
  return pdfTextFlat(Buffer.from(base64, 'base64'));
}

async function receiveBatch(page: Page, series: string, from: string, to: string) {
  await page.getByRole('tab', { name: 'Қабули баста' }).click();
  const form = page.getByRole('form', { name: 'Қабули бастаи бланкҳо' });
  await form.waitFor(T);
  await field(form, 'Ҳуҷҷат').selectOption('BIRTH_CERTIFICATE');
  await field(form, 'Силсила').fill(series);
  await field(form, 'Аз рақами').fill(from);
  await field(form, 'То рақами').fill(to);
  await form.getByRole('button', { name: 'Қабул кардан' }).click();
}

const row = (scope: Locator, name: RegExp) => scope.getByRole('row', { name });

describe('certificates in the staff workspace', () => {
  it.runIf(ready)(
    'the head of office receives blanks; a clerk previews, issues on the next blank and hands the certificate over',
    async () => {
      // the head of office receives a box of birth certificate blanks
      const head = await newContext(e2e.browser, e2e.server.url);
      const hp = await signIn(head, 'head');
      await hp
        .getByRole('navigation', { name: 'Менюи асосӣ' })
        .getByRole('link', { name: 'Бланкҳо' })
        .click();
      await hp.waitForURL(/\/blanks$/, T);
      await hp.getByRole('heading', { name: 'Бланкҳои ҳисоботи қатъӣ' }).waitFor(T);
      await hp.getByText('Дар анбори идора ҳанӯз бланк нест.').waitFor(T);
      await receiveBatch(hp, 'I-ДУ', '000101', '000150');
      await hp.getByText('50 бланк қабул шуд: I-ДУ 000101–000150.').waitFor(T);
      const batches = hp.getByRole('table', { name: 'Бастаҳои қабулшудаи бланкҳо, аз навтарин' });
      await row(batches, /000101–000150/).waitFor(T);
      // the same numbers twice: refused, in Tajik
      await receiveBatch(hp, 'I-ДУ', '000150', '000160');
      const refused = hp.getByRole('form', { name: 'Қабули бастаи бланкҳо' }).getByRole('alert');
      await expect.poll(() => refused.innerText(), T).toContain('аллакай қабул шудаанд');
      await shot(hp, 'certificates-1-batch-received');
      await hp.getByRole('tab', { name: 'Анбор' }).click();
      expect(await stockCounts(hp)).toEqual(['50', '0', '0', '0', '0', '0', '0', '0', '0', '50']);

      // who signs the office's documents: the head of office, as documents print it
      await hp.getByRole('tab', { name: 'Имзокунанда' }).click();
      const signatory = hp.getByTestId('printed-signatory');
      await signatory.waitFor(T);
      expect(await signatory.innerText()).toContain('Сардори шуъбаи САҲШ');
      expect(await signatory.innerText()).toContain('Зарина Саидзода');
      await hp.getByRole('form', { name: 'Имзокунандаи нав' }).waitFor(T);
      await shot(hp, 'certificates-1b-signatory');
      await hp.getByRole('tab', { name: 'Анбор' }).click();

      // a birth goes through the workflow in the browser
      const surname = uniqueName('Раҳимов');
      const id = await registerBirth(
        e2e.browser,
        e2e.server,
        { surname, name: uniqueName('Сомон') },
        'certificates-0',
      );

      // the front office opens the record's certificates: none yet
      const front = await newContext(e2e.browser, e2e.server.url);
      const fp = await signIn(front, 'front');
      await fp.goto(`/records/${id}`);
      await fp.getByRole('tab', { name: 'Шаҳодатномаҳо' }).click();
      const section = fp.getByRole('region', { name: 'Шаҳодатномаҳо' });
      await section.getByText('Барои ин сабт ҳанӯз шаҳодатнома дода нашудааст.').waitFor(T);
      await section.getByRole('button', { name: 'Шаҳодатнома додан' }).click();
      const dialog = fp.getByRole('dialog', { name: 'Додани шаҳодатнома' });
      await dialog.getByLabel('Бланки навбатии холӣ: I-ДУ № 000101').waitFor(T);
      expect(await dialog.innerText()).toContain('Ин аввалин шаҳодатномаи сабт мешавад.');

      // the preview: a PDF marked as a sample; nothing is taken from the stock
      const previewed = fp.waitForResponse(
        (r) => new URL(r.url()).pathname.endsWith('/certificates/preview'),
        T,
      );
      await dialog.getByRole('button', { name: 'Пешнамоиш' }).click();
      const preview = await previewed;
      expect(preview.status()).toBe(200);
      expect(preview.headers()['content-type']).toContain('application/pdf');
      // a sample, taken from the page: the same address as the clerk's browser asked
      expect(await pdfStart(fp, preview.url())).toMatchObject({ status: 200, start: '%PDF-' });
      await dialog.getByTitle('Пешнамоиши шаҳодатнома (намуна, ҳуҷҷат нест)').waitFor(T);
      // what will print under the QR code: the address, and where the code goes once issued
      const previewText = await pdfTextOf(fp, preview.url());
      expect(previewText).toContain('рамзи санҷиш ҳангоми додан чоп мешавад');
      expect(previewText.replace(/\s/g, '')).toContain('/verify');
      await shot(fp, 'certificates-2-preview');

      // issue and print onto the blank in the printer
      const posted = fp.waitForResponse(
        (r) =>
          r.request().method() === 'POST' &&
          /\/records\/[^/]+\/certificates$/.test(new URL(r.url()).pathname),
        T,
      );
      await dialog.getByRole('button', { name: 'Додан ва чоп кардан' }).click();
      const response = await posted;
      expect(response.status()).toBe(201);
      const cert = (await response.json()) as {
        id: string;
        pdf: string;
        series: string;
        number: string;
        issuedOn: string;
        verifyCode: string;
        verifyUrl: string;
      };
      expect(`${cert.series} ${cert.number}`).toBe('I-ДУ 000101');
      const done = fp.getByRole('dialog', {
        name: 'Шаҳодатнома дар бораи таваллуд I-ДУ № 000101 дода шуд',
      });
      await done.getByTitle('Шаҳодатнома дар бораи таваллуд I-ДУ № 000101 (PDF-и имзошуда)').waitFor(T);
      await done.getByRole('button', { name: 'Чоп кардан' }).waitFor(T);
      await shot(fp, 'certificates-3-issued');

      // the signed PDF, as the browser gets it
      const pdf = await pdfStart(fp, cert.pdf);
      expect(pdf).toMatchObject({ status: 200, type: 'application/pdf', start: '%PDF-' });
      expect(pdf.size).toBeGreaterThan(10_000);
      // it is signed by the head of office, with her title; the clerk who printed it is not named
      const printedText = await pdfTextOf(fp, cert.pdf);
      expect(printedText).toContain('Сардори шуъбаи САҲШ');
      expect(printedText).toContain('Зарина Саидзода');
      expect(printedText).not.toContain('Мадина Раҳимова');
      expect(printedText).toContain('Шуъбаи сабти асноди ҳолати шаҳрвандии ноҳияи Фирдавсӣ, шаҳри Душанбе');
      // under the QR code, for whoever has no scanner: the short address and the verification code
      expect(cert.verifyCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
      expect(printedText).toContain(cert.verifyCode);
      expect(printedText.replace(/\s/g, '')).toContain(cert.verifyUrl);
      expect(cert.verifyUrl).toMatch(new RegExp(`/verify/${cert.verifyCode}$`));

      // a bank clerk with no scanner checks it on the public page, by the code and by the number
      const visitor = await newContext(e2e.browser, e2e.server.url);
      const vp = await visitor.newPage();
      await vp.goto('/verify?lang=en');
      const byCode = vp.getByRole('form', { name: 'By verification code' });
      await byCode.getByLabel('Verification code (under the QR code)').fill(cert.verifyCode.toLowerCase());
      await byCode.getByRole('button', { name: 'Check' }).click();
      await vp.getByText('The certificate is genuine and valid.').waitFor(T);
      expect(await vp.getByRole('status').innerText()).toContain('I-ДУ 000101');
      await shot(vp, 'certificates-3b-checked-by-code');
      const byNumber = vp.getByRole('form', { name: 'By series, number and date of issue' });
      await byNumber.getByLabel('Blank series').fill('І-ДУ');
      await byNumber.getByLabel('Blank number').fill('101');
      const [y, m, d] = cert.issuedOn.split('-');
      await byNumber.getByLabel('Date of issue (dd.mm.yyyy)').fill(`${d}.${m}.${y}`);
      await byNumber.getByRole('button', { name: 'Check' }).click();
      await vp.getByText('The certificate is genuine and valid.').waitFor(T);
      expect(await vp.getByRole('status').innerText()).toContain('Signed by');
      await shot(vp, 'certificates-3c-checked-by-number');
      await visitor.close();

      // who collected it, with which document
      await done.getByRole('button', { name: 'Супоридани шаҳодатномаро қайд кардан' }).click();
      const receipt = fp.getByRole('dialog', { name: 'Қайди супоридани шаҳодатнома' });
      // filled in from the applicant (the mother), to check against the document she shows
      const mother = `${surname.replace(/ов$/, 'ова')} Нигина Алиевна`;
      expect(await receipt.getByRole('radio', { name: `Аризадиҳанда: ${mother}` }).isChecked()).toBe(true);
      expect(await field(receipt, 'Насаб, ном ва номи падари гиранда').inputValue()).toBe(mother);
      await shot(fp, 'certificates-4a-hand-over-prefilled');
      await field(receipt, 'Насаб, ном ва номи падари гиранда').fill('Раҳимова Нигина Алиевна');
      await field(receipt, 'Ҳуҷҷати тасдиқкунандаи шахсият').selectOption('PASSPORT');
      await field(receipt, 'Силсила').fill('A');
      await field(receipt, 'Рақами ҳуҷҷат').fill('01234567');
      await receipt.getByRole('button', { name: 'Қайд кардан' }).click();
      await receipt.waitFor({ state: 'detached', ...T });

      // the receipt slip for the signatures: the staff member by name, never the login
      const slip = fp.getByRole('dialog', {
        name: 'Тилхати супоридан: Шаҳодатнома дар бораи таваллуд I-ДУ № 000101',
      });
      await slip.getByTitle('Тилхати супоридани Шаҳодатнома дар бораи таваллуд I-ДУ № 000101').waitFor(T);
      const slipText = await pdfTextOf(fp, `/api/v1/certificates/${cert.id}/receipt-slip`);
      for (const expected of [
        'ТИЛХАТ',
        'I-ДУ № 000101',
        'Раҳимова Нигина Алиевна',
        'Шиноснома A 01234567',
        'Мадина Раҳимова',
        'Шуъбаи сабти асноди ҳолати шаҳрвандии ноҳияи Фирдавсӣ, шаҳри Душанбе',
        'Имзои гиранда',
      ])
        expect(slipText).toContain(expected);
      expect(slipText).not.toMatch(/\bfront\b/);
      await shot(fp, 'certificates-4b-receipt-slip');
      await slip.getByRole('button', { name: 'Пӯшидан' }).click();
      await slip.waitFor({ state: 'detached', ...T });

      const list = section.getByRole('table', { name: 'Шаҳодатномаҳои сабт' });
      const printed = row(list, /I-ДУ № 000101/);
      await expect.poll(() => printed.innerText(), T).toContain('Гирифт: Раҳимова Нигина Алиевна');
      const text = await printed.innerText();
      expect(text).toContain('Шиноснома A 01234567');
      expect(text).toContain('Аввалин');
      expect(text).toContain('Эътибор дорад');
      expect(text).toContain('Мадина Раҳимова');
      // the next print would be a repeat
      await section.getByRole('button', { name: 'Шаҳодатномаи такрорӣ додан' }).waitFor(T);
      await shot(fp, 'certificates-4-handed-over');

      // the record's history tells it
      await fp.getByRole('tab', { name: 'Таърих' }).click();
      const history = fp.getByRole('table', { name: /Таърихи сабт/ });
      await row(history, /Шаҳодатнома дода шуд/).waitFor(T);
      expect(await row(history, /Шаҳодатнома супорида шуд/).innerText()).toContain('I-ДУ № 000101');
      await front.close();

      // the head of office sees the blank used
      await hp.reload();
      await expect
        .poll(() => stockCounts(hp), T)
        .toEqual(['49', '1', '0', '0', '0', '0', '0', '0', '0', '50']);
      await shot(hp, 'certificates-5-stock-after');
      await head.close();
    },
    300_000,
  );

  it.runIf(ready)(
    'the district head hands blanks over to a jamoat, which then holds them',
    async () => {
      const context = await newContext(e2e.browser, e2e.server.url);
      const page = await signIn(context, 'rudaki');
      await page.goto('/blanks?tab=receive');
      const receive = page.getByRole('form', { name: 'Қабули бастаи бланкҳо' });
      await receive.waitFor(T);
      await field(receive, 'Ҳуҷҷат').selectOption('DEATH_CERTIFICATE');
      await field(receive, 'Силсила').fill('І-РД'); // the Cyrillic І: the same series
      await field(receive, 'Аз рақами').fill('000001');
      await field(receive, 'То рақами').fill('000020');
      await receive.getByRole('button', { name: 'Қабул кардан' }).click();
      await page.getByText('20 бланк қабул шуд: I-РД 000001–000020.').waitFor(T);

      await page.getByRole('tab', { name: 'Супоридан ба поён' }).click();
      const form = page.getByRole('form', { name: 'Супоридани бланкҳо ба ҷамоат ё идораи сайёр' });
      await form.waitFor(T);
      await field(form, 'Ба идораи').selectOption({ label: 'Ҷамоати деҳоти Чимтеппа' });
      await field(form, 'Ҳуҷҷат').selectOption('DEATH_CERTIFICATE');
      await field(form, 'Силсила').fill('I-РД');
      await field(form, 'Аз рақами').fill('000011');
      await field(form, 'То рақами').fill('000030');
      await form.getByRole('button', { name: 'Супоридан' }).click();
      // 000021–000030 were never received: refused, in Tajik, until the range is corrected
      const refused = form.getByRole('alert');
      await expect.poll(() => refused.innerText(), T).toContain('I-РД 000021');
      await field(form, 'То рақами').fill('000020');
      expect(await form.getByRole('alert').count()).toBe(0);
      await form.getByRole('button', { name: 'Супоридан' }).click();
      await page
        .getByText('10 бланк ба «Ҷамоати деҳоти Чимтеппа» супорида шуд: I-РД 000011–000020.')
        .waitFor(T);
      const moved = page.getByRole('table', { name: 'Супоридани бланкҳо байни идораҳо, аз навтарин' });
      await row(moved, /000011–000020/).waitFor(T);
      await shot(page, 'certificates-7-blanks-handed-over');

      await page.getByRole('tab', { name: 'Анбор' }).click();
      const stock = page.getByRole('table', { name: 'Бланкҳои идора аз рӯи ҳуҷҷат ва ҳолат' });
      const death = row(stock, /Шаҳодатнома дар бораи вафот/);
      await expect
        .poll(async () => (await death.getByRole('cell').allInnerTexts()).map((x) => x.trim()), T)
        .toEqual(['10', '0', '0', '0', '0', '0', '0', '0', '10', '10']);
      await context.close();

      const village = await newContext(e2e.browser, e2e.server.url);
      const jp = await signIn(village, 'jamoat');
      await jp.goto('/blanks');
      const theirs = row(jp.getByRole('table', { name: 'Бланкҳои идора аз рӯи ҳуҷҷат ва ҳолат' }), /вафот/);
      await expect
        .poll(async () => (await theirs.getByRole('cell').allInnerTexts()).map((x) => x.trim()), T)
        .toEqual(['10', '0', '0', '0', '0', '0', '0', '10', '0', '10']);
      await shot(jp, 'certificates-8-jamoat-stock');
      await village.close();
    },
    90_000,
  );

  it.runIf(ready)(
    'a clerk sets the printer offsets once; the test page opens as a PDF',
    async () => {
      const context = await newContext(e2e.browser, e2e.server.url);
      const page = await signIn(context, 'back');
      await page
        .getByRole('navigation', { name: 'Менюи асосӣ' })
        .getByRole('link', { name: 'Танзими чопгар' })
        .click();
      await page.waitForURL(/\/printer$/, T);
      await page.getByRole('button', { name: 'Чопгар илова кардан' }).click();
      const printer = page.getByRole('group', { name: 'Чопгари 1' });
      await field(printer, 'Ба рост (X), мм').fill('1.5');
      await field(printer, 'Ба поён (Y), мм').fill('-0.5');
      const tested = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/calibration-page'), T);
      await page.getByRole('button', { name: 'Саҳифаи санҷиширо кушодан' }).click();
      const res = await tested;
      expect(res.status()).toBe(200);
      expect(new URL(res.url()).searchParams.get('dxMm')).toBe('1.5');
      expect(new URL(res.url()).searchParams.get('dyMm')).toBe('-0.5');
      expect(await pdfStart(page, res.url())).toMatchObject({ status: 200, start: '%PDF-' });
      await page.getByTitle('Саҳифаи санҷишӣ: Чопгари 1').waitFor(T);
      await shot(page, 'certificates-6-printer');
      // kept in this browser: after a reload the offsets are there
      await page.reload();
      await expect
        .poll(() => field(page.getByRole('group', { name: 'Чопгари 1' }), 'Ба рост (X), мм').inputValue(), T)
        .toBe('1.5');
      await context.close();
    },
    60_000,
  );
});
