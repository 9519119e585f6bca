import { createHash } from 'node:crypto';
import { DomainError } from '../errors/domain-error.ts';
import type { FileKind, FilePurpose } from './purposes.ts';
import { checkFile } from './sniff.ts';

/**
 * Where the bytes live: a directory, an S3 bucket, or memory. A backend only reads and creates;
 * hashing, checks and verification are the FileStore's, the same for every backend.
 */
export interface FileBackend {
  /** 'fs', 's3' or 'memory', for logs and messages. */
  readonly name: string;
  /** The bytes stored under this hash, as they are (unverified), or undefined when there are none. */
  read(sha256: string): Promise<Buffer | undefined>;
  exists(sha256: string): Promise<boolean>;
  /**
   * Stores the bytes under their hash unless something is already stored there: never replaces.
   * Returns false when the name was taken (by an earlier or a concurrent write).
   */
  create(sha256: string, bytes: Buffer, contentType: string): Promise<boolean>;
  /** Writes a scratch file, reads it back and removes it (readiness); without it, FileStore.probe stores a fixed one. */
  probe?(): Promise<void>;
}

/** The file FileStore.probe stores (once) and reads back on a backend that cannot remove a scratch file. */
const PROBE_BYTES = Buffer.from('Sabt file store readiness probe\n');

export interface PutOptions {
  purpose: FilePurpose;
  /** A declared content type or the file's name, if the uploader gave one: refused when the content says otherwise. */
  claimed?: string | undefined;
  /** Overrides the purpose's size limit (moving files Sabt made itself). */
  maxBytes?: number | undefined;
}

export interface StoredFile {
  sha256: string;
  size: number;
  contentType: string;
  kind: FileKind;
  purpose: FilePurpose;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function assertSha256(sha256: string): void {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256 in lowercase hex: "${sha256}"`);
}

/** The stored bytes do not hash to their name: damaged or altered. Never served. */
export class FileDamagedError extends DomainError {
  readonly sha256: string;
  readonly actual: string;
  constructor(sha256: string, actual: string, backend: string) {
    super('internal', 'problem.file.damaged', {}, [], { sha256 });
    this.sha256 = sha256;
    this.actual = actual;
    this.message = `stored file ${sha256} (${backend}) does not match its hash: its bytes hash to ${actual}`;
  }
}

/** No file is stored under this hash. */
export class FileMissingError extends DomainError {
  readonly sha256: string;
  constructor(sha256: string, backend: string) {
    super('internal', 'problem.file.missing', {}, [], { sha256 });
    this.sha256 = sha256;
    this.message = `stored file ${sha256} (${backend}) is missing`;
  }
}

/**
 * Content-addressed file storage: a file is named by the SHA-256 of its bytes, written once and
 * never overwritten, and checked against its name whenever it is read. Files are checked on the
 * way in: size limit per purpose, kind read from the content.
 */
export class FileStore {
  readonly backend: FileBackend;
  readonly limits: Record<FilePurpose, number>;

  constructor(backend: FileBackend, limits: Record<FilePurpose, number>) {
    this.backend = backend;
    this.limits = limits;
  }

  /**
   * Checks the file for its purpose and stores it. Storing the same bytes again is a no-op (after
   * checking that what is stored under their hash is intact). Call it before the transaction that
   * inserts the rows naming the file, and record it there with recordStoredFile.
   */
  async put(bytes: Uint8Array, opts: PutOptions): Promise<StoredFile> {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const { kind, contentType } = await checkFile(
      buf,
      opts.purpose,
      opts.maxBytes ?? this.limits[opts.purpose],
      opts.claimed,
    );
    const sha256 = sha256Hex(buf);
    const created = await this.backend.create(sha256, buf, contentType);
    if (!created) await this.get(sha256); // already there: it must be these bytes, intact
    return { sha256, size: buf.length, contentType, kind, purpose: opts.purpose };
  }

  /** The file's bytes, verified against its hash: FileDamagedError rather than a wrong document. */
  async get(sha256: string): Promise<Buffer> {
    assertSha256(sha256);
    const bytes = await this.backend.read(sha256);
    if (!bytes) throw new FileMissingError(sha256, this.backend.name);
    const actual = sha256Hex(bytes);
    if (actual !== sha256) throw new FileDamagedError(sha256, actual, this.backend.name);
    return bytes;
  }

  /** Whether the store writes and reads back (the readiness check); throws what went wrong. */
  async probe(): Promise<void> {
    if (this.backend.probe) return this.backend.probe();
    const sha256 = sha256Hex(PROBE_BYTES);
    await this.backend.create(sha256, PROBE_BYTES, 'text/plain');
    await this.get(sha256);
  }

  async has(sha256: string): Promise<boolean> {
    assertSha256(sha256);
    return this.backend.exists(sha256);
  }
}
