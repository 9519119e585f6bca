import type { FileStorageConfig } from '../config.ts';
import { FileStore } from './file-store.ts';
import { FsBackend } from './fs-store.ts';
import { MemoryBackend } from './memory-store.ts';
import { S3Backend } from './s3-store.ts';

/** The file store the configuration names: a directory, an S3 bucket, or memory beside an in-memory database. */
export function openFileStore(files: FileStorageConfig): FileStore {
  const backend =
    files.store === 's3'
      ? new S3Backend(files.s3)
      : files.store === 'memory'
        ? new MemoryBackend()
        : new FsBackend(files.dir);
  return new FileStore(backend, files.limits);
}
