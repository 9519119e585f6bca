import { createPublicKey, randomUUID, verify, X509Certificate } from 'node:crypto';
import { todayIn } from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeSigner } from '../../certificates/keys/key-store.ts';
import { signPayload } from '../../certificates/keys/qr-payload.ts';
import { receiveBlanks, registeredBirth, type Staff } from '../../certificates/testing/fixtures.ts';
import { type Scratch, scratchDir, tool } from '../../certificates/testing/tools.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let staff: Staff;
let anyone: Client;
let cert: { id: string; qr: string; number: string; series: string; recordId: string };
let surname: string;
let scratch: Scratch;

beforeAll(async () => {
  t = await startTestApp();
  const [front, back, registrar] = await Promise.all([t.as('front'), t.as('back'), t.as('registrar')]);
  staff = { front, back, registrar };
  anyone = t.anonymous();
  scratch = scratchDir();
  await receiveBlanks(await t.as('head'), { from: '000001', to: '000010' });
  const rec = await registeredBirth(staff);
  surname = rec.data.child.surname;
  const res = await front.post(`/api/v1/records/${rec.id}/certificates`, { mode: 'overlay' });
  expect(res.status).toBe(201);
  cert = res.body;
});
afterAll(async () => {
  scratch?.remove();
  await t?.close();
});

/** The same payload with one character of its JSON part changed. */
function tamper(payload: string): string {
  const [p, body, sig] = payload.split('.') as [string, string, string];
  const json = JSON.parse(Buffer.from(body, 'base64url').toString());
  const forged = Buffer.from(
    JSON.stringify({ ...json, c: json.c.replace(/\d$/, (d: string) => String((+d + 1) % 10)) }),
  );
  return `${p}.${forged.toString('base64url')}.${sig}`;
}

describe('the verification API (no sign-in)', () => {
  it('confirms a genuine certificate with the least data, by GET and by POST', async () => {
    const byGet = await anyone.get(`/api/v1/verify/${cert.qr}`);
    expect(byGet.status).toBe(200);
    expect(byGet.body).toEqual({
      genuine: true,
      status: 'valid',
      document: 'BIRTH_CERTIFICATE',
      certificateNumber: `${cert.series} ${cert.number}`,
      issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      office: {
        id: 'DU-03-00',
        nameTg: expect.any(String),
        nameRu: expect.any(String),
        nameEn: expect.any(String),
      },
      // who signed it: the head of office, not the clerk who printed it
      signatory: { title: 'Сардори шуъбаи САҲШ', fullName: 'Зарина Саидзода' },
      names: [expect.stringMatching(new RegExp(`^${surname} .\\.$`))],
      recordVersion: 1,
      currentVersion: 1,
      keyId: 'DU-03-00.q1',
    });
    const byPost = await anyone.post('/api/v1/verify', { code: cert.qr });
    expect(byPost.body).toEqual(byGet.body);
    // the whole verification URL, as a phone's QR reader gives it, works too
    const byUrl = await anyone.post('/api/v1/verify', { code: `http://localhost:8080/verify?c=${cert.qr}` });
    expect(byUrl.body.genuine).toBe(true);
  });

  it('says not genuine for a changed payload, a changed signature, an unknown key, or noise', async () => {
    const changed = await anyone.get(`/api/v1/verify/${tamper(cert.qr)}`);
    expect(changed.body).toEqual({ genuine: false, status: 'unknown', reason: 'signature' });
    const sig = cert.qr.split('.')[2]!;
    const flipped = cert.qr.replace(sig, (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1));
    expect((await anyone.get(`/api/v1/verify/${flipped}`)).body).toMatchObject({
      genuine: false,
      reason: 'signature',
    });
    const [p, body] = cert.qr.split('.') as [string, string];
    const json = JSON.parse(Buffer.from(body, 'base64url').toString());
    const otherKey = `${p}.${Buffer.from(JSON.stringify({ ...json, k: 'DU-01-00.q1' })).toString('base64url')}.${sig}`;
    expect((await anyone.get(`/api/v1/verify/${otherKey}`)).body).toMatchObject({
      genuine: false,
      reason: 'key',
    });
    expect((await anyone.post('/api/v1/verify', { code: 'hello' })).body).toMatchObject({
      genuine: false,
      reason: 'format',
    });
  });

  it('does not confirm a correctly signed code that the registry never issued', async () => {
    const signer = await officeSigner(t.dbx.db, t.config, 'DU-03-00');
    const forged = signPayload(
      { r: randomUUID(), v: 1, c: 'I-ДУ 999999', k: signer.qrKeyId, d: todayIn(t.config.timeZone) },
      signer.qrKey,
    );
    expect((await anyone.get(`/api/v1/verify/${forged}`)).body).toMatchObject({
      genuine: false,
      reason: 'not-issued',
    });
  });

  it('publishes the keys an agency needs to check certificates offline', async () => {
    const keys = (await anyone.get('/api/v1/keys')).body;
    expect(keys.root).toHaveLength(1);
    const root = new X509Certificate(keys.root[0].certificatePem);
    const office = keys.officeCertificates.find((k: { office: string }) => k.office === 'DU-03-00');
    const officeCert = new X509Certificate(office.certificatePem);
    expect(officeCert.verify(root.publicKey)).toBe(true);
    expect(officeCert.checkIssued(root)).toBe(true);
    expect(
      tool('openssl', [
        'verify',
        '-CAfile',
        scratch.file('root.pem', keys.root[0].certificatePem),
        scratch.file('office.pem', office.certificatePem),
      ]).output,
    ).toContain('OK');

    // the QR signature checks with the published key alone (JWK or SPKI), without Sabt
    const qrKey = keys.qrKeys.find((k: { id: string }) => k.id === 'DU-03-00.q1');
    expect(qrKey).toMatchObject({
      office: 'DU-03-00',
      algorithm: 'Ed25519',
      status: 'active',
      validTo: null,
    });
    expect(qrKey.jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: 'DU-03-00.q1' });
    const [p, body, sig] = cert.qr.split('.') as [string, string, string];
    const message = Buffer.from(`${p}.${body}`);
    const { kid: _kid, alg: _alg, use: _use, ...jwk } = qrKey.jwk;
    expect(
      verify(null, message, createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(sig, 'base64url')),
    ).toBe(true);
    expect(verify(null, message, createPublicKey(qrKey.spkiPem), Buffer.from(sig, 'base64url'))).toBe(true);
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    expect(claims).toEqual({
      r: cert.recordId,
      v: 1,
      c: `${cert.series} ${cert.number}`,
      k: 'DU-03-00.q1',
      d: expect.any(String),
    });
  });
});

describe('the public verification page', () => {
  it('is a plain HTML form in Tajik by default, with no script', async () => {
    const res = await anyone.get('/verify');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<html lang="tg">');
    expect(res.body).toContain('<form method="get" action="/verify">');
    expect(res.body).toContain('Санҷиши шаҳодатнома');
    expect(res.body).not.toMatch(/<script/i);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('speaks Russian or English by ?lang= or by the browser’s Accept-Language', async () => {
    const ru = await anyone.get(`/verify?c=${cert.qr}&lang=ru`);
    expect(ru.body).toContain('<html lang="ru">');
    expect(ru.body).toContain('Свидетельство подлинное и действительное.');
    expect(ru.body).toContain(`${cert.series} ${cert.number}`);
    expect(ru.body).toContain('Свидетельство о рождении');
    const en = await anyone.get(`/verify?c=${cert.qr}`, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.body).toContain('The certificate is genuine and valid.');
    expect(en.body).toMatch(new RegExp(`${surname} .\\.`));
    const tg = await anyone.get(`/verify?c=${cert.qr}`, { 'accept-language': 'fr' });
    expect(tg.body).toContain('Шаҳодатнома ҳақиқӣ ва амалкунанда аст.');
  });

  it('says plainly when a code is not genuine, and never echoes markup', async () => {
    const fake = await anyone.get(`/verify?lang=en&c=${encodeURIComponent(tamper(cert.qr))}`);
    expect(fake.body).toContain('Not confirmed: this code was not issued by Sabt, or it has been altered.');
    const hostile = await anyone.get(`/verify?lang=en&c=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(hostile.status).toBe(200);
    expect(hostile.body).not.toContain('<script>alert(1)</script>');
    expect(hostile.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('rate limits', () => {
  it('slow down anyone who checks too often', async () => {
    const limited = await startTestApp({ SABT_VERIFY_RATE_LIMIT: '3' });
    try {
      const c = limited.anonymous();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await c.get('/api/v1/verify/SABT1.x.y')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const page = await c.get('/verify');
      expect(page.status).toBe(200);
      for (let i = 0; i < 3; i++) await c.get('/verify');
      expect((await c.get('/verify')).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
