import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, mkdir, open, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileBackend } from './file-store.ts';

/**
 * Files in a directory: `<dir>/ab/cd/<sha256>`. A file is written to `<dir>/.tmp/`, flushed to
 * disk, made read-only and then hard-linked to its name: link() fails when the name exists, so a
 * stored file is never replaced, and a reader never sees half a file. The directory entry is
 * flushed too, so a file reported stored survives a power cut.
 */
export class FsBackend implements FileBackend {
  readonly name = 'fs';
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Where the file of this hash lives. */
  pathOf(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async read(sha256: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pathOf(sha256));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await stat(this.pathOf(sha256));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
  }

  /** A scratch file in `.tmp/` written, read back and removed: the directory is writable and readable. */
  async probe(): Promise<void> {
    const tmpDir = path.join(this.dir, '.tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `probe.${process.pid}.${randomBytes(6).toString('hex')}`);
    const bytes = randomBytes(32);
    try {
      await writeFile(tmp, bytes, { flag: 'wx' });
      if (!(await readFile(tmp)).equals(bytes))
        throw new Error(`${this.dir}: a file written reads back otherwise`);
    } finally {
      await unlink(tmp).catch(() => {});
    }
  }

  async create(sha256: string, bytes: Buffer): Promise<boolean> {
    const target = this.pathOf(sha256);
    if (await this.exists(sha256)) return false;
    const tmpDir = path.join(this.dir, '.tmp');
    await mkdir(tmpDir, { recursive: true });
    // the first directory mkdir made, if any: its parents' entries are flushed after the link
    const made = await mkdir(path.dirname(target), { recursive: true });
    const tmp = path.join(tmpDir, `${sha256}.${process.pid}.${randomBytes(6).toString('hex')}`);
    const fh = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o440);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    try {
      await link(tmp, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    } finally {
      await unlink(tmp).catch(() => {});
    }
    for (let d = path.dirname(target); ; d = path.dirname(d)) {
      await syncDir(d);
      if (!made || d === path.dirname(made) || path.dirname(d) === d) break;
    }
    return true;
  }
}

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, constants.O_RDONLY);
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
