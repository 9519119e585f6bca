import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.ts';
import { prepareDatabase } from '../prepare.ts';
import { type FileBackend, FileStore, sha256Hex } from '../storage/file-store.ts';
import type { MemoryBackend } from '../storage/memory-store.ts';
import { signInWithCode, startTestApp, type TestApp } from '../test/harness.ts';
import { moveCertificatePdfs } from './pdf-files.ts';
import { certificateDesk, registeredBirth, type Staff } from './testing/fixtures.ts';
import { fetchBytes } from './testing/tools.ts';

/**
 * Migration 012 and its data step: certificates issued before it kept their PDF in the database;
 * once the database is prepared, the PDF is in the file store and served from there, byte for byte.
 */

let t: TestApp;
let staff: Staff;
const certs: { id: string; pdf: string; sha256: string; bytes: Buffer }[] = [];

beforeAll(async () => {
  t = await startTestApp();
  ({ staff } = await certificateDesk(t));
  for (let i = 0; i < 3; i++) {
    const rec = await registeredBirth(staff);
    const res = await staff.front.post(`/api/v1/records/${rec.id}/certificates`, { mode: 'full' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const bytes = (await fetchBytes(t, 'back', res.body.pdf)).body;
    certs.push({ id: res.body.id, pdf: res.body.pdf, sha256: res.body.pdfSha256, bytes });
  }
});
afterAll(async () => {
  await t?.close();
});

const memory = () => t.files.backend as MemoryBackend;

/** The database as it was before migration 012: the PDFs in certificates.pdf, no stored_files, no store. */
async function asBefore012(pdfs: Buffer[]) {
  const db = t.dbx.db;
  await sql`ALTER TABLE certificates DROP CONSTRAINT certificates_pdf_file`.execute(db);
  await sql`DROP INDEX certificates_pdf_in_database`.execute(db);
  for (const [i, c] of certs.entries()) {
    await sql`UPDATE certificates SET pdf = ${pdfs[i]} WHERE id = ${c.id}`.execute(db);
  }
  await sql`ALTER TABLE certificates ALTER COLUMN pdf SET NOT NULL`.execute(db);
  // tables of later migrations name stored files too (fee receipts, bank statements): not then
  const later = await sql<{ table: string; name: string }>`
    SELECT conrelid::regclass::text AS table, conname AS name FROM pg_constraint
    WHERE contype = 'f' AND confrelid = 'stored_files'::regclass`.execute(db);
  for (const c of later.rows)
    await sql`ALTER TABLE ${sql.table(c.table)} DROP CONSTRAINT ${sql.ref(c.name)}`.execute(db);
  await sql`DROP TABLE stored_files`.execute(db);
  await sql`DELETE FROM schema_migrations WHERE name = '012-file-storage.sql'`.execute(db);
  memory().objects.clear();
}

const state = async () => {
  const rows = await sql<{ id: string; in_db: boolean; stored: string | null; at: Date | null }>`
    SELECT c.id, c.pdf IS NOT NULL AS in_db, f.content_type AS stored, f.created_at AS at
    FROM certificates c LEFT JOIN stored_files f ON f.sha256 = c.pdf_sha256
  `.execute(t.dbx.db);
  return Object.fromEntries(rows.rows.map((r) => [r.id, r]));
};

const validated = async () =>
  (
    await sql<{ convalidated: boolean }>`
      SELECT convalidated FROM pg_constraint WHERE conname = 'certificates_pdf_file'
    `.execute(t.dbx.db)
  ).rows[0]?.convalidated;

/** A store whose backend fails on its n-th write, as a full disk or a lost connection would. */
function failingOn(n: number): FileStore {
  const inner: FileBackend = memory();
  let writes = 0;
  const backend: FileBackend = {
    name: 'failing',
    read: (sha) => inner.read(sha),
    exists: (sha) => inner.exists(sha),
    create: async (sha, bytes, type) => {
      if (++writes === n) throw new Error('No space left on device');
      return inner.create(sha, bytes, type);
    },
  };
  return new FileStore(backend, t.files.limits);
}

describe('moving the certificate PDFs of before migration 012 into the file store', () => {
  it('moves them batch by batch, resumes after a failure, and serves them from the store byte for byte', async () => {
    const [a, b, c] = certs as [(typeof certs)[0], (typeof certs)[0], (typeof certs)[0]];
    // the third one's bytes in the database do not match its hash (a damaged row)
    const damaged = Buffer.from(c.bytes);
    damaged[100] = damaged[100]! ^ 0xff;
    await asBefore012([a.bytes, b.bytes, damaged]);

    // before the step: still served, from the database, checked against the hash
    expect((await fetchBytes(t, 'back', a.pdf)).body.equals(a.bytes)).toBe(true);

    // without a store, preparing is refused while PDFs wait in the database
    await expect(prepareDatabase(t.dbx.db)).rejects.toThrow(
      /wait in the database to be moved to the file store/,
    );
    expect(await migrate(t.dbx.db)).toEqual([]); // 012 was applied all the same; the data step is what waits

    // interrupted on its second file: the first batch (of one) is done, the rest waits
    await expect(moveCertificatePdfs(t.dbx.db, failingOn(2), { batchSize: 1 })).rejects.toThrow(
      'No space left on device',
    );
    const firstGood = [a, b].sort((x, y) => (x.id < y.id ? -1 : 1))[0]!;
    let s = await state();
    expect(
      Object.values(s)
        .filter((r) => !r.in_db)
        .map((r) => r.id),
    ).toEqual([firstGood.id]);

    // the next start goes on where it stopped
    const res = await prepareDatabase(t.dbx.db, { files: t.files });
    s = await state();
    expect(res.certificatePdfsMoved).toBe(1);
    for (const x of [a, b]) {
      expect(s[x.id]).toMatchObject({ in_db: false, stored: 'application/pdf' });
      expect(memory().objects.get(x.sha256)?.equals(x.bytes)).toBe(true);
      // served from the store (the database keeps no bytes), exactly as issued
      const served = await fetchBytes(t, 'front', x.pdf);
      expect(served.status).toBe(200);
      expect(served.body.equals(x.bytes)).toBe(true);
    }
    // the stored file is dated when the certificate was issued
    const issued = await sql<{
      issued_at: Date;
    }>`SELECT issued_at FROM certificates WHERE id = ${a.id}`.execute(t.dbx.db);
    expect(new Date(s[a.id]!.at!).getTime()).toBe(new Date(issued.rows[0]!.issued_at).getTime());

    // the damaged one stays where it is, is not served, and the reference is not declared valid yet
    expect(s[c.id]).toMatchObject({ in_db: true, stored: null });
    expect(memory().objects.has(c.sha256)).toBe(false);
    const refused = await t.app.inject({
      method: 'GET',
      url: c.pdf,
      headers: { cookie: await login('back'), 'accept-language': 'en' },
    });
    expect(refused.statusCode).toBe(500);
    expect(refused.json().key).toBe('problem.file.damaged');
    expect(await validated()).toBe(false);

    // once the row is repaired (from a backup), the next start moves it and the reference holds for every row
    await sql`UPDATE certificates SET pdf = ${c.bytes} WHERE id = ${c.id}`.execute(t.dbx.db);
    expect((await prepareDatabase(t.dbx.db, { files: t.files })).certificatePdfsMoved).toBe(1);
    expect((await fetchBytes(t, 'front', c.pdf)).body.equals(c.bytes)).toBe(true);
    expect(await validated()).toBe(true);
    expect(Object.values(await state()).every((r) => !r.in_db && r.stored === 'application/pdf')).toBe(true);

    // nothing left to do: idempotent
    expect((await prepareDatabase(t.dbx.db, { files: t.files })).certificatePdfsMoved).toBe(0);
    expect(sha256Hex((await fetchBytes(t, 'back', b.pdf)).body)).toBe(b.sha256);
  });

  it('a new certificate cannot name a file the store does not hold', async () => {
    const rows = await sql<{ id: string }>`SELECT id FROM certificates LIMIT 1`.execute(t.dbx.db);
    await expect(
      sql`UPDATE certificates SET pdf_sha256 = ${'0'.repeat(64)} WHERE id = ${rows.rows[0]!.id}`.execute(
        t.dbx.db,
      ),
    ).rejects.toThrow(/certificates_pdf_file/);
  });
});

async function login(name: string): Promise<string> {
  return (await signInWithCode(t.app, t.authenticator, name, 'sabt-demo')).cookie;
}
