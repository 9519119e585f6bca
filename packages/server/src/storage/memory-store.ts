import type { FileBackend } from './file-store.ts';

/**
 * Files in memory, for an in-memory database (`SABT_DATA_DIR=memory://`, the tests): they live
 * exactly as long as that database does.
 */
export class MemoryBackend implements FileBackend {
  readonly name = 'memory';
  /** The stored bytes by hash, as they are: tests alter them here to play a damaged disk. */
  readonly objects = new Map<string, Buffer>();

  async read(sha256: string): Promise<Buffer | undefined> {
    const bytes = this.objects.get(sha256);
    return bytes ? Buffer.from(bytes) : undefined;
  }

  async exists(sha256: string): Promise<boolean> {
    return this.objects.has(sha256);
  }

  async create(sha256: string, bytes: Buffer): Promise<boolean> {
    if (this.objects.has(sha256)) return false;
    this.objects.set(sha256, Buffer.from(bytes));
    return true;
  }
}
