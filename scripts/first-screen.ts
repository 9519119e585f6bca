import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What a page of the web build makes the browser load before its first screen: the entry script and
 * every <link rel="modulepreload"> of the page's HTML, each with its raw and gzip (level 9) size; and,
 * from Vite's manifest, what a lazily loaded screen adds on top. Read by scripts/bundle-size.mjs and
 * bench/portal-bench.ts. Only Node built-ins.
 */

export const WEB_DIST = join(import.meta.dirname, '../packages/web/dist');

export interface Sized {
  file: string;
  raw: number;
  gzip: number;
}

const sizes = new Map<string, Sized>();
export function sizeOf(dist: string, urlPath: string): Sized {
  const file = urlPath.replace(/^\//, '');
  const key = join(dist, file);
  let s = sizes.get(key);
  if (!s) {
    const buf = readFileSync(key);
    s = { file, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
    sizes.set(key, s);
  }
  return s;
}

/** The JavaScript `page` (index.html, portal.html) loads at once. */
export function firstScreen(page: string, dist = WEB_DIST): Sized[] {
  const path = join(dist, page);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build:web\` first`);
  const html = readFileSync(path, 'utf8');
  const attrs = (tagPattern: RegExp, attr: string) =>
    (html.match(tagPattern) ?? []).flatMap((tag) => new RegExp(`${attr}="([^"]+)"`).exec(tag)?.[1] ?? []);
  return [
    ...attrs(/<script\b[^>]*type="module"[^>]*>/g, 'src'),
    ...attrs(/<link\b[^>]*rel="modulepreload"[^>]*>/g, 'href'),
  ].map((f) => sizeOf(dist, f));
}

interface ManifestChunk {
  file: string;
  src?: string;
  imports?: string[];
  dynamicImports?: string[];
  isDynamicEntry?: boolean;
}

export function readManifest(dist = WEB_DIST): Record<string, ManifestChunk> | null {
  const path = join(dist, '.vite/manifest.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>) : null;
}

/**
 * The JavaScript a lazy screen (a manifest key: its source file) adds to what `loaded` (a first
 * screen's files) already brought.
 */
export function lazyExtra(
  manifest: Record<string, ManifestChunk>,
  key: string,
  loaded: readonly Sized[],
  dist = WEB_DIST,
): Sized[] {
  const have = new Set(loaded.map((s) => s.file));
  const seen = new Set<string>();
  const walk = (k: string) => {
    const chunk = manifest[k];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const dep of chunk.imports ?? []) walk(dep);
  };
  walk(key);
  return [...seen].filter((f) => !have.has(f) && f.endsWith('.js')).map((f) => sizeOf(dist, `/${f}`));
}

export const sum = (files: readonly Sized[], what: 'raw' | 'gzip' = 'gzip') =>
  files.reduce((n, f) => n + f[what], 0);
export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
