#!/usr/bin/env node
// Sums the gzip sizes of the JavaScript that the built web app's index.html loads at once
// (the entry script and every <link rel="modulepreload">) and prints it.
// With the build's manifest it also prints what each lazy screen adds on top.
//
//   node scripts/bundle-size.mjs [--max-kb 300]     (exit code 1 when the first screen is over budget)
//
// Only Node built-ins are used. Run `npm run build:web` first.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'packages/web/dist');
const { values } = parseArgs({ options: { 'max-kb': { type: 'string', default: '300' } } });
const budgetKb = Number(values['max-kb']);

const indexPath = join(DIST, 'index.html');
if (!existsSync(indexPath)) {
  console.error('packages/web/dist/index.html is missing: run `npm run build:web` first');
  process.exit(2);
}
const html = readFileSync(indexPath, 'utf8');

/** Attribute value of every tag matching `tagPattern`. */
function attrs(tagPattern, attr) {
  const out = [];
  for (const tag of html.match(tagPattern) ?? []) {
    const m = new RegExp(`${attr}="([^"]+)"`).exec(tag);
    if (m?.[1]) out.push(m[1]);
  }
  return out;
}

const initial = [
  ...attrs(/<script\b[^>]*type="module"[^>]*>/g, 'src'),
  ...attrs(/<link\b[^>]*rel="modulepreload"[^>]*>/g, 'href'),
];

const sizes = new Map();
function size(urlPath) {
  if (!sizes.has(urlPath)) {
    const buf = readFileSync(join(DIST, urlPath.replace(/^\//, '')));
    sizes.set(urlPath, { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
  }
  return sizes.get(urlPath);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

console.log('first screen (index.html: entry + modulepreload):');
let total = 0;
let totalRaw = 0;
for (const file of initial) {
  const s = size(file);
  total += s.gzip;
  totalRaw += s.raw;
  console.log(`  ${file.padEnd(44)} ${kb(s.raw).padStart(10)} raw ${kb(s.gzip).padStart(10)} gzip`);
}
console.log(`  ${'total'.padEnd(44)} ${kb(totalRaw).padStart(10)} raw ${kb(total).padStart(10)} gzip`);

// What each lazy screen loads on top of that, from Vite's manifest (when the build wrote one).
const manifestPath = join(DIST, '.vite/manifest.json');
if (existsSync(manifestPath)) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const loaded = new Set(initial.map((f) => f.replace(/^\//, '')));
  const closure = (key, seen = new Set()) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return seen;
    seen.add(chunk.file);
    for (const dep of chunk.imports ?? []) closure(dep, seen);
    return seen;
  };
  console.log('\nlazy screens (JavaScript added on top of the first screen, gzip):');
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isDynamicEntry) continue;
    const extra = [...closure(key)].filter((f) => !loaded.has(f) && f.endsWith('.js'));
    const bytes = extra.reduce((sum, f) => sum + size(`/${f}`).gzip, 0);
    console.log(`  ${key.padEnd(44)} +${kb(bytes).padStart(9)}  (first screen + this: ${kb(total + bytes)})`);
  }
}

console.log(`\nfirst-screen JavaScript: ${kb(total)} gzipped (budget ${budgetKb} KB)`);
if (total > budgetKb * 1024) {
  console.error(`over budget by ${kb(total - budgetKb * 1024)}`);
  process.exit(1);
}
