import { birthKind } from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUpPdfFiles, pdfTextFlat } from '../../certificates/documents/pdf-tools.ts';
import {
  receiveBlanks,
  registered,
  registeredBirth,
  type Staff,
} from '../../certificates/testing/fixtures.ts';
import {
  fetchBytes,
  pdfsigVerdict,
  readQrCodes,
  type Scratch,
  scratchDir,
} from '../../certificates/testing/tools.ts';
import { payForPrint } from '../../test/fees.ts';
import { birthData, deathData } from '../../test/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let staff: Staff;
let head: Client;
let jamoat: Client;
let scratch: Scratch;

beforeAll(async () => {
  t = await startTestApp();
  const [front, back, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
  staff = { front, back, registrar };
  [head, jamoat] = await Promise.all([t.as('head'), t.as('jamoat')]);
  scratch = scratchDir();
  await receiveBlanks(head, { from: '000001', to: '000100' });
  await receiveBlanks(head, { document: 'DEATH_CERTIFICATE', series: 'II-ДУ', from: '000501', to: '000520' });
});
afterAll(async () => {
  cleanUpPdfFiles();
  scratch?.remove();
  await t?.close();
});

/** A print as the front office makes it: a repeat's fee paid first. */
const issue = async (c: Client, recordId: string, body: Record<string, unknown> = { mode: 'full' }) => {
  await payForPrint(c, recordId, body.document as string | undefined);
  return c.post(`/api/v1/records/${recordId}/certificates`, body);
};

describe('issuing a birth certificate', () => {
  it('prints on the next free blank, signs the PDF and the QR code, and lists it as the first', async () => {
    const rec = await registeredBirth(staff);
    const res = await issue(staff.front, rec.id, { mode: 'overlay', calibration: { dxMm: 1.5, dyMm: -0.5 } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const cert = res.body;
    expect(cert).toMatchObject({
      recordId: rec.id,
      recordVersion: 1,
      current: true,
      document: 'BIRTH_CERTIFICATE',
      series: 'I-ДУ',
      number: '000001',
      onBlank: true,
      issue: 'first',
      mode: 'overlay',
      status: 'valid',
      issuedBy: { login: 'front' },
      receipt: null,
    });
    expect(cert.qr).toMatch(/^SABT1\.[\w-]+\.[\w-]+$/);
    // printed for people: the short address with the verification code, not the signed payload
    expect(cert.verifyCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(cert.verifyUrl).toBe(`http://localhost:8080/verify/${cert.verifyCode}`);
    expect(res.headers.location).toBe(`/api/v1/certificates/${cert.id}`);

    const pdf = await fetchBytes(t, 'back', cert.pdf);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const path = scratch.file('first.pdf', pdf.body);
    expect(pdfsigVerdict(path)).toBe('Signature is Valid.');

    // the stored bytes come back exactly, every time
    const again = await fetchBytes(t, 'front', cert.pdf);
    expect(again.body.equals(pdf.body)).toBe(true);

    // the QR code on the page, read from the rendered image, is the signed payload and checks out
    const codes = readQrCodes(scratch, path);
    expect(codes).toContain(cert.qr);
    const check = await t.anonymous().get(`/api/v1/verify/${codes[0]}`);
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({
      genuine: true,
      status: 'valid',
      document: 'BIRTH_CERTIFICATE',
      certificateNumber: 'I-ДУ 000001',
      recordVersion: 1,
      currentVersion: 1,
      office: { id: 'DU-03-00' },
    });
    expect(check.body.names).toEqual([`${rec.data.child.surname} ${rec.data.child.name[0]}.`]);

    const list = await staff.registrar.get(`/api/v1/records/${rec.id}/certificates`);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([cert.id]);
    const history = await staff.back.get(`/api/v1/records/${rec.id}/history`);
    expect(history.body.items.at(-1)).toMatchObject({ action: 'issue-certificate', by: { login: 'front' } });
  });

  it('gives repeat certificates on new blanks while the first stays valid', async () => {
    const rec = await registeredBirth(staff);
    const first = await issue(staff.front, rec.id);
    const mismatch = await issue(staff.front, rec.id, { mode: 'full', issue: 'first' });
    expect(mismatch.status).toBe(409);
    expect(mismatch.body.key).toBe('problem.certificate.issueMismatch');
    expect(mismatch.body.title).toBe(
      'Ин шаҳодатномаи «такрорӣ» мешавад, на «аввалин». Навъи додашударо санҷед.',
    );
    const repeat = await issue(staff.back, rec.id, { mode: 'full', issue: 'repeat' });
    expect(repeat.status).toBe(201);
    expect(repeat.body.issue).toBe('repeat');
    expect(repeat.body.number).not.toBe(first.body.number);
    const list = await staff.front.get(`/api/v1/records/${rec.id}/certificates`);
    expect(list.body.items.map((c: { issue: string; status: string }) => [c.issue, c.status])).toEqual([
      ['first', 'valid'],
      ['repeat', 'valid'],
    ]);
  });

  it('prints the blank the clerk names, and refuses one that is used or not in stock', async () => {
    const rec = await registeredBirth(staff);
    const named = await issue(staff.front, rec.id, { mode: 'overlay', blankNumber: '000090' });
    expect(named.status).toBe(201);
    expect(named.body.number).toBe('000090');
    const used = await issue(staff.front, rec.id, { mode: 'overlay', blankNumber: '000090' });
    expect(used.status).toBe(409);
    expect(used.body.key).toBe('problem.blank.notInStock');
    const absent = await issue(staff.front, rec.id, { mode: 'overlay', blankNumber: '123456' });
    expect(absent.status).toBe(409);
    const badFormat = await issue(staff.front, rec.id, { mode: 'overlay', blankNumber: '90' });
    expect(badFormat.status).toBe(422);
    expect(badFormat.body.errors[0]).toMatchObject({ path: 'blankNumber', key: 'error.blank.number' });
  });

  it('issues only for registered records, only in the own office, only to clerks and registrars', async () => {
    const draft = await staff.front.post('/api/v1/records', { kind: 'BIRTH', data: birthData() });
    const notYet = await issue(staff.front, draft.body.id);
    expect(notYet.status).toBe(409);
    expect(notYet.body.key).toBe('problem.certificate.notRegistered');
    const rec = await registeredBirth(staff);
    expect((await issue(head, rec.id)).status).toBe(403);
    expect((await issue(await t.as('archivist'), rec.id)).status).toBe(403);
    // the jamoat is another office: it does not even see the record
    expect((await issue(jamoat, rec.id)).status).toBe(404);
  });

  it('says so when the office has no blanks of the kind left', async () => {
    const rec = await registered(staff, 'MARRIAGE', (await import('@sabt/core')).marriageKind.example);
    const res = await issue(staff.front, rec.id, { mode: 'overlay' });
    expect(res.status).toBe(409);
    expect(res.body.key).toBe('problem.blank.noneInStock');
    // the document by its name, in the reader's language, never by its code
    expect(res.body.title).toContain('«Шаҳодатнома дар бораи ақди никоҳ»');
    expect(res.body.title).not.toContain('MARRIAGE_CERTIFICATE');
  });
});

describe('a retried print', () => {
  it('with the same Idempotency-Key gets the first answer and uses no second blank', async () => {
    const rec = await registeredBirth(staff);
    const key = { 'idempotency-key': `print-${rec.id}` };
    const first = await staff.front.post(`/api/v1/records/${rec.id}/certificates`, { mode: 'overlay' }, key);
    const retry = await staff.front.post(`/api/v1/records/${rec.id}/certificates`, { mode: 'overlay' }, key);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect((await staff.front.get(`/api/v1/records/${rec.id}/certificates`)).body.items).toHaveLength(1);
  });
});

describe('the printer test page', () => {
  it('is a PDF for the blank with the offsets asked for', async () => {
    const res = await fetchBytes(
      t,
      'front',
      '/api/v1/certificates/calibration-page?document=BIRTH_CERTIFICATE&dxMm=1.5&dyMm=-0.5',
    );
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      (await fetchBytes(t, 'auditor', '/api/v1/certificates/calibration-page?document=BIRTH_CERTIFICATE'))
        .status,
    ).toBe(403);
  });
});

describe('which document a record gets', () => {
  it('a death record gets a death certificate on its own blanks', async () => {
    const rec = await registered(staff, 'DEATH', deathData());
    const res = await issue(staff.registrar, rec.id, { mode: 'overlay' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ document: 'DEATH_CERTIFICATE', series: 'II-ДУ', number: '000501' });
  });

  it('a stillborn child gets a reference on plain paper, numbered per office and year', async () => {
    const data = birthData();
    const rec = await registered(staff, 'BIRTH', { ...data, child: { ...data.child, liveBorn: false } });
    const overlay = await issue(staff.front, rec.id, { mode: 'overlay' });
    expect(overlay.status).toBe(422);
    expect(overlay.body.key).toBe('problem.certificate.plainPaperOnly');
    const res = await issue(staff.front, rec.id, { mode: 'full' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ document: 'STILLBIRTH_REFERENCE', onBlank: false, series: 'DU-03-00' });
    expect(res.body.number).toMatch(/^\d{4}\/000001$/);
  });

  it('an archive extract on request, on plain paper, beside the certificate', async () => {
    const rec = await registeredBirth(staff);
    await issue(staff.front, rec.id);
    const res = await issue(staff.front, rec.id, { mode: 'full', document: 'ARCHIVE_EXTRACT' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ document: 'ARCHIVE_EXTRACT', issue: 'first', onBlank: false });
    const pdf = await fetchBytes(t, 'front', res.body.pdf);
    expect(pdfsigVerdict(scratch.file('extract.pdf', pdf.body))).toBe('Signature is Valid.');
    const wrong = await issue(staff.front, rec.id, { mode: 'full', document: 'DEATH_CERTIFICATE' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.key).toBe('problem.certificate.wrongDocument');
    // documents by their names, in the reader's language
    expect(wrong.body.title).toContain('Шаҳодатнома дар бораи вафот');
    expect(wrong.body.errors[0].message).toContain('Шаҳодатнома дар бораи таваллуд, Иқтибос аз бойгонӣ');
    expect(JSON.stringify(wrong.body)).not.toMatch(/DEATH_CERTIFICATE|ARCHIVE_EXTRACT/);
  });
});

describe('handing a certificate over', () => {
  it('records who collected it and with which document, once', async () => {
    const rec = await registeredBirth(staff);
    const cert = (await issue(staff.front, rec.id)).body;
    const bad = await staff.front.post(`/api/v1/certificates/${cert.id}/receipt`, { name: 'Каримов' });
    expect(bad.status).toBe(400);
    const res = await staff.front.post(`/api/v1/certificates/${cert.id}/receipt`, {
      name: 'Каримов Фаридун Саидович',
      idDocument: { type: 'PASSPORT', series: 'A', number: '01234567' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.receipt).toMatchObject({
      name: 'Каримов Фаридун Саидович',
      idDocument: { type: 'PASSPORT', series: 'A', number: '01234567' },
      recordedBy: { login: 'front', name: 'Мадина Раҳимова' },
    });
    const twice = await staff.back.post(`/api/v1/certificates/${cert.id}/receipt`, {
      name: 'Каримов Фаридун Саидович',
      idDocument: { type: 'PASSPORT', number: '01234567' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.key).toBe('problem.certificate.alreadyReceived');
  });

  it("offers the record's applicant as the recipient: the name, and the document of the person they are", async () => {
    const rec = await registeredBirth(staff);
    const cert = (await issue(staff.front, rec.id)).body;
    const { mother } = birthKind.example;
    expect(cert.applicant).toEqual({
      name: `${mother.surname} ${mother.name} ${mother.patronymic}`,
      idDocument: mother.idDocument,
    });
    // an organisation that applied is nobody to hand a certificate to
    const byHospital = await registeredBirth(staff, {
      applicant: { type: 'MEDICAL_FACILITY', organisation: 'Таваллудхонаи шаҳрии №3' },
    });
    const second = (await issue(staff.front, byHospital.id)).body;
    expect(second.applicant).toBeNull();
    const listed = await staff.back.get(`/api/v1/records/${rec.id}/certificates`);
    expect(listed.body.items[0].applicant.name).toBe(cert.applicant.name);
  });

  it('prints the receipt slip of a hand-over for the signatures, once the hand-over is recorded', async () => {
    const rec = await registeredBirth(staff);
    const cert = (await issue(staff.front, rec.id)).body;
    const early = await staff.front.get(`/api/v1/certificates/${cert.id}/receipt-slip`);
    expect(early.status).toBe(409);
    expect(early.body.key).toBe('problem.certificate.notReceived');
    expect(early.body.title).toContain('тилхат');
    const done = await staff.front.post(`/api/v1/certificates/${cert.id}/receipt`, {
      name: 'Каримов Фаридун Саидович',
      idDocument: { type: 'PASSPORT', series: 'A', number: '01234567', issuer: 'ШВКД ноҳияи Фирдавсӣ' },
    });
    expect(done.status).toBe(200);

    const slip = await fetchBytes(t, 'back', `/api/v1/certificates/${cert.id}/receipt-slip`);
    expect(slip.status).toBe(200);
    expect(slip.type).toBe('application/pdf');
    const text = pdfTextFlat(slip.body);
    for (const expected of [
      'ТИЛХАТ',
      'Шуъбаи сабти асноди ҳолати шаҳрвандии ноҳияи Фирдавсӣ, шаҳри Душанбе',
      'Шаҳодатнома дар бораи таваллуд',
      `I-ДУ № ${cert.number}`,
      `Таваллуд, № ${rec.number} аз`,
      'Каримов Фаридун Саидович',
      'A 01234567, дода: ШВКД ноҳияи Фирдавсӣ',
      cert.issuedOn.split('-').reverse().join('.'),
      'Мадина Раҳимова',
      'Имзои гиранда',
      'Имзои корманди мақоми САҲШ',
    ])
      expect(text).toContain(expected);
    expect(text).not.toMatch(/front|DU-03|PASSPORT|BIRTH_CERTIFICATE/);
  });
});
