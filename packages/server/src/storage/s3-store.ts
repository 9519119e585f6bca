import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import type { S3Settings } from '../config.ts';
import type { FileBackend } from './file-store.ts';

/**
 * Files in an S3-compatible bucket: `<prefix>ab/cd/<sha256>`. A file is uploaded only when no object
 * has its name (a HEAD first, then `If-None-Match: *`, which S3 and most compatible servers
 * honour), with its SHA-256 for the server to check the upload against.
 */
export class S3Backend implements FileBackend {
  readonly name = 's3';
  readonly client: S3Client;
  readonly bucket: string;
  readonly prefix: string;

  constructor(settings: S3Settings, client?: S3Client) {
    this.bucket = settings.bucket;
    this.prefix = settings.prefix;
    this.client = client ?? new S3Client(clientConfig(settings));
  }

  key(sha256: string): string {
    return `${this.prefix}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  async read(sha256: string): Promise<Buffer | undefined> {
    try {
      const res = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) }),
      );
      if (!res.Body) return undefined;
      return Buffer.from(await res.Body.transformToByteArray());
    } catch (e) {
      if (notFound(e)) return undefined;
      throw e;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) }));
      return true;
    } catch (e) {
      if (notFound(e)) return false;
      throw e;
    }
  }

  async create(sha256: string, bytes: Buffer, contentType: string): Promise<boolean> {
    if (await this.exists(sha256)) return false;
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.key(sha256),
          Body: bytes,
          ContentType: contentType,
          ContentLength: bytes.length,
          ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
          IfNoneMatch: '*',
        }),
      );
      return true;
    } catch (e) {
      // 412: the name was taken meanwhile; 409: a concurrent upload of the same name
      const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 412 || status === 409) return false;
      throw e;
    }
  }
}

function notFound(e: unknown): boolean {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata?.httpStatusCode === 404;
}

/** The S3 client for the settings: static credentials when given, else the SDK's usual sources. */
export function clientConfig(s: S3Settings): S3ClientConfig {
  return {
    region: s.region,
    forcePathStyle: s.forcePathStyle,
    ...(s.endpoint ? { endpoint: s.endpoint } : {}),
    ...(s.accessKeyId && s.secretAccessKey
      ? { credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey } }
      : {}),
    // Sabt checks every file against its SHA-256 itself; the SDK's own CRC checksums (and the
    // chunked uploads they bring) are left to servers that require them, which not all
    // S3-compatible servers understand.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // a store that does not answer must not hold a certificate's transaction for ever
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
    maxAttempts: 3,
  };
}
