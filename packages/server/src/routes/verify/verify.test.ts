import { createPublicKey, randomUUID, verify, X509Certificate } from 'node:crypto';
import { formatDate, readVerifyCode, todayIn, VERIFY_CODE_ALPHABET } from '@sabt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeSigner } from '../../certificates/keys/key-store.ts';
import { signPayload } from '../../certificates/keys/qr-payload.ts';
import {
  checkedEveryWay,
  receiveBlanks,
  registeredBirth,
  type Staff,
} from '../../certificates/testing/fixtures.ts';
import { type Scratch, scratchDir, tool } from '../../certificates/testing/tools.ts';
import { type Client, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let staff: Staff;
let anyone: Client;
let cert: {
  id: string;
  qr: string;
  number: string;
  series: string;
  recordId: string;
  verifyCode: string;
  verifyUrl: string;
  issuedOn: string;
};
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

/** Another valid code (its check character right) that no certificate has. */
function otherCode(code: string): string {
  const raw = code.replace('-', '');
  for (const c of VERIFY_CODE_ALPHABET) {
    for (const d of VERIFY_CODE_ALPHABET) {
      const candidate = `${c}${raw.slice(1, 9)}${d}`;
      if (candidate !== raw && readVerifyCode(candidate).ok) return candidate;
    }
  }
  throw new Error('no other code');
}

describe('a check without a scanner', () => {
  it('the certificate carries a short code and a short address, both printed for people to type', async () => {
    expect(cert.verifyCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(cert.verifyUrl).toBe(`${t.config.publicUrl}/verify/${cert.verifyCode}`);
    expect(cert.verifyUrl.length).toBeLessThan(60);
  });

  it('by the code: the same answer as the QR code, whatever the look-alikes typed', async () => {
    const ways = await checkedEveryWay(anyone, cert);
    expect(ways.qr).toMatchObject({ genuine: true, status: 'valid' });
    expect(ways.code).toEqual(ways.qr);
    // lower case, no dash, O for 0, I or L for 1, Cyrillic look-alikes: all read as the code
    const typed = cert.verifyCode
      .replace('-', ' ')
      .toLowerCase()
      .replace(/0/g, 'o')
      .replace(/1/g, 'l')
      .replace(/a/g, 'а')
      .replace(/k/g, 'к');
    const folded = await anyone.post('/api/v1/verify', { code: typed });
    expect(folded.body).toEqual(ways.qr);
    // and as the short address printed under the QR code gives it
    expect((await anyone.get(`/api/v1/verify/${cert.verifyCode}`)).body).toEqual(ways.qr);
  });

  it('by the code: a mistyped character, an unknown code and noise are told apart', async () => {
    const raw = cert.verifyCode.replace('-', '');
    const wrong = raw.slice(0, 3) + (raw[3] === 'X' ? 'Y' : 'X') + raw.slice(4);
    expect((await anyone.post('/api/v1/verify', { code: wrong })).body).toEqual({
      genuine: false,
      status: 'unknown',
      reason: 'typo',
    });
    expect((await anyone.post('/api/v1/verify', { code: otherCode(raw) })).body).toEqual({
      genuine: false,
      status: 'unknown',
      reason: 'not-found',
    });
    expect((await anyone.post('/api/v1/verify', { code: 'ABC-123' })).body).toMatchObject({
      genuine: false,
      reason: 'format',
    });
  });

  it('by series, number and date of issue: found as typed on either keyboard, without leading zeros', async () => {
    const byQr = (await anyone.get(`/api/v1/verify/${cert.qr}`)).body;
    const asked = { series: cert.series, number: cert.number, issuedOn: cert.issuedOn };
    expect((await anyone.post('/api/v1/verify/by-number', asked)).body).toEqual(byQr);
    const typed = { series: ' і ду ', number: String(Number(cert.number)), issuedOn: cert.issuedOn };
    expect(cert.series).toBe('I-ДУ');
    expect((await anyone.post('/api/v1/verify/by-number', typed)).body).toEqual(byQr);
  });

  it('by series, number and date of issue: any of the three wrong finds nothing, and says nothing more', async () => {
    const notFound = { genuine: false, status: 'unknown', reason: 'not-found' };
    const ask = (over: Record<string, string>) =>
      anyone.post('/api/v1/verify/by-number', {
        series: cert.series,
        number: cert.number,
        issuedOn: cert.issuedOn,
        ...over,
      });
    const dayBefore = new Date(Date.parse(`${cert.issuedOn}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect((await ask({ issuedOn: dayBefore })).body).toEqual(notFound);
    expect((await ask({ number: '000009' })).body).toEqual(notFound);
    expect((await ask({ series: 'II-ДУ' })).body).toEqual(notFound);
  });

  it("by series, number and date of issue: input that cannot be one is refused in the reader's language", async () => {
    const res = await anyone.post(
      '/api/v1/verify/by-number',
      { series: '', number: 'abc', issuedOn: '2025-02-30' },
      { 'accept-language': 'ru' },
    );
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const byField = Object.fromEntries(
      res.body.errors.map((e: { path: string; key: string; message: string }) => [e.path, e]),
    );
    expect(byField.series.key).toBe('error.required');
    expect(byField.number.key).toBe('error.format');
    expect(byField.issuedOn.key).toBe('error.date.invalid');
    expect(byField.issuedOn.message).toBe('Такой даты не существует. Проверьте дату (дд.мм.гггг).');
  });
});

describe('the public verification page', () => {
  it('is a plain HTML form in Tajik by default, with no script', async () => {
    const res = await anyone.get('/verify');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<html lang="tg">');
    expect(res.body).toContain('<form method="get" action="/verify" aria-labelledby="by-code">');
    expect(res.body).toContain('<form method="get" action="/verify" aria-labelledby="by-number">');
    expect(res.body).toContain('Бо рамзи санҷиш');
    expect(res.body).toContain('Бо силсила, рақам ва санаи додан');
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

  it('checks the short address printed under the QR code, and a code typed into it', async () => {
    const printed = await anyone.get(new URL(cert.verifyUrl).pathname, { 'accept-language': 'en' });
    expect(printed.status).toBe(200);
    expect(printed.body).toContain('The certificate is genuine and valid.');
    expect(printed.body).toContain(`${cert.series} ${cert.number}`);
    const typed = await anyone.get(`/verify?lang=en&c=${encodeURIComponent(cert.verifyCode.toLowerCase())}`);
    expect(typed.body).toContain('The certificate is genuine and valid.');
  });

  it('checks a series, number and date of issue typed as dd.mm.yyyy', async () => {
    const q = new URLSearchParams({
      lang: 'tg',
      series: 'І-ДУ',
      number: cert.number,
      issued: formatDate(cert.issuedOn),
    });
    const res = await anyone.get(`/verify?${q}`);
    expect(res.body).toContain('Шаҳодатнома ҳақиқӣ ва амалкунанда аст.');
    // what was typed stays in the form
    expect(res.body).toContain(`value="${formatDate(cert.issuedOn)}"`);
  });

  it("says what is wrong, in the reader's language, for each way", async () => {
    const raw = cert.verifyCode.replace('-', '');
    const wrong = raw.slice(0, 3) + (raw[3] === 'X' ? 'Y' : 'X') + raw.slice(4);
    const cases: [string, string][] = [
      [
        `/verify?lang=en&c=${wrong}`,
        'The code has a mistyped character: compare it with the certificate letter by letter.',
      ],
      [`/verify?lang=ru&c=${otherCode(raw)}`, 'Свидетельство с таким кодом не выдавалось. Проверьте код.'],
      [`/verify?lang=tg&c=ABC12`, 'Рамзи санҷиш аз 10 ҳарфу рақам иборат аст, масалан 7KQ2M-X9D4G.'],
      [
        `/verify?lang=en&series=I-ДУ&number=${cert.number}&issued=01.01.2020`,
        'No certificate with this series and number was issued on that date. Check all three.',
      ],
    ];
    for (const [url, message] of cases) {
      const res = await anyone.get(url);
      expect(res.status).toBe(200);
      expect(res.body).toContain(message);
      expect(res.body).toContain('role="alert"');
    }
    const incomplete = await anyone.get('/verify?lang=ru&series=&number=12a&issued=31.02.2026');
    expect(incomplete.body).toContain('Укажите серию бланка, например I-ДУ.');
    expect(incomplete.body).toContain('Укажите номер бланка цифрами, например 000123.');
    expect(incomplete.body).toContain('Укажите дату выдачи в виде дд.мм.гггг, например 14.03.2026.');
    expect(incomplete.body).toContain('aria-invalid="true"');
    expect(incomplete.body).not.toContain('class="result');
  });
});

describe('rate limits', () => {
  it('slow down anyone who checks too often, counted across every public check, with a 429 in their language', async () => {
    // behind a proxy Sabt trusts, each client counted by the address the proxy gives
    const limited = await startTestApp({ SABT_VERIFY_RATE_LIMIT: '4', SABT_TRUSTED_PROXIES: '127.0.0.1' });
    try {
      const c = limited.anonymous();
      const statuses = [
        (await c.get('/api/v1/verify/SABT1.x.y')).status,
        (await c.post('/api/v1/verify', { code: '7KQ2M-X9D4G' })).status,
        (await c.post('/api/v1/verify/by-number', { series: 'I-ДУ', number: '1', issuedOn: '2026-01-05' }))
          .status,
        (await c.get('/verify')).status,
      ];
      expect(statuses).toEqual([200, 200, 200, 200]);
      // the fifth, whichever way it asks, waits
      const api = await c.post(
        '/api/v1/verify/by-number',
        { series: 'I-ДУ', number: '2', issuedOn: '2026-01-05' },
        { 'accept-language': 'ru' },
      );
      expect(api.status).toBe(429);
      expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(api.body.title).toBe('Слишком много запросов. Подождите немного.');
      expect(api.headers['retry-after']).toBeDefined();
      expect((await c.get('/verify/7KQ2M-X9D4G')).status).toBe(429);
      expect(
        (await c.post('/api/v1/verify', { code: '7KQ2M-X9D4G' }, { 'accept-language': 'en' })).body.title,
      ).toBe('Too many requests. Wait a little.');
      // another address is not held back
      const other = await c.get('/api/v1/verify/SABT1.x.y', { 'x-forwarded-for': '203.0.113.9' });
      expect(other.status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
