import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanUpPdfFiles,
  lettersOf,
  pdfLettersAsDrawn,
  pdfTextFlat,
} from '../../certificates/documents/pdf-tools.ts';
import { PREVIEW_MARK } from '../../certificates/issue/preview-certificate.ts';
import {
  receiveBlanks,
  registered,
  registeredBirth,
  type Staff,
} from '../../certificates/testing/fixtures.ts';
import { fetchBytes, readQrCodes, type Scratch, scratchDir } from '../../certificates/testing/tools.ts';
import { birthData } from '../../test/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let staff: Staff;
let head: Client;
let scratch: Scratch;

beforeAll(async () => {
  t = await startTestApp();
  const [front, back, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
  staff = { front, back, registrar };
  head = await t.as('head');
  scratch = scratchDir();
});
afterAll(async () => {
  scratch?.remove();
  cleanUpPdfFiles();
  await t?.close();
});

const next = async (c: Client, document = 'BIRTH_CERTIFICATE') =>
  c.get(`/api/v1/blanks/next?document=${document}`);
const preview = (recordId: string, query: string, login = 'front') =>
  fetchBytes(t, login, `/api/v1/records/${recordId}/certificates/preview?${query}`);

describe('with no blank in stock', () => {
  it('a preview still shows the print, without a number; the print itself is refused, naming the document', async () => {
    const rec = await registeredBirth(staff);
    for (const mode of ['full', 'overlay']) {
      const res = await preview(rec.id, `mode=${mode}`);
      expect(res.status, res.body.toString()).toBe(200);
      expect(pdfLettersAsDrawn(res.body)).toContain(lettersOf(PREVIEW_MARK));
    }
    expect(pdfTextFlat((await preview(rec.id, 'mode=full')).body)).toContain('№ ······');
    const issued = await staff.front.post(`/api/v1/records/${rec.id}/certificates`, { mode: 'full' });
    expect(issued.status).toBe(409);
    expect(issued.body.key).toBe('problem.blank.noneInStock');
    expect(issued.body.title).toContain('«Шаҳодатнома дар бораи таваллуд»');
    expect(issued.body.title).not.toContain('BIRTH_CERTIFICATE');
  });
});

describe('the next free blank', () => {
  it('is none before a batch arrives, then the lowest number; looking takes nothing', async () => {
    const before = await next(staff.front);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ document: 'BIRTH_CERTIFICATE', blank: null });
    await receiveBlanks(head, { series: 'II-ДУ', from: '000201', to: '000210' });
    await receiveBlanks(head, { from: '000101', to: '000110' });
    const after = await next(staff.registrar);
    expect(after.body.blank).toMatchObject({ series: 'I-ДУ', number: '000101' });
    expect((await next(staff.back)).body.blank).toMatchObject({ series: 'I-ДУ', number: '000101' });
    // the head of office does not print, an unknown document is refused
    expect((await next(head)).status).toBe(403);
    expect((await next(staff.front, 'ARCHIVE_EXTRACT')).status).toBe(400);
  });
});

describe('a preview', () => {
  it('shows the print on the next blank, marked as a sample, and takes, signs and stores nothing', async () => {
    const rec = await registeredBirth(staff);
    const res = await preview(rec.id, 'mode=overlay&dxMm=1.5&dyMm=-0.5');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfTextFlat(res.body);
    expect(pdfLettersAsDrawn(res.body)).toContain(lettersOf(PREVIEW_MARK));
    expect(text).toContain(rec.data.child.surname);
    // a full print carries the blank's number (an overlay leaves it to the pre-printed blank)
    expect(pdfTextFlat((await preview(rec.id, 'mode=full')).body)).toContain('I-ДУ № 000101');
    // the QR code says it is a sample: nothing anyone could check as genuine
    expect(readQrCodes(scratch, scratch.file('preview.pdf', res.body))).toEqual([PREVIEW_MARK]);
    expect(res.body.includes('/ByteRange')).toBe(false);

    expect((await next(staff.front)).body.blank.number).toBe('000101');
    expect((await staff.front.get(`/api/v1/records/${rec.id}/certificates`)).body.items).toEqual([]);

    const printed = await staff.front.post(`/api/v1/records/${rec.id}/certificates`, { mode: 'overlay' });
    expect(printed.body).toMatchObject({ series: 'I-ДУ', number: '000101', issue: 'first' });
    // a second print would be a repeat: the preview says so, on the next blank
    const repeat = pdfTextFlat((await preview(rec.id, 'mode=full')).body);
    expect(repeat).toContain('ТАКРОРӢ');
    expect(repeat).toContain('I-ДУ № 000102');
  });

  it('of the blank the clerk names, in stock or not; the print is refused when it is not', async () => {
    const rec = await registeredBirth(staff);
    const named = await preview(
      rec.id,
      `mode=full&blankNumber=000205&blankSeries=${encodeURIComponent('II-ДУ')}`,
    );
    expect(named.status).toBe(200);
    expect(pdfTextFlat(named.body)).toContain('II-ДУ № 000205');
    const absent = await preview(rec.id, 'mode=full&blankNumber=000999');
    expect(absent.status).toBe(200);
    expect(pdfTextFlat(absent.body)).toContain('№ 000999');
    const wrong = await preview(rec.id, 'mode=full&blankNumber=12');
    expect(wrong.status).toBe(422);
    const print = await staff.front.post(`/api/v1/records/${rec.id}/certificates`, {
      mode: 'overlay',
      blankNumber: '000999',
    });
    expect(print.status).toBe(409);
    expect(print.body.key).toBe('problem.blank.notInStock');

    const data = birthData();
    const stillborn = await registered(staff, 'BIRTH', {
      ...data,
      child: { ...data.child, liveBorn: false },
    });
    const overlay = await preview(stillborn.id, 'mode=overlay');
    expect(overlay.status).toBe(422);
    expect(JSON.parse(overlay.body.toString()).key).toBe('problem.certificate.plainPaperOnly');
    const reference = await preview(stillborn.id, 'mode=full');
    expect(reference.status).toBe(200);
    // on plain paper: its own number, the office named in words, not by its code
    expect(pdfTextFlat(reference.body)).toMatch(/№ \d{4}\/······/);
    expect(pdfTextFlat(reference.body)).not.toContain('DU-03-00');

    const draft = await staff.front.post('/api/v1/records', { kind: 'BIRTH', data: birthData() });
    expect((await preview(draft.body.id, 'mode=full')).status).toBe(409);
    expect((await preview(rec.id, 'mode=full', 'head')).status).toBe(403);
  });
});
