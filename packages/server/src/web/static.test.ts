import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandler } from '../http/error-handler.ts';
import { webApp } from './static.ts';

const INDEX =
  '<!doctype html><html><body><div id="root"></div><script src="/assets/index-abc123.js"></script></body></html>';
const PORTAL =
  '<!doctype html><html lang="tg"><body><div id="root"></div><script src="/assets/portal-def456.js"></script></body></html>';

let dir: string;
let app: FastifyInstance;

async function appFor(root: string) {
  const a = Fastify();
  installErrorHandler(a);
  a.get('/api/v1/ping', async () => ({ ok: true }));
  await a.register(webApp, { root });
  await a.ready();
  return a;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sabt-web-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, '.vite'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'portal.html'), PORTAL);
  writeFileSync(join(dir, 'assets/index-abc123.js'), 'console.log("sabt")');
  writeFileSync(join(dir, 'assets/index-abc123.js.br'), brotliCompressSync('console.log("sabt")'));
  writeFileSync(join(dir, 'assets/index-abc123.js.gz'), gzipSync('console.log("sabt")'));
  writeFileSync(join(dir, 'assets/index-abc123.css'), 'body{}');
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\n');
  writeFileSync(join(dir, '.vite/manifest.json'), '{}');
  app = await appFor(dir);
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('serves index.html at / and asks the browser to revalidate it', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(INDEX);
  });

  it('serves hashed assets for a year, immutable, with the right type', async () => {
    const js = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const css = await app.inject({ method: 'GET', url: '/assets/index-abc123.css?v=1' });
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends the compressed copy the browser accepts, brotli first, else the file itself', async () => {
    const br = await app.inject({
      method: 'GET',
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe('console.log("sabt")');
    const gz = await app.inject({
      method: 'GET',
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({
      method: 'GET',
      url: '/assets/index-abc123.css',
      headers: { 'accept-encoding': 'br' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('body{}');
  });

  it('serves other files of the build, revalidated', async () => {
    const res = await app.inject({ method: 'GET', url: '/robots.txt' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers every app route with index.html (the browser routes)', async () => {
    for (const url of [
      '/sign-in',
      '/queues/drafts?page=2',
      '/records/0b6c7f3e-1111-4c2d-9e8f-123456789abc',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(INDEX);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it("answers the citizen portal's routes with portal.html, its own page and bundle", async () => {
    for (const url of ['/portal', '/portal/', '/portal/services/birth', '/portal/fees?service=EXTRACT']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(PORTAL);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    // a staff path that merely begins with the same letters is the staff app's
    expect((await app.inject({ method: 'GET', url: '/portals' })).body).toBe(INDEX);
  });

  it('keeps unknown /api paths as problem+json 404s and leaves the API alone', async () => {
    for (const url of ['/api/v1/nothing-here', '/api/nothing', '/api']) {
      const res = await app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(res.json().title, url).toBe('Not found.');
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/ping' })).json()).toEqual({ ok: true });
  });

  it('gives a 404, not HTML, for a missing asset', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-gone.js' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('never serves dot-files or anything outside the build', async () => {
    for (const url of [
      '/.vite/manifest.json',
      '/..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/a/../../x',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(INDEX);
    }
  });

  it('answers HEAD like GET, and other methods with a problem+json 404', async () => {
    const head = await app.inject({ method: 'HEAD', url: '/queues/drafts' });
    expect(head.statusCode).toBe(200);
    const post = await app.inject({ method: 'POST', url: '/queues/drafts', payload: {} });
    expect(post.statusCode).toBe(404);
    expect(post.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('says to run `npm run build:web` when the app is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'sabt-web-empty-'));
    const bare = await appFor(join(empty, 'dist'));
    try {
      const res = await bare.inject({ method: 'GET', url: '/' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('npm run build:web');
      const api = await bare.inject({ method: 'GET', url: '/api/v1/nope' });
      expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
