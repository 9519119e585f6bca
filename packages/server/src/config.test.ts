import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('the public address printed on certificates', () => {
  it('follows the port Sabt listens on when it is not set', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PORT: '3100' }).publicUrl).toBe('http://localhost:3100');
  });

  it('is the configured address, without a trailing slash', () => {
    expect(loadConfig({ PORT: '3100', SABT_PUBLIC_URL: 'https://sabt.tj/' }).publicUrl).toBe(
      'https://sabt.tj',
    );
  });

  it('refuses what is not an http(s) address', () => {
    expect(() => loadConfig({ SABT_PUBLIC_URL: 'sabt.tj' })).toThrow(
      /SABT_PUBLIC_URL must be an http\(s\) URL/,
    );
  });
});

describe('the read replica', () => {
  it('is a replica of DATABASE_URL: refused without it', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://replica/sabt' })).toThrow(
      /DATABASE_READ_URL needs DATABASE_URL/,
    );
    const config = loadConfig({
      DATABASE_URL: 'postgres://primary/sabt',
      DATABASE_READ_URL: 'postgres://replica/sabt',
      SABT_FILES_DIR: '/tmp/files',
    });
    expect(config.databaseReadUrl).toBe('postgres://replica/sabt');
    expect(config.readMaxLagSeconds).toBe(10);
  });

  it('is unset by default: the primary reads', () => {
    expect(loadConfig({}).databaseReadUrl).toBeUndefined();
  });

  it('refuses a lag bound below one second', () => {
    expect(() => loadConfig({ SABT_READ_MAX_LAG_SECONDS: '0' })).toThrow(/SABT_READ_MAX_LAG_SECONDS/);
  });
});
