import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { receiveBlanks, registeredBirth, type Staff } from '../../certificates/testing/fixtures.ts';
import { fetchBytes } from '../../certificates/testing/tools.ts';
import { loadConfig } from '../../config.ts';
import { sha256Hex } from '../../storage/file-store.ts';
import { FsBackend } from '../../storage/fs-store.ts';
import type { MemoryBackend } from '../../storage/memory-store.ts';
import { S3Backend } from '../../storage/s3-store.ts';
import { startS3Server, type TestS3Server } from '../../storage/testing/s3-server.ts';
import { signInWithCode, startTestApp, type TestApp } from '../../test/harness.ts';

/** Certificate PDFs live in the file store: written at issue, read back checked against their hash. */

async function staffOf(t: TestApp): Promise<Staff> {
  const [front, back, registrar, head] = await Promise.all([
    t.as('front'),
    t.as('back'),
    t.as('registrar'),
    t.as('head'),
  ]);
  await receiveBlanks(head, { from: '000001', to: '000020' });
  return { front, back, registrar };
}

async function issued(staff: Staff) {
  const rec = await registeredBirth(staff);
  const res = await staff.front.post(`/api/v1/records/${rec.id}/certificates`, { mode: 'full' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; pdf: string; pdfSha256: string; recordId: string };
}

const pdfAs = (t: TestApp, cookieOf: string, url: string, lang: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: cookieOf, 'accept-language': lang } });

/** A session on `app` (another app on the same database has the same users: the same authenticator). */
async function cookie(app: FastifyInstance, login: string): Promise<string> {
  return (await signInWithCode(app, t.authenticator, login, 'sabt-demo')).cookie;
}

let t: TestApp;
let staff: Staff;
let dir: string;
const apps: FastifyInstance[] = [];
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sabt-cert-files-'));
  t = await startTestApp();
  staff = await staffOf(t);
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('with the store in memory beside the in-memory database (the tests’ default)', () => {
  it('writes the signed PDF to the store and keeps only its hash in the certificate’s row', async () => {
    const cert = await issued(staff);
    const row = await sql<{ pdf: Buffer | null; pdf_sha256: string }>`
      SELECT pdf, pdf_sha256 FROM certificates WHERE id = ${cert.id}
    `.execute(t.dbx.db);
    expect(row.rows[0]).toEqual({ pdf: null, pdf_sha256: cert.pdfSha256 });
    const file = await sql<{ size: number; content_type: string; purpose: string }>`
      SELECT size, content_type, purpose FROM stored_files WHERE sha256 = ${cert.pdfSha256}
    `.execute(t.dbx.db);
    const stored = await t.files.get(cert.pdfSha256);
    expect(file.rows[0]).toEqual({
      size: stored.length,
      content_type: 'application/pdf',
      purpose: 'certificate',
    });

    const served = await fetchBytes(t, 'back', cert.pdf);
    expect(served.status).toBe(200);
    expect(served.type).toBe('application/pdf');
    expect(served.body.equals(stored)).toBe(true);
    expect(sha256Hex(served.body)).toBe(cert.pdfSha256);
  });

  it('serves no PDF whose stored bytes were altered: a clear error in the user’s language instead', async () => {
    const cert = await issued(staff);
    const backend = t.files.backend as MemoryBackend;
    const original = backend.objects.get(cert.pdfSha256)!;
    const altered = Buffer.from(original);
    // one byte of the page content changed, as an edit in a hex editor would
    const at = Math.floor(altered.length / 2);
    altered[at] = altered[at]! ^ 0x01;
    backend.objects.set(cert.pdfSha256, altered);
    try {
      const c = await cookie(t.app, 'back');
      const ru = await pdfAs(t, c, cert.pdf, 'ru');
      expect(ru.statusCode).toBe(500);
      expect(ru.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(ru.json()).toMatchObject({
        key: 'problem.file.damaged',
        title:
          'Хранимый файл не совпадает со своей контрольной суммой: он повреждён или изменён, поэтому не выдаётся. Сообщите администратору.',
        sha256: cert.pdfSha256,
      });
      expect(ru.body).not.toContain('%PDF');
      const tg = await pdfAs(t, c, cert.pdf, 'tg');
      expect(tg.json().title).toMatch(/^Файли нигоҳдошта бо ҳаши худ мувофиқат намекунад/);
    } finally {
      backend.objects.set(cert.pdfSha256, original);
    }
    expect((await fetchBytes(t, 'back', cert.pdf)).status).toBe(200);
  });

  it('says so when the file is missing from the store', async () => {
    const cert = await issued(staff);
    const backend = t.files.backend as MemoryBackend;
    const original = backend.objects.get(cert.pdfSha256)!;
    backend.objects.delete(cert.pdfSha256);
    try {
      const res = await pdfAs(t, await cookie(t.app, 'back'), cert.pdf, 'en');
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({
        key: 'problem.file.missing',
        title: 'The stored file was not found. Tell the administrator.',
      });
    } finally {
      backend.objects.set(cert.pdfSha256, original);
    }
  });
});

/** An app as `sabt start` builds it from these variables, on the test's database. */
async function appWith(env: Record<string, string>) {
  const config = loadConfig({
    SABT_DATA_DIR: 'memory://',
    SABT_LOGIN_RATE_LIMIT: '100000',
    // as the test harness: a busy shared machine stalls the event loop, and these tests shed no load
    SABT_OVERLOAD_EVENT_LOOP_DELAY_MS: '0',
    ...env,
  });
  const app = await buildApp({ config, dbx: t.dbx });
  apps.push(app);
  return { app, config };
}
const send = async (
  app: FastifyInstance,
  login: string,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
) =>
  app.inject({
    method,
    url,
    headers: { cookie: await cookie(app, login), 'accept-language': 'en' },
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });

describe('stores the configuration names (the same database, another app)', () => {
  it('SABT_FILES_DIR: the PDF is <dir>/ab/cd/<sha256>, served byte for byte, refused once altered on disk', async () => {
    const { app, config } = await appWith({ SABT_FILES_DIR: dir });
    expect(config.files).toMatchObject({ store: 'fs', dir });
    const rec = await registeredBirth(staff);
    const res = await send(app, 'front', 'POST', `/api/v1/records/${rec.id}/certificates`, { mode: 'full' });
    expect(res.statusCode, res.body).toBe(201);
    const cert = res.json() as { pdf: string; pdfSha256: string };
    const file = new FsBackend(dir).pathOf(cert.pdfSha256);
    expect(existsSync(file)).toBe(true);
    const served = await send(app, 'back', 'GET', cert.pdf);
    expect(served.statusCode).toBe(200);
    expect(sha256Hex(served.rawPayload)).toBe(cert.pdfSha256);
    expect(served.rawPayload.equals(readFileSync(file))).toBe(true);

    chmodSync(file, 0o640);
    writeFileSync(file, Buffer.concat([served.rawPayload, Buffer.from('%% appended\n')]));
    const altered = await send(app, 'back', 'GET', cert.pdf);
    expect(altered.statusCode).toBe(500);
    expect(altered.json().key).toBe('problem.file.damaged');
  });

  it('SABT_FILE_LIMITS_MB: a signed PDF over the limit is not issued, the user is told why, no blank is taken', async () => {
    const { app } = await appWith({ SABT_FILE_LIMITS_MB: 'certificate=0.01' });
    const rec = await registeredBirth(staff);
    const next = '/api/v1/blanks/next?document=BIRTH_CERTIFICATE';
    const before = (await send(app, 'front', 'GET', next)).json();
    const res = await send(app, 'front', 'POST', `/api/v1/records/${rec.id}/certificates`, { mode: 'full' });
    expect(res.statusCode).toBe(413);
    expect(res.json().key).toBe('problem.file.tooLarge');
    expect(res.json().title).toMatch(
      /^The file is too large: [\d.]+ MB\. Files of up to 0\.01 MB are accepted here\.$/,
    );
    expect((await send(app, 'front', 'GET', next)).json()).toEqual(before);
    expect((await staff.front.get(`/api/v1/records/${rec.id}/certificates`)).body.items).toEqual([]);
  });
});

describe('SABT_STORAGE=s3: against s3rver on a loopback port', () => {
  let s3: TestS3Server;
  beforeAll(async () => {
    s3 = await startS3Server('sabt-certificates');
  });
  afterAll(async () => {
    await s3?.close();
  });

  it('the PDF is an object <prefix>ab/cd/<sha256> in the bucket, served byte for byte, refused once replaced', async () => {
    const { settings } = s3;
    const { app, config } = await appWith({
      SABT_STORAGE: 's3',
      SABT_S3_BUCKET: settings.bucket,
      SABT_S3_PREFIX: 'registry/',
      SABT_S3_ENDPOINT: settings.endpoint,
      SABT_S3_ACCESS_KEY_ID: settings.accessKeyId,
      SABT_S3_SECRET_ACCESS_KEY: settings.secretAccessKey,
      SABT_S3_FORCE_PATH_STYLE: 'true',
    });
    expect(config.files.store).toBe('s3');
    const rec = await registeredBirth(staff);
    const res = await send(app, 'front', 'POST', `/api/v1/records/${rec.id}/certificates`, { mode: 'full' });
    expect(res.statusCode, res.body).toBe(201);
    const cert = res.json() as { pdf: string; pdfSha256: string };
    const backend = new S3Backend({ ...settings, prefix: 'registry/' });
    const object = await backend.read(cert.pdfSha256);
    expect(backend.key(cert.pdfSha256)).toMatch(/^registry\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
    const served = await send(app, 'back', 'GET', cert.pdf);
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(object!)).toBe(true);
    expect(sha256Hex(served.rawPayload)).toBe(cert.pdfSha256);

    await backend.client.send(
      new PutObjectCommand({
        Bucket: settings.bucket,
        Key: backend.key(cert.pdfSha256),
        Body: Buffer.concat([object!, Buffer.from('%% appended\n')]),
      }),
    );
    const altered = await send(app, 'back', 'GET', cert.pdf);
    expect(altered.statusCode).toBe(500);
    expect(altered.json().key).toBe('problem.file.damaged');
  });
});
