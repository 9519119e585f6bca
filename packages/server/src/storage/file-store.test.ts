import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemBody, problemOf } from '../http/problem.ts';
import { type FileBackend, FileDamagedError, FileMissingError, FileStore, sha256Hex } from './file-store.ts';
import { FsBackend } from './fs-store.ts';
import { MemoryBackend } from './memory-store.ts';
import { parseFileLimits } from './purposes.ts';
import { S3Backend } from './s3-store.ts';
import { startS3Server, type TestS3Server } from './testing/s3-server.ts';
import { samplePdf, samplePng, sampleTiff } from './testing/samples.ts';

/**
 * The same contract for every backend: round trip, never overwritten, damage detected on read.
 * The S3 store runs against a real S3-compatible server (s3rver on a loopback port).
 */

interface Subject {
  backend: FileBackend;
  /** Replaces the stored bytes behind the store's back, as a damaged disk or an intruder would. */
  tamper(sha256: string, bytes: Buffer): Promise<void>;
  remove(sha256: string): Promise<void>;
}

const limits = parseFileLimits('');

function contract(name: string, make: () => Promise<Subject>) {
  describe(`the ${name} file store`, () => {
    let subject: Subject;
    let store: FileStore;
    beforeAll(async () => {
      subject = await make();
      store = new FileStore(subject.backend, limits);
    });

    it('gives back exactly the bytes it was given, named by their SHA-256', async () => {
      const pdf = samplePdf(`round trip ${name}`);
      const stored = await store.put(pdf, { purpose: 'certificate' });
      expect(stored).toEqual({
        sha256: sha256Hex(pdf),
        size: pdf.length,
        contentType: 'application/pdf',
        kind: 'pdf',
        purpose: 'certificate',
      });
      expect(await store.has(stored.sha256)).toBe(true);
      expect((await store.get(stored.sha256)).equals(pdf)).toBe(true);
    });

    it('stores the same bytes once: a second put is a no-op with the same answer', async () => {
      const png = samplePng();
      const first = await store.put(png, { purpose: 'scan' });
      const again = await store.put(Buffer.from(png), { purpose: 'scan', claimed: 'page.png' });
      expect(again).toEqual(first);
      expect((await store.get(first.sha256)).equals(png)).toBe(true);
    });

    it('takes concurrent puts of the same file', async () => {
      const tiff = sampleTiff();
      const all = await Promise.all(
        Array.from({ length: 5 }, () => store.put(Buffer.from(tiff), { purpose: 'scan' })),
      );
      expect(new Set(all.map((s) => s.sha256)).size).toBe(1);
      expect((await store.get(all[0]!.sha256)).equals(tiff)).toBe(true);
    });

    it('never overwrites: the backend refuses to create a name that exists', async () => {
      const pdf = samplePdf(`kept ${name}`);
      const { sha256 } = await store.put(pdf, { purpose: 'receipt' });
      expect(await subject.backend.create(sha256, samplePdf('other bytes'), 'application/pdf')).toBe(false);
      expect((await store.get(sha256)).equals(pdf)).toBe(true);
    });

    it('detects a tampered file on read and serves nothing', async () => {
      const pdf = samplePdf(`tampered ${name}`);
      const { sha256 } = await store.put(pdf, { purpose: 'certificate' });
      const altered = Buffer.from(pdf);
      altered[altered.length - 3] = 0x30;
      await subject.tamper(sha256, altered);

      const err = await store.get(sha256).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FileDamagedError);
      const damaged = err as FileDamagedError;
      expect(damaged.kind).toBe('internal');
      expect(damaged.key).toBe('problem.file.damaged');
      expect(damaged.actual).toBe(sha256Hex(altered));
      expect(problemBody(problemOf(damaged), 'en')).toMatchObject({
        status: 500,
        key: 'problem.file.damaged',
        title:
          'The stored file does not match its checksum: it has been damaged or altered, so it is not served. Tell the administrator.',
        sha256,
      });
      expect(problemBody(problemOf(damaged), 'ru').title).toMatch(
        /^Хранимый файл не совпадает со своей контрольной суммой/,
      );
      expect(problemBody(problemOf(damaged), 'tg').title).toMatch(
        /^Файли нигоҳдошта бо ҳаши худ мувофиқат намекунад/,
      );

      // storing the true bytes again neither repairs nor hides it: the damage is reported, the evidence kept
      await expect(store.put(pdf, { purpose: 'certificate' })).rejects.toBeInstanceOf(FileDamagedError);
      expect(sha256Hex((await subject.backend.read(sha256))!)).toBe(sha256Hex(altered));
    });

    it('says when a file is missing', async () => {
      const pdf = samplePdf(`missing ${name}`);
      const { sha256 } = await store.put(pdf, { purpose: 'certificate' });
      await subject.remove(sha256);
      expect(await store.has(sha256)).toBe(false);
      const err = await store.get(sha256).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FileMissingError);
      expect((err as FileMissingError).key).toBe('problem.file.missing');
    });

    it('refuses a name that is not a SHA-256 (no path tricks)', async () => {
      await expect(store.get('../../etc/passwd')).rejects.toThrow(/not a SHA-256/);
      await expect(store.has('A'.repeat(64))).rejects.toThrow(/not a SHA-256/);
    });

    it('checks files on the way in: nothing is stored for a refused file', async () => {
      const png = samplePng();
      const bigger = Buffer.concat([png, Buffer.from('padding')]);
      await expect(store.put(bigger, { purpose: 'certificate' })).rejects.toMatchObject({
        key: 'problem.file.wrongType',
      });
      expect(await subject.backend.exists(sha256Hex(bigger))).toBe(false);
    });
  });
}

contract('memory', async () => {
  const backend = new MemoryBackend();
  return {
    backend,
    tamper: async (sha, bytes) => void backend.objects.set(sha, bytes),
    remove: async (sha) => void backend.objects.delete(sha),
  };
});

let dir: string;
contract('filesystem', async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sabt-files-'));
  const backend = new FsBackend(dir);
  return {
    backend,
    tamper: async (sha, bytes) => {
      chmodSync(backend.pathOf(sha), 0o640);
      writeFileSync(backend.pathOf(sha), bytes);
    },
    remove: async (sha) => rmSync(backend.pathOf(sha)),
  };
});

describe('the filesystem store on disk', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lays files out as ab/cd/<sha256>, read-only, and leaves no temporary file behind', async () => {
    const store = new FileStore(new FsBackend(dir), limits);
    const pdf = samplePdf('layout');
    const { sha256 } = await store.put(pdf, { purpose: 'certificate' });
    const file = path.join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    const st = statSync(file);
    expect(st.size).toBe(pdf.length);
    expect(st.mode & 0o222).toBe(0);
    expect(readdirSync(path.join(dir, '.tmp'))).toEqual([]);
  });
});

let s3: TestS3Server | undefined;
afterAll(async () => {
  await s3?.close();
});

contract('S3 (s3rver on a loopback port)', async () => {
  s3 = await startS3Server();
  const backend = new S3Backend(s3.settings);
  return {
    backend,
    // someone with write access to the bucket replaces the object
    tamper: async (sha, bytes) => {
      await backend.client.send(
        new PutObjectCommand({ Bucket: backend.bucket, Key: backend.key(sha), Body: bytes }),
      );
    },
    remove: async (sha) => {
      await backend.client.send(new DeleteObjectCommand({ Bucket: backend.bucket, Key: backend.key(sha) }));
    },
  };
});

describe('the S3 store in its bucket', () => {
  it('keys objects as <prefix>ab/cd/<sha256> with the verified content type', async () => {
    const backend = new S3Backend(s3!.settings);
    const store = new FileStore(backend, limits);
    const png = samplePng();
    const { sha256 } = await store.put(Buffer.concat([png]), { purpose: 'attachment' });
    expect(backend.key(sha256)).toBe(`files/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`);
    const listed = readdirSync(path.join(s3!.dir, s3!.settings.bucket), { recursive: true }).map(String);
    expect(listed.some((f) => f.includes(sha256))).toBe(true);
  });

  it('fails loudly, not silently, when the credentials are wrong', async () => {
    const store = new FileStore(new S3Backend({ ...s3!.settings, secretAccessKey: 'wrong' }), limits);
    await expect(store.put(samplePdf('denied'), { purpose: 'certificate' })).rejects.toThrow();
  });
});
