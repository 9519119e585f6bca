import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { S3Settings } from '../../config.ts';

/**
 * A real S3-compatible server for the tests: s3rver (the npm package `@20minutes/s3rver`, a
 * maintained fork of s3rver), on a free loopback port, its objects in a temporary directory. It
 * checks request signatures (v4) with its built-in account S3RVER / S3RVER.
 */

interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

export const S3RVER_PACKAGE = '@20minutes/s3rver';

/** The server package, a dev dependency of the server package: when missing, the S3 tests fail. */
function loadS3rver(): S3rverClass {
  return createRequire(import.meta.url)(S3RVER_PACKAGE) as S3rverClass;
}

export interface TestS3Server {
  settings: S3Settings;
  /** Where the server keeps the bucket's objects: `<dir>/<bucket>/<key>._S3rver_object`. */
  dir: string;
  close(): Promise<void>;
}

export async function startS3Server(bucket = 'sabt-test'): Promise<TestS3Server> {
  const S3rver = loadS3rver();
  const dir = mkdtempSync(path.join(tmpdir(), 'sabt-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  return {
    settings: {
      bucket,
      prefix: 'files/',
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    },
    dir,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
