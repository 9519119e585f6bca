import { amountInWords, formatVerifyCode, todayIn } from '@sabt/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo, pdfText, pdfTextFlat } from '../../certificates/documents/pdf-tools.ts';
import { registeredBirth, type Staff } from '../../certificates/testing/fixtures.ts';
import { fetchBytes, readQrCodes, type Scratch, scratchDir } from '../../certificates/testing/tools.ts';
import { renderFeeReceipt } from '../../fees/receipts/receipt-document.ts';
import { feeDb } from '../../fees/tables.ts';
import { insertCharge, insertEntry } from '../../fees/testing/ledger.ts';
import { storageDb } from '../../storage/tables.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let staff: Staff;
let anyone: Client;
let scratch: Scratch;
let rec: { id: string; number: number; data: { applicant: { surname: string; name: string } } };
let charge: Awaited<ReturnType<typeof insertCharge>>;
let today: string;

const dmy = (iso: string) => iso.split('-').reverse().join('.');

beforeAll(async () => {
  t = await startTestApp();
  const [front, back, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
  staff = { front, back, registrar };
  anyone = t.anonymous();
  scratch = scratchDir();
  rec = await registeredBirth(staff);
  today = todayIn(t.config.timeZone);
  // a change of the name recorded on the birth record: state duty, service fee, blank
  charge = await insertCharge(t.dbx.db, {
    recordId: rec.id,
    purpose: 'amendment',
    query: { service: 'NAME_CHANGE_REG', applicationDate: today },
  });
});
afterAll(async () => {
  scratch?.remove();
  await t?.close();
});

const receiptUrl = (id: string) => `/api/v1/fees/entries/${id}/receipt.pdf`;

async function printed(id: string, login = 'front') {
  const res = await fetchBytes(t, login, receiptUrl(id));
  expect(res.status, res.body.toString()).toBe(200);
  expect(res.type).toBe('application/pdf');
  return res.body;
}

describe('a payment receipt', () => {
  let entry: Awaited<ReturnType<typeof insertEntry>>;
  beforeAll(async () => {
    entry = await insertEntry(t.dbx.db, charge.id, {
      kind: 'payment',
      amountMinor: charge.totalMinor,
      method: 'terminal',
      reference: 'RRN-448812',
    });
  });

  it('prints the office, number, date, payer, record, service, lines, total in figures and words, method, clerk', async () => {
    expect(charge.totalMinor).toBe(48_750);
    const pdf = await printed(entry.id);
    const text = pdfTextFlat(pdf);
    const applicant = `${rec.data.applicant.surname} ${rec.data.applicant.name}`;
    for (const expected of [
      'Шуъбаи сабти асноди ҳолати шаҳрвандии ноҳияи Фирдавсӣ, шаҳри Душанбе',
      `КВИТАНСИЯ № ${entry.receiptNumber}`,
      `Квитанция об оплате № ${entry.receiptNumber}`,
      `Сана / Дата: ${dmy(today)}`,
      `Пардохткунанда / Плательщик ${applicant}`,
      `Таваллуд / Рождение, № ${rec.number}`,
      'Иваз намудани насаб, ном ва номи падар / Перемена фамилии, имени, отчества',
      'Боҷи давлатӣ / Государственная пошлина 450.00 TJS',
      'Ҳаққи хизматрасонӣ / Плата за услугу 22.50 TJS',
      'Бланк ва пур кардани он / Бланк и его заполнение 15.00 TJS',
      'Ҳамагӣ ҳисоб шудааст / Всего начислено 487.50 TJS',
      'Пардохт шуд / Оплачено 487.50 TJS',
      'Чорсаду ҳаштоду ҳафт сомонию 50 дирам',
      'Четыреста восемьдесят семь сомони 50 дирамов',
      'Терминали пардохт / Платёжный терминал · № RRN-448812',
      'Қабул кард / Принял(а) Мадина Раҳимова',
      `Код проверки: ${formatVerifyCode(entry.verifyCode!)}`,
      `${t.config.publicUrl}/verify/${formatVerifyCode(entry.verifyCode!)}`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(amountInWords(48_750, 'tg')).toBe('Чорсаду ҳаштоду ҳафт сомонию 50 дирам');
    // A5, one page, the certificates' font
    const info = pdfInfo(pdf);
    expect(info.Pages).toBe('1');
    expect(info['Page size']).toMatch(/^419\.5\d* x 595\.2\d* pts/);
    expect(pdfText(pdf, ['-raw'])).not.toContain('undefined');
  });

  it('its QR code reads as the public address that checks its verification code', async () => {
    const path = scratch.file('receipt.pdf', await printed(entry.id));
    const codes = readQrCodes(scratch, path);
    expect(codes).toEqual([`${t.config.publicUrl}/verify/${formatVerifyCode(entry.verifyCode!)}`]);
    // the address a phone opens: the public page confirms the receipt
    const page = await t.app.inject({ method: 'GET', url: `${new URL(codes[0]!).pathname}?lang=ru` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Квитанция подлинная: оплата принята.');
  });

  it('is stored when first printed and served as the same bytes afterwards, audited as a read', async () => {
    const first = await printed(entry.id);
    const again = await printed(entry.id, 'registrar');
    expect(again.equals(first)).toBe(true);
    const files = await storageDb(t.dbx.db)
      .selectFrom('stored_files')
      .select(['sha256', 'purpose'])
      .where('purpose', '=', 'receipt')
      .execute();
    expect(files.length).toBeGreaterThan(0);
    const reads = await t.dbx.db
      .selectFrom('audit_log')
      .select(['event', 'actor_login', 'record_id', 'detail'])
      .where('event', '=', 'fee.receipt')
      .where('record_id', '=', rec.id)
      .orderBy('id')
      .execute();
    const mine = reads.filter((r) => (r.detail as { entryId: string }).entryId === entry.id);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    // one print stored it; the others served what it stored
    expect(mine.filter((r) => (r.detail as { stored?: boolean }).stored)).toHaveLength(1);
    const sha = (mine[0]!.detail as { sha256: string }).sha256;
    expect(files.map((f) => f.sha256)).toContain(sha);
    expect(mine.every((r) => (r.detail as { sha256: string }).sha256 === sha)).toBe(true);
    expect(mine.map((r) => r.actor_login)).toContain('registrar');
    // the first print is named by its entry, and that row stays as it is
    const kept = await feeDb(t.dbx.db)
      .selectFrom('fee_receipts')
      .selectAll()
      .where('entry_id', '=', entry.id)
      .execute();
    expect(kept.map((k) => k.sha256)).toEqual([sha]);
    await expect(
      sql`UPDATE fee_receipts SET sha256 = sha256 WHERE entry_id = ${entry.id}`.execute(t.dbx.db),
    ).rejects.toThrow(/append-only/);
  });

  it('the same input renders the same bytes', async () => {
    const input = {
      kind: 'payment' as const,
      officeName: 'Идора',
      number: '0301-2026-1',
      date: '07.12.2026',
      time: '10:15',
      payer: 'Каримов Алишер',
      record: null,
      service: { tg: 'Хизмат', ru: 'Услуга' },
      lines: [{ tg: 'Бланк', ru: 'Бланк', amount: '15.00 TJS' }],
      charged: '15.00 TJS',
      amount: '15.00 TJS',
      words: { tg: amountInWords(1500, 'tg'), ru: amountInWords(1500, 'ru') },
      method: { tg: 'Нақд', ru: 'Наличные' },
      reference: null,
      reason: null,
      staff: 'Мадина Раҳимова',
      verifyCode: '7KQ2M-X9D4G',
      verifyUrl: 'http://localhost:8080/verify/7KQ2M-X9D4G',
    };
    const a = await renderFeeReceipt(input, { date: '2026-12-07' });
    const b = await renderFeeReceipt(input, { date: '2026-12-07' });
    expect(a.equals(b)).toBe(true);
  });

  it('names the payer the entry names instead of the applicant', async () => {
    const other = await insertEntry(t.dbx.db, charge.id, {
      kind: 'payment',
      amountMinor: 1500,
      payerName: 'Собиров Фаррух',
    });
    const text = pdfTextFlat(await printed(other.id));
    expect(text).toContain('Пардохткунанда / Плательщик Собиров Фаррух');
    expect(text).toContain('Понздаҳ сомонию 00 дирам');
    expect(text).toContain('Пятнадцать сомони 00 дирамов');
    expect(text).toContain('Нақд дар идора / Наличными в учреждении');
  });
});

describe('a refund receipt and the public check', () => {
  it('a payment stands, then is refunded; the refund has a receipt of its own', async () => {
    const c = await insertCharge(t.dbx.db, {
      recordId: rec.id,
      query: { service: 'NAME_CHANGE_REG', applicationDate: today },
    });
    const paid = await insertEntry(t.dbx.db, c.id, { kind: 'payment', amountMinor: c.totalMinor });
    const check = (code: string) => anyone.post('/api/v1/verify', { code });
    const valid = await check(paid.verifyCode!);
    expect(valid.status).toBe(200);
    expect(valid.body).toEqual({
      genuine: true,
      status: 'valid',
      office: {
        id: 'DU-03-00',
        nameTg: expect.any(String),
        nameRu: expect.any(String),
        nameEn: expect.any(String),
      },
      receipt: {
        number: paid.receiptNumber,
        kind: 'payment',
        date: today,
        amount: { currency: 'TJS', minor: 48_750, text: '487.50' },
        service: 'NAME_CHANGE_REG',
      },
    });
    // no name of anyone: not the payer's, not the clerk's
    expect(JSON.stringify(valid.body)).not.toContain(rec.data.applicant.surname);
    expect(JSON.stringify(valid.body)).not.toContain('Раҳимова');

    const refund = await insertEntry(t.dbx.db, c.id, {
      kind: 'refund',
      amountMinor: c.totalMinor,
      method: 'cash',
      reason: 'Ариза бозпас гирифта шуд',
      by: 'head',
    });
    expect((await check(paid.verifyCode!)).body).toMatchObject({
      genuine: true,
      status: 'refunded',
      receipt: { kind: 'payment', refunded: { currency: 'TJS', minor: 48_750, text: '487.50' } },
    });
    // the typed code, with the dash and in lower case, as on the page
    expect((await check(formatVerifyCode(paid.verifyCode!).toLowerCase())).body.status).toBe('refunded');
    expect((await check(refund.verifyCode!)).body).toMatchObject({
      genuine: true,
      status: 'valid',
      receipt: { kind: 'refund', number: refund.receiptNumber },
    });

    const text = pdfTextFlat(await printed(refund.id));
    for (const expected of [
      `КВИТАНСИЯИ БАРГАРДОНИДАНИ МАБЛАҒ № ${refund.receiptNumber}`,
      `Квитанция о возврате средств № ${refund.receiptNumber}`,
      'Баргардонида шуд / Возвращено 487.50 TJS',
      'Чорсаду ҳаштоду ҳафт сомонию 50 дирам',
      'Четыреста восемьдесят семь сомони 50 дирамов',
      'Сабаб / Причина Ариза бозпас гирифта шуд',
      'Баргардонид / Выдал(а) Зарина Саидзода',
    ]) {
      expect(text).toContain(expected);
    }
    const path = scratch.file('refund.pdf', await printed(refund.id));
    expect(readQrCodes(scratch, path)).toEqual([
      `${t.config.publicUrl}/verify/${formatVerifyCode(refund.verifyCode!)}`,
    ]);

    // the public page, in three languages
    const page = async (lang: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/verify/${formatVerifyCode(paid.verifyCode!)}?lang=${lang}`,
        })
      ).body;
    expect(await page('tg')).toContain('Квитансия ҳақиқӣ аст, вале маблағ баъдтар баргардонида шудааст.');
    expect(await page('ru')).toContain('Квитанция подлинная, но оплата позже возвращена.');
    const en = await page('en');
    expect(en).toContain('The receipt is genuine, but the payment has since been refunded.');
    expect(en).toContain('Change of surname, name, patronymic');
    expect(en).toContain('487.50 TJS');
  });

  it('a payment undone by a correction is not valid', async () => {
    const c = await insertCharge(t.dbx.db, {
      recordId: rec.id,
      query: { service: 'NAME_CHANGE_REG', applicationDate: today },
    });
    const paid = await insertEntry(t.dbx.db, c.id, { kind: 'payment', amountMinor: c.totalMinor });
    await insertEntry(t.dbx.db, c.id, {
      kind: 'correction',
      amountMinor: c.totalMinor,
      corrects: paid.id,
      reason: 'Ду маротиба қайд шуд',
      by: 'head',
    });
    expect((await anyone.post('/api/v1/verify', { code: paid.verifyCode! })).body).toMatchObject({
      genuine: true,
      status: 'corrected',
    });
    const page = await t.app.inject({
      method: 'GET',
      url: `/verify/${formatVerifyCode(paid.verifyCode!)}?lang=ru`,
    });
    expect(page.body).toContain('Квитанция недействительна');
  });

  it('an unknown code is not found, and a waiver has no receipt', async () => {
    expect((await anyone.post('/api/v1/verify', { code: '0000000000' })).body).toMatchObject({
      genuine: false,
    });
    const c = await insertCharge(t.dbx.db, {
      recordId: rec.id,
      query: { service: 'NAME_CHANGE_REG', applicationDate: today },
    });
    const waiver = await insertEntry(t.dbx.db, c.id, {
      kind: 'waiver',
      amountMinor: c.totalMinor,
      reason: 'Маъюби гурӯҳи I',
    });
    const res = await staff.front.get(receiptUrl(waiver.id));
    expect(res.status).toBe(409);
    expect(res.body.key).toBe('problem.fee.noReceipt');
  });
});

describe('who prints a receipt', () => {
  let entry: Awaited<ReturnType<typeof insertEntry>>;
  beforeAll(async () => {
    entry = await insertEntry(t.dbx.db, charge.id, { kind: 'payment', amountMinor: 1500 });
  });

  it('the office staff and those above it', async () => {
    for (const login of ['front', 'back', 'registrar', 'head', 'admin']) {
      expect((await fetchBytes(t, login, receiptUrl(entry.id))).status, login).toBe(200);
    }
  });

  it('not roles that take no money, in their language', async () => {
    for (const login of ['archivist', 'verifier', 'statistician', 'auditor']) {
      const res = await (await t.as(login)).get(receiptUrl(entry.id), { 'accept-language': 'ru' });
      expect(res.status, login).toBe(403);
      expect(res.body.key).toBe('problem.read.receipts');
      expect(res.body.title ?? res.body.detail).toContain('квитанции');
    }
  });

  it('not outside the jurisdiction, not without a session, nothing for an unknown id', async () => {
    // the jamoat's registrar works in another office
    expect((await (await t.as('jamoat')).get(receiptUrl(entry.id))).status).toBe(404);
    expect((await anyone.get(receiptUrl(entry.id))).status).toBe(401);
    expect((await staff.front.get(receiptUrl('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await staff.front.get(receiptUrl('not-a-uuid'))).status).toBe(400);
  });
});
