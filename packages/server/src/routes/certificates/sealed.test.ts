import { adoptionKind } from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUpPdfFiles, pdfTextFlat } from '../../certificates/documents/pdf-tools.ts';
import {
  certificateDesk,
  checkedEveryWay,
  registered,
  type Staff,
} from '../../certificates/testing/fixtures.ts';
import { fetchBytes } from '../../certificates/testing/tools.ts';
import { payForPrint } from '../../test/fees.ts';
import { preAdoptionBirth } from '../../test/fixtures.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';

/**
 * Adoption secrecy reaches certificates: a certificate of sealed data (the adoption, or the birth
 * record as it was before) is printed and read only by those who may see sealed data, and the
 * public check never names the person on it.
 */

let t: TestApp;
let staff: Staff;

const ex = adoptionKind.example;
const original = preAdoptionBirth();

beforeAll(async () => {
  t = await startTestApp();
  ({ staff } = await certificateDesk(t, { adoption: true }));
});
afterAll(async () => {
  cleanUpPdfFiles();
  await t?.close();
});

const verify = async (code: string) => (await t.anonymous().get(`/api/v1/verify/${code}`)).body;

describe('after an adoption', () => {
  it('the birth certificate of before is sealed, the new one names the child as adopted', async () => {
    const birth = await registered(staff, 'BIRTH', original);
    const before = (await staff.front.post(`/api/v1/records/${birth.id}/certificates`, { mode: 'overlay' }))
      .body;
    expect((await verify(before.qr)).names).toEqual([`${ex.childBefore.surname} ${ex.childBefore.name[0]}.`]);

    const adoption = await registered(staff, 'ADOPTION', { ...structuredClone(ex), birthRecordId: birth.id });
    const now = (await staff.front.get(`/api/v1/records/${birth.id}`)).body;
    expect(now.version).toBe(2);
    expect(now.flags).toEqual(expect.arrayContaining(['sealed', 'certificate-reissue']));

    // the old certificate: still genuine, its name withheld, its PDF for sealed readers only
    expect(await verify(before.qr)).toMatchObject({
      genuine: true,
      names: null,
      recordVersion: 1,
      currentVersion: 2,
    });
    expect((await fetchBytes(t, 'front', before.pdf)).status).toBe(403);
    expect((await fetchBytes(t, 'registrar', before.pdf)).status).toBe(200);

    await payForPrint(staff.front, birth.id);
    const after = await staff.front.post(`/api/v1/records/${birth.id}/certificates`, { mode: 'overlay' });
    expect(after.status, JSON.stringify(after.body)).toBe(201);
    expect(after.body).toMatchObject({ issue: 'reissue', recordVersion: 2 });
    expect(await verify(after.body.qr)).toMatchObject({
      status: 'valid',
      names: [`${ex.childAfter.surname} ${ex.childAfter.name[0]}.`],
    });
    expect((await verify(before.qr)).status).toBe('superseded');
    expect((await fetchBytes(t, 'front', after.body.pdf)).status).toBe(200);

    // the adoption certificate: only a sealed reader prints it; the check names nobody
    const byClerk = await staff.front.post(`/api/v1/records/${adoption.id}/certificates`, {
      mode: 'overlay',
    });
    expect(byClerk.status).toBe(403);
    await payForPrint(staff.registrar, adoption.id);
    const byRegistrar = await staff.registrar.post(`/api/v1/records/${adoption.id}/certificates`, {
      mode: 'overlay',
    });
    expect(byRegistrar.status, JSON.stringify(byRegistrar.body)).toBe(201);
    expect(byRegistrar.body).toMatchObject({ document: 'ADOPTION_CERTIFICATE', series: 'I-ФХ' });
    expect(await verify(byRegistrar.body.qr)).toMatchObject({ genuine: true, status: 'valid', names: null });
    // checked without a scanner, by its code or its number, it tells no more than its QR code
    const ways = await checkedEveryWay(t.anonymous(), byRegistrar.body);
    expect(ways.code).toEqual(ways.qr);
    expect(ways.number).toEqual(ways.qr);
    const sealedBefore = await checkedEveryWay(t.anonymous(), before);
    expect(sealedBefore.code).toEqual(sealedBefore.qr);
    expect(sealedBefore.number).toEqual(sealedBefore.qr);
    expect(sealedBefore.number).toMatchObject({ names: null, status: 'superseded' });
    expect((await fetchBytes(t, 'front', byRegistrar.body.pdf)).status).toBe(403);
    expect((await fetchBytes(t, 'head', byRegistrar.body.pdf)).status).toBe(200);

    // an extract of the birth record: a clerk's notes neither the adoption nor what it changed;
    // a sealed reader's lists the change the adoption made, with the adoption record
    const extract = async (c: Client) => {
      await payForPrint(c, birth.id, 'ARCHIVE_EXTRACT');
      const res = await c.post(`/api/v1/records/${birth.id}/certificates`, {
        mode: 'full',
        document: 'ARCHIVE_EXTRACT',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return pdfTextFlat((await fetchBytes(t, c.login, res.body.pdf)).body);
    };
    const forClerk = await extract(staff.front);
    expect(forClerk).toContain(ex.childAfter.surname);
    expect(forClerk).not.toContain('Фарзандхондӣ ба қайд гирифта шуд');
    expect(forClerk).toContain('Ислоҳот, тағйирот ва қайдҳо нест');
    expect(forClerk).not.toContain('Ҳамидова');
    const forRegistrar = await extract(staff.registrar);
    expect(forRegistrar).toContain('Фарзандхондӣ ба қайд гирифта шуд');
    expect(forRegistrar).toContain(`сабти санади фарзандхондӣ № ${adoption.number}`);
  });
});
