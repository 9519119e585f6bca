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
