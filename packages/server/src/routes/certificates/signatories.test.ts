import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUpPdfFiles, pdfTextFlat } from '../../certificates/documents/pdf-tools.ts';
import { signatoryFor } from '../../certificates/signatories/signatories.ts';
import { receiveBlanks, registeredBirth, type Staff } from '../../certificates/testing/fixtures.ts';
import { fetchBytes } from '../../certificates/testing/tools.ts';
import { DomainError } from '../../errors/domain-error.ts';
import { problemBody, problemOf } from '../../http/problem.ts';
import { payForPrint } from '../../test/fees.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let staff: Staff;
let head: Client;
let admin: Client;

beforeAll(async () => {
  t = await startTestApp();
  const [front, back, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
  staff = { front, back, registrar };
  [head, admin] = await Promise.all([t.as('head'), t.as('admin')]);
  await receiveBlanks(head, { from: '000001', to: '000050' });
});
afterAll(async () => {
  cleanUpPdfFiles();
  await t?.close();
});

const deputy = {
  basis: 'authorised',
  fullName: 'Нигина Каримова',
  title: 'Муовини сардори шуъбаи САҲШ',
  authority: 'Фармоиши № 14 аз 02.03.2026',
};

const pdfText = async (login: string, url: string) => pdfTextFlat((await fetchBytes(t, login, url)).body);

describe("an office's signatory", () => {
  it('is its head in the demo offices, and those who print can see who it is', async () => {
    const res = await staff.front.get('/api/v1/signatories');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.office).toMatchObject({ id: 'DU-03-00', nameTg: 'Шуъбаи САҲШ — Фирдавсӣ' });
    expect(res.body.current).toMatchObject({
      basis: 'head',
      fullName: 'Зарина Саидзода',
      title: 'Сардори шуъбаи САҲШ',
      printedTitle: 'Сардори шуъбаи САҲШ',
    });
    expect(res.body.history).toHaveLength(1);
    expect(res.body.defaultHeadTitle).toBe('Сардори шуъбаи САҲШ');
  });

  it('is set by the head of office or the central department, never by a clerk', async () => {
    for (const clerk of [staff.front, staff.back, staff.registrar]) {
      const res = await clerk.post('/api/v1/signatories', deputy);
      expect(res.status, clerk.login).toBe(403);
    }
    const wrong = await head.post('/api/v1/signatories', { ...deputy, fullName: '' });
    expect(wrong.status).toBe(400);
    // a head of office only for their own office; the central department for any office it sees
    const other = await head.post('/api/v1/signatories', { ...deputy, office: 'DU-03-90' });
    expect(other.status).toBe(403);
    const mobile = await admin.post('/api/v1/signatories', {
      office: 'DU-03-90',
      basis: 'head',
      fullName: 'Зарина Саидзода',
      title: 'Сардори шуъбаи САҲШ',
    });
    expect(mobile.status, JSON.stringify(mobile.body)).toBe(201);
    expect(mobile.body).toMatchObject({ office: 'DU-03-90', setBy: { login: 'admin' } });
  });

  it('prints on certificates and extracts with its title, not the clerk who printed them; an earlier one stays on what it signed', async () => {
    const rec = await registeredBirth(staff);
    const before = await staff.front.post(`/api/v1/records/${rec.id}/certificates`, { mode: 'full' });
    expect(before.status, JSON.stringify(before.body)).toBe(201);
    const first = await pdfText('front', before.body.pdf);
    expect(first).toContain('Сардори шуъбаи САҲШ');
    expect(first).toContain('Зарина Саидзода');
    expect(first).not.toContain('Мадина Раҳимова'); // the front-office clerk who printed it

    // the head authorises a deputy to sign for them from now on
    const set = await head.post('/api/v1/signatories', deputy);
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    expect(set.body).toMatchObject({
      basis: 'authorised',
      headTitle: 'Сардори шуъбаи САҲШ',
      printedTitle: 'Муовини сардори шуъбаи САҲШ, барои сардори шуъбаи САҲШ',
      authority: 'Фармоиши № 14 аз 02.03.2026',
      setBy: { login: 'head', name: 'Зарина Саидзода' },
    });
    const now = (await staff.registrar.get('/api/v1/signatories')).body;
    expect(now.current.fullName).toBe('Нигина Каримова');
    expect(now.history.map((h: { fullName: string }) => h.fullName)).toEqual([
      'Нигина Каримова',
      'Зарина Саидзода',
    ]);

    await payForPrint(staff.registrar, rec.id);
    const repeat = await staff.registrar.post(`/api/v1/records/${rec.id}/certificates`, { mode: 'overlay' });
    expect(repeat.status, JSON.stringify(repeat.body)).toBe(201);
    const second = await pdfText('registrar', repeat.body.pdf);
    expect(second).toContain('Муовини сардори шуъбаи САҲШ, барои сардори шуъбаи САҲШ');
    expect(second).toContain('Нигина Каримова');
    expect(second).not.toContain('Шералӣ Қодиров'); // the registrar who printed it

    await payForPrint(staff.back, rec.id, 'ARCHIVE_EXTRACT');
    const extract = await staff.back.post(`/api/v1/records/${rec.id}/certificates`, {
      mode: 'full',
      document: 'ARCHIVE_EXTRACT',
    });
    expect(extract.status, JSON.stringify(extract.body)).toBe(201);
    const extractText = await pdfText('back', extract.body.pdf);
    expect(extractText).toContain('барои сардори шуъбаи САҲШ');
    expect(extractText).toContain('Нигина Каримова');

    // the earlier certificate, printed again, and its check still name who signed it then
    expect(await pdfText('front', before.body.pdf)).toContain('Зарина Саидзода');
    const check = await t.anonymous().get(`/api/v1/verify/${before.body.qr}`);
    expect(check.body.signatory).toEqual({ title: 'Сардори шуъбаи САҲШ', fullName: 'Зарина Саидзода' });
    // the history cannot be rewritten: who signed then stays who signed then
    await expect(
      sql`UPDATE office_signatories SET full_name = 'Касе дигар'`.execute(t.dbx.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM office_signatories`.execute(t.dbx.db)).rejects.toThrow(/append-only/);
    const checkNew = await t.anonymous().get(`/api/v1/verify/${repeat.body.qr}`);
    expect(checkNew.body.signatory.fullName).toBe('Нигина Каримова');
    const page = await t.app.inject({ url: `/verify?c=${encodeURIComponent(before.body.qr)}` });
    expect(page.body).toContain('Имзо кардааст');
    expect(page.body).toContain('Зарина Саидзода');

    // the preview names the signatory in force now
    const preview = await pdfText('front', `/api/v1/records/${rec.id}/certificates/preview?mode=full`);
    expect(preview).toContain('Нигина Каримова');
  });

  it('must be set before an office prints: the message names the office, not its code', async () => {
    const err = await signatoryFor(t.dbx.db, 'RA-13-00', new Date()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    const body = problemBody(problemOf(err as DomainError), 'tg');
    expect(body.status).toBe(409);
    expect(body.title).toContain('Шуъбаи САҲШ — Рӯдакӣ');
    expect(body.title).not.toContain('RA-13-00');
    expect(problemBody(problemOf(err as DomainError), 'ru').title).toContain('Отдел ЗАГС');
  });
});
