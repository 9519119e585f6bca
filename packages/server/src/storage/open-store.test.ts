import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, variablesHelp } from '../config.ts';
import { FsBackend } from './fs-store.ts';
import { MemoryBackend } from './memory-store.ts';
import { openFileStore } from './open-store.ts';
import { S3Backend } from './s3-store.ts';

/** Which store the configuration names. */

describe('the file store of the configuration', () => {
  it('is a directory under the data directory by default', () => {
    const config = loadConfig({ SABT_DATA_DIR: '/var/lib/sabt' });
    expect(config.files).toMatchObject({ store: 'fs', dir: '/var/lib/sabt/files' });
    const store = openFileStore(config.files);
    expect(store.backend).toBeInstanceOf(FsBackend);
    expect((store.backend as FsBackend).dir).toBe('/var/lib/sabt/files');
  });

  it('is the directory SABT_FILES_DIR names, when it names one', () => {
    const config = loadConfig({ SABT_DATA_DIR: 'memory://', SABT_FILES_DIR: 'files-here' });
    expect(config.files).toMatchObject({ store: 'fs', dir: path.resolve('files-here') });
  });

  it('is in memory beside an in-memory database, and refused beside a real one', () => {
    const config = loadConfig({ SABT_DATA_DIR: 'memory://' });
    expect(config.dataDir).toBe('memory://');
    expect(config.files.store).toBe('memory');
    expect(openFileStore(config.files).backend).toBeInstanceOf(MemoryBackend);
    expect(() => loadConfig({ SABT_DATA_DIR: 'memory://', DATABASE_URL: 'postgres://db/sabt' })).toThrow(
      /SABT_FILES_DIR is required/,
    );
  });

  it('is an S3 bucket with SABT_STORAGE=s3', () => {
    const config = loadConfig({
      SABT_STORAGE: 's3',
      SABT_S3_BUCKET: 'registry-files',
      SABT_S3_PREFIX: '/sabt/prod',
      SABT_S3_ENDPOINT: 'http://127.0.0.1:9000',
      SABT_S3_ACCESS_KEY_ID: 'key',
      SABT_S3_SECRET_ACCESS_KEY: 'secret',
      SABT_S3_FORCE_PATH_STYLE: 'true',
    });
    expect(config.files.store).toBe('s3');
    expect(config.files.s3).toEqual({
      bucket: 'registry-files',
      prefix: 'sabt/prod/',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
    const backend = openFileStore(config.files).backend as S3Backend;
    expect(backend).toBeInstanceOf(S3Backend);
    expect(backend.key('ab'.repeat(32))).toBe(`sabt/prod/ab/ab/${'ab'.repeat(32)}`);
    expect(loadConfig({ SABT_STORAGE: 's3', SABT_S3_BUCKET: 'b', SABT_S3_PREFIX: '/' }).files.s3.prefix).toBe(
      '',
    );
  });

  it('refuses settings that cannot work, saying which', () => {
    expect(() => loadConfig({ SABT_STORAGE: 's3' })).toThrow(/SABT_S3_BUCKET is required/);
    expect(() => loadConfig({ SABT_STORAGE: 'ftp' })).toThrow(/SABT_STORAGE must be fs or s3/);
    expect(() =>
      loadConfig({ SABT_STORAGE: 's3', SABT_S3_BUCKET: 'b', SABT_S3_ENDPOINT: 'minio:9000' }),
    ).toThrow(/SABT_S3_ENDPOINT must be an http\(s\) URL/);
    expect(() => loadConfig({ SABT_FILE_LIMITS_MB: 'scan=-1' })).toThrow(/SABT_FILE_LIMITS_MB/);
  });

  it('is described by `sabt --help`', () => {
    const help = variablesHelp();
    for (const name of [
      'SABT_STORAGE',
      'SABT_FILES_DIR',
      'SABT_FILE_LIMITS_MB',
      'SABT_S3_BUCKET',
      'SABT_S3_PREFIX',
      'SABT_S3_ENDPOINT',
      'SABT_S3_REGION',
      'SABT_S3_ACCESS_KEY_ID',
      'SABT_S3_SECRET_ACCESS_KEY',
      'SABT_S3_FORCE_PATH_STYLE',
    ]) {
      expect(help).toContain(name);
    }
  });
});
