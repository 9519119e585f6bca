import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateOfficeKeys } from '../../certificates/keys/key-store.ts';
import {
  checkedEveryWay,
  receiveBlanks,
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
import { payFee, payForPrint } from '../../test/fees.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';

/** A certificate over the life of its record: amended, re-issued, annulled; keys rotated. */

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
  await receiveBlanks(head, { from: '000001', to: '000050' });
});
afterAll(async () => {
  scratch?.remove();
  await t?.close();
});

const issue = async (c: Client, recordId: string, body: Record<string, unknown> = { mode: 'full' }) => {
  await payForPrint(c, recordId, body.document as string | undefined);
  const res = await c.post(`/api/v1/records/${recordId}/certificates`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const verify = async (code: string) => (await t.anonymous().get(`/api/v1/verify/${code}`)).body;

async function amend(recordId: string, patch: unknown) {
  const asked = await staff.front.post(`/api/v1/records/${recordId}/amendments`, {
    patch,
    reason: 'Хатои имлоӣ дар ном',
    basis: { type: 'APPLICATION', number: '12', date: '2025-05-12' },
  });
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  await payFee(staff.front, recordId, 'amendment');
  const approved = await staff.registrar.post(`/api/v1/records/${recordId}/amendments/approve`);
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return approved.body;
}

describe('after an amendment', () => {
  it('a new certificate supersedes the earlier ones, clears the reissue flag, and verification says which is which', async () => {
    const rec = await registeredBirth(staff);
    const first = await issue(staff.front, rec.id);
    const repeat = await issue(staff.front, rec.id);
    expect(repeat.issue).toBe('repeat');

    const amended = await amend(rec.id, { child: { name: 'Фарангис' } });
    expect(amended.version).toBe(2);
    expect(amended.flags).toContain('certificate-reissue');
    // the old certificate is still the last one issued, but it no longer tells the record as it is
    expect(await verify(first.qr)).toMatchObject({
      genuine: true,
      status: 'valid',
      recordVersion: 1,
      currentVersion: 2,
    });

    const refused = await staff.front.post(`/api/v1/records/${rec.id}/certificates`, {
      mode: 'full',
      issue: 'repeat',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.key).toBe('problem.certificate.issueMismatch');

    const renewed = await issue(staff.front, rec.id, { mode: 'full', issue: 'reissue' });
    expect(renewed).toMatchObject({ issue: 'reissue', recordVersion: 2, status: 'valid', current: true });

    const record = await staff.front.get(`/api/v1/records/${rec.id}`);
    expect(record.body.flags).not.toContain('certificate-reissue');
    const list = await staff.front.get(`/api/v1/records/${rec.id}/certificates`);
    expect(
      list.body.items.map(
        (c: { issue: string; status: string; supersededBy: string | null; current: boolean }) => [
          c.issue,
          c.status,
          c.supersededBy,
          c.current,
        ],
      ),
    ).toEqual([
      ['first', 'superseded', renewed.id, false],
      ['repeat', 'superseded', renewed.id, false],
      ['reissue', 'valid', null, true],
    ]);

    expect(await verify(first.qr)).toMatchObject({
      genuine: true,
      status: 'superseded',
      recordVersion: 1,
      currentVersion: 2,
    });
    expect(await verify(repeat.qr)).toMatchObject({ genuine: true, status: 'superseded' });
    const now = await verify(renewed.qr);
    expect(now).toMatchObject({ genuine: true, status: 'valid', recordVersion: 2, currentVersion: 2 });
    expect(now.names).toEqual([`${rec.data.child.surname} Ф.`]);
    // the superseded certificate still shows the name as it was certified
    expect((await verify(first.qr)).names).toEqual([`${rec.data.child.surname} ${rec.data.child.name[0]}.`]);

    // a repeat of the new one is a repeat again
    expect((await issue(staff.back, rec.id)).issue).toBe('repeat');
  });
});

describe('after annulment', () => {
  it('every certificate of the record checks as annulled', async () => {
    const rec = await registeredBirth(staff);
    const cert = await issue(staff.front, rec.id);
    const annulled = await staff.registrar.post(`/api/v1/records/${rec.id}/annul`, {
      reason: 'Сабти такрорӣ',
      basis: {
        type: 'COURT_DECISION',
        court: { court: 'Суди ноҳияи Фирдавсӣ', caseNumber: '2-114/25', date: '2025-05-20' },
      },
    });
    expect(annulled.status, JSON.stringify(annulled.body)).toBe(200);
    expect(await verify(cert.qr)).toMatchObject({ genuine: true, status: 'annulled' });
    // by its code and by its number, the same answer
    const ways = await checkedEveryWay(t.anonymous(), cert);
    expect(ways.code).toEqual(ways.qr);
    expect(ways.number).toEqual(ways.qr);
    const none = await staff.front.post(`/api/v1/records/${rec.id}/certificates`, { mode: 'full' });
    expect(none.status).toBe(409);
    expect(none.body.key).toBe('problem.certificate.notRegistered');
  });
});

describe('rotating an office key', () => {
  it('keeps old certificates verifiable, signs new ones with the new keys', async () => {
    const rec = await registeredBirth(staff);
    const before = await issue(staff.front, rec.id);
    expect(before.keyId).toMatch(/^DU-03-00\.q\d+$/);
    const { retired } = await rotateOfficeKeys(t.dbx.db, t.config, 'DU-03-00');
    expect(retired).toEqual(expect.arrayContaining([before.keyId, before.signingKeyId]));

    const after = await issue(staff.front, rec.id);
    expect(after.keyId).not.toBe(before.keyId);
    expect(after.signingKeyId).not.toBe(before.signingKeyId);
    expect(await verify(before.qr)).toMatchObject({ genuine: true, status: 'valid', keyId: before.keyId });
    expect(await verify(after.qr)).toMatchObject({ genuine: true, status: 'valid', keyId: after.keyId });

    // both PDFs keep valid signatures, each by its own office certificate
    const oldPdf = scratch.file('old.pdf', (await fetchBytes(t, 'front', before.pdf)).body);
    const newPdf = scratch.file('new.pdf', (await fetchBytes(t, 'front', after.pdf)).body);
    expect(pdfsigVerdict(oldPdf)).toBe('Signature is Valid.');
    expect(pdfsigVerdict(newPdf)).toBe('Signature is Valid.');
    expect(readQrCodes(scratch, oldPdf)).toEqual([before.qr]);

    // the published keys list the retired key with its end of validity, and the new one active
    const keys = (await t.anonymous().get('/api/v1/keys')).body;
    const old = keys.qrKeys.find((k: { id: string }) => k.id === before.keyId);
    expect(old).toMatchObject({ status: 'retired', office: 'DU-03-00' });
    expect(old.validTo).not.toBeNull();
    expect(keys.qrKeys.find((k: { id: string }) => k.id === after.keyId)).toMatchObject({
      status: 'active',
      validTo: null,
    });
    const oldCert = keys.officeCertificates.find((k: { id: string }) => k.id === before.signingKeyId);
    expect(oldCert.status).toBe('retired');
    // the retired office certificate still chains to the root
    const root = scratch.file('root.pem', keys.root[0].certificatePem);
    const office = scratch.file('office-old.pem', oldCert.certificatePem);
    expect(execFileSync('openssl', ['verify', '-CAfile', root, office], { encoding: 'utf8' })).toContain(
      'OK',
    );
  });
});
